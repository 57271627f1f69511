import Foundation
import Queue

/// The demo hall's cases in flight (docs/cases.md, "The demo set"): about forty cases of the demo catalog taken
/// in at the windows over the last weeks and moved on by the demo staff, dated relative to today, so a newcomer
/// sees a working case screen at once. Every case goes through the real writes — a ticket issued at the kiosk,
/// called and served at its window, `takeIn`, `review`/`act(onCase:)` by the reviewers R01–R03, the approvers
/// C01–C03 and D01, the clerks and the supervisor — each on a copy of the database whose clock reads the step's
/// past moment, all in time order; so the audit chain verifies and the lights are what the rules say.
public enum DemoCases {
    /// Seeds the cases into a freshly seeded demo hall (`DemoHall.seed`). Returns how many intakes were written;
    /// none when today's holiday schedule is not loaded (the working days back cannot be counted), which leaves a
    /// demo hall without cases rather than a guessed one.
    @discardableResult
    public static func seed(_ database: HallDatabase) throws -> Int {
        let settings = try database.settings()
        let zone = settings.businessCalendar.timeZone
        let today = CivilDate(database.clock.now, in: zone)
        let calendar = try database.workingCalendar()
        guard let back = try? WorkingDaysBack(today: today, calendar: calendar, count: plans.map(\.ago).max() ?? 0) else { return 0 }
        let items = Dictionary(try database.catalog().items.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

        var ops: [Op] = []
        for (index, plan) in plans.enumerated() {
            guard let item = items[plan.item] else { continue }
            let arrived = back.day(plan.ago)
            let window = windowFor[plan.line] ?? 1
            ops.append(Op(day: arrived, minute: 9 * 60 + ops.filter { $0.day == arrived && $0.caseIndex == nil }.count * 15,
                          caseIndex: nil, run: .intake(index, plan, item, window)))
            for (order, step) in plan.steps.enumerated() where step.after < plan.ago {
                ops.append(Op(day: back.day(plan.ago - step.after), minute: 14 * 60 + index * 3 + order, caseIndex: index,
                              run: .step(index, step, plan, window)))
            }
        }
        ops.sort { ($0.day, $0.minute) < ($1.day, $1.minute) }
        var numbers: [Int: String] = [:]
        for op in ops {
            let at = { (minute: Int) -> HallDatabase in
                database.dated(Self.moment(op.day, minute: minute, zone: zone))
            }
            switch op.run {
            case .intake(let index, let plan, let item, let window):
                numbers[index] = try takeIn(plan, item: item, window: window, on: op.day, at: at, start: op.minute)
            case .step(let index, let step, let plan, let window):
                guard let number = numbers[index] else { continue }
                let db = at(op.minute)
                do {
                    switch step.action {
                    case .review(let opinion): try db.review(caseNumber: number, opinion: opinion, by: staff(reviewer(plan)))
                    case .act(let action): try db.act(onCase: number, action, by: staff(actorID(action, plan: plan, window: window)))
                    case .handover(let from, let to, let lines):
                        try ledger(db, plan: plan, window: window) { agent, clerk in
                            _ = try db.recordMaterialHandover(MaterialHandoverRequest(
                                caseNumber: number, from: from, fromName: from == .window ? clerk : nil, to: to,
                                toName: to == .window ? clerk : nil, lines: lines), by: agent)
                        }
                    case .closeJob:
                        try ledger(db, plan: plan, window: window) { agent, _ in
                            if let job = try db.materialLedger(caseNumber: number).first?.jobNumber { _ = try db.closeProxyJob(number: job, by: agent) }
                        }
                    }
                } catch CaseRuleError.deadlineUnknown, CaseRuleError.extendedDeadlineUnknown {
                    // A step whose rule needs a deadline in a year without a holiday schedule is left out, not guessed:
                    // late in December the extension's +10 working days run into next year (the notice must state
                    // them), so that case stays under review and the demo is otherwise complete; `init` never fails.
                    continue
                } catch is MaterialLedgerError {
                    // A ledger step after a step left out (the result not issued: the job does not close) is left out too.
                    continue
                }
            }
        }
        return plans.count
    }

    // MARK: The writes

    private static func takeIn(_ plan: Plan, item: CatalogItem, window: Int, on arrived: CivilDate, at: (Int) -> HallDatabase,
                               start: Int) throws -> String? {
        let clerk = Actor(staff: String(format: "S%02d", window), terminal: .window(window))
        let issued = try at(start).issueTicket(IssueRequest(linePrefix: plan.line), by: .device(.kiosk, terminal: .kiosk))
        _ = try at(start + 2).callSpecific(window: window, code: issued.ticket.code, by: clerk)
        _ = try at(start + 3).start(window: window, by: clerk)
        var checklist = IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) })
        for p in plan.missing { checklist[p] = ChecklistEntry(.missing) }
        for (p, note) in plan.defective { checklist[p] = ChecklistEntry(.defective, note: note) }
        let person = applicants[plan.applicant]
        let applicant = try person.isPerson
            ? ApplicantInput.person(name: person.name, residentID: person.number, phone: person.phone, today: arrived)
            : ApplicantInput.organisation(name: person.name, creditCode: person.number, legalRepresentative: person.legalRepresentative,
                                          contact: person.phone)
        let representative: Representative = switch plan.representative {
        case .none: .none
        case .agent(let name, let id, let letter):
            try Representative.authorisedAgent(name: name, residentID: id, authorisation: letter, today: arrived)
        case .proxy(let staff):
            Representative(kind: .proxyAgent, name: DemoHall.staff.first { $0.id == staff }?.name, idNumber: staff)
        }
        let outcome = try at(start + 11).takeIn(IntakeRequest(ticketCode: issued.ticket.code, itemCode: item.implementationCode,
                                                              applicant: applicant, representative: representative, checklist: checklist,
                                                              decision: plan.decision), by: clerk)
        _ = try at(start + 13).finish(window: window, by: clerk)
        return outcome.caseRecord?.number
    }

    private static func staff(_ id: String) -> Actor { Actor(staff: id, terminal: .cli) }

    /// A ledger step of a case filed by a proxy agent: recorded by the agent, the window signed for by its clerk (by name).
    private static func ledger(_ db: HallDatabase, plan: Plan, window: Int, _ write: (Actor, String?) throws -> Void) throws {
        guard case .proxy(let agent) = plan.representative else { return }
        try write(staff(agent), DemoHall.staff.first { $0.id == String(format: "S%02d", window) }?.name)
    }

    /// 一审 by the department's reviewer, 一核 by its section chief, or by the deputy director where the item says so.
    private static func reviewer(_ plan: Plan) -> String { team[plan.line]?.reviewer ?? "R01" }

    private static func actorID(_ action: CaseAction, plan: Plan, window: Int) -> String {
        switch action.kind {
        case .startReview, .submitReview: reviewer(plan)
        case .approve, .reject: plan.deputy ? "D01" : team[plan.line]?.approver ?? "C01"
        case .extend: "D01"
        case .suspend, .resume, .terminate: "M01"
        case .issueResult, .handOver, .acknowledge, .supplement, .withdraw: String(format: "S%02d", window)
        }
    }

    static func moment(_ day: CivilDate, minute: Int, zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: minute / 60, minute: minute % 60)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    // MARK: The plan

    private struct Op {
        enum Run { case intake(Int, Plan, CatalogItem, Int), step(Int, Step, Plan, Int) }
        var day: CivilDate
        var minute: Int
        var caseIndex: Int?
        var run: Run
    }

    /// The working days before today, counted back once.
    private struct WorkingDaysBack {
        var days: [CivilDate]
        init(today: CivilDate, calendar: WorkingCalendar, count: Int) throws {
            days = []
            var day = today
            while days.count < count {
                day = day.adding(days: -1)
                if try calendar.isWorkingDay(day) { days.append(day) }
            }
        }
        /// The `n`th working day before today (n ≥ 1).
        func day(_ n: Int) -> CivilDate { days[max(0, min(days.count - 1, n - 1))] }
    }

    enum DemoRepresentative { case agent(String, String, String), proxy(String) }

    struct Step {
        /// `handover` and `closeJob`: the material ledger of a case filed by a proxy agent, and the job's close.
        enum Action { case review(String), act(CaseAction), handover(HandoverParty, HandoverParty, [MaterialLineInput]), closeJob }
        /// Working days after the materials arrived.
        var after: Int
        var action: Action
    }

    struct Plan {
        var item: String
        /// The service line the ticket was taken on (its window serves it).
        var line: String
        var applicant: Int
        /// Working days before today the materials arrived.
        var ago: Int
        var decision: IntakeDecisionKind = .accept
        var missing: [Int] = []
        var defective: [(Int, String)] = []
        var representative: DemoRepresentative? = nil
        /// A deputy-director item (the catalog's final approver).
        var deputy = false
        var steps: [Step] = []
    }

    /// The window each line's tickets are served at in the demo.
    static let windowFor: [String: Int] = ["A": 1, "B": 3, "C": 5, "D": 6, "E": 7]
    /// Who reviews and who approves a line's items (the demo hall's sections).
    static let team: [String: (reviewer: String, approver: String)] = [
        "A": ("R01", "C01"), "B": ("R01", "C01"), "C": ("R02", "C02"), "E": ("R02", "C02"), "D": ("R03", "C03"),
    ]

    // Steps by name, for the plans below.
    private static func take(_ after: Int) -> Step { Step(after: after, action: .act(.startReview)) }
    private static func review(_ after: Int, _ opinion: String = "材料齐全，符合法定条件，建议准予许可") -> Step {
        Step(after: after, action: .review(opinion))
    }
    private static func approve(_ after: Int, _ reason: String = "经审核，符合法定条件和标准，准予许可") -> Step {
        Step(after: after, action: .act(.approve(reason: reason)))
    }
    private static func act(_ after: Int, _ action: CaseAction) -> Step { Step(after: after, action: .act(action)) }
    /// A ledger line of originals (by their positions in the item's list) and copies (position, copies).
    private static func hand(_ after: Int, _ from: HandoverParty, _ to: HandoverParty, originals: [Int], copies: [(Int, Int)] = [],
                             result: String? = nil) -> Step {
        Step(after: after, action: .handover(from, to, originals.map { MaterialLineInput(.listed($0)) }
            + copies.map { MaterialLineInput(.listed($0.0), form: .copy, copies: $0.1) } + (result.map { [MaterialLineInput(.result($0))] } ?? [])))
    }
    /// Reviewed, approved and the result issued.
    private static func issued(_ r: Int, _ a: Int, _ i: Int) -> [Step] { [review(r), approve(a), act(i, .issueResult)] }

    /// One person or organisation of the demo (numbers built with the GB 11643 / GB 32100 check characters).
    struct DemoApplicant {
        var name: String
        var number: String
        var isPerson: Bool
        var phone: String?
        var legalRepresentative: String?
    }

    static let applicants: [DemoApplicant] = [
        person("陈志明", "330102", "19780312", "031", "13805710001"),   // 0
        person("王秀英", "330104", "19650821", "142", "13905712002"),   // 1
        person("李建国", "330105", "19590105", "213", "13605713003"),   // 2
        person("赵雅琴", "330106", "19880716", "084", "13705714004"),   // 3
        person("刘德华", "330108", "19920228", "155", "15805715005"),   // 4
        person("孙丽萍", "330109", "19831109", "026", "15905716006"),   // 5
        person("周海峰", "330110", "19750430", "317", "18805717007"),   // 6
        person("吴婷婷", "330102", "19950619", "248", "18905718008"),   // 7
        person("郑国强", "330104", "19680925", "059", "13805719009"),   // 8
        person("黄美玲", "330106", "19900103", "160", "13905710010"),   // 9
        person("马俊杰", "330105", "20010814", "391", "15805711011"),   // 10
        person("林淑芬", "330108", "19461127", "222", "13605712012"),   // 11
        organisation("杭州城东鲜味餐饮管理有限公司", "330102", "MA2H7K3P", "李建国"),      // 12
        organisation("浙江恒远建设工程有限公司", "330100", "14391027", "周海峰"),          // 13
        organisation("城东区安康大药房连锁有限公司", "330102", "MA2J0N5W", "孙丽萍"),      // 14
        organisation("杭州绿野农资经营部", "330104", "MA2G6C1R", "郑国强"),                // 15
        organisation("杭州启航人力资源服务有限公司", "330105", "MA2KB8D4", "赵雅琴"),      // 16
        organisation("浙江顺达物流运输有限公司", "330106", "75392014", "马俊杰"),          // 17
        organisation("杭州书香阁文化传播有限公司", "330102", "MA2HQ3T6", "吴婷婷"),        // 18
        organisation("城东区康宁医院有限公司", "330108", "MA2E9F7L", "黄美玲"),            // 19
        organisation("杭州东湖置业有限公司", "330100", "68210935", "陈志明"),              // 20
        organisation("杭州乐享文化娱乐有限公司", "330109", "MA2LC5N8", "刘德华"),          // 21
        organisation("城东区夕阳红养老服务中心", "330102", "MJ3A1K7E", "王秀英", registration: "52"),          // 22
        organisation("杭州禾润食品有限公司", "330110", "MA2D4M2X", "林淑芬"),              // 23
    ]

    private static func person(_ name: String, _ area: String, _ birth: String, _ sequence: String, _ phone: String) -> DemoApplicant {
        let digits = (area + birth + sequence).compactMap(\.wholeNumberValue)
        return DemoApplicant(name: name, number: area + birth + sequence + String(ResidentID.checkCharacter(forDigits: digits)),
                             isPerson: true, phone: phone)
    }

    /// A valid credit code for the organisation (`DemoCreditCode`).
    private static func organisation(_ name: String, _ area: String, _ body: String, _ representative: String,
                                     registration: String = "91") -> DemoApplicant {
        let (code, sum) = DemoCreditCode.make(registration: registration, area: area, body: body)
        return DemoApplicant(name: name, number: code, isPerson: false, phone: "0571-8600" + String(format: "%04d", sum % 10_000),
                             legalRepresentative: representative)
    }

    /// The cases. `ago`: working days since the materials arrived; step offsets count from that day. With the items'
    /// promised limits (1 to 15 working days) and the hall's 3 yellow days, the lights come out as listed in docs/cases.md.
    static let plans: [Plan] = [
        // Green: taken in this week or last, being reviewed within their promises.
        Plan(item: "食品生产许可", line: "A", applicant: 23, ago: 2, steps: [take(1)]),
        Plan(item: "药品零售企业许可", line: "A", applicant: 14, ago: 1),
        Plan(item: "建设工程消防设计审查", line: "C", applicant: 13, ago: 3, steps: [take(1)]),
        Plan(item: "建筑业企业资质核准", line: "C", applicant: 13, ago: 4, steps: [review(2)]),
        // 代办 by P03: the originals handed to the agent and on to the window at intake; the window gave the 场所使用证明 back
        // to the agent after checking it, the application form stays with the hall during the review.
        Plan(item: "人力资源服务许可", line: "D", applicant: 16, ago: 2, representative: .proxy("P03"),
             steps: [hand(0, .applicant, .agent, originals: [1, 3], copies: [(4, 1)]), hand(0, .agent, .window, originals: [1, 3], copies: [(4, 1)]),
                     take(1), hand(1, .window, .agent, originals: [3])]),
        Plan(item: "民办非企业单位成立登记", line: "D", applicant: 22, ago: 3),
        Plan(item: "最低生活保障审批", line: "D", applicant: 11, ago: 5, representative: .agent("林小梅", person("林小梅", "330108", "19731127", "042", "").number, "书面委托书已核验"),
             steps: [take(2)]),
        Plan(item: "放射诊疗许可", line: "D", applicant: 19, ago: 1),
        Plan(item: "商品房预售许可", line: "C", applicant: 20, ago: 2, steps: [take(1)]),
        Plan(item: "出租汽车经营许可", line: "A", applicant: 17, ago: 3, steps: [review(2)]),
        // Yellow: within 3 working days of the promise.
        Plan(item: "食品经营许可", line: "A", applicant: 12, ago: 3, steps: [take(1)]),
        Plan(item: "特种设备使用登记", line: "A", applicant: 23, ago: 4, steps: [review(2)]),
        Plan(item: "农药经营许可", line: "A", applicant: 15, ago: 8, steps: [review(3)]),
        Plan(item: "道路货物运输经营许可", line: "A", applicant: 17, ago: 7, steps: [take(2)]),
        Plan(item: "临时救助审批", line: "D", applicant: 5, ago: 3),
        Plan(item: "公共场所卫生许可", line: "D", applicant: 21, ago: 2, steps: [review(1)]),
        // Red: accepted weeks ago, the promise passed while under review or approval.
        Plan(item: "娱乐场所经营许可", line: "A", applicant: 21, ago: 16, steps: [take(3), review(9)]),
        Plan(item: "兽药经营许可证核发", line: "A", applicant: 15, ago: 14, steps: [take(4)]),
        Plan(item: "城镇污水排入排水管网许可", line: "C", applicant: 20, ago: 18, steps: [review(6)]),
        Plan(item: "高龄津贴发放", line: "D", applicant: 11, ago: 13),
        Plan(item: "广告发布登记", line: "A", applicant: 18, ago: 9, steps: [take(2)]),
        // 容缺: supplements awaited (one overdue: its 5 working days have passed; the sweep suspends it).
        Plan(item: "出版物零售单位设立", line: "A", applicant: 18, ago: 2, decision: .tolerate, missing: [3], steps: [take(1)]),
        Plan(item: "个体工商户设立登记", line: "B", applicant: 3, ago: 1, decision: .tolerate, missing: [3]),
        Plan(item: "劳务派遣经营许可", line: "D", applicant: 16, ago: 7, decision: .tolerate, missing: [4], steps: [take(2)]),
        // 容缺 supplied on time, then decided.
        Plan(item: "食品小作坊登记", line: "A", applicant: 9, ago: 9, decision: .tolerate, missing: [3],
             steps: [act(2, .supplement(materialPosition: 3)), review(3), approve(4)]),
        // Suspended for expert review (the clock stands: grey).
        Plan(item: "建设工程规划许可证核发", line: "C", applicant: 20, ago: 12, steps: [take(2), act(4, .suspend(.expertReview))]),
        // Extended once by the deputy director (art. 42).
        Plan(item: "母婴保健技术服务机构执业许可", line: "D", applicant: 19, ago: 20,
             steps: [take(3), act(12, .extend(reason: "需组织现场核查，经局领导批准延长审批期限"))]),
        // Under approval (核), reviewed.
        Plan(item: "建筑工程施工许可证核发", line: "C", applicant: 13, ago: 4, deputy: true,
             steps: [review(2, "施工图审查合格，资金落实，建议准予")]),
        Plan(item: "就业困难人员认定", line: "D", applicant: 10, ago: 5, steps: [review(3, "符合就业困难人员认定条件")]),
        // Approved, awaiting the result (10 working days to issue).
        Plan(item: "企业变更登记", line: "B", applicant: 12, ago: 3, steps: [review(1), approve(1)]),
        Plan(item: "农作物种子生产经营许可", line: "A", applicant: 15, ago: 8, steps: [review(3), approve(5)]),
        // The result issued.
        // 代办 by P01 from the handover to the result handed back: the ledger balanced and the job closed.
        Plan(item: "企业设立登记", line: "B", applicant: 4, ago: 6, representative: .proxy("P01"),
             steps: [hand(0, .applicant, .agent, originals: [1, 2], copies: [(3, 2)]), hand(0, .agent, .window, originals: [1, 2], copies: [(3, 2)]),
                     review(1), approve(1), hand(2, .window, .agent, originals: [1, 2]), hand(2, .agent, .applicant, originals: [1, 2]),
                     act(2, .issueResult), hand(2, .window, .agent, originals: [], result: "营业执照"),
                     hand(3, .agent, .applicant, originals: [], result: "营业执照"), Step(after: 3, action: .closeJob)]),
        Plan(item: "个体工商户变更登记", line: "B", applicant: 7, ago: 4, steps: issued(1, 1, 2)),
        Plan(item: "特困人员认定", line: "D", applicant: 2, ago: 15, steps: issued(4, 8, 10)),
        // Handed over to the supervising department (审管联动), one acknowledged.
        Plan(item: "食品经营许可", line: "A", applicant: 0, ago: 12, steps: issued(2, 3, 4) + [act(5, .handOver)]),
        Plan(item: "道路旅客运输经营许可", line: "A", applicant: 17, ago: 22, steps: issued(5, 9, 11) + [act(12, .handOver)]),
        Plan(item: "药品零售企业许可", line: "A", applicant: 14, ago: 25,
             steps: issued(4, 7, 9) + [act(10, .handOver), act(13, .acknowledge)]),
        // Not approved (不予许可), the decision letter issued.
        Plan(item: "动物防疫条件合格证核发", line: "A", applicant: 8, ago: 11,
             steps: [review(4, "选址距离居民区不足规定距离，不符合动物防疫条件"),
                     act(6, .reject(reason: "场所选址不符合《动物防疫条件审查办法》第五条规定的距离要求"))]),
        // Withdrawn by the applicant.
        Plan(item: "乡村建设规划许可证核发", line: "C", applicant: 6, ago: 10, steps: [take(2), act(4, .withdraw(reason: "申请人书面申请撤回，拟调整建房方案后重新申请"))]),
        // Materials received, checking (art. 32): 4 working days old, to be decided by tomorrow.
        Plan(item: "养老机构备案", line: "D", applicant: 22, ago: 4, decision: .pending),
        // One-time notice: a core material missing, no case.
        Plan(item: "房地产开发企业资质核定", line: "C", applicant: 20, ago: 6, decision: .notice, missing: [4],
             defective: [(3, "职称证书复印件未加盖公章")]),
    ]
}

extension HallDatabase {
    /// This database with its clock reading `moment`: the demo's writes dated in the past (`DemoCases`).
    func dated(_ moment: Date) -> HallDatabase { HallDatabase(writer: writer, path: path, clock: .fixed(moment)) }
}
