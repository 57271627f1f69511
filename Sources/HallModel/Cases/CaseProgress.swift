import Queue

/// What a citizen may see of a case at the kiosk or on the phone line (`desk case progress`), found with its number and
/// the last four characters of the applicant's ID or credit code: the item, where it stands in plain words, the dates
/// and the steps done. Nothing of the applicant (no name, no number, no phone) is in it, by construction: the store
/// never selects those columns for it (docs/SECURITY.md, "The kiosk's case lookup").
public struct CaseProgress: Sendable, Hashable {
    public var number: String
    public var itemName: String
    public var state: CaseState
    public var status: CitizenCaseStatus
    public var acceptedOn: CivilDate
    /// The promised deadline (承诺时限); nil when it cannot be counted (a year without a holiday schedule).
    public var promisedDue: CivilDate?
    /// Working days left until the deadline the hall's light is judged against, while a clock runs (negative: overdue).
    public var workingDaysLeft: Int?
    /// 容缺: the names of the materials still to be supplied, in the item's order; empty when nothing is outstanding.
    public var outstandingMaterials: [String]
    /// 容缺: the last day they may be brought — the supplement deadline, or, once the case is suspended for overdue
    /// supplements, the end of the grace period after which it is terminated (`supplementIsFinal`).
    public var supplementDue: CivilDate?
    /// `supplementDue` is the grace period's end: after it the case is terminated.
    public var supplementIsFinal: Bool
    /// Why the clock stands still, while suspended.
    public var suspension: SuspensionReason?
    /// The steps done, oldest first.
    public var steps: [CaseProgressStep]

    public init(number: String, itemName: String, state: CaseState, acceptedOn: CivilDate, promisedDue: CivilDate?, workingDaysLeft: Int?,
                outstandingMaterials: [String], supplementDue: CivilDate?, supplementIsFinal: Bool = false, suspension: SuspensionReason?,
                steps: [CaseProgressStep]) {
        self.number = number; self.itemName = itemName; self.state = state
        self.status = CitizenCaseStatus(state, outstandingMaterials: !outstandingMaterials.isEmpty)
        self.acceptedOn = acceptedOn; self.promisedDue = promisedDue; self.workingDaysLeft = workingDaysLeft
        self.outstandingMaterials = outstandingMaterials; self.supplementDue = supplementDue; self.supplementIsFinal = supplementIsFinal
        self.suspension = suspension; self.steps = steps
    }
}

/// Where a case stands, in the words a citizen needs (what to do, what to wait for), not the hall's states.
/// Stored and printed by `rawValue` (a stable key).
public enum CitizenCaseStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Accepted, not yet taken up for review.
    case accepted
    /// Being reviewed or decided (审查中, 审批中: one state for the citizen).
    case inReview
    /// 容缺: the hall waits for the applicant's supplementary materials (takes precedence over the stage: it is the
    /// applicant's move; the result cannot be issued before).
    case awaitingSupplements
    /// The clock stands still (hearing, testing, expert review, overdue supplements).
    case suspended
    /// Decided (approved or not): the result waits to be collected.
    case resultReady
    /// The result has been issued (and after: the handover to supervision is the hall's business).
    case completed
    case withdrawn
    case terminated

    /// The citizen's status of a case in `state`, with materials still outstanding or not.
    public init(_ state: CaseState, outstandingMaterials: Bool) {
        switch state {
        case .suspended: self = .suspended
        case .withdrawn: self = .withdrawn
        case .terminated: self = .terminated
        case .resultIssued, .handedOver, .acknowledged: self = .completed
        case .accepted, .underReview, .underApproval, .approved, .notApproved:
            if outstandingMaterials { self = .awaitingSupplements; return }
            switch state {
            case .accepted: self = .accepted
            case .approved, .notApproved: self = .resultReady
            default: self = .inReview
            }
        }
    }

    public var label: Bilingual {
        switch self {
        case .accepted: Bilingual(en: "Accepted, waiting for review", zh: "已受理，等待审查")
        case .inReview: Bilingual(en: "Being reviewed", zh: "审查中")
        case .awaitingSupplements: Bilingual(en: "Waiting for your supplementary materials", zh: "等待您补交材料")
        case .suspended: Bilingual(en: "Paused", zh: "暂停办理")
        case .resultReady: Bilingual(en: "Result ready to collect", zh: "结果已出，请前来领取")
        case .completed: Bilingual(en: "Done: the result has been issued", zh: "已办结，结果已送达")
        case .withdrawn: Bilingual(en: "Withdrawn at your request", zh: "已按您的申请撤回")
        case .terminated: Bilingual(en: "Terminated", zh: "已终止办理")
        }
    }
}

