import HallModel
import Queue

/// `desk cases` on a terminal, from sign-in to quit (`PersonScreenSession`): the case screen for the person signed in,
/// the sign-in form "办件 · 签到" otherwise.
public typealias CasesScreenSession = PersonScreenSession<CasesScreenModel>

extension CasesScreenModel: PersonScreenModel {
    public static var signInTitle: Bilingual { UIText.casesSignInTitle }
    public static func isSignOut(_ effect: CasesScreen.Effect) -> Bool { effect == .signOut }
}
