import Foundation
import HallModel
import Queue

/// `desk cases` on a terminal, from sign-in to quit. The person given (the bound account, or `--staff` with a password)
/// opens the case screen at once; otherwise the shared sign-in form (`SignInScreen`, the window screen's form) asks
/// for a staff number and a password, with the window's checks, messages and lockout (`ScreenSignIn.check`). `o` on the
/// list signs out: the form comes back for the next person. Quitting either screen ends the session.
public struct CasesScreenSession {
    public let database: HallDatabase
    /// The person bound to this OS account: their number signs in without a password.
    public let bound: Actor?
    /// The terminal the sign-ins are recorded at.
    public var terminal: Terminal = .cli
    public var pollInterval: Duration = .milliseconds(250)

    public init(database: HallDatabase, bound: Actor?) {
        self.database = database; self.bound = bound
    }

    /// Runs until the person quits or the terminal has no more input. As the window screen starts: the bound account
    /// (when no other `staff` is named) or `staff` with `password` signs in at once; otherwise the form, with `staff`
    /// filled in and a refused password's message.
    public func run<T: TerminalBackend>(on backend: T, language: Language, staff: String? = nil, password: String? = nil) throws {
        let clock: @Sendable () -> Date = { [database] in database.clock.now }
        var next: Actor?
        var status: (text: Bilingual, isError: Bool)?
        var prefill = staff?.uppercased() ?? ""
        if let bound, staff == nil || staff?.uppercased() == bound.staffID {
            next = bound
        } else if let staff, let password {
            switch ScreenSignIn.check(staff: staff, password: password, bound: bound, database: database, at: terminal) {
            case .signedIn(let person): next = person
            case .refused(let why): status = (why, true)
            }
        }
        while true {
            let person: Actor
            if let given = next {
                person = given
                next = nil
            } else {
                guard let signedIn = try signIn(on: backend, language: language, staff: prefill, status: status, clock: clock) else { return }
                person = signedIn
            }
            var model: CasesScreenModel
            let opening: CasesScreen
            do {
                model = try CasesScreenModel(database: database, actor: person)
                opening = try model.start()
            } catch let error as UserFacingError {
                // Signed in, but the case screen is not theirs (a role without it): the form again, saying why.
                status = (error.message, true)
                prefill = ""
                continue
            }
            var loop = RunLoop(screen: opening, terminal: backend, language: language, pollInterval: pollInterval, clock: clock)
            loop.changes = database.changeSignal()
            var signedOut = false
            try loop.run(watch: { screen in try model.poll(&screen) },
                         perform: { effect, screen in
                             if effect == .signOut { signedOut = true }
                             return try model.apply(effect, to: &screen)
                         })
            guard signedOut else { return }
            status = (UIText.casesSignedOut(model.desk.staffName), false)
            prefill = ""
        }
    }

    /// The sign-in form until someone signs in (their actor) or quits (nil).
    private func signIn<T: TerminalBackend>(on backend: T, language: Language, staff: String,
                                            status: (text: Bilingual, isError: Bool)?, clock: @escaping @Sendable () -> Date) throws -> Actor? {
        var person: Actor?
        let screen = SignInScreen(title: UIText.casesSignInTitle, boundStaffID: bound?.staffID, staff: staff, status: status)
        var loop = RunLoop(screen: screen, terminal: backend, language: language, pollInterval: pollInterval, clock: clock)
        try loop.run(watch: { _ in false }, perform: { effect, screen in
            switch effect {
            case .quit: return .quit
            case .signIn(let staff, let password):
                switch ScreenSignIn.check(staff: staff, password: password, bound: bound, database: database, at: terminal) {
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
