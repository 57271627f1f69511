import Foundation
import Queue

/// One value of a report table: typed, so JSON gets numbers, CSV stable plain numbers, and text and HTML their display.
public enum ReportCell: Sendable, Equatable {
    case text(String)
    case count(Int)
    /// Seconds, shown in minutes with one decimal; nil: nothing to measure ("-").
    case minutes(Double?)
    /// 0…1, shown in percent; nil: no denominator ("-").
    case rate(Double?)

    /// Minutes with one decimal (the stable numeric form of CSV and JSON).
    public static func minutesValue(_ seconds: Double) -> Double { (seconds / 60 * 10).rounded() / 10 }
    /// Percent with one decimal.
    public static func percentValue(_ rate: Double) -> Double { (rate * 1000).rounded() / 10 }

    /// The display: counts grouped by thousands ("25,648"), minutes "12.5", rates "96.2%", nothing "-".
    public var display: String {
        switch self {
        case .text(let s): s
        case .count(let n): Self.grouped(n)
        case .minutes(let s): s.map { String(format: "%.1f", Self.minutesValue($0)) } ?? "-"
        case .rate(let r): r.map { Self.percentText($0) } ?? "-"
        }
    }

    /// The CSV field: plain numbers (no grouping, no unit), empty for nothing.
    public var csv: String {
        switch self {
        case .text(let s): s
        case .count(let n): String(n)
        case .minutes(let s): s.map { String(format: "%.1f", Self.minutesValue($0)) } ?? ""
        case .rate(let r): r.map { String(format: "%.1f", Self.percentValue($0)) } ?? ""
        }
    }

    /// "100%", "96.2%": a whole percent without decimals, as the bureau writes it.
    public static func percentText(_ rate: Double) -> String {
        let p = percentValue(rate)
        return p == p.rounded() ? String(format: "%.0f%%", p) : String(format: "%.1f%%", p)
    }

    public static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}

/// A table of a report: its stable key (CSV block, JSON member), its title, its columns (stable key, heading, width
/// in the text report) and its rows. Every format lays out the same tables, so they say the same.
public struct ReportTable: Sendable {
    public struct Column: Sendable {
        public var key: String
        public var heading: Bilingual
        /// Display columns in the 80-column text report, the space after it included.
        public var width: Int
    }
    public var key: String
    public var title: Bilingual
    public var columns: [Column]
    public var rows: [[ReportCell]]
}

