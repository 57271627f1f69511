import Foundation
@testable import HallModel
import Queue
import Testing

/// A window's day: open time split into paused, occupied and idle; per staff figures; idle windows listed.
@Suite struct WindowTimesTests {
    let start = Date(timeIntervalSince1970: 1_780_000_000)
    func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }
    /// Seconds as whole minutes (date arithmetic leaves fractions of a microsecond).
    func minutes(_ seconds: Double?) -> Double? { seconds.map { ($0 / 60).rounded() } }

    @Test func openTimeSplitsIntoPausedOccupiedAndIdle() {
        let marks: [WindowTimes.Mark] = [
            .init(kind: .signIn, at: at(0), window: 1, ticketID: nil),
            .init(kind: .call, at: at(10), window: 1, ticketID: 7),          // idle 0–10
            .init(kind: .start, at: at(12), window: 1, ticketID: 7),
            .init(kind: .finish, at: at(20), window: 1, ticketID: 7),        // occupied 10–20
            .init(kind: .pause, at: at(25), window: 1, ticketID: nil),       // idle 20–25
            .init(kind: .resumeWindow, at: at(40), window: 1, ticketID: nil), // paused 25–40
            .init(kind: .call, at: at(45), window: 1, ticketID: 8),          // idle 40–45
            .init(kind: .cancel, at: at(50), window: nil, ticketID: 8),      // occupied 45–50 (no window on the event)
            .init(kind: .signOut, at: at(60), window: 1, ticketID: nil),     // idle 50–60
            .init(kind: .call, at: at(70), window: 2, ticketID: 9),          // window 2 never signed in
        ]
        let times = WindowTimes.fold(marks, until: at(90))
        let w1 = times[1] ?? WindowTimes()
        #expect(minutes(w1.openSeconds) == 60)
        #expect(minutes(w1.pausedSeconds) == 15)
        #expect(minutes(w1.occupiedSeconds) == 15)
        #expect(minutes(w1.idleSeconds) == 30)
        #expect(minutes((times[2] ?? WindowTimes()).openSeconds) == 0)
    }

    @Test func aWindowStillOpenCountsUntilNow() {
        let times = WindowTimes.fold([.init(kind: .signIn, at: at(0), window: 3, ticketID: nil)], until: at(30))
        #expect(minutes(times[3]?.idleSeconds) == 30)
    }

    @Test func statisticsListEveryWindowAndEachStaffMember() throws {
        let hall = try TestHall()
        _ = try hall.issue("A")
        hall.clock.advance(minutes: 2)
        _ = try hall.database.callNext(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 1)
        try hall.database.start(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 5)
        try hall.database.finish(window: 1, by: hall.clerk(1))
        hall.clock.advance(minutes: 2)
        let stats = try hall.database.statistics()
        // Every window of the demo hall, though only window 1 called anybody.
        #expect(stats.perWindow.count == 8)
        let w1 = try #require(stats.perWindow.first { $0.window == 1 })
        #expect(minutes(w1.times.openSeconds) == 10 && minutes(w1.times.occupiedSeconds) == 6 && minutes(w1.times.idleSeconds) == 4)
        let w2 = try #require(stats.perWindow.first { $0.window == 2 })
        #expect(w2.figures.called == 0 && minutes(w2.times.idleSeconds) == 10)
        // The clerk who called (S01 at window 1), by name.
        #expect(stats.perStaff.map(\.staff) == ["S01"])
        #expect(stats.perStaff.first?.figures.served == 1)
        #expect(stats.perStaff.first?.name.isEmpty == false)
    }
}
