import Queue

/// One case of a project as the critical path reads it: its state, light and deadlines (from the case reads).
public struct ProjectCaseStanding: Sendable, Equatable {
    public var number: String
    public var departmentCode: String
    public var state: CaseState
    public var light: CaseLightReading
    public var promisedDue: CivilDate?
    /// 送达期限 once decided (nil before).
    public var resultDue: CivilDate?

    public init(number: String, departmentCode: String, state: CaseState, light: CaseLightReading, promisedDue: CivilDate?,
                resultDue: CivilDate?) {
        self.number = number; self.departmentCode = departmentCode; self.state = state; self.light = light
        self.promisedDue = promisedDue; self.resultDue = resultDue
    }

    public init(_ entry: CaseListEntry) {
        self.init(number: entry.record.number, departmentCode: entry.record.departmentCode, state: entry.record.state,
                  light: entry.light, promisedDue: entry.record.promisedDue, resultDue: entry.resultDue)
    }

    /// Still open for the project: a result is yet to come (not issued, withdrawn or terminated).
    public var isOpen: Bool { !CaseState.noDeadlineRuns.contains(state) }

    /// Overdue by its light (red, or passed while uncountable).
    public var isLate: Bool {
        switch light {
        case .light(.red, _), .overdue: true
        default: false
        }
    }
}

/// Why a case's expected result falls on its date. Stored and exchanged by `rawValue`.
public enum ExpectedResultBasis: String, Codable, Sendable, Hashable, CaseIterable {
    /// Being decided: the hall's promised deadline (承诺时限).
    case promisedDeadline
    /// Decided: the 10 working days to deliver the result (送达期限).
    case resultDeadline
    /// Suspended: the promised deadline as it stood; it moves later by the suspended days when the case resumes.
    case suspendedAtLeast

    public var label: Bilingual {
        switch self {
        case .promisedDeadline: Bilingual(en: "promised deadline", zh: "承诺办结期限")
        case .resultDeadline: Bilingual(en: "result delivery deadline", zh: "结果送达期限")
        case .suspendedAtLeast: Bilingual(en: "suspended: at least the promised deadline, later by the days it stands still",
                                          zh: "已中止：不早于承诺期限，顺延中止天数")
        }
    }
}

/// The project's critical path (关键路径): the latest expected result among its open cases. Pure.
public struct ProjectCriticalPath: Sendable, Equatable {
    /// The case whose result is expected last, its date and why that date (nil: no open case has a date).
    public var caseNumber: String?
    public var date: CivilDate?
    public var basis: ExpectedResultBasis?
    /// Open cases whose date cannot be counted (a year without a holiday schedule): never silently left out.
    public var undated: [String]
    /// Open cases past their deadline.
    public var late: [String]
    /// Open cases (in the order given).
    public var open: [String]

    /// On time: no open case is overdue. A project with no open case is on time (every result is out).
    public var onTime: Bool { late.isEmpty }

    /// The expected result of one open case: (date, basis), or nil when it has no counted date.
    public static func expectedResult(_ c: ProjectCaseStanding) -> (CivilDate, ExpectedResultBasis)? {
        switch c.state {
        case .approved, .notApproved: c.resultDue.map { ($0, .resultDeadline) }
        case .suspended: c.promisedDue.map { ($0, .suspendedAtLeast) }
        default: c.promisedDue.map { ($0, .promisedDeadline) }
        }
    }

    /// The latest expected result; ties go to the later case number (the last one taken in).
    public init(_ cases: [ProjectCaseStanding]) {
        let open = cases.filter(\.isOpen)
        var best: (String, CivilDate, ExpectedResultBasis)?
        var undated: [String] = []
        for c in open {
            guard let (date, basis) = Self.expectedResult(c) else { undated.append(c.number); continue }
            if let b = best, (b.1, b.0) >= (date, c.number) { continue }
            best = (c.number, date, basis)
        }
        caseNumber = best?.0; date = best?.1; basis = best?.2
        self.undated = undated
        late = open.filter(\.isLate).map(\.number)
        self.open = open.map(\.number)
    }
}

/// One department's sign-off in the joint acceptance (联合验收).
public struct AcceptanceSignOff: Sendable, Hashable {
    public var departmentCode: String
    public var verdict: AcceptanceVerdict
    public var opinion: String
    public var signedBy: String
    public var signedOn: CivilDate

    public init(departmentCode: String, verdict: AcceptanceVerdict, opinion: String, signedBy: String, signedOn: CivilDate) {
        self.departmentCode = departmentCode; self.verdict = verdict; self.opinion = opinion; self.signedBy = signedBy
        self.signedOn = signedOn
    }
}

/// Where the joint acceptance stands: each department of the project's cases, its latest sign-off. Pure.
public struct JointAcceptance: Sendable, Equatable {
    /// The departments that sign: those of the project's cases, sorted.
    public var departments: [String]
    /// The latest sign-off of each department that signed (a failed department signs again after rectification).
    public var latest: [String: AcceptanceSignOff]

    public init(departments: some Sequence<String>, signOffs: [AcceptanceSignOff]) {
        self.departments = Array(Set(departments)).sorted()
        var latest: [String: AcceptanceSignOff] = [:]
        for s in signOffs { latest[s.departmentCode] = s }  // in the order signed: the last wins
        self.latest = latest
    }

    /// Departments that have not signed yet.
    public var unsigned: [String] { departments.filter { latest[$0] == nil } }
    /// Departments whose latest sign-off is a fail.
    public var failed: [String] { departments.filter { latest[$0]?.verdict == .fail } }
    /// Accepted: every department signed, all pass.
    public var isAccepted: Bool { !departments.isEmpty && departments.allSatisfy { latest[$0]?.verdict == .pass } }
}