extension SuspensionReason {
    /// Why the clock stands still, said to the applicant.
    public var citizenLabel: Bilingual {
        switch self {
        case .hearing: Bilingual(en: "a hearing is being held; the time limit is paused meanwhile", zh: "正在组织听证，期间不计入办理时限")
        case .testing: Bilingual(en: "testing or inspection is under way; the time limit is paused meanwhile",
                                 zh: "正在检验检测，期间不计入办理时限")
        case .expertReview: Bilingual(en: "experts are reviewing the application; the time limit is paused meanwhile",
                                      zh: "正在组织专家评审，期间不计入办理时限")
        case .supplementsOverdue: Bilingual(en: "your supplementary materials are overdue: please bring them to the hall",
                                            zh: "您的补交材料已逾期，请尽快到大厅补交")
        case .intermediaryService: Bilingual(en: "the intermediary agency you chose is at work; the time limit is paused until it delivers",
                                             zh: "您选定的中介机构正在提供服务，成果交付前不计入办理时限")
        }
    }
}

/// One step done, with its day.
public struct CaseProgressStep: Sendable, Hashable {
    public var kind: CaseProgressStepKind
    public var on: CivilDate

    public init(_ kind: CaseProgressStepKind, on: CivilDate) {
        self.kind = kind
        self.on = on
    }
}

/// The steps of a case a citizen is told about, one per event kind of the case's life. The handover to the supervising
/// department and its receipt are the hall's business and are left out. Stored and printed by `rawValue`.
public enum CaseProgressStepKind: String, Codable, Sendable, Hashable, CaseIterable {
    case accepted, reviewStarted, reviewed, approved, notApproved, resultIssued, suspended, resumed, extended, supplementReceived
    case withdrawn, terminated

    /// The step an event of `kind` records; nil for events a citizen is not told about.
    public init?(_ kind: EventKind) {
        switch kind {
        case .caseOpened: self = .accepted
        case .caseReviewStarted: self = .reviewStarted
        case .caseReviewed: self = .reviewed
        case .caseApproved: self = .approved
        case .caseRejected: self = .notApproved
        case .caseResultIssued: self = .resultIssued
        case .caseSuspended: self = .suspended
        case .caseResumed: self = .resumed
        case .caseExtended: self = .extended
        case .caseSupplemented: self = .supplementReceived
        case .caseWithdrawn: self = .withdrawn
        case .caseTerminated: self = .terminated
        default: return nil
        }
    }

    public var label: Bilingual {
        switch self {
        case .accepted: Bilingual(en: "Accepted", zh: "受理")
        case .reviewStarted: Bilingual(en: "Review started", zh: "开始审查")
        case .reviewed: Bilingual(en: "Reviewed", zh: "审查完成")
        case .approved: Bilingual(en: "Approved", zh: "准予许可")
        case .notApproved: Bilingual(en: "Not approved", zh: "不予许可")
        case .resultIssued: Bilingual(en: "Result issued", zh: "结果送达")
        case .suspended: Bilingual(en: "Paused", zh: "暂停计时")
        case .resumed: Bilingual(en: "Resumed", zh: "恢复计时")
        case .extended: Bilingual(en: "Time limit extended", zh: "延长办理时限")
        case .supplementReceived: Bilingual(en: "Supplementary material received", zh: "收到补交材料")
        case .withdrawn: Bilingual(en: "Withdrawn", zh: "撤回申请")
        case .terminated: Bilingual(en: "Terminated", zh: "终止办理")
        }
    }
}

