import Foundation
import HallModel
import Queue

/// The agent's screen against the hall database, for the signed-in person: loads the desk (as the case screen does),
/// the jobs of the scope the person may see (`AgentJobScope.allowed`: an agent their own, a supervisor every agent's
/// or one's), their inbox (an agent), and the open job; performs the effects (marking the inbox seen is the store's
/// write, `markAgentInboxSeen`) and reloads when another process committed (`PRAGMA data_version`).
public struct AgentScreenModel {
    public let database: HallDatabase
    public let actor: Actor
    public private(set) var desk: CasesDesk
    public private(set) var scope: AgentJobScope
    private var openNumber: String?
    private var lastVersion: Int?

    public init(database: HallDatabase, actor: Actor) throws {
        self.database = database
        self.actor = actor
        let me = try database.caseActor(actor)
        guard me.roles.contains(.agent) || me.roles.contains(.supervisor) else {
            // The screen is an agent's (and a supervisor's, watching the team).
            throw AgentError.notAnAgent(me.staffID)
        }
        desk = try CasesScreenModel.desk(database: database, me: me)
        scope = AgentJobScope.allowed(for: me, requested: me.roles.contains(.agent) ? me.staffID : nil)
    }

    /// The view for the current scope (and the open job). The version is read first, so a write that lands during
    /// the load is loaded again.
    public mutating func load() throws -> AgentView {
        lastVersion = try database.dataVersion()
        desk.today = try CivilDate(parsing: database.today())
        let jobs = try database.agentJobs(scope)
        let inbox = desk.me.roles.contains(.agent) ? try database.agentInbox(agent: desk.me.staffID) : nil
        let agents = desk.me.roles.contains(.supervisor) ? try database.agentIDs() : []
        let detail = try openNumber.flatMap { number in try jobs.first { $0.job.number == number }.map { try jobDetail($0) } }
        return AgentView(desk: desk, scope: scope, jobs: jobs, inbox: inbox, agents: agents, detail: detail)
    }

    /// The job with its case, its ledger and contact log, and what its handover form offers.
    private func jobDetail(_ entry: AgentJobEntry) throws -> AgentJobDetail {
        let caseDetail = try entry.caseRecord.map { try database.caseDetail(number: $0.number) }
        let materials = try caseDetail.map { $0.materials.map(\.name) } ?? database.item(code: entry.job.itemCode)?.materials.map(\.name) ?? []
        return AgentJobDetail(entry: entry, caseDetail: caseDetail, ledger: try database.materialLedger(jobNumber: entry.job.number),
                              contacts: try database.contacts(jobNumber: entry.job.number), materials: materials,
                              agentName: try entry.job.agentID.map { try database.staffMember($0).name })
    }

    public mutating func start() throws -> AgentScreen { AgentScreen(view: try load()) }

    /// When another process committed: a fresh view. Returns whether the screen changed.
    public mutating func poll(_ screen: inout AgentScreen) throws -> Bool {
        let printed = checkPrintJobs(&screen)
        guard try database.dataVersion() != lastVersion else { return printed }
        try reload(&screen)
        return true
    }

    private mutating func reload(_ screen: inout AgentScreen) throws {
        scope = screen.view.scope
        openNumber = screen.detail?.entry.job.number
        do {
            screen.update(try load())
        } catch {
            lastVersion = nil
            throw error
        }
    }

