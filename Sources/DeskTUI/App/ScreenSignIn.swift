import Foundation
import HallModel
import Queue

/// What a submitted `SignInForm` comes to, the same on every screen: the bound account's own number with no password
/// is that account; anything else is checked by `HallDatabase.authenticate(staff:password:at:)`, which records the
/// attempt and applies the lockout (`lockout_attempts`, `lockout_minutes`). A refusal is the engine's message
/// (wrong number or password, locked until …, no password set), in both languages.
public enum ScreenSignIn {
    public enum Outcome: Sendable, Equatable {
        case signedIn(Actor)
        case refused(Bilingual)
    }

    public static func check(staff: String, password: String, bound: Actor?, database: HallDatabase, at terminal: Terminal) -> Outcome {
        do {
            if let bound, bound.staffID == staff.uppercased(), password.isEmpty { return .signedIn(bound) }
            return .signedIn(try database.authenticate(staff: staff, password: password, at: terminal))
        } catch let error as UserFacingError {
            return .refused(error.message)
        } catch {
            return .refused(HallDatabaseError.message(for: error))
        }
    }

    /// The shared sign-in form (`SignInScreen`) under `title` until someone signs in (their actor) or quits (nil): the
    /// screens that open for a person (`desk cases`, `desk agent`) ask with it.
    public static func form<T: TerminalBackend>(on backend: T, language: Language, title: Bilingual, bound: Actor?, database: HallDatabase,
                                                terminal: Terminal, staff: String, status: (text: Bilingual, isError: Bool)?,
                                                pollInterval: Duration, clock: @escaping @Sendable () -> Date) throws -> Actor? {
        var person: Actor?
        let screen = SignInScreen(title: title, boundStaffID: bound?.staffID, staff: staff, status: status)
        var loop = RunLoop(screen: screen, terminal: backend, language: language, pollInterval: pollInterval, clock: clock)
        try loop.run(watch: { _ in false }, perform: { effect, screen in
            switch effect {
            case .quit: return .quit
            case .signIn(let staff, let password):
                switch check(staff: staff, password: password, bound: bound, database: database, at: terminal) {
                case .signedIn(let actor):
                    person = actor
                    return .quit
                case .refused(let why):
                    screen.refused(why)
                    return .keepRunning
                }
            }
        })
        return person
    }
}
