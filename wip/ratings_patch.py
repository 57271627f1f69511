import re
root='/work/wt/report11/'
def edit(p, old, new, count=1):
    s=open(root+p).read()
    assert old in s, (p, old[:60])
    s=s.replace(old,new,count)
    open(root+p,'w').write(s)

# 1. rating11's summary read as a static in the caller's transaction (the report reads it in its own).
edit('Sources/HallModel/Ratings/HallDatabase+Rectification.swift', '''        return try read { db in
            try PermissionPolicy.check(db, .viewRatings, by: actor)
            let today = try Self.today(db, now)
            let span''', '''        return try read { db in
            try PermissionPolicy.check(db, .viewRatings, by: actor)
            return try Self.ratingSummary(db, from: from, to: to, today: Self.today(db, now))
        }
    }

    /// The same in the caller's read (the reports read it with their other figures, in one transaction).
    static func ratingSummary(_ db: Database, from: CivilDate, to: CivilDate, today: String) throws -> RatingSummary {
        do {
            let span''')
edit('Sources/HallModel/Ratings/HallDatabase+Rectification.swift', '''            return RatingSummary(from: from, to: to, distribution: distribution, bySource: sources, excluded: excluded,
                                 rectifications: states, overdue: overdue, visitRate: .init(reached: reached, badReviews: bad))
        }
    }''', '''            return RatingSummary(from: from, to: to, distribution: distribution, bySource: sources, excluded: excluded,
                                 rectifications: states, overdue: overdue, visitRate: .init(reached: reached, badReviews: bad))
        }
    }''')

# 2. The report holds the ratings.
edit('Sources/HallModel/Reports/HallReport.swift', '''    public var cases: CaseFigures

    public init(period: ReportPeriod, hallName: String, generatedAt: Date, timeZone: TimeZone, tickets: DayStatistics,
                ticketDays: [DayStatistics], cases: CaseFigures) {
        self.period = period; self.hallName = hallName; self.generatedAt = generatedAt; self.timeZone = timeZone
        self.tickets = tickets; self.ticketDays = ticketDays; self.cases = cases
    }''', '''    public var cases: CaseFigures
    /// The period's ratings (好差评) and their rectifications (rating11's `RatingSummary`).
    public var ratings: RatingSummary

    public init(period: ReportPeriod, hallName: String, generatedAt: Date, timeZone: TimeZone, tickets: DayStatistics,
                ticketDays: [DayStatistics], cases: CaseFigures, ratings: RatingSummary) {
        self.period = period; self.hallName = hallName; self.generatedAt = generatedAt; self.timeZone = timeZone
        self.tickets = tickets; self.ticketDays = ticketDays; self.cases = cases; self.ratings = ratings
    }''')
edit('Sources/HallModel/Reports/HallDatabase+Report.swift', '''                              cases: CaseFigures.fold(period: period, intakes: intakes, cases: cases, items: items, departments: departments))''',
'''                              cases: CaseFigures.fold(period: period, intakes: intakes, cases: cases, items: items, departments: departments),
                              ratings: try Self.ratingSummary(db, from: period.first, to: period.last, today: Self.today(db, now)))''')

# 3. Tables, summary.
edit('Sources/HallModel/Reports/ReportTables.swift', '''        // The hours and the waits: the charts' data.''', '''        // Ratings (好差评): the five levels, then the bad reviews' rectifications by state.
        let rated = ratings.rated
        tables.append(ReportTable(key: "ratings", title: Bilingual(en: "Ratings", zh: "好差评"),
                                  columns: [col("level", "Level", "评价", 16), col("ratings", "Ratings", "条数"), col("share", "Share", "占比")],
                                  rows: RatingLevel.allCases.reversed().map { level in
                                      let n = ratings.distribution[level] ?? 0
                                      return [.text("\\(level.rawValue) \\(level.label.text(language))"), .count(n), .rate(rated > 0 ? Double(n) / Double(rated) : nil)]
                                  }))
        tables.append(ReportTable(key: "rectifications", title: Bilingual(en: "Bad reviews: rectification", zh: "差评整改"),
                                  columns: [col("state", "State", "状态", 16), col("rectifications", "Count", "件数")],
                                  rows: RectificationState.allCases.map { [.text($0.label.text(language)), .count(ratings.rectifications[$0] ?? 0)] }
                                      + [[.text(Bilingual(en: "overdue", zh: "逾期未整改").text(language)), .count(ratings.overdue)]]))

        // The hours and the waits: the charts' data.''')
