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
    public var updatedAt: Date

    static let columns = """
        id, number, accepted_on, daily_seq, intake_id, ticket_id, applicant_id, item_code, item_name, department_code, \
        final_approver, tolerated, state, statutory_count, statutory_unit, promised_count, promised_unit, statutory_due, \
        promised_due, supplement_due, extension_days, suspended_working_days, updated_at, decided_on, resumed_on
        """

    /// How many columns `columns` selects (a query may select more after them).
    static let columnCount = columns.split(separator: ",").count

    init(row: Row) throws {
        func date(_ i: Int) throws -> CivilDate? { try (row[i] as String?).map { try CivilDate(parsing: $0) } }
        id = row[0]; number = row[1]
        acceptedOn = try CivilDate(parsing: row[2])
        dailySequence = row[3]; intakeID = row[4]; ticketID = row[5]; applicantID = row[6]
        itemCode = row[7]; itemName = row[8]; departmentCode = row[9]
        finalApprover = try HallDatabase.decode(ApproverLevel.self, row[10], "hall_case", "final_approver")
        tolerated = row[11]
        state = try HallDatabase.decode(CaseState.self, row[12], "hall_case", "state")
        statutoryLimit = TimeLimit(row[13], try HallDatabase.decode(TimeLimitUnit.self, row[14], "hall_case", "statutory_unit"))
        promisedLimit = TimeLimit(row[15], try HallDatabase.decode(TimeLimitUnit.self, row[16], "hall_case", "promised_unit"))
        statutoryDue = try date(17); promisedDue = try date(18); supplementDue = try date(19)
        extensionDays = row[20]; suspendedWorkingDays = row[21]
        updatedAt = Date(millisecondsSince1970: row[22])
        decidedOn = try date(23)
        resumedOn = try date(24)
    }

    /// What the case rules (`CaseTransition`, `CaseFacts.light`) need, with the positions of the materials not in.
    public func facts(outstanding: Set<Int>) -> CaseFacts {
        CaseFacts(state: state, clock: CaseClock(acceptedOn: acceptedOn, statutoryLimit: statutoryLimit, promisedLimit: promisedLimit,
                                                 suspendedWorkingDays: suspendedWorkingDays, extensionDays: extensionDays),
                  tolerated: tolerated, outstandingMaterials: outstanding, supplementDeadline: supplementDue, finalApprover: finalApprover,
                  extensionUsed: extensionDays > 0, decidedOn: decidedOn, resumedOn: resumedOn)
    }

    /// `HD-20260302-0007`: the sequence has at least 4 digits (a 10,000th case of a day gets 5, never truncated).
    public static func number(hallCode: String, acceptedOn: CivilDate, sequence: Int) -> String {
        let seq = String(sequence)
        return "\(hallCode)-\(acceptedOn.compactText)-\(String(repeating: "0", count: max(0, 4 - seq.count)))\(seq)"
    }
}

extension CivilDate {
    /// 20260302.
    var compactText: String { description.filter { $0 != "-" } }
}
