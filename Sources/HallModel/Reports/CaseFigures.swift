import Queue

/// The case figures of a report period, folded from the intake rows and the cases (pure: no database).
///
/// - received (收件): intakes recorded in the period (`intake.business_date`), whatever was decided — accepted,
///   accepted with deficiency, one-time notice, refused, or still "received, checking";
/// - accepted (受理): cases opened with an acceptance date in the period (受理 and 容缺受理, and pending intakes
///   converted by art. 32, dated the day their materials arrived); `tolerated` (容缺受理) is part of it;
/// - notices (一次性告知), refused (不予受理), pending: intakes of the period with that decision (pending: still undecided);
/// - completed (办结): of the cases accepted in the period, those concluded by the period's last day — decided
///   (准予 or 不予许可, `decided_on`) or closed without a decision (withdrawn, terminated: `closed_on`);
/// - completion rate (办结率) = completed ÷ accepted: the same cases on both sides, so it never exceeds 100 %;
/// - on time (按时办结): of the cases decided by the period's last day, those decided on or before their promised
///   deadline (`promised_due`, with its extensions and suspensions already counted into it); a case whose deadline
///   is unknown (no holiday schedule) is left out of both sides; on-time rate = on time ÷ decided with a known deadline.
public struct CaseFigures: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var received = 0
        public var accepted = 0
        public var tolerated = 0
        public var notices = 0
        public var refused = 0
        public var pending = 0
        public var completed = 0
        /// Decided (not withdrawn or terminated) by the period's end, with a known promised deadline.
        public var decidedWithDeadline = 0
        public var onTime = 0
        public init() {}

        /// 0…1; nil when nothing was accepted.
        public var completionRate: Double? { accepted > 0 ? Double(completed) / Double(accepted) : nil }
        /// 0…1; nil when nothing was decided against a known deadline.
        public var onTimeRate: Double? { decidedWithDeadline > 0 ? Double(onTime) / Double(decidedWithDeadline) : nil }
    }

    /// One row of `intake`.
    public struct Intake: Sendable {
        public var businessDate: CivilDate
        public var itemCode: String
        public var decision: IntakeDecisionKind
        public init(businessDate: CivilDate, itemCode: String, decision: IntakeDecisionKind) {
            self.businessDate = businessDate; self.itemCode = itemCode; self.decision = decision
        }
    }

    /// One row of `hall_case`.
    public struct Case: Sendable {
        public var acceptedOn: CivilDate
        public var itemCode: String
        public var tolerated: Bool
        public var decidedOn: CivilDate?
        /// Withdrawn or terminated: the day.
        public var closedOn: CivilDate?
        public var promisedDue: CivilDate?
        public init(acceptedOn: CivilDate, itemCode: String, tolerated: Bool, decidedOn: CivilDate? = nil, closedOn: CivilDate? = nil,
                    promisedDue: CivilDate? = nil) {
            self.acceptedOn = acceptedOn; self.itemCode = itemCode; self.tolerated = tolerated
            self.decidedOn = decidedOn; self.closedOn = closedOn; self.promisedDue = promisedDue
        }
    }

    /// An item as the catalog names it, with its department.
    public struct Item: Sendable, Equatable {
        public var code: String
        public var name: String
        public var departmentCode: String
        public init(code: String, name: String, departmentCode: String) { self.code = code; self.name = name; self.departmentCode = departmentCode }
    }

    public var total: Counts
    /// Departments with anything received or accepted, in the catalog's order (unknown ones last, by code).
    public var perDepartment: [(code: String, name: String, counts: Counts)]
    /// Items with anything received or accepted, by department then the catalog's order.
    public var perItem: [(item: Item, counts: Counts)]
    /// Each date of the period with an intake or an acceptance: received and accepted that day (`completed` etc.
    /// are not per day: a case accepted on one day is completed on another).
    public var perDay: [(date: CivilDate, counts: Counts)]

    public static func == (a: CaseFigures, b: CaseFigures) -> Bool {
        a.total == b.total && a.perDepartment.map { "\($0.code)\($0.counts)" } == b.perDepartment.map { "\($0.code)\($0.counts)" }
            && a.perItem.map { "\($0.item.code)\($0.counts)" } == b.perItem.map { "\($0.item.code)\($0.counts)" }
            && a.perDay.map { "\($0.date)\($0.counts)" } == b.perDay.map { "\($0.date)\($0.counts)" }
    }

    /// Folds the period's intakes and cases. `items` is the catalog in its order (an item no longer in it is listed
    /// by its code, under department "?"); `departments` names the departments, in the catalog's order.
    public static func fold(period: ReportPeriod, intakes: [Intake], cases: [Case], items: [Item],
                            departments: [(code: String, name: String)]) -> CaseFigures {
        var byItem: [String: Counts] = [:]
        var byDay: [CivilDate: Counts] = [:]
        func add(_ item: String, _ day: CivilDate, _ change: (inout Counts) -> Void) {
            change(&byItem[item, default: Counts()])
            change(&byDay[day, default: Counts()])
        }
        for intake in intakes where period.contains(intake.businessDate) {
            add(intake.itemCode, intake.businessDate) { c in
                c.received += 1
                switch intake.decision {
                case .notice: c.notices += 1
                case .refuse: c.refused += 1
                case .pending: c.pending += 1
                case .accept, .tolerate: break
                }
            }
        }
        for c in cases where period.contains(c.acceptedOn) {
            add(c.itemCode, c.acceptedOn) { counts in
                counts.accepted += 1
                if c.tolerated { counts.tolerated += 1 }
            }
            // Completion is the case's, not its acceptance day's: only in the item's and the period's counts.
            if let decided = c.decidedOn, decided <= period.last {
                byItem[c.itemCode, default: Counts()].completed += 1
                if let due = c.promisedDue {
                    byItem[c.itemCode, default: Counts()].decidedWithDeadline += 1
                    if decided <= due { byItem[c.itemCode, default: Counts()].onTime += 1 }
                }
            } else if let closed = c.closedOn, closed <= period.last {
                byItem[c.itemCode, default: Counts()].completed += 1
            }
        }
        func sum(_ counts: [Counts]) -> Counts {
            counts.reduce(into: Counts()) { t, c in
                t.received += c.received; t.accepted += c.accepted; t.tolerated += c.tolerated; t.notices += c.notices
                t.refused += c.refused; t.pending += c.pending; t.completed += c.completed
                t.decidedWithDeadline += c.decidedWithDeadline; t.onTime += c.onTime
            }
        }
        let known = Dictionary(items.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let order = Dictionary(items.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let departmentOrder = Dictionary(departments.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let departmentNames = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let perItem = byItem.map { code, counts in (item: known[code] ?? Item(code: code, name: code, departmentCode: "?"), counts: counts) }
            .sorted { a, b in
                let da = departmentOrder[a.item.departmentCode] ?? Int.max, db = departmentOrder[b.item.departmentCode] ?? Int.max
                if da != db { return da < db }
                if a.item.departmentCode != b.item.departmentCode { return a.item.departmentCode < b.item.departmentCode }
                let ia = order[a.item.code] ?? Int.max, ib = order[b.item.code] ?? Int.max
                return ia != ib ? ia < ib : a.item.code < b.item.code
            }
        var perDepartment: [(code: String, name: String, counts: Counts)] = []
        for row in perItem {
            if perDepartment.last?.code == row.item.departmentCode {
                perDepartment[perDepartment.count - 1].counts = sum([perDepartment[perDepartment.count - 1].counts, row.counts])
            } else {
                perDepartment.append((row.item.departmentCode, departmentNames[row.item.departmentCode] ?? row.item.departmentCode, row.counts))
            }
        }
        return CaseFigures(total: sum(Array(byItem.values)), perDepartment: perDepartment, perItem: perItem,
                           perDay: byDay.keys.sorted().compactMap { day in byDay[day].map { (day, $0) } })
    }
}
