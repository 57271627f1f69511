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
}
