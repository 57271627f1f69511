import Foundation
import Queue

/// What a complaint is about: each part optional (a complaint about the hall as a whole names none).
public struct ComplaintSubject: Sendable, Hashable, Codable {
    public var window: Int?
    /// A staff number.
    public var staff: String?
    /// A department or unit, as the complainant names it.
    public var department: String?
    /// A case number (HD-…).
    public var caseNumber: String?
    /// A ticket's code (A012), as the complainant remembers it.
    public var ticketCode: String?

    public init(window: Int? = nil, staff: String? = nil, department: String? = nil, caseNumber: String? = nil, ticketCode: String? = nil) {
        self.window = window; self.staff = staff; self.department = department; self.caseNumber = caseNumber; self.ticketCode = ticketCode
    }

    public var isEmpty: Bool { window == nil && staff == nil && department == nil && caseNumber == nil && ticketCode == nil }
}

/// A complaint to register (`registerComplaint`): the texts are cleaned and the rules checked when the write runs.
public struct ComplaintRequest: Sendable, Hashable {
    public var source: ComplaintSource
    /// The 12345 work-order number (工单号): required for `.hotline`, refused otherwise.
    public var workOrder: String?
    public var name: String
    public var phone: String
    public var subject: ComplaintSubject
    public var content: String

    public init(source: ComplaintSource, workOrder: String? = nil, name: String, phone: String, subject: ComplaintSubject = ComplaintSubject(),
                content: String) {
        self.source = source; self.workOrder = workOrder; self.name = name; self.phone = phone; self.subject = subject; self.content = content
    }
}

/// A complaint as stored, with where it stands on the day it was read (`overdue`).
public struct Complaint: Sendable, Hashable {
    /// `TS-20260302-0001`.
    public var number: String
    public var receivedOn: CivilDate
    public var receivedAt: Date
    public var source: ComplaintSource
    public var workOrder: String?
    public var name: String
    public var phone: String
    public var subject: ComplaintSubject
    public var content: String
    public var registeredBy: String
    /// The last day to answer; nil when the calendar could not count it (a year without its schedule: flagged, never guessed).
    public var dueOn: CivilDate?
    public var state: ComplaintState
    public var unit: String?
    /// The handler's staff number.
    public var handler: String?
    public var handlerName: String?
    public var assignedAt: Date?
    public var reply: String?
    public var answeredAt: Date?
    public var answeredOn: CivilDate?
    public var answeredBy: String?
    public var satisfaction: ComplaintSatisfaction?
    public var closedAt: Date?
    public var closedBy: String?
    /// Not answered and past its due date, on the day it was read.
    public var overdue: Bool

    /// The name and the phone as lists show them (张*丰, 138****5678): enough to recognise, not to call.
    public var maskedName: String { IdentifierMask.name(name) }
    public var maskedPhone: String { IdentifierMask.phone(phone) }
    /// Answered by the due date (nil while not answered).
    public var answeredOnTime: Bool? { ComplaintRule.answeredOnTime(dueOn: dueOn, answeredOn: answeredOn) }
}

/// The figures of the complaints received in a period (`complaintSummary(from:through:)`, for the reports), pure: a
/// fold over the complaints. Answered, on time, closed and the satisfaction count those received in the period as
/// they stand on `asOf`; overdue counts those not answered and past due on `asOf`.
public struct ComplaintSummary: Sendable, Hashable, Codable {
    public var from: CivilDate
    public var through: CivilDate
    public var asOf: CivilDate
    public var received = 0
    /// Every source, zero included, by its key.
    public var bySource: [ComplaintSource: Int] = Dictionary(uniqueKeysWithValues: ComplaintSource.allCases.map { ($0, 0) })
    public var answered = 0
    public var answeredOnTime = 0
    public var closed = 0
    /// Every satisfaction, zero included.
    public var satisfaction: [ComplaintSatisfaction: Int] = Dictionary(uniqueKeysWithValues: ComplaintSatisfaction.allCases.map { ($0, 0) })
    public var overdue = 0
    /// Received, not answered, whose due date could not be counted (a year without its holiday schedule).
    public var uncounted = 0

    /// Answered on time ÷ answered (nil when none was answered).
    public var onTimeRate: Double? { answered == 0 ? nil : Double(answeredOnTime) / Double(answered) }
    /// Satisfied or basically satisfied ÷ closed with a complainant reached (nil when none).
    public var satisfactionRate: Double? {
        let reached = closed - (satisfaction[.unreachable] ?? 0)
        guard reached > 0 else { return nil }
        return Double((satisfaction[.satisfied] ?? 0) + (satisfaction[.basicallySatisfied] ?? 0)) / Double(reached)
    }

