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

    private func jobDetail(_ entry: AgentJobEntry) throws -> AgentJobDetail {
        AgentJobDetail(entry: entry, caseDetail: try entry.caseRecord.map { try database.caseDetail(number: $0.number) })
    }

    public mutating func start() throws -> AgentScreen { AgentScreen(view: try load()) }

    /// When another process committed: a fresh view. Returns whether the screen changed.
    public mutating func poll(_ screen: inout AgentScreen) throws -> Bool {
        guard try database.dataVersion() != lastVersion else { return false }
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
        }
        return .keepRunning
    }
}