/// A lookup as typed: the case number and the last four characters of the applicant's ID or credit code, normalised
/// (trimmed, upper-cased: an ID's check character may be typed `x`).
public struct CaseProgressQuery: Sendable, Hashable {
    public let number: String
    public let lastFour: String

    public init(number: String, lastFour: String) throws(CaseProgressError) {
        let number = String(number.trimmingWhitespace()).uppercased()
        let lastFour = String(lastFour.trimmingWhitespace()).uppercased()
        guard !number.isEmpty, number.count <= 32 else { throw .numberFormat }
        guard lastFour.count == 4, lastFour.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw .lastFourFormat }
        self.number = number
        self.lastFour = lastFour
    }
}

/// Why a progress lookup gives nothing. A wrong number and wrong last four are one and the same answer (`noMatch`):
/// the answer never tells which part was wrong.
public enum CaseProgressError: UserFacingError, Equatable {
    case noMatch
    case numberFormat
    case lastFourFormat

    public var message: Bilingual {
        switch self {
        case .noMatch:
            Bilingual(en: "No case matches this number and these four characters. Please check both and try again.",
                      zh: "没有与该办件编号和证件号码后四位相符的办件，请核对后重试。")
        case .numberFormat:
            Bilingual(en: "Please enter the case number printed on your acceptance notice.", zh: "请输入受理通知书上的办件编号。")
        case .lastFourFormat:
            Bilingual(en: "Please enter the last four characters of the applicant's ID number or credit code (letters and digits).",
                      zh: "请输入申请人身份证件号码或统一社会信用代码的后四位（字母或数字）。")
        }
    }
}

extension CaseProgress {
    /// What the citizen is told under the status, one sentence each: the accepted date, the promised date and the working
    /// days left while the hall is deciding, the materials still due and by when, why the clock stands still. The kiosk
    /// and `desk case progress` both print these.
    public var notes: [Bilingual] {
        var notes = [Bilingual(en: "Accepted on \(acceptedOn).", zh: "受理日期：\(acceptedOn)。")]
        switch status {
        case .accepted, .inReview, .awaitingSupplements:
            guard let promisedDue else {
                notes.append(Bilingual(en: "The promised date cannot be given yet.", zh: "承诺办结日期暂无法计算。"))
                break
            }
            let left: Bilingual = switch workingDaysLeft {
            case nil: Bilingual(en: "", zh: "")
            case let n? where n < 0: Bilingual(en: ", \(Plural.english(-n, "working day")) past it", zh: "，已超过 \(-n) 个工作日")
            case 0?: Bilingual(en: ", due today", zh: "，今日到期")
            case let n?: Bilingual(en: ", \(Plural.english(n, "working day")) left", zh: "，还剩 \(n) 个工作日")
            }
            notes.append(Bilingual(en: "Promised by \(promisedDue)\(left.en).", zh: "承诺办结日期：\(promisedDue)\(left.zh)。"))
        case .suspended, .resultReady, .completed, .withdrawn, .terminated:
            break
        }
        if !outstandingMaterials.isEmpty {
            let by = supplementDue.map { Bilingual(en: " by \($0)", zh: "请于 \($0) 前") } ?? Bilingual(en: "", zh: "请尽快")
            let otherwise = supplementIsFinal ? Bilingual(en: " After that day the case is terminated.", zh: "逾期将终止办理。")
                : Bilingual(en: "", zh: "")
            notes.append(Bilingual(en: "Please bring\(by.en): " + outstandingMaterials.joined(separator: "; ") + "." + otherwise.en,
                                   zh: by.zh + "补交：" + outstandingMaterials.joined(separator: "、") + "。" + otherwise.zh))
        }
        if let suspension {
            notes.append(Bilingual(en: "Paused: \(suspension.citizenLabel.en).", zh: "暂停原因：\(suspension.citizenLabel.zh)。"))
        }
        return notes
    }
}
