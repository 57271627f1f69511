import Testing
@testable import HallModel

private func d(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// 审管联动's pure rules: the acknowledgement deadline in working days (the day of the handover not counted), where a
/// ledger line stands on a day, the pairing that applies to an item, and the monthly report's figures.
@Suite struct HandoverAcknowledgementRuleTests {
    let calendar: WorkingCalendar
    init() throws { calendar = try WorkingCalendar.bundled() }

    @Test func theDeadlineCountsWorkingDaysAfterTheHandover() throws {
        // Thursday 2026-03-05 + 3 working days: Fri 06, Mon 09, Tue 10.
        #expect(try HandoverAcknowledgementRule.deadline(handedOverOn: d("2026-03-05"), days: 3, calendar: calendar) == d("2026-03-10"))
        // Across the 2026 National Day holiday (Oct 1–7 off, Sat Oct 10 a make-up working day): handed over Tue Sep 29.
        // Working days after it: Wed 30, (1–7 off), Thu 08, Fri 09, Sat 10 (make-up).
        #expect(try HandoverAcknowledgementRule.deadline(handedOverOn: d("2026-09-29"), days: 3, calendar: calendar) == d("2026-10-09"))
        #expect(try HandoverAcknowledgementRule.deadline(handedOverOn: d("2026-09-29"), days: 4, calendar: calendar) == d("2026-10-10"))
    }

    @Test func whereALineStands() throws {
        let handed = d("2026-03-05")   // due 2026-03-10
        func status(ack: CivilDate?, today: CivilDate) throws -> HandoverAcknowledgementRule.Status {
            try HandoverAcknowledgementRule.status(handedOverOn: handed, acknowledgedOn: ack, today: today, days: 3, calendar: calendar)
        }
        #expect(try status(ack: nil, today: d("2026-03-10")) == .waiting(deadline: d("2026-03-10")))
        #expect(try status(ack: nil, today: d("2026-03-11")) == .overdue(deadline: d("2026-03-10"), workingDaysLate: 1))
        #expect(try status(ack: nil, today: d("2026-03-16")) == .overdue(deadline: d("2026-03-10"), workingDaysLate: 4))
        #expect(try status(ack: nil, today: d("2026-03-16")).isOverdue)
        #expect(try status(ack: d("2026-03-05"), today: d("2026-03-20")) == .acknowledged(workingDays: 0))
        #expect(try status(ack: d("2026-03-10"), today: d("2026-03-20")) == .acknowledged(workingDays: 3))
        #expect(try status(ack: d("2026-03-12"), today: d("2026-03-20")) == .acknowledgedLate(workingDays: 5, deadline: d("2026-03-10")))
        #expect(try status(ack: d("2026-03-12"), today: d("2026-03-20")).workingDaysToAcknowledge == 5)
    }

    @Test func aYearWithoutAScheduleIsNeverGuessed() throws {
        #expect(throws: WorkingCalendarError.self) {
            try HandoverAcknowledgementRule.status(handedOverOn: d("2026-12-30"), acknowledgedOn: nil, today: d("2027-01-10"), days: 3,
                                                   calendar: calendar)
        }
    }

    @Test func anItemsOwnPairingWinsOverItsDepartments() {
        let pairings = [
            SupervisionPairing(scope: .department, code: "D1", supervisor: "执法大队", liaisonID: "L01"),
            SupervisionPairing(scope: .item, code: "I2", supervisor: "食品安全监管科", liaisonID: "L02"),
        ]
        #expect(SupervisionPairing.applying(to: "I1", department: "D1", in: pairings)?.liaisonID == "L01")
        #expect(SupervisionPairing.applying(to: "I2", department: "D1", in: pairings)?.liaisonID == "L02")
        #expect(SupervisionPairing.applying(to: "I3", department: "D9", in: pairings) == nil)
    }

    @Test func aMonthIsWrittenYYYYMM() {
        #expect(YearMonth(parsing: "2026-03")?.last == d("2026-03-31"))
        #expect(YearMonth(parsing: "2028-02")?.last == d("2028-02-29"))
        for bad in ["2026-3", "2026-13", "202603", "2026-03-01", "２０２６-03", "", "0001-01", "1899-12"] { #expect(YearMonth(parsing: bad) == nil, "\(bad)") }
    }

    static func line(_ number: String, _ supervisor: String, handed: String, ack: String? = nil) -> HandoverLine {
        HandoverLine(id: 1, caseNumber: number, itemCode: "I", itemName: "事项", departmentCode: "D", scope: .department,
                     supervisor: supervisor, liaisonID: "L01", handedOverOn: d(handed), handedOverAt: .distantPast, handedOverBy: "S01",
                     acknowledgedOn: ack.map(d), acknowledgedAt: nil, acknowledgedBy: ack == nil ? nil : "L01")
    }

    @Test func theMonthlyReportsFigures() throws {
        let lines = [
            Self.line("HD-1", "市场监管执法大队", handed: "2026-03-02", ack: "2026-03-03"),   // 1 working day
            Self.line("HD-2", "市场监管执法大队", handed: "2026-03-02", ack: "2026-03-09"),   // 5: late (due 03-05)
            Self.line("HD-3", "市场监管执法大队", handed: "2026-03-25"),                     // due 03-30: overdue on 03-31
            Self.line("HD-4", "住建质监站", handed: "2026-03-30"),                          // due 04-02: waiting
            Self.line("HD-5", "住建质监站", handed: "2026-02-27", ack: "2026-03-02"),       // February: not in March
            Self.line("HD-6", "住建质监站", handed: "2026-03-20", ack: "2026-04-01"),       // acknowledged after the report's day
        ]
        let report = HandoverReport.make(month: YearMonth(parsing: "2026-03")!, lines: lines, asOf: d("2026-03-31"), ackDays: 3,
                                         calendar: calendar)
        #expect(report.rows.map(\.supervisor) == ["住建质监站", "市场监管执法大队"])
        let market = report.rows[1]
        #expect(market.handedOver == 3 && market.acknowledged == 2 && market.acknowledgedLate == 1)
        #expect(market.unacknowledged == ["HD-3"] && market.overdue == ["HD-3"])
        #expect(market.averageWorkingDaysToAcknowledge == 3.0)
        let building = report.rows[0]
        #expect(building.handedOver == 2 && building.acknowledged == 0 && building.unacknowledged == ["HD-4", "HD-6"])
        #expect(building.overdue == ["HD-6"] && building.averageWorkingDaysToAcknowledge == nil)
        let total = report.totals
        #expect(total.handedOver == 5 && total.acknowledged == 2 && total.acknowledgedLate == 1 && total.unacknowledged.count == 3)
        #expect(HandoverReport.average(total.averageWorkingDaysToAcknowledge) == "3.0" && HandoverReport.average(nil) == "-")
        let csv = report.csv(language: .zh)
        #expect(csv.hasPrefix("\u{FEFF}监管部门,移交,已签收,逾期签收,未签收,平均天数,未签收办件\r\n"))
        #expect(csv.contains("市场监管执法大队,3,2,1,1,3.0,HD-3\r\n") && csv.contains("合计,5,2,1,3,3.0,"))
    }
}
