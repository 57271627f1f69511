import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

// Identity: the permission policy checked inside every write, windows held by one person, sign-in with a
// lockout, and accounts bound to operating-system users. Everything through `HallDatabase`, on the demo hall
// (`TestHall`): S01–S08 clerks signed in at windows 1–8 (S01 also supervisor and admin), M01 supervisor,
// A01 admin, R01 reviewer, C01 approver, P01 agent; every password is "demo-" + staff number.

/// The demo staff member `id` acting at `terminal`.
private func person(_ id: String, at terminal: Terminal = .cli) -> Actor { Actor(staff: id, terminal: terminal) }

/// B001 served at S03's window 3, and an intake of 企业设立登记 for it: every material in (accept), or none
/// (pending).
private func intakeAtWindow3(_ hall: TestHall, _ decision: IntakeDecisionKind) throws -> IntakeRequest {
    let s03 = hall.clerk(3)
    _ = try hall.issue("B")
    _ = try hall.database.callNext(window: 3, by: s03)
    _ = try hall.database.start(window: 3, by: s03)
    let item = try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" })
    return IntakeRequest(
        ticketCode: "B001", itemCode: item.implementationCode,
        applicant: try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil, today: CivilDate(year: 2026, month: 3, day: 2)!),
        checklist: IntakeChecklist(item.materials.map { _ in ChecklistEntry(decision == .accept ? .provided : .missing) }), decision: decision)
}

/// Runs a write that must be allowed: it succeeds and appends at least one event, the last one by `actor`.
@discardableResult
private func expectAllowed<T>(_ hall: TestHall, _ actor: Actor, sourceLocation: SourceLocation = #_sourceLocation,
                              _ body: () throws -> T) throws -> T {
    let before = try hall.eventCount()
    let result = try body()
    let after = try hall.eventCount()
    #expect(after > before, "an allowed write is an event", sourceLocation: sourceLocation)
    var last: AuditRecord?
    try hall.database.forEachAuditRecord(AuditFilter(fromSeq: Int64(after))) { last = $0 }
    #expect(last?.actor == actor.key, "the event names who did it", sourceLocation: sourceLocation)
    #expect(last?.terminal == actor.terminal.description, sourceLocation: sourceLocation)
    return result
}

/// Runs a write that the policy must refuse: `AccessError.notPermitted` naming the actor, their name, the action
/// and the roles it needs; nothing is written (the event count does not move).
private func expectRefused(_ hall: TestHall, _ actor: Actor, _ action: HallAction, needs: Set<Role>,
                           sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) throws {
    let before = try hall.eventCount()
    let name = try actor.staffID.map { try hall.database.staffMember($0).name }
    #expect(throws: AccessError.notPermitted(actor: actor.key, name: name, action: action, needs: needs),
            sourceLocation: sourceLocation) { try body() }
    #expect(try hall.eventCount() == before, "a refused write writes nothing", sourceLocation: sourceLocation)
}

