import Foundation
import Queue

/// Everything `desk report daily|monthly` prints, in every format: the ticket figures (the event log's
/// `DayStatistics`, over the whole period, and each day of a month), the case figures (`CaseFigures`), the ratings
/// (`RatingSummary`) and the complaints (`ComplaintSummary`).
/// Built by `HallDatabase.report(_:by:)` in one read transaction; the formats only lay it out.
public struct HallReport: Sendable {
    public var period: ReportPeriod
    public var hallName: String
    /// When it was made (the hall's clock) and the hall's zone (the hours of the charts are the zone's).
    public var generatedAt: Date
    public var timeZone: TimeZone
    /// The period's ticket figures: a month's percentiles over all its waits, its window and staff times summed.
    public var tickets: DayStatistics
    /// A month: each date with tickets (empty for a daily report).
    public var ticketDays: [DayStatistics]
    public var cases: CaseFigures
    /// The ratings (好差评) of the period's business days and their bad reviews' rectifications, as they stand on the
    /// day the report is made (`RatingSummary`).
    public var ratings: RatingSummary
    /// The complaints received in the period, as they stand on the day the report is made (`ComplaintSummary`).
    public var complaints: ComplaintSummary

    public init(period: ReportPeriod, hallName: String, generatedAt: Date, timeZone: TimeZone, tickets: DayStatistics,
                ticketDays: [DayStatistics], cases: CaseFigures, ratings: RatingSummary, complaints: ComplaintSummary) {
        self.period = period; self.hallName = hallName; self.generatedAt = generatedAt; self.timeZone = timeZone
        self.tickets = tickets; self.ticketDays = ticketDays; self.cases = cases; self.ratings = ratings; self.complaints = complaints
    }

    /// The dates of a month's per-day table: every date with tickets or intakes or acceptances, in order.
    public var days: [(date: CivilDate, tickets: DayStatistics.Figures?, cases: CaseFigures.Counts?)] {
        var tickets: [CivilDate: DayStatistics.Figures] = [:]
        for day in ticketDays { if let date = try? CivilDate(parsing: day.businessDate) { tickets[date] = day.total } }
        let cases = Dictionary(self.cases.perDay.map { ($0.date, $0.counts) }, uniquingKeysWith: { a, _ in a })
        return Set(tickets.keys).union(cases.keys).sorted().map { ($0, tickets[$0], cases[$0]) }
    }
}
