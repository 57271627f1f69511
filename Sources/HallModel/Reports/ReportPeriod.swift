import Queue

/// Which report: one business date, or the calendar month of a date.
public enum ReportKind: String, Sendable, CaseIterable, Codable {
    case daily
    case monthly

    public var label: Bilingual {
        switch self {
        case .daily: Bilingual(en: "Daily report", zh: "日报")
        case .monthly: Bilingual(en: "Monthly report", zh: "月报")
        }
    }
}

/// The business dates a report covers: `first`…`last`, both included.
public struct ReportPeriod: Sendable, Hashable {
    public var kind: ReportKind
    public var first: CivilDate
    public var last: CivilDate

    /// A daily report covers `date`; a monthly one the whole calendar month of `date`.
    public init(_ kind: ReportKind, date: CivilDate) {
        self.kind = kind
        switch kind {
        case .daily: first = date; last = date
        case .monthly:
            first = date.adding(days: 1 - date.day)
            last = first.adding(days: CivilDate.daysInMonth(year: date.year, month: date.month) - 1)
        }
    }

    public func contains(_ date: CivilDate) -> Bool { first <= date && date <= last }

    /// "2026-03-02", or "2026-03" for a month: the report's name for its period (and its files').
    public var name: String {
        switch kind {
        case .daily: first.description
        case .monthly: String(first.description.prefix(7))
        }
    }
}