@Suite struct PermissionPolicyTests {
    /// Every row of the policy, allowed and refused, through the writes themselves. The switch has no
    /// `default`: a new `HallAction` does not compile until it is exercised here.
    @Test(arguments: HallAction.allCases)
    func everyRuleIsCheckedInsideTheWrite(_ action: HallAction) throws {
        let hall = try TestHall()
        let db = hall.database
        let s03 = hall.clerk(3), s04 = hall.clerk(4)
        let supervisor = hall.supervisor, admin = hall.admin
        switch action {
        case .issueTicket:
            // The kiosk device, and staff who take tickets for someone: clerks, supervisors, agents.
            try expectAllowed(hall, hall.kiosk) { try db.issueTicket(IssueRequest(linePrefix: "A"), by: hall.kiosk) }
            for actor in [s03, supervisor, person("P01")] {
                try expectAllowed(hall, actor) { try db.issueTicket(IssueRequest(linePrefix: "A"), by: actor) }
            }
            // The board device writes nothing; the rating terminal only rates.
            for device in [Actor.device(.board, terminal: .board), .device(.rating, terminal: .rating(window: 3))] {
                try expectRefused(hall, device, .issueTicket, needs: [.clerk, .supervisor, .agent]) {
                    _ = try db.issueTicket(IssueRequest(linePrefix: "A"), by: device)
                }
            }
            for actor in [person("R01"), person("C01"), admin] {
                try expectRefused(hall, actor, .issueTicket, needs: [.clerk, .supervisor, .agent]) {
                    _ = try db.issueTicket(IssueRequest(linePrefix: "A"), by: actor)
                }
            }

        case .serveAtWindow:
            _ = try hall.issue("B"); _ = try hall.issue("B")
            // Her own window: yes. Window 4 is S04's: no, at any step of the ticket's life.
            let mine = try expectAllowed(hall, s03) { try db.callNext(window: 3, by: s03) }
            #expect(mine?.ticket.code == "B001")
            try expectRefused(hall, s03, .serveAtWindow, needs: [.supervisor]) { _ = try db.callNext(window: 4, by: s03) }
            try expectRefused(hall, s03, .serveAtWindow, needs: [.supervisor]) { _ = try db.callSpecific(window: 4, code: "B002", by: s03) }
            // A supervisor works any window; then S04's ticket is still S04's to start, not S03's.
            let called = try expectAllowed(hall, supervisor) { try db.callNext(window: 4, by: supervisor) }
            #expect(called?.ticket.code == "B002")
            try expectRefused(hall, s03, .serveAtWindow, needs: [.supervisor]) { _ = try db.start(window: 4, by: s03) }
            try expectRefused(hall, s03, .serveAtWindow, needs: [.supervisor]) { _ = try db.hold(window: 4, by: s03) }
            try expectRefused(hall, s03, .serveAtWindow, needs: [.supervisor]) { _ = try db.transfer(window: 4, toLine: "A", by: s03) }
            // An administrator is not a supervisor.
            try expectRefused(hall, admin, .serveAtWindow, needs: [.supervisor]) { _ = try db.finish(window: 4, by: admin) }
            try expectAllowed(hall, s04) { try db.start(window: 4, by: s04) }
            try expectAllowed(hall, s04) { try db.finish(window: 4, by: s04) }
            #expect(try hall.state("B002") == .finished)

        case .pauseWindow:
            try expectAllowed(hall, s03) { try db.pauseWindow(3, reason: "午休", by: s03) }
            try expectAllowed(hall, s03) { try db.resumeWindow(3, by: s03) }
            try expectRefused(hall, s03, .pauseWindow, needs: [.supervisor]) { _ = try db.pauseWindow(4, reason: "午休", by: s03) }
            try expectAllowed(hall, supervisor) { try db.pauseWindow(4, reason: "系统故障", by: supervisor) }
            try expectRefused(hall, s03, .pauseWindow, needs: [.supervisor]) { _ = try db.resumeWindow(4, by: s03) }
            try expectAllowed(hall, supervisor) { try db.resumeWindow(4, by: supervisor) }

        case .signInAtWindow:
            // A clerk signs in (here again at her own window, after signing out).
            try db.closeWindow(3, by: s03)
            let open = try expectAllowed(hall, s03) { try db.openWindow(3, by: s03) }
            #expect(open.staffID == "S03" && open.state == .open)
            // Someone who is not a clerk cannot sign in at a window, even a free one.
            try db.closeWindow(4, by: s04)
            try expectRefused(hall, person("M01", at: .window(4)), .signInAtWindow, needs: [.clerk]) {
                _ = try db.openWindow(4, by: person("M01", at: .window(4)))
            }
            try expectRefused(hall, person("P01", at: .window(4)), .signInAtWindow, needs: [.clerk]) {
                _ = try db.openWindow(4, by: person("P01", at: .window(4)))
            }
            #expect(try db.window(4).staffID == nil)

        case .closeWindow:
            try expectRefused(hall, s03, .closeWindow, needs: [.supervisor]) { _ = try db.closeWindow(4, by: s03) }
            try expectAllowed(hall, s03) { try db.closeWindow(3, by: s03) }
            try expectAllowed(hall, supervisor) { try db.closeWindow(4, by: supervisor) }
            #expect(try db.window(3).state == .closed && db.window(4).staffID == nil)

        case .cancelTicket:
            _ = try hall.issue("A")
            try expectRefused(hall, s03, .cancelTicket, needs: [.supervisor]) { _ = try db.cancel(code: "A001", by: s03) }
            try expectRefused(hall, hall.kiosk, .cancelTicket, needs: [.supervisor]) { _ = try db.cancel(code: "A001", by: hall.kiosk) }
            try expectAllowed(hall, supervisor) { try db.cancel(code: "A001", by: supervisor) }
            #expect(try hall.state("A001") == .cancelled)

        case .reopenTicket:
            _ = try hall.issue("A")
            try db.cancel(code: "A001", by: supervisor)
            try expectRefused(hall, s03, .reopenTicket, needs: [.supervisor]) { _ = try db.reopen(code: "A001", by: s03) }
            try expectAllowed(hall, supervisor) { try db.reopen(code: "A001", by: supervisor) }
            #expect(try hall.state("A001") == .waiting)

        case .openCloseLine:
            try expectRefused(hall, s03, .openCloseLine, needs: [.supervisor]) { try db.setLineOpen("E", false, by: s03) }
            try expectRefused(hall, admin, .openCloseLine, needs: [.supervisor]) { try db.setLineOpen("E", false, by: admin) }
            try expectAllowed(hall, supervisor) { try db.setLineOpen("E", false, by: supervisor) }
            #expect(try db.lines().first { $0.prefix == "E" }?.isOpen == false)

        case .closeDay:
            try expectRefused(hall, s03, .closeDay, needs: [.supervisor, .admin, .system]) { _ = try db.closeDay(by: s03) }
            try expectRefused(hall, hall.kiosk, .closeDay, needs: [.supervisor, .admin, .system]) { _ = try db.closeDay(by: hall.kiosk) }
            try expectAllowed(hall, supervisor) { try db.closeDay(by: supervisor) }
            // A closed day is final: each allowed close is on a day of its own.
            hall.clock.set("2026-03-03T17:00:00+08:00")
            try expectAllowed(hall, admin) { try db.closeDay(by: admin) }
            // The unattended account cron runs as.
            try db.addStaff(id: "CRON", name: "日终任务", roles: [.system], by: admin)
            hall.clock.set("2026-03-04T17:00:00+08:00")
            try expectAllowed(hall, person("CRON")) { try db.closeDay(by: person("CRON")) }

        case .importCatalog:
            let catalog = try db.catalog()
            try expectRefused(hall, s03, .importCatalog, needs: [.admin]) { _ = try db.importCatalog(catalog, by: s03) }
            try expectRefused(hall, supervisor, .importCatalog, needs: [.admin]) { _ = try db.importCatalog(catalog, by: supervisor) }
            let summary = try expectAllowed(hall, admin) { try db.importCatalog(catalog, by: admin) }
            #expect(summary.totalItems == catalog.items.count)

        case .importCalendar:
            let schedule = try #require(try db.holidaySchedules().first)
            try expectRefused(hall, s03, .importCalendar, needs: [.admin]) { _ = try db.importHolidaySchedule(schedule, by: s03) }
            try expectRefused(hall, supervisor, .importCalendar, needs: [.admin]) { _ = try db.importHolidaySchedule(schedule, by: supervisor) }
            #expect(try expectAllowed(hall, admin) { try db.importHolidaySchedule(schedule, by: admin) }.replaced)

        case .changeSettings:
            var settings = try db.settings()
            settings.hallName = "城西区政务服务中心"
            // The hall's kind is not a setting: a demo hall cannot be turned into a real one (or back) later.
            settings.hallKind = .production
            try expectRefused(hall, s03, .changeSettings, needs: [.admin]) { try db.updateSettings(settings, by: s03) }
            try expectRefused(hall, supervisor, .changeSettings, needs: [.admin]) { try db.updateSettings(settings, by: supervisor) }
            try expectAllowed(hall, admin) { try db.updateSettings(settings, by: admin) }
            #expect(try db.settings().hallName == "城西区政务服务中心")
            #expect(try db.settings().hallKind == .demo)

        case .manageStaff:
            try expectRefused(hall, s03, .manageStaff, needs: [.admin]) {
                _ = try db.addStaff(id: "S09", name: "新同事", roles: [.clerk], by: s03)
            }
            try expectRefused(hall, supervisor, .manageStaff, needs: [.admin]) {
                _ = try db.setRoles("S03", roles: [.clerk, .supervisor], approverLevel: nil, by: supervisor)
            }
            try expectRefused(hall, s03, .manageStaff, needs: [.admin]) { _ = try db.setRoles("S03", roles: [.admin], approverLevel: nil, by: s03) }
            try expectRefused(hall, s03, .manageStaff, needs: [.admin]) { _ = try db.setStaffActive("S04", false, by: s03) }
            try expectRefused(hall, s03, .manageStaff, needs: [.admin]) { _ = try db.bindStaff("S03", osUser: "zhangwei", by: s03) }
            try expectRefused(hall, s03, .manageStaff, needs: [.admin]) { try db.setPassword("S04", "a-new-password", by: s03) }
            let added = try expectAllowed(hall, admin) { try db.addStaff(id: "s09", name: "新同事", roles: [.clerk], by: admin) }
            #expect(added.id == "S09" && added.roles == [.clerk] && added.active && !added.hasPassword)
            try expectAllowed(hall, admin) { try db.setRoles("S09", roles: [.clerk, .agent], approverLevel: nil, by: admin) }
            #expect(try db.staffMember("S09").roles == [.clerk, .agent])
            // Anyone may change their own password (and nobody else's).
            try expectAllowed(hall, s03) { try db.setPassword("S03", "a-new-password", by: s03) }

        case .configureHall:
            try expectRefused(hall, s03, .configureHall, needs: [.admin]) {
                _ = try db.addLine(prefix: "F", name: "公积金", targetWaitMinutes: 10, by: s03)
            }
            try expectRefused(hall, supervisor, .configureHall, needs: [.admin]) {
                _ = try db.addLine(prefix: "F", name: "公积金", targetWaitMinutes: 10, by: supervisor)
            }
            try expectAllowed(hall, admin) { try db.addLine(prefix: "F", name: "公积金", targetWaitMinutes: 10, by: admin) }
            try expectRefused(hall, s03, .configureHall, needs: [.admin]) {
                _ = try db.addWindow(id: 9, name: "公积金窗口", lines: [("F", 1)], by: s03)
            }
            let window = try expectAllowed(hall, admin) { try db.addWindow(id: 9, name: "公积金窗口", lines: [("F", 1)], by: admin) }
            #expect(window.state == .closed && window.staffID == nil)

        case .replaceHall:
            // Checked before the file is thrown away, so it writes nothing either way.
            let before = try hall.eventCount()
            try db.authorize(.replaceHall, by: admin)
            try db.authorize(.replaceHall, by: person("S01"))
            try expectRefused(hall, s03, .replaceHall, needs: [.admin]) { try db.authorize(.replaceHall, by: s03) }
            try expectRefused(hall, supervisor, .replaceHall, needs: [.admin]) { try db.authorize(.replaceHall, by: supervisor) }
            #expect(try hall.eventCount() == before)

        case .takeInCase:
            // While B001 is served at S03's window: S03 and a supervisor; not S04 of another window.
            let request = try intakeAtWindow3(hall, .accept)
            try expectRefused(hall, s04, .takeInCase, needs: [.supervisor]) { _ = try db.takeIn(request, by: s04) }
            try expectAllowed(hall, s03) { _ = try db.takeIn(request, by: s03) }
            try expectAllowed(hall, supervisor) { _ = try db.takeIn(request, by: supervisor) }

        case .decidePendingIntake:
            // The clerk who recorded the pending intake (S03 at window 3), or a supervisor; not S04.
            let pending = try intakeAtWindow3(hall, .pending)
            let first = try db.takeIn(pending, by: s03).reference, second = try db.takeIn(pending, by: s03).reference
            // Refused naming who recorded it (not "you recorded"): the same policy row, said with the intake's facts.
            let before = try hall.eventCount()
            let s03Name = try hall.database.staffMember("S03").name, s04Name = try hall.database.staffMember("S04").name
            let refusal = AccessError.notTheRecorder(actor: "S04", name: s04Name, reference: first, recordedBy: "S03", recorderName: s03Name)
            #expect(throws: refusal) { _ = try db.decidePending(PendingDecision(reference: first, decision: .notice), by: s04) }
            #expect(refusal.message.en.contains("recorded by S03 \(s03Name)") && !refusal.message.en.contains("you recorded"))
            #expect(refusal.message.zh.contains("由 S03 \(s03Name) 登记"))
            #expect(try hall.eventCount() == before)
            try expectAllowed(hall, s03) { _ = try db.decidePending(PendingDecision(reference: first, decision: .notice), by: s03) }
            try expectAllowed(hall, supervisor) { _ = try db.decidePending(PendingDecision(reference: second, decision: .notice), by: supervisor) }

        case .convertPendingIntakes:
            for actor in [s03, supervisor] { _ = try db.convertOverduePendingIntakes(by: actor) }
            try expectRefused(hall, admin, .convertPendingIntakes, needs: [.clerk, .supervisor, .system]) {
                _ = try db.convertOverduePendingIntakes(by: admin)
            }

        case .flagApplicant:
            _ = try db.takeIn(try intakeAtWindow3(hall, .accept), by: s03)
            try expectRefused(hall, s03, .flagApplicant, needs: [.supervisor]) {
                _ = try db.flagApplicant(kind: .person, number: "11010519491231002X", reason: "虚假承诺", by: s03)
            }
            try expectAllowed(hall, supervisor) { _ = try db.flagApplicant(kind: .person, number: "11010519491231002X", reason: "虚假承诺", by: supervisor) }
            try expectAllowed(hall, supervisor) { _ = try db.unflagApplicant(kind: .person, number: "11010519491231002X", reason: "信用修复", by: supervisor) }

        case .reviewCase, .decideCase, .handleCaseAtWindow, .acknowledgeHandover, .suspendCase:
            // A case accepted at S03's window, then taken through each group of actions by who may and who may not.
            _ = try hall.issue("B")
            _ = try db.callNext(window: 3, by: s03)
            _ = try db.start(window: 3, by: s03)
            let item = try #require(try db.catalog().items.first { $0.name == "企业设立登记" })
            let number = try #require(try db.takeIn(IntakeRequest(
                ticketCode: "B001", itemCode: item.implementationCode,
                applicant: try ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: nil, today: CivilDate(year: 2026, month: 3, day: 2)!),
                checklist: IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) }), decision: .accept), by: s03).caseRecord?.number)
            let reviewer = person("R01"), approver = person("C01")
            switch action {
            case .reviewCase:
                try expectRefused(hall, s03, .reviewCase, needs: [.reviewer]) { _ = try db.act(onCase: number, .startReview, by: s03) }
                try expectAllowed(hall, reviewer) { _ = try db.review(caseNumber: number, opinion: "材料齐全，符合条件", by: reviewer) }
            case .decideCase:
                _ = try db.review(caseNumber: number, opinion: "材料齐全，符合条件", by: reviewer)
                try expectRefused(hall, reviewer, .decideCase, needs: [.approver]) { _ = try db.act(onCase: number, .approve(reason: "同意"), by: reviewer) }
                try expectAllowed(hall, approver) { _ = try db.act(onCase: number, .approve(reason: "符合条件，准予许可"), by: approver) }
            case .handleCaseAtWindow:
                _ = try db.review(caseNumber: number, opinion: "材料齐全，符合条件", by: reviewer)
                _ = try db.act(onCase: number, .approve(reason: "符合条件，准予许可"), by: approver)
                try expectRefused(hall, approver, .handleCaseAtWindow, needs: [.clerk]) { _ = try db.act(onCase: number, .issueResult, by: approver) }
                try expectAllowed(hall, s04) { _ = try db.act(onCase: number, .issueResult, by: s04) }
            case .acknowledgeHandover:
                // 区市场监督管理局's liaison (L01) acknowledges; a clerk may not.
                _ = try db.review(caseNumber: number, opinion: "材料齐全，符合条件", by: reviewer)
                _ = try db.act(onCase: number, .approve(reason: "符合条件，准予许可"), by: approver)
                _ = try db.act(onCase: number, .issueResult, by: s03)
                _ = try db.act(onCase: number, .handOver, by: s03)
                try expectRefused(hall, s03, .acknowledgeHandover, needs: [.liaison, .supervisor]) { _ = try db.act(onCase: number, .acknowledge, by: s03) }
                try expectAllowed(hall, person("L01")) { _ = try db.act(onCase: number, .acknowledge, by: person("L01")) }
            default:
                try expectRefused(hall, s03, .suspendCase, needs: [.supervisor, .system]) { _ = try db.act(onCase: number, .suspend(.hearing), by: s03) }
                try expectAllowed(hall, supervisor) { _ = try db.act(onCase: number, .suspend(.hearing), by: supervisor) }
                try expectAllowed(hall, supervisor) { _ = try db.act(onCase: number, .resume, by: supervisor) }
            }

        case .manageSupervision:
            let department = try #require(try db.catalog().departments.first).code
            let pairing = SupervisionPairing(scope: .department, code: department, supervisor: "执法大队", liaisonID: "L02")
            try expectRefused(hall, supervisor, .manageSupervision, needs: [.admin]) { try db.setSupervisionPairing(pairing, by: supervisor) }
            try expectAllowed(hall, admin) { try db.setSupervisionPairing(pairing, by: admin) }

        case .sweepCases:
            _ = try db.sweepCases(by: supervisor)
            try expectRefused(hall, s03, .sweepCases, needs: [.supervisor, .system]) { _ = try db.sweepCases(by: s03) }

        case .openProxyJob:
            // Reception (a clerk or a supervisor) and the agents themselves; not a reviewer, a liaison or the admin.
            let item = try #require(try db.catalog().items.first { $0.name == "企业设立登记" })
            let request = try ProxyJobRequest(
                mode: .fullProxy, origin: .reception, applicant: try ApplicantInput.person(
                    name: "张三丰", residentID: "11010519491231002X", phone: nil, today: CivilDate(year: 2026, month: 3, day: 2)!),
                itemCode: item.implementationCode, authorisation: "委托办理企业设立登记，2026-03-01")
            for actor in [s03, supervisor, person("P01")] { try expectAllowed(hall, actor) { try db.openProxyJob(request, by: actor) } }
            for actor in [person("R01"), person("L01"), admin] {
                try expectRefused(hall, actor, .openProxyJob, needs: [.clerk, .supervisor, .agent]) { _ = try db.openProxyJob(request, by: actor) }
            }

        case .assignProxyJob, .reassignProxyJob:
            let item = try #require(try db.catalog().items.first { $0.name == "企业设立登记" })
            let request = try ProxyJobRequest(
                mode: .accompany, origin: .reception, applicant: try ApplicantInput.person(
                    name: "张三丰", residentID: "11010519491231002X", phone: nil, today: CivilDate(year: 2026, month: 3, day: 2)!),
                itemCode: item.implementationCode)
            let job = try db.openProxyJob(request, by: supervisor)
            try expectRefused(hall, person("P01"), .assignProxyJob, needs: [.clerk, .supervisor]) {
                _ = try db.assignProxyJob(job.number, to: .agent("P01"), by: person("P01"))
            }
            try expectAllowed(hall, s03) { try db.assignProxyJob(job.number, to: .agent("P02"), by: s03) }
            try expectRefused(hall, s03, .reassignProxyJob, needs: [.supervisor]) {
                _ = try db.reassignProxyJob(job.number, to: .agent("P03"), reason: "熟悉该事项", by: s03)
            }
            try expectAllowed(hall, supervisor) { try db.reassignProxyJob(job.number, to: .agent("P03"), reason: "熟悉该事项", by: supervisor) }

        case .setAgentState:
            // The agent themself, or a supervisor; another agent may not.
            try expectAllowed(hall, person("P01")) { try db.setAgentState("P01", to: .outOnCase, by: person("P01")) }
            try expectAllowed(hall, supervisor) { try db.setAgentState("P01", to: .onDuty, by: supervisor) }
            try expectRefused(hall, person("P02"), .setAgentState, needs: [.supervisor]) {
                _ = try db.setAgentState("P01", to: .outOnCase, by: person("P02"))
            }

        case .manageAgents:
            try expectAllowed(hall, supervisor) { try db.setAgentProfile("P01", phone: "138 0000 0001", skills: [], by: supervisor) }
            try expectRefused(hall, person("P01"), .manageAgents, needs: [.supervisor, .admin]) {
                _ = try db.setAgentProfile("P01", phone: nil, skills: [], by: person("P01"))
            }

        case .viewProxyJobs:
            // A read: nothing is written either way.
            _ = try db.agentJobs("P01", by: person("P01"))
            _ = try db.agentJobs("P01", by: supervisor)
            try expectRefused(hall, person("P02"), .viewProxyJobs, needs: [.supervisor]) { _ = try db.agentJobs("P01", by: person("P02")) }
        case .superviseHall:
            // A read: the supervisor's screen opens for a supervisor only.
            _ = try db.supervisorView(by: supervisor)
            for actor in [s03, admin, person("R01"), person("P01")] {
                try expectRefused(hall, actor, .superviseHall, needs: [.supervisor]) { _ = try db.supervisorView(by: actor) }
            }
        case .viewReports:
            // A read: nothing is written either way. A supervisor or an administrator; a clerk, a reviewer, an agent: no.
            let today = try CivilDate(parsing: db.today())
            for actor in [supervisor, admin] { _ = try db.report(ReportPeriod(.daily, date: today), by: actor) }
            for actor in [s03, person("R01"), person("P01")] {
                try expectRefused(hall, actor, .viewReports, needs: [.supervisor, .admin]) { _ = try db.report(ReportPeriod(.monthly, date: today), by: actor) }
            }
        case .createProject:
            let request = ProjectRequest(name: "项目", investorName: "投资方", investorCode: ProjectStoreTests.investorCode, leadAgentID: "P01")
            for actor in [supervisor, person("P01")] { _ = try expectAllowed(hall, actor) { try db.createProject(request, by: actor) } }
            try expectRefused(hall, s03, .createProject, needs: [.supervisor, .agent]) { _ = try db.createProject(request, by: s03) }
        case .addProjectCase:
            let project = try db.createProject(ProjectRequest(name: "项目", investorName: "投资方", investorCode: ProjectStoreTests.investorCode,
                                                              leadAgentID: "P01"), by: supervisor)
            let number = try hall.openCase(try ApplicantInput.organisation(name: "投资方", creditCode: ProjectStoreTests.investorCode,
                                                                           legalRepresentative: nil, contact: nil))
            try expectRefused(hall, person("R01"), .addProjectCase, needs: [.supervisor, .agent]) {
                try db.addCase(number, toProject: project.number, by: person("R01"))
            }
            try expectAllowed(hall, person("P01")) { try db.addCase(number, toProject: project.number, by: person("P01")) }
        case .signJointAcceptance:
            let project = try db.createProject(ProjectRequest(name: "项目", investorName: "投资方", investorCode: ProjectStoreTests.investorCode,
                                                              leadAgentID: "P01"), by: supervisor)
            let number = try hall.openCase(try ApplicantInput.organisation(name: "投资方", creditCode: ProjectStoreTests.investorCode,
                                                                           legalRepresentative: nil, contact: nil))
            try db.addCase(number, toProject: project.number, by: supervisor)
            _ = try db.review(caseNumber: number, opinion: "材料齐全", by: person("R01"))
            let department = try db.act(onCase: number, .approve(reason: "准予许可"), by: person("C01")).departmentCode
            for actor in [s03, person("P01")] {
                try expectRefused(hall, actor, .signJointAcceptance, needs: [.supervisor, .reviewer, .approver]) {
                    _ = try db.signJointAcceptance(project: project.number, department: department, verdict: .pass, opinion: "合格", by: actor)
                }
            }
            _ = try expectAllowed(hall, supervisor) {
                try db.signJointAcceptance(project: project.number, department: department, verdict: .pass, opinion: "合格", by: supervisor)
            }
        case .simulateApproval:
            let project = try db.createProject(ProjectRequest(name: "项目", investorName: "投资方", investorCode: ProjectStoreTests.investorCode,
                                                              leadAgentID: "P01"), by: supervisor)
            let item = try #require(try db.catalog().items.first { $0.name == "食品生产许可" }).implementationCode
            try expectRefused(hall, person("P01"), .simulateApproval, needs: [.reviewer]) {
                _ = try db.simulateApproval(project: project.number, itemCode: item, checkedMaterials: [1], opinion: "材料齐全", by: person("P01"))
            }
            _ = try expectAllowed(hall, person("R01")) {
                try db.simulateApproval(project: project.number, itemCode: item, checkedMaterials: [1], opinion: "材料齐全", by: person("R01"))
            }
        case .referToAgency:
            let number = try hall.openCase(item: "食品生产许可")
            try expectRefused(hall, person("R01"), .referToAgency, needs: [.clerk, .supervisor, .agent]) {
                _ = try db.referToAgencies(caseNumber: number, category: .testing, by: person("R01"))
            }
            _ = try expectAllowed(hall, s03) { try db.referToAgencies(caseNumber: number, category: .testing, by: s03) }
        case .markAgentInboxSeen:
            // An agent marks their own inbox seen; nobody else has an inbox mark to move.
            let mark = try db.agentInbox(agent: "P01").readUpTo
            try expectAllowed(hall, person("P01")) { try db.markAgentInboxSeen(through: mark, by: person("P01")) }
            for actor in [s03, supervisor, admin] {
                try expectRefused(hall, actor, .markAgentInboxSeen, needs: [.agent]) { try db.markAgentInboxSeen(through: mark, by: actor) }
            }
        case .recordMaterialHandover, .recordContact, .closeProxyJob:
            // The job's own agent (P01), a supervisor, and — for a handover with the window — a clerk signed in at one;
            // another agent, a reviewer, a liaison or the admin: no (docs/SECURITY.md).
            let job = try proxyJobOfP01(hall)
            let withWindow = try MaterialHandoverRequest(jobNumber: job.number, from: .agent, to: .window, toName: "张伟",
                                                         lines: [MaterialLineInput(.listed(1), form: .copy)])
            let refused: [Actor] = [person("P02"), person("R01"), person("L01"), admin]
            switch action {
            case .recordMaterialHandover:
                for actor in [person("P01"), supervisor, s03] {
                    try expectAllowed(hall, actor) { try db.recordMaterialHandover(withWindow, by: actor) }
                }
                for actor in refused {
                    try expectRefused(hall, actor, action, needs: [.supervisor]) { _ = try db.recordMaterialHandover(withWindow, by: actor) }
                }
            case .recordContact:
                for actor in [person("P01"), supervisor] {
                    try expectAllowed(hall, actor) { try db.recordContact(jobNumber: job.number, how: .phone, note: "约定时间", by: actor) }
                }
                for actor in refused + [s03] {
                    try expectRefused(hall, actor, action, needs: [.supervisor]) {
                        _ = try db.recordContact(jobNumber: job.number, how: .phone, note: "约定时间", by: actor)
                    }
                }
            default:
                for actor in refused + [s03] {
                    try expectRefused(hall, actor, action, needs: [.supervisor]) { _ = try db.closeProxyJob(number: job.number, by: actor) }
                }
                try expectAllowed(hall, person("P01")) { try db.closeProxyJob(number: job.number, by: person("P01")) }
            }
        case .recordRating, .viewRatings, .followUpRectification, .decideRatingAppeal:
            // 好差评 (docs/supervision.md): the rating terminal of the finishing window and a supervisor rate; a clerk never
            // rates nor reads ratings (back to back); the rectification's steps are a supervisor's.
            let ticket = try hall.issue("B")
            _ = try db.callSpecific(window: 3, code: ticket.code, by: s03)
            try db.start(window: 3, by: s03)
            try db.finish(window: 3, by: s03)
            let request = RatingRequest(ticketCode: ticket.code, level: .dissatisfied, reasons: [.serviceAttitude])
            let terminal = Actor.device(.rating, terminal: .rating(window: 3))
            switch action {
            case .recordRating:
                for actor in [s03, admin, person("P01"), hall.kiosk] {
                    try expectRefused(hall, actor, .recordRating, needs: [.supervisor]) { _ = try db.recordRating(request, by: actor) }
                }
                try expectAllowed(hall, terminal) { try db.recordRating(request, by: terminal) }
            case .viewRatings:
                _ = try db.recordRating(request, by: supervisor)
                for actor in [supervisor, admin] { #expect(try db.ratings(by: actor).count == 1) }
                for actor in [s03, person("P01"), person("R01")] {
                    let name = try db.staffMember(actor.key).name
                    #expect(throws: AccessError.notPermitted(actor: actor.key, name: name, action: .viewRatings, needs: [.supervisor, .admin])) {
                        try db.ratings(by: actor)
                    }
                }
            case .followUpRectification:
                let number = try #require(try db.recordRating(request, by: terminal).rectification)
                for actor in [s03, admin] {
                    try expectRefused(hall, actor, action, needs: [.supervisor]) {
                        _ = try db.logFollowUp(rectification: number, how: .phone, reached: true, said: "已致歉", by: actor)
                    }
                }
                try expectAllowed(hall, supervisor) { try db.logFollowUp(rectification: number, how: .phone, reached: true, said: "已致歉", by: supervisor) }
            default:
                let number = try #require(try db.recordRating(request, by: terminal).rectification)
                _ = try db.appealRating(number, ground: .mistaken, note: "群众误按", by: person("S01"))
                for actor in [s03, admin] {
                    try expectRefused(hall, actor, action, needs: [.supervisor]) { _ = try db.decideRatingAppeal(number, upheld: true, note: "成立", by: actor) }
                }
                try expectAllowed(hall, supervisor) { try db.decideRatingAppeal(number, upheld: true, note: "成立", by: supervisor) }
            }
        case .registerComplaint, .assignComplaint, .answerComplaint, .closeComplaint:
            // A supervisor; the assigned handler (S03, a clerk) answers their own; a clerk, an agent or the admin: no.
            func register(by actor: Actor) throws -> Complaint {
                try db.registerComplaint(ComplaintRequest(source: .visit, name: "张三", phone: "13800138000", content: "排队太久"), by: actor)
            }
            let refused: [Actor] = [s04, person("P01"), admin]
            let complaint = try register(by: supervisor)
            switch action {
            case .registerComplaint:
                for actor in refused { try expectRefused(hall, actor, action, needs: [.supervisor]) { _ = try register(by: actor) } }
                try expectAllowed(hall, supervisor) { try register(by: supervisor) }
            case .assignComplaint:
                for actor in refused + [s03] {
                    try expectRefused(hall, actor, action, needs: [.supervisor]) { _ = try db.assignComplaint(number: complaint.number, to: "S03", by: actor) }
                }
                try expectAllowed(hall, supervisor) { try db.assignComplaint(number: complaint.number, to: "S03", by: supervisor) }
            case .answerComplaint:
                _ = try db.assignComplaint(number: complaint.number, to: "S03", by: supervisor)
                for actor in refused {
                    try expectRefused(hall, actor, action, needs: [.supervisor]) { _ = try db.answerComplaint(number: complaint.number, reply: "已处理", by: actor) }
                }
                try expectAllowed(hall, s03) { try db.answerComplaint(number: complaint.number, reply: "已处理", by: s03) }
            default:
                _ = try db.assignComplaint(number: complaint.number, to: "S03", by: supervisor)
                _ = try db.answerComplaint(number: complaint.number, reply: "已处理", by: supervisor)
                for actor in refused + [s03] {
                    try expectRefused(hall, actor, action, needs: [.supervisor]) {
                        _ = try db.closeComplaint(number: complaint.number, satisfaction: .satisfied, by: actor)
                    }
                }
                try expectAllowed(hall, supervisor) { try db.closeComplaint(number: complaint.number, satisfaction: .satisfied, by: supervisor) }
            }
        case .moveTicket:
            // Issue 11 (hallops11): the supervisor's hall actions.
            _ = try hall.issue("A")
            for actor in [s03, admin] {
                try expectRefused(hall, actor, .moveTicket, needs: [.supervisor]) { _ = try db.moveTicket(code: "A001", toLine: "B", by: actor) }
            }
            try expectAllowed(hall, supervisor) { try db.moveTicket(code: "A001", toLine: "B", by: supervisor) }
        case .setWindowProfile:
            try expectRefused(hall, s03, .setWindowProfile, needs: [.supervisor, .admin]) {
                _ = try db.setWindowProfile(window: 3, lines: [("A", 1)], by: s03)
            }
            try expectAllowed(hall, supervisor) { try db.setWindowProfile(window: 3, lines: [("A", 1)], by: supervisor) }
            try expectAllowed(hall, admin) { try db.setWindowProfile(window: 3, lines: [("A", 1), ("B", 0.5)], filter: .priorityOnly, by: admin) }
        case .sendWindowMessage:
            for actor in [s03, admin] {
                try expectRefused(hall, actor, .sendWindowMessage, needs: [.supervisor]) {
                    _ = try db.sendWindowMessage(to: .window(3), text: "请暂停叫号", by: actor)
                }
            }
            try expectAllowed(hall, supervisor) { try db.sendWindowMessage(to: .window(3), text: "请暂停叫号", by: supervisor) }
        case .readWindowMessage:
            // Only the person signed in at the window marks its messages read; not another clerk, not the supervisor.
            let message = try db.sendWindowMessage(to: .all, text: "下午三点例会", by: supervisor)
            for actor in [s04, supervisor] {
                try expectRefused(hall, actor, .readWindowMessage, needs: []) { _ = try db.markWindowMessageRead(message.id, window: 3, by: actor) }
            }
            try expectAllowed(hall, s03) { try db.markWindowMessageRead(message.id, window: 3, by: s03) }
        }
    }

    /// A 代办 job of 张三丰 assigned to P01.
    func proxyJobOfP01(_ hall: TestHall) throws -> ProxyJob {
        let item = try #require(try hall.database.catalog().items.first { $0.name == "企业设立登记" })
        let request = try ProxyJobRequest(
            mode: .fullProxy, origin: .reception, applicant: try ApplicantInput.person(
                name: "张三丰", residentID: "11010519491231002X", phone: nil, today: CivilDate(year: 2026, month: 3, day: 2)!),
            itemCode: item.implementationCode, authorisation: "委托办理企业设立登记，2026-03-01")
        let job = try hall.database.openProxyJob(request, by: hall.supervisor)
        try hall.database.perform { db in
            try HallDatabase.recordAssignment(db, jobID: job.id, agent: "P01", how: .manual, reason: nil, by: "M01", now: hall.clock.now)
        }
        return job
    }

    @Test func theRefusalSaysWhoMayDoIt() throws {
        let hall = try TestHall()
        let error = #expect(throws: AccessError.self) { try hall.database.callNext(window: 4, by: hall.clerk(3)) }
        let message = try #require(error).message
        #expect(message.en == "S03 张伟 may not work this window's tickets (needs: supervisor or this window's clerk).")
        #expect(message.zh.contains("S03 张伟") && message.zh.contains("大厅管理"))
    }

    @Test func anUnknownStaffNumberCannotAct() throws {
        let hall = try TestHall()
        let before = try hall.eventCount()
        #expect(throws: AccessError.unknownOrInactive("X99")) {
            try hall.database.issueTicket(IssueRequest(linePrefix: "A"), by: person("X99"))
        }
        #expect(try hall.eventCount() == before)
    }
}