extension HallReport {
    /// The report's tables, in the order every format prints them. `language` names rows (windows, "all").
    public func tables(_ language: Language) -> [ReportTable] {
        func col(_ key: String, _ en: String, _ zh: String, _ width: Int = 8) -> ReportTable.Column {
            ReportTable.Column(key: key, heading: Bilingual(en: en, zh: zh), width: width)
        }
        let all = Bilingual(en: "All", zh: "全部").text(language)
        var tables: [ReportTable] = []

        // Tickets: the hall and each line.
        let lineColumns = [col("line", "Line", "号段", 16), col("arrivals", "Taken", "取号"), col("served", "Served", "办结"),
                           col("no_shows", "No-show", "过号"), col("wait_avg_min", "Wait", "平均等候", 9), col("wait_p90_min", "Wait p90", "P90等候", 9),
                           col("wait_max_min", "Wait max", "最长等候", 9), col("service_level", "Level", "达标率")]
        func lineRow(_ label: String, _ f: DayStatistics.Figures) -> [ReportCell] {
            [.text(label), .count(f.arrivals), .count(f.served), .count(f.noShows), .minutes(f.averageWaitSeconds),
             .minutes(f.p90WaitSeconds), .minutes(f.maxWaitSeconds), .rate(f.serviceLevel)]
        }
        tables.append(ReportTable(key: "tickets_by_line", title: Bilingual(en: "Tickets by line (waits in minutes)", zh: "分号段叫号情况（等候：分钟）"),
                                  columns: lineColumns,
                                  rows: [lineRow(all, tickets.total)] + tickets.perLine.map { lineRow("\($0.prefix) \($0.name)", $0.figures) }))

        // Productivity: each window and each staff member, with idle and pause time.
        func productivity(_ label: String, _ f: DayStatistics.Figures, _ t: WindowTimes) -> [ReportCell] {
            [.text(label), .count(f.called), .count(f.served), .minutes(f.averageServiceSeconds), .minutes(f.busySeconds),
             .minutes(t.openSeconds), .minutes(t.idleSeconds), .minutes(t.pausedSeconds)]
        }
        func productivityColumns(_ first: ReportTable.Column) -> [ReportTable.Column] {
            [first, col("called", "Called", "叫号"), col("served", "Served", "办结"), col("service_avg_min", "Serv avg", "平均办理", 9),
             col("busy_min", "Busy", "办理时长", 9), col("open_min", "Signed in", "在岗时长", 10), col("idle_min", "Idle", "空闲", 9),
             col("paused_min", "Paused", "暂停", 9)]
        }
        tables.append(ReportTable(key: "windows", title: Bilingual(en: "Windows (minutes)", zh: "窗口工作量（分钟）"),
                                  columns: productivityColumns(col("window", "Window", "窗口", 16)),
                                  rows: tickets.perWindow.map {
                                      productivity(Bilingual(en: "\($0.window) \($0.name)", zh: "\($0.window)号 \($0.name)").text(language), $0.figures, $0.times)
                                  }))
        tables.append(ReportTable(key: "staff", title: Bilingual(en: "Staff (minutes)", zh: "人员工作量（分钟）"),
                                  columns: productivityColumns(col("staff", "Staff", "人员", 16)),
                                  rows: tickets.perStaff.map { productivity("\($0.staff) \($0.name)", $0.figures, $0.times) }))

        // Cases: the hall, each department, each item.
        let caseColumns = { (first: ReportTable.Column) in
            [first, col("received", "Intakes", "收件"), col("accepted", "Accepted", "受理", 9), col("tolerated", "Partial", "容缺"),
             col("notices", "Notices", "补正告知", 9), col("refused", "Refused", "不予受理", 9), col("completed", "Done", "办结", 7),
             col("completion_rate", "Done %", "办结率", 7), col("on_time_rate", "On time", "按时率", 8)]
        }
        func caseRow(_ label: String, _ c: CaseFigures.Counts) -> [ReportCell] {
            [.text(label), .count(c.received), .count(c.accepted), .count(c.tolerated), .count(c.notices), .count(c.refused),
             .count(c.completed), .rate(c.completionRate), .rate(c.onTimeRate)]
        }
        tables.append(ReportTable(key: "cases_by_department", title: Bilingual(en: "Cases by department", zh: "分部门办件情况"),
                                  columns: caseColumns(col("department", "Department", "部门", 15)),
                                  rows: [caseRow(all, cases.total)] + cases.perDepartment.map { caseRow($0.name, $0.counts) }))
        tables.append(ReportTable(key: "cases_by_item", title: Bilingual(en: "Cases by item", zh: "分事项办件情况"),
                                  columns: caseColumns(col("item", "Item", "事项", 15)),
                                  rows: cases.perItem.map { caseRow($0.item.name, $0.counts) }))

        // Ratings (好差评): the five levels with their share of the rated; the bad reviews' rectifications by state.
        tables.append(ReportTable(key: "ratings", title: Bilingual(en: "Ratings", zh: "好差评"),
                                  columns: [col("level", "Level", "等级", 6), col("label", "Rating", "评价", 22), col("ratings", "Ratings", "条数"),
                                            col("share", "Share", "占比")],
                                  rows: RatingLevel.allCases.reversed().map { level in
                                      [.count(level.rawValue), .text(level.label.text(language)), .count(ratings.distribution[level] ?? 0),
                                       .rate(ratings.share(level))]
                                  }))
        tables.append(ReportTable(key: "rectifications", title: Bilingual(en: "Bad reviews: rectifications by state", zh: "差评整改情况"),
                                  columns: [col("state", "State", "状态", 22), col("rectifications", "Count", "件数")],
                                  rows: [[.text(all), .count(ratings.rectifications.values.reduce(0, +))]]
                                      + RectificationState.allCases.map { [.text($0.label.text(language)), .count(ratings.rectifications[$0] ?? 0)] }
                                      + [[.text(Bilingual(en: "overdue (pending past due)", zh: "逾期未整改").text(language)), .count(ratings.overdue)]]))

        // Complaints (投诉): received by source; the closed ones by the complainant's satisfaction.
        tables.append(ReportTable(key: "complaints_by_source", title: Bilingual(en: "Complaints by source", zh: "分来源投诉情况"),
                                  columns: [col("source", "Source", "来源", 22), col("received", "Received", "登记", 9)],
                                  rows: [[.text(all), .count(complaints.received)]]
                                      + ComplaintSource.allCases.map { [.text($0.label.text(language)), .count(complaints.bySource[$0] ?? 0)] }))
        tables.append(ReportTable(key: "complaint_satisfaction", title: Bilingual(en: "Closed complaints: the complainant's satisfaction",
                                                                                  zh: "已办结投诉的投诉人满意度"),
                                  columns: [col("satisfaction", "Satisfaction", "满意度", 22), col("complaints", "Closed", "件数")],
                                  rows: ComplaintSatisfaction.allCases.map { [.text($0.label.text(language)), .count(complaints.satisfaction[$0] ?? 0)] }))

        // The hours and the waits: the charts' data.
        let hours = tickets.hourly.filter { $0.arrivals > 0 || $0.served > 0 }
        tables.append(ReportTable(key: "hourly", title: Bilingual(en: "Arrivals and served by hour", zh: "分时段取号与办结"),
                                  columns: [col("hour", "Hour", "时段", 8), col("arrivals", "Taken", "取号"), col("served", "Served", "办结")],
                                  rows: hours.map { [.text(String(format: "%02d:00", $0.hour)), .count($0.arrivals), .count($0.served)] }))
        tables.append(ReportTable(key: "wait_distribution", title: Bilingual(en: "Waits (called tickets)", zh: "等候时长分布（已叫号）"),
                                  columns: [col("wait", "Wait", "等候", 12), col("tickets", "Tickets", "张数")],
                                  rows: zip(Self.waitBucketLabels(language), tickets.waitDistribution).map { [.text($0), .count($1)] }))

        if period.kind == .monthly {
            tables.append(ReportTable(
                key: "days", title: Bilingual(en: "Day by day", zh: "逐日情况"),
                columns: [col("date", "Date", "日期", 11), col("arrivals", "Taken", "取号"), col("served", "Served", "办结"),
                          col("no_shows", "No-show", "过号"), col("wait_avg_min", "Wait", "平均等候", 9), col("wait_p90_min", "Wait p90", "P90等候", 9),
                          col("service_level", "Level", "达标率"), col("received", "Received", "收件", 9), col("accepted", "Accepted", "受理", 9)],
                rows: days.map { day in
                    let t = day.tickets ?? DayStatistics.Figures(), c = day.cases ?? CaseFigures.Counts()
                    return [.text(day.date.description), .count(t.arrivals), .count(t.served), .count(t.noShows), .minutes(t.averageWaitSeconds),
                            .minutes(t.p90WaitSeconds), .rate(t.serviceLevel), .count(c.received), .count(c.accepted)]
                }))
        }
        return tables
    }