    public mutating func apply(_ effect: AgentScreen.Effect, to screen: inout AgentScreen) throws -> LoopControl {
        switch effect {
        case .quit, .signOut:
            return .quit
        case .reload:
            try reload(&screen)
        case .open(let number):
            guard let entry = screen.view.jobs.first(where: { $0.job.number == number }) else {
                screen.apply(.refused(UIText.agentNotYours))
                return .keepRunning
            }
            do {
                let detail = try jobDetail(entry)
                openNumber = number
                screen.apply(.detail(detail))
            } catch let error as UserFacingError {
                screen.apply(.refused(error.message))
            }
        case .markSeen(let mark):
            do {
                try database.markAgentInboxSeen(through: mark, by: actor)
                screen.apply(.markedSeen)
            } catch let error as UserFacingError {
                screen.apply(.refused(error.message))
            }
            // Our own commit does not move this connection's data_version: reload now.
            try reload(&screen)
        case .recordHandover(let request):
            let (database, actor) = (database, actor)
            try write(&screen) { .handoverRecorded(try database.recordMaterialHandover(request, by: actor)) }
        case .recordContact(let job, let how, let note, let next):
            let (database, actor) = (database, actor)
            try write(&screen) { .contactRecorded(try database.recordContact(jobNumber: job, how: how, note: note, next: next, by: actor)) }
        case .closeJob(let number):
            do {
                _ = try database.closeProxyJob(number: number, by: actor)
                screen.apply(.jobClosed(number))
            } catch let error as UserFacingError {
                screen.apply(.refused(error.message))
            }
            try reload(&screen)
        case .printReceipt(let number):
            screen.apply(startPrinting(number))
        }
        return .keepRunning
    }

    /// A form's write: done, or its refusal shown in the form (on the status row when the job has left the list); then
    /// the view again (our own commit does not move this connection's data_version).
    private mutating func write(_ screen: inout AgentScreen, _ body: () throws -> AgentScreen.Result) throws {
        do {
            screen.apply(try body())
        } catch let error as UserFacingError {
            screen.apply(.formRefused(error.message))
            try reload(&screen)
            // The job left the list meanwhile (given to another agent): its form went with it, the refusal stays.
            if !screen.takesText { screen.apply(.refused(error.message)) }
            return
        }
        try reload(&screen)
    }

    // MARK: Printing

    /// Receipts being printed in the background (`DocumentPrinter.start`, as the window's intake documents), each with
    /// its number; `poll` reports each outcome once.
    public private(set) var printJobs: [(job: PrintJob, number: String)] = []
    /// How long a print command may run before the screen stops it.
    public var printTimeout: TimeInterval = PrintJob.defaultTimeout
    /// The clock print timeouts are measured by (the hall's clock may be fixed: `DESK_NOW`).
    public var wallClock: @Sendable () -> Date = { Date() }

    /// The receipt as issued (`handoverReceipt`: refused when changed outside HallDesk) handed to the hall's
    /// `print_command` in the background; what the status row says meanwhile.
    mutating func startPrinting(_ number: String) -> AgentScreen.Result {
        do {
            let receipt = try database.handoverReceipt(number: number)
            let command = try database.settings().printCommand
            guard !command.trimmingCharacters(in: .whitespaces).isEmpty else { return .status(UIText.agentReceiptNotPrinted(number), isError: true) }
            printJobs.append((DocumentPrinter(command: command).start([receipt.text], timeout: printTimeout, now: wallClock()), number))
            return .status(UIText.agentReceiptPrinting(number), isError: false)
        } catch let error as UserFacingError {
            return .refused(error.message)
        } catch {
            return .refused(UIText.agentReceiptNotPrinted(number))
        }
    }

    /// The status row for a receipt whose printing finished since the last poll: sent, or failed with the command that
    /// reprints it (the receipt number kept). Returns whether the screen changed.
    mutating func checkPrintJobs(_ screen: inout AgentScreen) -> Bool {
        var changed = false
        let now = wallClock()
        printJobs.removeAll { entry in
            guard let outcome = entry.job.check(now: now) else { return false }
            switch outcome {
            case .printed: screen.apply(.status(UIText.agentReceiptPrinted(entry.number), isError: false))
            case .failed(let error): screen.apply(.status(UIText.agentReceiptPrintFailed(entry.number, UIText.printFailure(error)), isError: true))
            case .timedOut(let command):
                screen.apply(.status(UIText.agentReceiptPrintFailed(entry.number, UIText.printTimedOut(command)), isError: true))
            }
            changed = true
            return true
        }
        return changed
    }
}
