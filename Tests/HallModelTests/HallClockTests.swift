import Foundation
import Testing
@testable import HallModel

/// DESK_NOW is read strictly: no day that does not exist, no offset beyond ±14:00.
@Suite struct FixedClockParsingTests {
    @Test func onlyRealTimesAreAccepted() {
        #expect(HallClock.parseISO8601("2026-02-12T09:30:00+08:00") != nil)
        #expect(HallClock.parseISO8601("2026-02-12T01:30:00Z") != nil)
        #expect(HallClock.parseISO8601("2026-02-12T09:30:00.250+08:00") != nil)
        #expect(HallClock.parseISO8601("2024-02-29T09:30:00+08:00") != nil)
        for bad in ["2026-02-30T09:30:00+08:00", "2025-02-29T09:30:00+08:00", "2026-02-12T24:00:00+08:00",
                    "2026-02-12T09:60:00+08:00", "2026-02-12T09:30:00+99:00", "2026-02-12T09:30:00+14:30",
                    "2026-02-12 09:30:00+08:00", "2026-02-12T09:30:00", "2026-2-12T09:30:00+08:00", "2026-02-12T09:30:00+0800"] {
            #expect(HallClock.parseISO8601(bad) == nil, "\(bad)")
        }
    }
}