    /// "0-5 min", "5-10 min", …, "60+ min" (ASCII only: no ambiguous-width dash or ≤ in the text report).
    public static func waitBucketLabels(_ language: Language) -> [String] {
        let bounds = DayStatistics.waitBucketMinutes
        let unit = language == .zh ? "分钟" : " min"
        return bounds.enumerated().map { i, b in "\(i == 0 ? 0 : bounds[i - 1])-\(b)\(unit)" }
            + [language == .zh ? "\(bounds.last ?? 0)分钟以上" : "\(bounds.last ?? 0)+ min"]
    }

    /// The bureau's sentence: "受理 25,648 件，办结 25,648 件，办结率 100%".
    public func casesSentence(_ language: Language) -> String {
        let c = cases.total
        let rate = c.completionRate.map(ReportCell.percentText) ?? "-"
        return Bilingual(en: "Accepted \(ReportCell.grouped(c.accepted)), completed \(ReportCell.grouped(c.completed)), completion rate \(rate)",
                         zh: "受理 \(ReportCell.grouped(c.accepted)) 件，办结 \(ReportCell.grouped(c.completed)) 件，办结率 \(rate)").text(language)
    }

    /// "评价 12 条，满意率 83%，回访率 100%": 满意率 = levels 4–5 ÷ rated, 回访率 = bad reviews reached ÷ bad reviews.
    public func ratingsSentence(_ language: Language) -> String {
        let rated = ReportCell.grouped(ratings.rated)
        let satisfaction = ReportCell.rate(ratings.satisfactionRate).display, visits = ReportCell.rate(ratings.visitShare).display
        return Bilingual(en: "Ratings \(rated), satisfaction rate \(satisfaction), bad reviews \(ReportCell.grouped(ratings.bad)), follow-up rate \(visits), rectifications overdue \(ReportCell.grouped(ratings.overdue))",
                         zh: "评价 \(rated) 条，满意率 \(satisfaction)，差评 \(ReportCell.grouped(ratings.bad)) 条，回访率 \(visits)，逾期未整改 \(ReportCell.grouped(ratings.overdue)) 件").text(language)
    }

