import Foundation
import HallModel
import Queue

/// The supervisor's screen against the hall database, for the signed-in supervisor: loads `supervisorView(by:)`
/// (one read transaction; a person without `superviseHall` is refused there), the case screen's desk (the case
/// drill-down draws `CaseDetailSheet` with it), and the open line's tickets; performs the screen's actions through
/// the `HallDatabase` writes the CLI uses; reloads when another process committed (`PRAGMA data_version`).
public struct SupervisorScreenModel {
    public let database: HallDatabase
    public let actor: Actor
    public private(set) var desk: CasesDesk
    private var lastVersion: Int?

    public init(database: HallDatabase, actor: Actor) throws {
        self.database = database
        self.actor = actor
        try database.authorize(.superviseHall, by: actor)
        desk = try CasesScreenModel.desk(database: database, me: try database.caseActor(actor))
    }

    /// The view; the version is read first, so a write that lands during the load is loaded again.
    public mutating func load() throws -> SupervisorView {
        lastVersion = try database.dataVersion()
        desk.today = try CivilDate(parsing: database.today())
        return try database.supervisorView(by: actor)
    }

    public mutating func start() throws -> SupervisorScreen { SupervisorScreen(view: try load(), desk: desk) }

    /// When another process committed: a fresh view (and the open drill-down's data). Returns whether it changed.
    public mutating func poll(_ screen: inout SupervisorScreen) throws -> Bool {
        guard try database.dataVersion() != lastVersion else { return false }
        try reload(&screen)
        return true
    }

    private mutating func reload(_ screen: inout SupervisorScreen) throws {
        do {
            screen.update(try load(), desk: desk)
            switch screen.mode {
            case .line(let prefix): screen.apply(.line(prefix, try database.lineTickets(prefix: prefix)))
            case .caseDetail(let number): screen.apply(.caseDetail(try database.caseDetail(number: number)))
            case .review(let number): screen.apply(.review(try database.rectification(number: number, by: actor)))
            case .complaint(let number): screen.apply(.complaint(try database.complaint(number: number)))
            case .hall, .window: break
            }
        } catch {
            lastVersion = nil  // the next poll tries again; the view on screen stays
            throw error
        }
    }

    public mutating func apply(_ effect: SupervisorScreen.Effect, to screen: inout SupervisorScreen) throws -> LoopControl {
        switch effect {
        case .quit, .signOut:
            return .quit
        case .openLine(let prefix): try open({ .line(prefix, try database.lineTickets(prefix: prefix)) }, on: &screen)
        case .openCase(let number): try open({ .caseDetail(try database.caseDetail(number: number)) }, on: &screen)
        case .openReview(let number): try open({ .review(try database.rectification(number: number, by: actor)) }, on: &screen)
        case .openComplaint(let number): try open({ .complaint(try database.complaint(number: number)) }, on: &screen)
        case .act(let action):
            do {
                try perform(action)
                screen.apply(.done(UIText.superviseDone(action)))
            } catch let error as UserFacingError {
                // Refused: nothing was written, the view stands.
                screen.apply(.refused(error.message))
                return .keepRunning
            }
            // Our own commit does not move this connection's data_version: reload now.
            try reload(&screen)
        }
        return .keepRunning
    }

    /// A drill-down's read: shown, or refused with its message on the status row (the view stays).
    private func open(_ read: () throws -> SupervisorScreen.Result, on screen: inout SupervisorScreen) throws {
        do { screen.apply(try read()) } catch let error as UserFacingError { screen.apply(.refused(error.message)) }
    }

    /// The write of an action, as the CLI makes it (`desk ticket cancel`, `desk line close`, `desk window close`…).
    func perform(_ action: SupervisorScreen.Action) throws {
        switch action {
        case .cancelTicket(let code): _ = try database.cancel(code: code, by: actor)
        case .reopenTicket(let code): _ = try database.reopen(code: code, by: actor)
        case .openLine(let prefix): try database.setLineOpen(prefix, true, by: actor)
        case .closeLine(let prefix): try database.setLineOpen(prefix, false, by: actor)
        case .closeWindow(let id): _ = try database.closeWindow(id, by: actor)
        case .resumeWindow(let id): _ = try database.resumeWindow(id, by: actor)
        case .moveTicket(let code, let prefix): _ = try database.moveTicket(code: code, toLine: prefix, by: actor)
        case .setWindowLines(let id, let text): _ = try database.setWindowProfile(window: id, lines: try WindowProfileText.parse(text), by: actor)
        case .setWindowFilter(let id, let filter): _ = try database.setWindowProfile(window: id, lines: nil, filter: filter, by: actor)
        case .sendMessage(let target, let text): _ = try database.sendWindowMessage(to: target, text: text, by: actor)
        case .logVisit(let n, let how, let reached, let said): _ = try database.logFollowUp(rectification: n, how: how, reached: reached, said: said, by: actor)
        case .closeReview(let n, let outcome, let note): _ = try database.closeRectification(n, outcome: outcome, note: note, by: actor)
        case .extendReview(let n, let reason): _ = try database.extendRectification(n, reason: reason, by: actor)
        case .decideAppeal(let n, let upheld, let note): _ = try database.decideRatingAppeal(n, upheld: upheld, note: note, by: actor)
        case .assignComplaint(let n, let handler, let unit): _ = try database.assignComplaint(number: n, to: handler, unit: unit, by: actor)
        case .answerComplaint(let n, let reply): _ = try database.answerComplaint(number: n, reply: reply, by: actor)
        case .closeComplaint(let n, let satisfaction): _ = try database.closeComplaint(number: n, satisfaction: satisfaction, by: actor)
        }
    }
}

/// `desk supervise` on a terminal, from sign-in to quit (`PersonScreenSession`), as `desk cases`.
public typealias SupervisorScreenSession = PersonScreenSession<SupervisorScreenModel>

extension SupervisorScreenModel: PersonScreenModel {
    public static var signInTitle: Bilingual { UIText.superviseSignInTitle }
    public static func isSignOut(_ effect: SupervisorScreen.Effect) -> Bool { effect == .signOut }
}
