import Foundation
import HallModel
import Queue

/// A screen that opens for one signed-in person and shows them their own desk (`desk cases`, `desk agent`): its
/// model, built for the person, performs the screen's effects and reloads it when another process commits.
public protocol PersonScreenModel {
    associatedtype Shown: Screen
    /// The sign-in form's title ("办件 · 签到").
    static var signInTitle: Bilingual { get }
    /// Whether the effect is the list's sign-out (`o`).
    static func isSignOut(_ effect: Shown.Effect) -> Bool
    init(database: HallDatabase, actor: Actor) throws
    var desk: CasesDesk { get }
    mutating func start() throws -> Shown
    mutating func poll(_ screen: inout Shown) throws -> Bool
    mutating func apply(_ effect: Shown.Effect, to screen: inout Shown) throws -> LoopControl
}

/// Such a screen on a terminal, from sign-in to quit. The person given (the bound account, or `--staff` with a
/// password) opens the screen at once; otherwise the shared sign-in form (`ScreenSignIn.form`, the window screen's
/// form) asks for a staff number and a password, with the window's checks, messages and lockout. `o` on the list
/// signs out: the form comes back for the next person. A person the screen is not for (the model refuses them) gets
/// the form again, saying why. Quitting either screen ends the session.
public struct PersonScreenSession<Model: PersonScreenModel> {
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
                guard let signedIn = try ScreenSignIn.form(on: backend, language: language, title: Model.signInTitle, bound: bound,
                                                            database: database, terminal: terminal, staff: prefill, status: status,
                                                            pollInterval: pollInterval, clock: clock) else { return }
                person = signedIn
            }
            var model: Model
            let opening: Model.Shown
            do {
                model = try Model(database: database, actor: person)
                opening = try model.start()
            } catch let error as UserFacingError {
                // Signed in, but the screen is not theirs (a role without it): the form again, saying why.
                status = (error.message, true)
                prefill = ""
                continue
            }
            var loop = RunLoop(screen: opening, terminal: backend, language: language, pollInterval: pollInterval, clock: clock)
            loop.changes = database.changeSignal()
            var signedOut = false
            try loop.run(watch: { screen in try model.poll(&screen) },
                         perform: { effect, screen in
                             if Model.isSignOut(effect) { signedOut = true }
                             return try model.apply(effect, to: &screen)
                         })
            guard signedOut else { return }
            status = (UIText.casesSignedOut(model.desk.staffName), false)
            prefill = ""
        }
    }
}
