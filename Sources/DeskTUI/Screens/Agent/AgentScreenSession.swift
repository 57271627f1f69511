import HallModel
import Queue

/// `desk agent` on a terminal, from sign-in to quit (`PersonScreenSession`), as `desk cases`: the agent's screen for
/// the person signed in (an agent, or a supervisor watching the team), the sign-in form "代办员 · 签到" otherwise.
public typealias AgentScreenSession = PersonScreenSession<AgentScreenModel>

extension AgentScreenModel: PersonScreenModel {
    public static var signInTitle: Bilingual { UIText.agentSignInTitle }
    public static func isSignOut(_ effect: AgentScreen.Effect) -> Bool { effect == .signOut }
}