@Suite struct WindowSignInTests {
    @Test func aWindowHoldsOnePerson() throws {
        let hall = try TestHall()
        let before = try hall.eventCount()
        let s04 = try hall.database.staffMember("S04")
        #expect(throws: AccessError.windowTaken(window: 4, staff: "S04", name: s04.name)) {
            try hall.database.openWindow(4, by: hall.clerk(3).at(.window(4)))
        }
        // Not even with `move`: it moves the person, never the window's holder.
        #expect(throws: AccessError.windowTaken(window: 4, staff: "S04", name: s04.name)) {
            try hall.database.openWindow(4, by: hall.clerk(3).at(.window(4)), move: true)
        }
        #expect(try hall.eventCount() == before)
        #expect(try hall.database.window(4).staffID == "S04")
        #expect(try hall.database.window(3).staffID == "S03")
    }

    @Test func onePersonOneWindowAndAMoveSignsOutOfTheFirst() throws {
        let hall = try TestHall()
        let db = hall.database
        let s03at4 = hall.clerk(3).at(.window(4))
        try db.closeWindow(4, by: hall.clerk(4))
        let before = try hall.eventCount()
        #expect(throws: AccessError.signedInElsewhere(staff: "S03", window: 3)) { try db.openWindow(4, by: s03at4) }
        #expect(try hall.eventCount() == before)
        // While a ticket is called at her first window she cannot leave it.
        _ = try hall.issue("B")
        _ = try db.callNext(window: 3, by: hall.clerk(3))
        let busy = try hall.eventCount()
        #expect(throws: QueueError.windowBusy(window: 3, code: "B001")) { try db.openWindow(4, by: s03at4, move: true) }
        #expect(try hall.eventCount() == busy)
        _ = try db.start(window: 3, by: hall.clerk(3))
        _ = try db.finish(window: 3, by: hall.clerk(3))

        let moveStart = try hall.eventCount()
        let window = try db.openWindow(4, by: s03at4, move: true)
        #expect(window.staffID == "S03" && window.state == .open)
        #expect(try db.window(3).staffID == nil)
        #expect(try db.window(3).state == .closed)
        #expect(try db.staffMember("S03").window == 4)
        // Two events: signed out at 3 ("moved"), signed in at 4 (from 3).
        var events: [AuditRecord] = []
        try db.forEachAuditRecord(AuditFilter(fromSeq: Int64(moveStart + 1))) { events.append($0) }
        #expect(events.map(\.kind) == ["sign_out", "sign_in"])
        #expect(events.map(\.windowID) == [3, 4])
        #expect(events.allSatisfy { $0.actor == "S03" && $0.staffID == "S03" })
        #expect(events[0].detail == #"{"reason":"moved"}"#)
        #expect(events[1].detail == #"{"moved_from":3}"#)
    }

    @Test func aDeactivatedPersonCanNoLongerActAndIsSignedOut() throws {
        let hall = try TestHall()
        let db = hall.database
        // Signed in by password a moment ago: the actor she holds stops working once she is deactivated.
        let s03 = try db.authenticate(staff: "S03", password: "demo-S03", at: .window(3))
        _ = try hall.issue("B")
        _ = try db.callNext(window: 3, by: s03)
        // Not while she has a ticket at her window: nothing changes.
        #expect(throws: QueueError.windowBusy(window: 3, code: "B001")) { try db.setStaffActive("S03", false, by: hall.admin) }
        #expect(try db.staffMember("S03").active)
        _ = try db.start(window: 3, by: s03)
        _ = try db.finish(window: 3, by: s03)

        let off = try db.setStaffActive("S03", false, by: hall.admin)
        #expect(!off.active && off.window == nil)
        #expect(try db.window(3).staffID == nil && db.window(3).state == .closed)
        let before = try hall.eventCount()
        #expect(throws: AccessError.unknownOrInactive("S03")) { try db.openWindow(3, by: s03) }
        #expect(throws: AccessError.unknownOrInactive("S03")) { try db.issueTicket(IssueRequest(linePrefix: "B"), by: s03) }
        #expect(throws: AccessError.unknownOrInactive("S03")) { try db.setPassword("S03", "another-password", by: s03) }
        #expect(try hall.eventCount() == before)
        // Nor sign in again (the same answer as a wrong password).
        #expect(throws: AccessError.wrongCredentials) { try db.authenticate(staff: "S03", password: "demo-S03", at: .window(3)) }

        try db.setStaffActive("S03", true, by: hall.admin)
        #expect(try db.openWindow(3, by: s03).staffID == "S03")
    }
}

