import Foundation
import Testing
@testable import Queue

@Suite struct CallingPolicyTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let lineA = ServiceLine(id: 1, prefix: "A", name: "综合受理", targetWaitMinutes: 15)
    let lineB = ServiceLine(id: 2, prefix: "B", name: "企业开办", targetWaitMinutes: 20)
    var lines: [Int64: ServiceLine] { [1: lineA, 2: lineB] }

    func window(_ profile: [ProfileEntry] = [ProfileEntry(lineID: 1), ProfileEntry(lineID: 2)],
                filter: WindowFilter = .all, streak: Int = 0) -> ServiceWindow {
        ServiceWindow(id: 1, name: "1", profile: profile, filter: filter, state: .open, priorityStreak: streak)
    }

    func ticket(_ id: Int64, line: Int64 = 1, _ priority: PriorityClass = .normal, waitedMinutes: Double,
                appointmentInMinutes: Double? = nil) -> WaitingTicket {
        WaitingTicket(id: id, code: "T\(id)", lineID: line, priority: priority,
                      appointmentAt: appointmentInMinutes.map { now.addingTimeInterval($0 * 60) },
                      queuedAt: now.addingTimeInterval(-waitedMinutes * 60))
    }

    func choose(_ tickets: [WaitingTicket], window w: ServiceWindow? = nil, policy: CallingPolicy = .standard) -> CallingPolicy.Decision? {
        policy.choose(window: w ?? window(), lines: lines, candidates: tickets, now: now)
    }

    @Test func fifoCallsTheLongestWaiting() {
        let d = choose([ticket(1, waitedMinutes: 3), ticket(2, waitedMinutes: 5), ticket(3, line: 2, waitedMinutes: 4)])
        #expect(d?.ticket.id == 2)
        #expect(d?.reason == .fifo)
    }

    @Test func aTicketPlacedAtTheFrontBeatsTheWeightsAndOverdueLines() {
        // Line B weighs 1, line A 0.5 would still win on a 40-minute wait (overdue too); the placed ticket goes first.
        var placed = ticket(9, line: 2, waitedMinutes: 0)
        placed.placedFront = true
        let w = window([ProfileEntry(lineID: 2, weight: 1), ProfileEntry(lineID: 1, weight: 0.5)])
        let d = choose([ticket(1, waitedMinutes: 40), ticket(2, .elderly, waitedMinutes: 30), placed], window: w)
        #expect(d?.ticket.id == 9 && d?.reason == .placedFront && d?.priorityStreak == 0)
        // A due appointment still goes before it; a window whose filter does not admit it does not call it.
        #expect(choose([placed, ticket(3, waitedMinutes: 1, appointmentInMinutes: 0)], window: w)?.ticket.id == 3)
        #expect(choose([placed], window: window(filter: .priorityOnly)) == nil)
    }

    @Test func nothingWaitingMeansNoDecision() {
        #expect(choose([]) == nil)
        // A ticket of a line the window does not serve is not a candidate.
        #expect(choose([ticket(1, line: 9, waitedMinutes: 5)]) == nil)
    }

    @Test func greenChannelGoesFirst() {
        let d = choose([ticket(1, waitedMinutes: 14), ticket(2, .elderly, waitedMinutes: 10), ticket(3, .greenChannel, waitedMinutes: 0)])
        #expect(d?.ticket.id == 3)
        #expect(d?.reason == .greenChannel)
        var policy = CallingPolicy.standard
        policy.greenChannelFirst = false
        #expect(choose([ticket(1, waitedMinutes: 14), ticket(3, .greenChannel, waitedMinutes: 0)], policy: policy)?.ticket.id == 1)
    }

    @Test func dueAppointmentsComeBeforeWalkIns() {
        let d = choose([ticket(1, waitedMinutes: 10), ticket(2, waitedMinutes: 1, appointmentInMinutes: -1)])
        #expect(d?.ticket.id == 2)
        #expect(d?.reason == .appointmentDue)
    }

    @Test func appointmentsNotDueWaitForTheirTime() {
        let d = choose([ticket(1, waitedMinutes: 1), ticket(2, waitedMinutes: 20, appointmentInMinutes: 30)])
        #expect(d?.ticket.id == 1)
        // … but an idle window calls the early arrival rather than sit idle.
        let idle = choose([ticket(2, waitedMinutes: 20, appointmentInMinutes: 30)])
        #expect(idle?.ticket.id == 2)
        #expect(idle?.reason == .earlyAppointment)
        var policy = CallingPolicy.standard
        policy.callEarlyAppointmentsWhenIdle = false
        #expect(choose([ticket(2, waitedMinutes: 20, appointmentInMinutes: 30)], policy: policy) == nil)
        policy.appointmentEarlyMinutes = 30
        #expect(choose([ticket(2, waitedMinutes: 20, appointmentInMinutes: 30)], policy: policy)?.reason == .appointmentDue)
    }

    @Test func aLineWhoseHeadIsOverdueIsEscalated() {
        // A's head waited 10 min (target 15); B's head 25 min (target 20): B is overdue.
        // FIFO with A weighted ×3 would pick A (30 > 25); the SLA rule picks B.
        let w = window([ProfileEntry(lineID: 1, weight: 3), ProfileEntry(lineID: 2)])
        let d = choose([ticket(1, waitedMinutes: 10), ticket(2, line: 2, waitedMinutes: 25)], window: w)
        #expect(d?.ticket.id == 2)
        #expect(d?.reason == .overdueLine)
        var policy = CallingPolicy.standard
        policy.escalateOverdueLines = false
        #expect(choose([ticket(1, waitedMinutes: 10), ticket(2, line: 2, waitedMinutes: 25)], window: w, policy: policy)?.ticket.id == 1)
    }

    @Test func theMostOverdueLineWins() {
        // A: 30/15 = 2.0 over; B: 30/20 = 1.5 over.
        let d = choose([ticket(1, line: 2, waitedMinutes: 30), ticket(2, line: 1, waitedMinutes: 30)])
        #expect(d?.ticket.id == 2)
    }

    @Test func priorityClassesAreCalledBeforeNormal() {
        let d = choose([ticket(1, waitedMinutes: 10), ticket(2, .pregnant, waitedMinutes: 1)])
        #expect(d?.ticket.id == 2)
        #expect(d?.reason == .priority)
        #expect(d?.priorityStreak == 1)
    }

    @Test func antiStarvationLetsANormalTicketThroughAfterTwoPriorityCalls() {
        var w = window()
        var pool = [ticket(1, waitedMinutes: 10)] + (2...6).map { ticket(Int64($0), .elderly, waitedMinutes: Double(7 - $0)) }
        var called: [Int64] = []
        while let d = choose(pool, window: w) {
            called.append(d.ticket.id)
            pool.removeAll { $0.id == d.ticket.id }
            w.priorityStreak = d.priorityStreak
        }
        #expect(called == [2, 3, 1, 4, 5, 6])
    }

    @Test func theStreakLimitIsConfigurable() {
        var policy = CallingPolicy.standard
        policy.maxConsecutivePriorityCalls = 1
        let d = choose([ticket(1, waitedMinutes: 10), ticket(2, .elderly, waitedMinutes: 1)], window: window(streak: 1), policy: policy)
        #expect(d?.ticket.id == 1)
        #expect(d?.priorityStreak == 0)
        // With no normal ticket waiting, priority is called whatever the streak.
        #expect(choose([ticket(2, .elderly, waitedMinutes: 1)], window: window(streak: 5))?.ticket.id == 2)
    }

    @Test func weightsScaleWaitsAndProfileOrderBreaksTies() {
        let w = window([ProfileEntry(lineID: 1, weight: 1), ProfileEntry(lineID: 2, weight: 2)])
        // B's 4 minutes count as 8 > A's 6.
        #expect(choose([ticket(1, waitedMinutes: 6), ticket(2, line: 2, waitedMinutes: 4)], window: w)?.ticket.id == 2)
        // Equal weighted waits: the line listed first wins.
        let tie = window([ProfileEntry(lineID: 2), ProfileEntry(lineID: 1)])
        #expect(choose([ticket(1, waitedMinutes: 5), ticket(2, line: 2, waitedMinutes: 5)], window: tie)?.ticket.id == 2)
    }

    @Test func windowFiltersRestrictCandidates() {
        let tickets = [ticket(1, waitedMinutes: 10), ticket(2, .military, waitedMinutes: 1), ticket(3, waitedMinutes: 2, appointmentInMinutes: 60)]
        #expect(choose(tickets, window: window(filter: .priorityOnly))?.ticket.id == 2)
        #expect(choose(tickets, window: window(filter: .appointmentsOnly))?.ticket.id == 3)
        #expect(choose([ticket(1, waitedMinutes: 10)], window: window(filter: .priorityOnly)) == nil)
    }

    @Test func candidatesAloneGiveTheSameAnswerAsTheWholeQueue() {
        // The database passes only the earliest ticket of each category per line; the choice must not change.
        var all: [WaitingTicket] = []
        var id: Int64 = 0
        for line: Int64 in [1, 2] {
            for (i, p) in [PriorityClass.normal, .elderly, .normal, .disabled, .greenChannel, .normal].enumerated() {
                id += 1
                all.append(ticket(id, line: line, p, waitedMinutes: Double((Int(id) * 7) % 13) + Double(i)))
            }
            id += 1
            all.append(ticket(id, line: line, waitedMinutes: 3, appointmentInMinutes: Double(line) * 5 - 7))
        }
        var w = window()
        var remaining = all
        while !remaining.isEmpty {
            let candidates = Dictionary(grouping: remaining) { "\($0.lineID)-\($0.category)" }.values.map { group in
                group.min { ($0.queuedAt, $0.id) < ($1.queuedAt, $1.id) }!
            } + Dictionary(grouping: remaining.filter { $0.appointmentAt != nil }, by: \.lineID).values.map { group in
                group.min { ($0.appointmentAt!, $0.id) < ($1.appointmentAt!, $1.id) }!
            }
            let full = choose(remaining, window: w)
            let fromCandidates = choose(candidates, window: w)
            #expect(full == fromCandidates)
            guard let full else { break }
            remaining.removeAll { $0.id == full.ticket.id }
            w.priorityStreak = full.priorityStreak
        }
    }

    @Test func waitEstimateFormula() {
        #expect(WaitEstimate.minutes(ahead: 0, serviceMinutes: 8, windowsServing: 2) == 0)
        #expect(WaitEstimate.minutes(ahead: 3, serviceMinutes: 8, windowsServing: 2) == 12)
        #expect(WaitEstimate.minutes(ahead: 1, serviceMinutes: 5, windowsServing: 2) == 3)
        // Nobody serves the line: no estimate at all, not "no wait".
        #expect(WaitEstimate.minutes(ahead: 4, serviceMinutes: 6, windowsServing: 0) == nil)
        #expect(WaitEstimate.minutes(ahead: 0, serviceMinutes: 6, windowsServing: 0) == nil)
    }
}