edit('Sources/HallModel/Reports/ReportTables.swift', '''            casesSentence(language),''', '''            casesSentence(language),
            ratingsSentence(language),''')
edit('Sources/HallModel/Reports/ReportTables.swift', '''    /// The report's title: "政务服务中心 日报 2026-03-02".''', '''    /// "评价 12 条，满意率 91.7%，差评 1 条，回访率 100%，逾期整改 0 件" (satisfied: levels 3–5).
    public func ratingsSentence(_ language: Language) -> String {
        let r = ratings
        let satisfied = r.rated > 0 ? ReportCell.percentText(Double(r.rated - r.bad) / Double(r.rated)) : "-"
        let visits = r.visitRate.permille.map { ReportCell.percentText(Double($0) / 1000) } ?? "-"
        return Bilingual(en: "Ratings \\(ReportCell.grouped(r.rated)), satisfied \\(satisfied), bad reviews \\(ReportCell.grouped(r.bad)), follow-up rate \\(visits), rectifications overdue \\(ReportCell.grouped(r.overdue))",
                         zh: "评价 \\(ReportCell.grouped(r.rated)) 条，满意率 \\(satisfied)，差评 \\(ReportCell.grouped(r.bad)) 条，回访率 \\(visits)，逾期整改 \\(ReportCell.grouped(r.overdue)) 件").text(language)
    }

    /// The report's title: "政务服务中心 日报 2026-03-02".''')
edit('Sources/HallModel/Reports/ReportCSV.swift', '''            ("cases_on_time_rate", .rate(c.onTimeRate)),
        ]''', '''            ("cases_on_time_rate", .rate(c.onTimeRate)),
            ("ratings", .count(ratings.rated)), ("ratings_bad", .count(ratings.bad)),
            ("ratings_satisfied_rate", .rate(ratings.rated > 0 ? Double(ratings.rated - ratings.bad) / Double(ratings.rated) : nil)),
            ("ratings_visit_rate", .rate(ratings.visitRate.permille.map { Double($0) / 1000 })),
            ("rectifications_overdue", .count(ratings.overdue)),
        ]''')
# 4. The satisfaction chart.
edit('Sources/HallModel/Reports/ReportHTML.swift', '''        out += "</figure>\\n"

        for table''', '''        out += "</figure>\\n<figure>\\n<figcaption>\\(esc(Bilingual(en: "Satisfaction (ratings by level)", zh: "满意度（各评价等级条数）").text(language)))</figcaption>\\n"
        out += barChart(RatingLevel.allCases.reversed().map { ($0.label.text(language), report.ratings.distribution[$0] ?? 0) })
        out += "</figure>\\n"

        for table''')
edit('Sources/HallModel/Reports/ReportHTML.swift', '''where table.key != "hourly" && table.key != "wait_distribution" {''', '''where table.key != "hourly" && table.key != "wait_distribution" {''')
# 5. Tests.
edit('Tests/HallModelTests/Reports/ReportStoreTests.swift', '''        #expect(report.ticketDays.isEmpty)
    }''', '''        #expect(report.ticketDays.isEmpty)
        #expect(report.ratings.rated == 0 && report.ratingsSentence(.zh) == "评价 0 条，满意率 -，差评 0 条，回访率 -，逾期整改 0 件")
    }

    @Test func theRatingsOfTheDayAreInTheReport() throws {
        try buildMonday()
        // A001 rated 2 (a bad review: a rectification opens), entered by the supervisor.
        _ = try hall.database.recordRating(RatingRequest(ticketCode: "A001", level: .dissatisfied, reasons: [.serviceAttitude]), by: hall.supervisor)
        let report = try hall.database.report(ReportPeriod(.daily, date: monday), by: hall.supervisor)
        #expect(report.ratings.rated == 1 && report.ratings.bad == 1 && report.ratings.rectifications[.open] == 1)
        #expect(report.ratingsSentence(.zh) == "评价 1 条，满意率 0%，差评 1 条，回访率 0%，逾期整改 0 件")
        let ratings = try #require(report.tables(.zh).first { $0.key == "ratings" })
        #expect(ratings.rows.map { $0[1] } == [.count(0), .count(0), .count(0), .count(1), .count(0)])
        #expect(ReportHTML.render(report, language: .zh).contains("满意度"))
    }''')