    public static func make(_ complaints: [Complaint], from: CivilDate, through: CivilDate, asOf: CivilDate) -> ComplaintSummary {
        var s = ComplaintSummary(from: from, through: through, asOf: asOf)
        for c in complaints where c.receivedOn >= from && c.receivedOn <= through {
            s.received += 1
            s.bySource[c.source, default: 0] += 1
            if c.answeredOn != nil {
                s.answered += 1
                if c.answeredOnTime == true { s.answeredOnTime += 1 }
            } else if c.dueOn == nil {
                s.uncounted += 1
            }
            if let satisfaction = c.satisfaction { s.closed += 1; s.satisfaction[satisfaction, default: 0] += 1 }
            if ComplaintRule.isOverdue(dueOn: c.dueOn, answeredOn: c.answeredOn, today: asOf) { s.overdue += 1 }
        }
        return s
    }
}

/// What the complaint rules refuse (exit 1 at the CLI; a missing permission is an `AccessError`, exit 5).
public enum ComplaintError: UserFacingError, Hashable {
    case unknownComplaint(String)
    /// A 12345 transfer carries its work-order number; the other sources have none.
    case workOrderNeeded
    case workOrderNotHotline(ComplaintSource)
    case invalidWorkOrder(String)
    case invalidTicketCode(String)
    /// The handler must be an active staff member.
    case handlerInactive(String)
    /// Answered only once assigned.
    case notAssigned(String)
    case alreadyAnswered(String)
    /// Closed only once answered.
    case notAnswered(String)
    case alreadyClosed(String)

    public var message: Bilingual {
        switch self {
        case .unknownComplaint(let n):
            Bilingual(en: "No complaint numbered \(PrintableText.excerpt(n)).", zh: "没有编号为 \(PrintableText.excerpt(n)) 的投诉。")
        case .workOrderNeeded:
            Bilingual(en: "A 12345 hotline transfer carries its work-order number: give --order.", zh: "12345 热线转办的投诉须填写工单号（--order）。")
        case .workOrderNotHotline(let s):
            Bilingual(en: "Only a 12345 hotline transfer has a work-order number, not a complaint by \(s.label.en).",
                      zh: "只有 12345 热线转办的投诉才有工单号，\(s.label.zh)投诉没有。")
        case .invalidWorkOrder(let o):
            Bilingual(en: "A work-order number is 1 to 32 letters, digits or '-', not '\(PrintableText.excerpt(o))'.",
                      zh: "工单号须为 1 到 32 位字母、数字或“-”，不能是“\(PrintableText.excerpt(o))”。")
        case .invalidTicketCode(let t):
            Bilingual(en: "'\(PrintableText.excerpt(t))' is not a ticket code (a letter or two and digits, like A012).",
                      zh: "“\(PrintableText.excerpt(t))”不是号票号码（字母加数字，如 A012）。")
        case .handlerInactive(let s):
            Bilingual(en: "\(s) is not an active staff member: a complaint goes to someone who can answer it.",
                      zh: "\(s) 不是在岗的工作人员，投诉须交给能够办理的人。")
        case .notAssigned(let n):
            Bilingual(en: "Complaint \(n) is not assigned yet: assign it to a handler first (desk complaint assign).",
                      zh: "投诉 \(n) 尚未交办，请先交办给承办人（desk complaint assign）。")
        case .alreadyAnswered(let n): Bilingual(en: "Complaint \(n) is already answered.", zh: "投诉 \(n) 已经答复。")
        case .notAnswered(let n):
            Bilingual(en: "Complaint \(n) is not answered yet: it closes once the reply is recorded.", zh: "投诉 \(n) 尚未答复，答复后才能办结。")
        case .alreadyClosed(let n): Bilingual(en: "Complaint \(n) is already closed.", zh: "投诉 \(n) 已经办结。")
        }
    }
}

extension FreeText {
    public static let complainantName = Bilingual(en: "The complainant's name", zh: "投诉人姓名")
    public static let complaintContent = Bilingual(en: "The complaint", zh: "投诉内容")
    public static let complaintReply = Bilingual(en: "The reply", zh: "答复内容")
    public static let complaintUnit = Bilingual(en: "The unit", zh: "承办单位")
}