    /// "投诉 3 件，已答复 2 件，按时答复率 50%，办结 1 件，投诉人满意率 100%，逾期未答复 1 件".
    public func complaintsSentence(_ language: Language) -> String {
        let c = complaints
        let onTime = ReportCell.rate(c.onTimeRate).display, satisfaction = ReportCell.rate(c.satisfactionRate).display
        return Bilingual(en: "Complaints \(ReportCell.grouped(c.received)), answered \(ReportCell.grouped(c.answered)), answered on time \(onTime), closed \(ReportCell.grouped(c.closed)), complainants satisfied \(satisfaction), overdue \(ReportCell.grouped(c.overdue))",
                         zh: "投诉 \(ReportCell.grouped(c.received)) 件，已答复 \(ReportCell.grouped(c.answered)) 件，按时答复率 \(onTime)，办结 \(ReportCell.grouped(c.closed)) 件，投诉人满意率 \(satisfaction)，逾期未答复 \(ReportCell.grouped(c.overdue)) 件").text(language)
    }

    /// The report's title: "政务服务中心 日报 2026-03-02".
    public func title(_ language: Language) -> String {
        "\(hallName) \(period.kind.label.text(language)) \(period.name)"
    }

    /// The summary lines under the title: tickets, waits, cases, ratings, complaints.
    public func summary(_ language: Language) -> [String] {
        let t = tickets.total
        return [
            Bilingual(en: "Tickets taken \(ReportCell.grouped(t.arrivals)), served \(ReportCell.grouped(t.served)), no-shows \(ReportCell.grouped(t.noShows))",
                      zh: "取号 \(ReportCell.grouped(t.arrivals)) 张，办结 \(ReportCell.grouped(t.served)) 张，过号 \(ReportCell.grouped(t.noShows)) 张").text(language),
            Bilingual(en: "Wait: average \(ReportCell.minutes(t.averageWaitSeconds).display) min, p90 \(ReportCell.minutes(t.p90WaitSeconds).display) min, longest \(ReportCell.minutes(t.maxWaitSeconds).display) min; service level \(ReportCell.rate(t.serviceLevel).display)",
                      zh: "等候：平均 \(ReportCell.minutes(t.averageWaitSeconds).display) 分钟，P90 \(ReportCell.minutes(t.p90WaitSeconds).display) 分钟，最长 \(ReportCell.minutes(t.maxWaitSeconds).display) 分钟；达标率 \(ReportCell.rate(t.serviceLevel).display)").text(language),
            casesSentence(language),
            Bilingual(en: "Received \(ReportCell.grouped(cases.total.received)): accepted with deficiency \(ReportCell.grouped(cases.total.tolerated)), one-time notices \(ReportCell.grouped(cases.total.notices)), refused \(ReportCell.grouped(cases.total.refused)), pending \(ReportCell.grouped(cases.total.pending)); on time \(ReportCell.rate(cases.total.onTimeRate).display)",
                      zh: "收件 \(ReportCell.grouped(cases.total.received)) 件：容缺受理 \(ReportCell.grouped(cases.total.tolerated)) 件，一次性告知 \(ReportCell.grouped(cases.total.notices)) 件，不予受理 \(ReportCell.grouped(cases.total.refused)) 件，待定 \(ReportCell.grouped(cases.total.pending)) 件；按时办结率 \(ReportCell.rate(cases.total.onTimeRate).display)").text(language),
            ratingsSentence(language),
            complaintsSentence(language),
        ]
    }
}
