import Foundation
import HallModel
import Queue

/// The case screen against the hall database, for the signed-in person: loads the desk (who, the day, the calendar,
/// the catalog's departments and items) and the list for the screen's query, performs its effects (every action
/// through `HallDatabase.act(onCase:_:by:)`, the write the CLI uses) and reloads when another process committed
/// (`PRAGMA data_version`, woken by the commit signal). It reads the screen, and hands it views and results.
public struct CasesScreenModel {
    public let database: HallDatabase
    public let actor: Actor
    public private(set) var desk: CasesDesk
    /// What the view on screen was loaded for.
    public private(set) var query = CasesQuery()
    private var openNumber: String?
    private var lastVersion: Int?

    public init(database: HallDatabase, actor: Actor) throws {
        self.database = database
        self.actor = actor
        desk = try Self.desk(database: database, me: try database.caseActor(actor))
    }

    /// The desk of `me` (who, the day, the calendar, the catalog's departments and items): the case screen's, and the
    /// agent's screen's (a job's case reads there as it does here).
    public static func desk(database: HallDatabase, me: CaseActor) throws -> CasesDesk {
        let catalog = try database.catalog()
        return CasesDesk(me: me, staffName: try database.staffMember(me.staffID).name,
                         timeZone: try database.settings().businessCalendar.timeZone, today: try CivilDate(parsing: database.today()),
                         calendar: try database.workingCalendar(), departments: catalog.departments,
                         items: catalog.items.map { CasesItemChoice(code: $0.implementationCode, name: $0.name, departmentCode: $0.departmentCode) },
                         search: DeferredCatalogSearch(catalog))
    }

    /// The sweep when the screen opens (docs/cases.md): the whole sweep for a role that may run it (supervisor,
    /// system), else the art. 32 conversion of overdue pending intakes for a role that may (clerk); for anyone else
    /// (a reviewer, an approver) nothing: the list is read as the last sweep left it. Idempotent. Returns what it
    /// did, for the status line, or nil when it did nothing.
    public func sweepOnOpening() throws -> Bilingual? {
        try database.sweepAsAScreenOpens(by: actor).map { UIText.casesSwept(converted: $0.converted.count, steps: $0.steps.count, flagged: $0.flagged.count) }
    }

    /// The view for the current query (and the open case). The version is read first, so a write that lands during
    /// the load is loaded again.
    public mutating func load() throws -> CasesView {
        lastVersion = try database.dataVersion()
        desk.today = try CivilDate(parsing: database.today())
        let entries = try database.cases(query.filter(for: desk.me))
        let detail = try openNumber.map { try database.caseDetail(number: $0) }
        return CasesView(desk: desk, query: query, entries: entries, detail: detail)
    }

    /// The first screen: the sweep's message (if any) in its status line.
    public mutating func start() throws -> CasesScreen {
        let swept = try sweepOnOpening()
        return CasesScreen(view: try load(), status: swept)
    }

    /// When another process committed: a fresh view. Returns whether the screen changed.
    public mutating func poll(_ screen: inout CasesScreen) throws -> Bool {
        guard try database.dataVersion() != lastVersion else { return false }
        try reload(&screen)
        return true
    }

    private mutating func reload(_ screen: inout CasesScreen) throws {
        query = screen.view.query
        openNumber = screen.detail?.record.number
        do {
            screen.update(try load(), at: database.clock.now)
        } catch {
            lastVersion = nil  // the next poll tries again; the view on screen stays
            throw error
        }
    }

    /// Performs one effect and hands its result to the screen. A refusal (a rule, a permission, a case gone) goes to
    /// the status line in the user's language; nothing is written.
    public mutating func apply(_ effect: CasesScreen.Effect, to screen: inout CasesScreen) throws -> LoopControl {
        switch effect {
        case .quit, .signOut:
            return .quit
        case .reload:
            try reload(&screen)
        case .open(let number):
            do {
                let detail = try database.caseDetail(number: number)
                openNumber = number
                screen.apply(.detail(detail), at: database.clock.now)
            } catch let error as UserFacingError {
                screen.apply(.refused(error.message), at: database.clock.now)
            }
        case .act(let number, let action):
            do {
                let record = try database.act(onCase: number, action, by: actor)
                screen.apply(.acted(action.kind, record), at: database.clock.now)
            } catch let error as UserFacingError {
                screen.apply(.refused(error.message), at: database.clock.now)
            }
            // Our own commit does not move this connection's data_version: reload now.
            try reload(&screen)
        }
        return .keepRunning
    }
}