@Suite struct SignInTests {
    /// Every column of every event, as text (blobs both as UTF-8 and as hex).
    private func everyEventValue(_ hall: TestHall) throws -> [String] {
        try hall.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM hall_event").flatMap { row in
                row.databaseValues.map { value -> String in
                    switch value.storage {
                    case .null: ""
                    case .int64(let n): String(n)
                    case .double(let d): String(d)
                    case .string(let s): s
                    case .blob(let data): String(decoding: data, as: UTF8.self) + " " + Hex.encode(Array(data))
                    }
                }
            }
        }
    }

    private func events(_ hall: TestHall, _ kind: EventKind) throws -> [AuditRecord] {
        var found: [AuditRecord] = []
        try hall.database.forEachAuditRecord { if $0.kind == kind.rawValue { found.append($0) } }
        return found
    }

    @Test func fiveWrongPasswordsLockForFifteenMinutesThenTheRightOneWorks() throws {
        let clock = TestClock("2026-03-02T09:00:00+08:00")
        let hall = try TestHall(clock: clock)
        let db = hall.database
        let wrong = (1...5).map { "Wrong#Pw-\($0)" }
        for password in wrong.dropLast() {
            #expect(throws: AccessError.wrongCredentials) { try db.authenticate(staff: "S03", password: password, at: .window(3)) }
        }
        // The fifth failure locks the account, and says so.
        let lockedAt = clock.now
        #expect(throws: AccessError.locked(staff: "S03", until: "2026-03-02 09:15")) {
            try db.authenticate(staff: "S03", password: wrong[4], at: .window(3))
        }
        #expect(try db.staffMember("S03").lockedUntil == lockedAt.addingTimeInterval(15 * 60))
        // Locked: even the right password is refused (and costs no scrypt).
        #expect(throws: AccessError.locked(staff: "S03", until: "2026-03-02 09:15")) {
            try db.authenticate(staff: "S03", password: "demo-S03", at: .window(3))
        }
        clock.advance(minutes: 14)
        #expect(throws: AccessError.locked(staff: "S03", until: "2026-03-02 09:15")) {
            try db.authenticate(staff: "S03", password: "demo-S03", at: .window(3))
        }
        // Another person is not affected by S03's lock.
        #expect(try db.authenticate(staff: "S04", password: "demo-S04", at: .window(4)).staffID == "S04")
        clock.advance(minutes: 1)
        let actor = try db.authenticate(staff: "s03", password: "demo-S03", at: .window(3))
        #expect(actor == Actor(staff: "S03", terminal: .window(3)))
        #expect(try db.staffMember("S03").lockedUntil == nil)

        // The events: five wrong passwords, two attempts while locked, one lock, one success each.
        let failed = try events(hall, .signInFailed)
        #expect(failed.map(\.staffID) == Array(repeating: "S03", count: 7))
        #expect(failed.map(\.detail) == Array(repeating: #"{"reason":"wrong_password"}"#, count: 5)
                + Array(repeating: #"{"reason":"locked"}"#, count: 2))
        #expect(failed.allSatisfy { $0.actor == "@unauthenticated" && $0.terminal == "window:3" })
        let locked = try events(hall, .accountLocked)
        #expect(locked.count == 1)
        #expect(locked.first?.staffID == "S03")
        #expect(locked.first?.detail == #"{"failures":5,"until":\#(lockedAt.addingTimeInterval(15 * 60).millisecondsSince1970)}"#)
        let authenticated = try events(hall, .authenticated)
        #expect(authenticated.map(\.actor) == ["S04", "S03"])
        #expect(authenticated.last?.terminal == "window:3")
        #expect(authenticated.last?.detail == #"{"method":"password"}"#)
        #expect(try db.verifyAudit().isIntact)

        // No password typed, right or wrong, is anywhere in the event log (any column), nor in the file.
        let values = try everyEventValue(hall)
        for password in wrong + ["demo-S03", "demo-S04"] {
            #expect(!values.contains { $0.contains(password) }, "\(password) is in hall_event")
        }
        let stored = try db.read { try String.fetchAll($0, sql: "SELECT password_hash FROM staff WHERE password_hash IS NOT NULL") }
        #expect(stored.count == 59 && stored.allSatisfy { $0.hasPrefix("$scrypt$ln=15,r=8,p=1$") })
        let fileBytes = try [hall.path, hall.path + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
            .map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for password in wrong + ["demo-S03"] {
            #expect(!fileBytes.contains { $0.range(of: Data(password.utf8)) != nil }, "\(password) is in the database file")
        }
    }

    @Test func aSuccessResetsTheCountAndTheLimitIsASetting() throws {
        let hall = try TestHall()
        let db = hall.database
        var settings = try db.settings()
        settings.lockoutAttempts = 2
        try db.updateSettings(settings, by: hall.admin)
        #expect(throws: AccessError.wrongCredentials) { try db.authenticate(staff: "S05", password: "not-it-1", at: .cli) }
        _ = try db.authenticate(staff: "S05", password: "demo-S05", at: .cli)
        // The count started again: one failure is not two in a row.
        #expect(throws: AccessError.wrongCredentials) { try db.authenticate(staff: "S05", password: "not-it-2", at: .cli) }
        #expect(try db.staffMember("S05").lockedUntil == nil)
        let error = #expect(throws: AccessError.self) { try db.authenticate(staff: "S05", password: "not-it-3", at: .cli) }
        guard case .locked(let staff, _)? = error else { Issue.record("expected a lock, got \(String(describing: error))"); return }
        #expect(staff == "S05")
        // An administrator's new password clears the lock.
        try db.setPassword("S05", "brand-new-pw", by: hall.admin)
        #expect(try db.staffMember("S05").lockedUntil == nil)
        #expect(try db.authenticate(staff: "S05", password: "brand-new-pw", at: .cli).staffID == "S05")
    }

    @Test func anUnknownNumberIsAWrongCredentialAndIsNotRecorded() throws {
        let hall = try TestHall()
        // Someone typed their password into the staff-number field.
        #expect(throws: AccessError.wrongCredentials) { try hall.database.authenticate(staff: "Secret-Pw9", password: "x", at: .cli) }
        let failed = try events(hall, .signInFailed)
        #expect(failed.count == 1)
        #expect(failed.first?.staffID == nil)
        #expect(failed.first?.detail == #"{"reason":"unknown_staff"}"#)
        #expect(!(try everyEventValue(hall)).contains { $0.uppercased().contains("SECRET-PW9") })
        // No password set yet: said plainly (there is nothing to guess).
        try hall.database.addStaff(id: "S09", name: "新同事", roles: [.clerk], by: hall.admin)
        #expect(throws: AccessError.noPassword("S09")) { try hall.database.authenticate(staff: "S09", password: "whatever", at: .cli) }
    }

    @Test func passwordsAreTooShortOrHashedWithSaltAndBoundedCost() throws {
        let hall = try TestHall()
        #expect(throws: StaffError.passwordTooShort(minimum: 8)) { try hall.database.setPassword("S03", "short", by: hall.admin) }
        let one = try PasswordHash.make("same password"), two = try PasswordHash.make("same password")
        #expect(one.encoded != two.encoded)
        #expect(PasswordHash(encoded: one.encoded) == one)
        #expect(one.matches("same password") && !one.matches("same passworD"))
        // A hash written into the file by hand cannot make every sign-in allocate gigabytes.
        let parts = one.encoded.split(separator: "$", omittingEmptySubsequences: false)
        #expect(PasswordHash(encoded: "$scrypt$ln=30,r=8,p=1$\(parts[3])$\(parts[4])") == nil)
        #expect(PasswordHash(encoded: "$argon2id$ln=15,r=8,p=1$\(parts[3])$\(parts[4])") == nil)
    }
}

