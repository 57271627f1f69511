import Queue

/// A calendar month (`--month 2026-03`).
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    /// `2026-03`; nil for anything else (a year before 1900 is a typing slip: no hall's ledger reaches back so far).
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), y >= 1900,
              CivilDate(year: y, month: m, day: 1) != nil else { return nil }
        year = y; month = m
    }

    public init(_ date: CivilDate) { year = date.year; month = date.month }

    public var first: CivilDate { CivilDate(year: year, month: month, day: 1) ?? CivilDate.latest }
    public var last: CivilDate { first.adding(days: CivilDate.daysInMonth(year: year, month: month) - 1) }
    public var description: String { String(year) + "-" + (month < 10 ? "0" : "") + String(month) }
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// `desk handover report --month M`: the summary the hall and the supervising departments exchange each month, per
/// supervising department, over the cases **handed over in that month**: how many, how many acknowledged (in time
/// or late), the late ones, the ones still unacknowledged on the day of the report (by case number), and the average
/// working days from handover to acknowledgement. Pure: the ledger's lines in, the figures out.
public struct HandoverReport: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var supervisor: String
        public var handedOver: Int
        /// Acknowledged, in time or late.
        public var acknowledged: Int
        public var acknowledgedLate: Int
        /// Not acknowledged on the report's day, by case number (the overdue ones among them in `overdue`).
        public var unacknowledged: [String]
        public var overdue: [String]
        /// Working days from handover to acknowledgement, summed over the acknowledged lines that could be counted.
        public var workingDaysToAcknowledge: Int
        public var countedAcknowledgements: Int
        /// Lines whose figures cannot be counted (a year without a holiday schedule), by case number.
        public var uncounted: [String]

        /// Mean working days from handover to acknowledgement; nil when nothing acknowledged could be counted.
        public var averageWorkingDaysToAcknowledge: Double? {
            countedAcknowledgements > 0 ? Double(workingDaysToAcknowledge) / Double(countedAcknowledgements) : nil
        }

        init(supervisor: String) {
            self.supervisor = supervisor; handedOver = 0; acknowledged = 0; acknowledgedLate = 0; unacknowledged = []; overdue = []
            workingDaysToAcknowledge = 0; countedAcknowledgements = 0; uncounted = []
        }
    }

    public var month: YearMonth
    /// The day the report was made: "still unacknowledged" is as of this day.
    public var asOf: CivilDate
    public var ackDays: Int
    /// By supervising department, in name order.
    public var rows: [Row]

    /// Every supervising department together.
    public var totals: Row {
        var total = Row(supervisor: "")
        for row in rows {
            total.handedOver += row.handedOver; total.acknowledged += row.acknowledged; total.acknowledgedLate += row.acknowledgedLate
            total.unacknowledged += row.unacknowledged; total.overdue += row.overdue; total.uncounted += row.uncounted
            total.workingDaysToAcknowledge += row.workingDaysToAcknowledge; total.countedAcknowledgements += row.countedAcknowledgements
        }
        return total
    }

    public static func make(month: YearMonth, lines: [HandoverLine], asOf today: CivilDate, ackDays: Int,
                            calendar: WorkingCalendar) -> HandoverReport {
        let inMonth = lines.filter { YearMonth($0.handedOverOn) == month }
        let bySupervisor = Dictionary(grouping: inMonth, by: \.supervisor)
        let rows = bySupervisor.keys.sorted().map { supervisor -> Row in
            var row = Row(supervisor: supervisor)
            for line in (bySupervisor[supervisor] ?? []).sorted(by: { $0.caseNumber < $1.caseNumber }) {
                row.handedOver += 1
                // Acknowledged after the report's day: not yet, as of that day.
                let acknowledgedOn = line.acknowledgedOn.flatMap { $0 <= today ? $0 : nil }
                if acknowledgedOn != nil { row.acknowledged += 1 } else { row.unacknowledged.append(line.caseNumber) }
                guard let status = try? HandoverAcknowledgementRule.status(handedOverOn: line.handedOverOn, acknowledgedOn: acknowledgedOn,
                                                                           today: today, days: ackDays, calendar: calendar) else {
                    row.uncounted.append(line.caseNumber)
                    continue
                }
                if case .acknowledgedLate = status { row.acknowledgedLate += 1 }
                if status.isOverdue { row.overdue.append(line.caseNumber) }
                if let took = status.workingDaysToAcknowledge {
                    row.workingDaysToAcknowledge += took; row.countedAcknowledgements += 1
                }
            }
            return row
        }
        return HandoverReport(month: month, asOf: today, ackDays: ackDays, rows: rows)
    }
}

extension HandoverReport {
    /// The column headers of the report's table (text and CSV), in both languages.
    public static let headers: [Bilingual] = [
        Bilingual(en: "Supervising department", zh: "监管部门"),
        Bilingual(en: "Handed", zh: "移交"),
        Bilingual(en: "Acked", zh: "已签收"),
        Bilingual(en: "Late", zh: "逾期签收"),
        Bilingual(en: "Unacked", zh: "未签收"),
        Bilingual(en: "Avg days", zh: "平均天数"),
    ]
    public static let totalLabel = Bilingual(en: "Total", zh: "合计")
    public static let casesHeader = Bilingual(en: "Unacknowledged cases", zh: "未签收办件")

    /// The average as printed: one decimal, or "-" when nothing acknowledged could be counted.
    public static func average(_ value: Double?) -> String {
        guard let value else { return "-" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// RFC 4180 text (UTF-8 with a byte order mark, for spreadsheets), one row per supervising department and the
    /// total (an average that cannot be given is an empty cell); cells neutralised against formula injection as the catalog export does (`CatalogCSV.neutralised`).
    public func csv(language: Language) -> String {
        func cells(_ row: Row, _ name: String) -> [String] {
            [name, String(row.handedOver), String(row.acknowledged), String(row.acknowledgedLate), String(row.unacknowledged.count),
             row.averageWorkingDaysToAcknowledge.map(Self.average) ?? "", row.unacknowledged.joined(separator: " ")]
        }
        let header = (Self.headers + [Self.casesHeader]).map { $0.text(language) }
        let body = rows.map { cells($0, $0.supervisor) } + [cells(totals, Self.totalLabel.text(language))]
        return CSV.write([header] + body.map { $0.map(CatalogCSV.neutralised) })
    }
}
