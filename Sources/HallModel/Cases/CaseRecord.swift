import Foundation
import GRDB
import Queue

/// A case as stored in `hall_case`: opened by an acceptance at the window, with its deadlines as computed then.
public struct CaseRecord: Sendable, Hashable {
    public var id: Int64
    /// `<hall code>-<yyyymmdd accepted>-<4-digit daily sequence>`, e.g. `HD-20260302-0001`.
    public var number: String
    public var acceptedOn: CivilDate
    public var dailySequence: Int
    public var intakeID: Int64
    public var ticketID: Int64?
    public var applicantID: Int64
    public var itemCode: String
    public var itemName: String
    public var departmentCode: String
    public var finalApprover: ApproverLevel
    /// Accepted with deficiency (容缺).
    public var tolerated: Bool
    public var state: CaseState
    public var statutoryLimit: TimeLimit
    public var promisedLimit: TimeLimit
    /// nil: unknown (the deadline runs into a year whose holiday schedule is not loaded); never guessed.
    public var statutoryDue: CivilDate?
    public var promisedDue: CivilDate?
    /// 容缺: the day outstanding materials are due.
    public var supplementDue: CivilDate?
    public var extensionDays: Int
    public var suspendedWorkingDays: Int
    /// The day of the approval or rejection.
    public var decidedOn: CivilDate?
    /// The day of the last resumption after a suspension.
    public var resumedOn: CivilDate?
    /// The day the sweep flagged the approved case's 容缺 materials overdue (`CaseSweep.overdueFlag`); nil when not
    /// flagged, or every material came in since.
    public var supplementOverdueFlaggedOn: CivilDate?
    public var updatedAt: Date

    static let columns = """
        id, number, accepted_on, daily_seq, intake_id, ticket_id, applicant_id, item_code, item_name, department_code, \
        final_approver, tolerated, state, statutory_count, statutory_unit, promised_count, promised_unit, statutory_due, \
        promised_due, supplement_due, extension_days, suspended_working_days, updated_at, decided_on, resumed_on, \
        supplement_overdue_flagged_on
        """

    /// How many columns `columns` selects (a query may select more after them).
    static let columnCount = columns.split(separator: ",").count

    /// A row of `SELECT \(columns)`, read in place (`StatementColumns`): the one decoder of a stored case, for the
    /// list (hundreds of rows a call) and every single case read.
    init(_ c: StatementColumns) throws {
        id = c.int(0); number = c.text(1)
        acceptedOn = try c.date(2)
        dailySequence = c.int(3); intakeID = c.int(4); ticketID = c.optionalInt(5); applicantID = c.int(6)
        itemCode = c.text(7); itemName = c.text(8); departmentCode = c.text(9)
        finalApprover = try c.key(ApproverLevel.self, 10, "hall_case", "final_approver")
        tolerated = c.bool(11)
        state = try c.key(CaseState.self, 12, "hall_case", "state")
        statutoryLimit = TimeLimit(c.int(13), try c.key(TimeLimitUnit.self, 14, "hall_case", "statutory_unit"))
        promisedLimit = TimeLimit(c.int(15), try c.key(TimeLimitUnit.self, 16, "hall_case", "promised_unit"))
        statutoryDue = try c.optionalDate(17); promisedDue = try c.optionalDate(18); supplementDue = try c.optionalDate(19)
        extensionDays = c.int(20); suspendedWorkingDays = c.int(21)
        updatedAt = Date(millisecondsSince1970: c.int(22))
        decidedOn = try c.optionalDate(23)
        resumedOn = try c.optionalDate(24)
        supplementOverdueFlaggedOn = try c.optionalDate(25)
    }

    /// What the case rules (`CaseTransition`, `CaseFacts.light`) need, with the positions of the materials not in.
    public func facts(outstanding: Set<Int>) -> CaseFacts {
        CaseFacts(state: state, clock: CaseClock(acceptedOn: acceptedOn, statutoryLimit: statutoryLimit, promisedLimit: promisedLimit,
                                                 suspendedWorkingDays: suspendedWorkingDays, extensionDays: extensionDays),
                  tolerated: tolerated, outstandingMaterials: outstanding, supplementDeadline: supplementDue, finalApprover: finalApprover,
                  extensionUsed: extensionDays > 0, decidedOn: decidedOn, resumedOn: resumedOn,
                  supplementOverdueFlaggedOn: supplementOverdueFlaggedOn)
    }

    /// `HD-20260302-0007`: the sequence has at least 4 digits (a 10,000th case of a day gets 5, never truncated).
    public static func number(hallCode: String, acceptedOn: CivilDate, sequence: Int) -> String {
        acceptedOn.dailyNumber(hallCode, sequence: sequence)
    }
}

extension CivilDate {
    /// 20260302.
    var compactText: String { description.filter { $0 != "-" } }

    /// A record's number from its day and its sequence that day: `PREFIX-20260302-0007` (case HD-, proxy job DB-,
    /// handover JJ-, complaint TS-); at least 4 digits, a 10,000th record of a day gets 5, never truncated.
    func dailyNumber(_ prefix: String, sequence: Int) -> String {
        let digits = String(sequence)
        return "\(prefix)-\(compactText)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
    }
}