@Suite struct BoundAccountTests {
    @Test func theBoundAccountIsItsPersonWithoutAPassword() throws {
        let hall = try TestHall()
        let db = hall.database
        #expect(try db.authenticate(osUser: TestHall.osUser, at: .window(1)) == Actor(staff: "S01", terminal: .window(1)))
        #expect(try db.staffMember("S01").osUser == TestHall.osUser)
        #expect(try db.authenticate(osUser: "nobody-bound", at: .cli) == nil)
        // One system account is one person.
        let before = try hall.eventCount()
        #expect(throws: StaffError.osUserTaken(user: TestHall.osUser, staff: "S01")) {
            try db.bindStaff("S02", osUser: TestHall.osUser, by: hall.admin)
        }
        #expect(try hall.eventCount() == before)

        let bound = try db.bindStaff("S02", osUser: "liqiang", by: hall.admin)
        #expect(bound.osUser == "liqiang")
        #expect(try db.authenticate(osUser: "liqiang", at: .window(2))?.staffID == "S02")
        // A deactivated person's account is nobody.
        try db.setStaffActive("S02", false, by: hall.admin)
        #expect(try db.authenticate(osUser: "liqiang", at: .window(2)) == nil)
        try db.setStaffActive("S02", true, by: hall.admin)
        // Unbinding frees the account.
        #expect(try db.bindStaff("S02", osUser: nil, by: hall.admin).osUser == nil)
        #expect(try db.authenticate(osUser: "liqiang", at: .cli) == nil)
        var bindings: [String?] = []
        try db.forEachAuditRecord { if $0.kind == "staff_bound" { bindings.append($0.detail) } }
        #expect(bindings == [#"{"from":null,"to":"liqiang"}"#, #"{"from":"liqiang","to":null}"#])
    }
}
