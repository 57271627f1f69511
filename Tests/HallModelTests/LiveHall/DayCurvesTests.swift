import Foundation
import Testing
@testable import HallModel
import Queue

/// The day's charts (`DayCurves`): arrivals and served per hour as `DayStatistics` counts them, and the waiting count
/// at the end of each bucket, folded from a day built by hand.
@Suite struct DayCurvesTests {
    let midnight = Date(timeIntervalSince1970: 1_772_380_800)  // any midnight: the fold only takes offsets from it

    func at(_ hour: Int, _ minute: Int) -> Date { midnight.addingTimeInterval(Double(hour * 3600 + minute * 60)) }
    func event(_ ticket: Int64, _ kind: EventKind, _ hour: Int, _ minute: Int) -> DayStatistics.Event {
        DayStatistics.Event(ticketID: ticket, kind: kind.rawValue, at: at(hour, minute), window: 1, lineID: 1)
    }

    @Test func arrivalsAndServedPerHourAndTheWaitingCountPerBucket() {
        let events = [
            event(1, .issue, 8, 5), event(2, .issue, 8, 20), event(3, .issue, 9, 1),
            event(1, .call, 8, 40), event(1, .start, 8, 41), event(1, .finish, 9, 10),
            event(2, .call, 9, 5), event(2, .noShow, 9, 8),       // left the queue, never served
            event(2, .reopen, 9, 20),                               // back in the queue
            event(3, .cancel, 9, 50),
        ]
        let curves = DayCurves.compute(events: events, dayStart: midnight, until: at(10, 0))
        #expect(curves.hours.count == 24)
        #expect(curves.hours[8] == DayCurves.Hour(hour: 8, arrivals: 2, served: 0))
        #expect(curves.hours[9] == DayCurves.Hour(hour: 9, arrivals: 1, served: 1))
        // 10:00 is the first minute of bucket 40: 41 buckets, the last one the bucket now is in.
        #expect(curves.waiting.count == 41)
        // 08:00–08:15: ticket 1 waiting; 08:15–08:30: 1 and 2; 08:30–08:45: 2 (1 called at 08:40); 08:45–09:00: 2.
        #expect(Array(curves.waiting[32...35]) == [1, 2, 1, 1])
        // 09:00–09:15: 3 arrives, 2 is called: 1 waiting (3); 09:15–09:30: 2 reopened: 2; 09:45–10:00: 3 cancelled: 1.
        #expect(Array(curves.waiting[36...39]) == [1, 2, 2, 1])
    }

    @Test func theFiguresAgreeWithTheDaysStatistics() {
        let events = [event(1, .issue, 8, 5), event(1, .call, 8, 10), event(1, .start, 8, 11), event(1, .finish, 8, 30),
                      event(2, .issue, 8, 6), event(2, .call, 8, 31), event(2, .start, 8, 32), event(2, .finish, 8, 50),
                      event(2, .reopen, 9, 0), event(2, .cancel, 9, 1)]
        let curves = DayCurves.compute(events: events, dayStart: midnight, until: at(12, 0))
        let line = ServiceLine(id: 1, prefix: "A", name: "A", targetWaitMinutes: 15)
        let day = DayStatistics.compute(businessDate: "2026-03-02", events: events, lines: [line], windows: [])
        #expect(curves.hours.map(\.arrivals).reduce(0, +) == day.total.arrivals)
        #expect(curves.hours.map(\.served).reduce(0, +) == day.total.served)
    }

    @Test func aDayWithNothingIsFlat() {
        let curves = DayCurves.compute(events: [], dayStart: midnight, until: at(23, 59))
        #expect(curves.waiting.count == 96)
        #expect(curves.waiting.allSatisfy { $0 == 0 })
        #expect(curves.hours.allSatisfy { $0.arrivals == 0 && $0.served == 0 })
    }
}
