import Foundation
import Queue

/// What a ledger line moves (材料交接台账). Stored as its kind key (`listed`, `result`, `other`), the material list
/// position for `listed`, and the name.
public enum LedgerMaterial: Sendable, Hashable {
    /// A material of the item's published list, by its position there (`catalog show`, the window's checklist).
    case listed(position: Int, name: String)
    /// The result: the licence or decision (证照、决定书), by its name.
    case result(name: String)
    /// Anything else, by its name.
    case other(name: String)

    public var kindKey: String {
        switch self {
        case .listed: "listed"
        case .result: "result"
        case .other: "other"
        }
    }
    public var position: Int? { if case .listed(let p, _) = self { p } else { nil } }
    public var name: String {
        switch self {
        case .listed(_, let n), .result(let n), .other(let n): n
        }
    }

    /// The balance's key: a listed material by its position (its name may be spelled differently), others by name.
    public var balanceKey: String {
        switch self {
        case .listed(let p, _): "listed:\(p)"
        case .result(let n): "result:\(n)"
        case .other(let n): "other:\(n)"
        }
    }

    /// How a receipt and a list name it: 第3项 营业执照 / 证照：营业执照 / 其他：…
    public var text: Bilingual {
        switch self {
        case .listed(let p, let n): Bilingual(en: "No. \(p) \(n)", zh: "第\(p)项 \(n)")
        case .result(let n): Bilingual(en: "result: \(n)", zh: "办理结果：\(n)")
        case .other(let n): Bilingual(en: "other: \(n)", zh: "其他：\(n)")
        }
    }

    /// Rebuilds a stored line's material; nil for an unknown kind key.
    public init?(kindKey: String, position: Int?, name: String) {
        switch (kindKey, position) {
        case ("listed", let p?): self = .listed(position: p, name: name)
        case ("result", _): self = .result(name: name)
        case ("other", _): self = .other(name: name)
        default: return nil
        }
    }
}

/// One line of a handover: a material, original or copy, how many.
public struct MaterialLine: Sendable, Hashable {
    public var material: LedgerMaterial
    public var form: MaterialForm
    public var copies: Int
    public init(_ material: LedgerMaterial, form: MaterialForm, copies: Int = 1) {
        self.material = material; self.form = form; self.copies = copies
    }
}

/// A line as asked for: a listed material by position (its name is read from the case's checklist or the item's
/// list), or a named result or other thing.
public struct MaterialLineInput: Sendable, Hashable {
    public enum What: Sendable, Hashable {
        case listed(Int)
        case result(String)
        case other(String)
    }
    public var what: What
    public var form: MaterialForm
    public var copies: Int
    public init(_ what: What, form: MaterialForm = .original, copies: Int = 1) {
        self.what = what; self.form = form; self.copies = copies
    }
}

/// What is asked when a handover is recorded (`recordMaterialHandover`): the job and/or the case, from whom to
/// whom, the names as they sign (nil: the applicant's masked name, the agent's name, the recording clerk's name).
public struct MaterialHandoverRequest: Sendable, Hashable {
    public var jobNumber: String?
    public var caseNumber: String?
    public var from: HandoverParty
    public var fromName: String?
    public var to: HandoverParty
    public var toName: String?
    public var lines: [MaterialLineInput]

    /// Checks the parties and the lines, and cleans the names.
    public init(jobNumber: String? = nil, caseNumber: String? = nil, from: HandoverParty, fromName: String? = nil, to: HandoverParty,
                toName: String? = nil, lines: [MaterialLineInput]) throws {
        guard jobNumber != nil || caseNumber != nil else { throw MaterialLedgerError.jobOrCaseNeeded }
        guard from != to else { throw MaterialLedgerError.sameParty(from) }
        guard !lines.isEmpty else { throw MaterialLedgerError.noLines }
        for line in lines {
            guard (1...99).contains(line.copies) else { throw MaterialLedgerError.copiesOutOfRange(line.copies) }
            switch line.what {
            case .listed(let p): guard p >= 1 else { throw MaterialLedgerError.notOnTheList(p) }
            case .result(let n), .other(let n): _ = try FreeText.clean(n, field: FreeText.materialName, limit: 40)
            }
        }
        func name(_ text: String?) throws -> String? {
            try text.map { try FreeText.clean($0, field: FreeText.signingName, limit: 30) }
        }
        self.jobNumber = jobNumber?.uppercased(); self.caseNumber = caseNumber?.uppercased()
        self.from = from; self.fromName = try name(fromName); self.to = to; self.toName = try name(toName)
        self.lines = try lines.map {
            switch $0.what {
            case .listed: $0
            case .result(let n): MaterialLineInput(.result(try FreeText.clean(n, field: FreeText.materialName, limit: 40)), form: $0.form,
                                                   copies: $0.copies)
            case .other(let n): MaterialLineInput(.other(try FreeText.clean(n, field: FreeText.materialName, limit: 40)), form: $0.form,
                                                  copies: $0.copies)
            }
        }
    }
}

/// A recorded handover: one receipt number (交接单), its lines, the parties as they signed.
public struct MaterialHandover: Sendable, Hashable {
    public var id: Int64
    /// `JJ-<yyyymmdd>-<4-digit daily sequence>` (`MaterialHandover.number(on:sequence:)`).
    public var number: String
    public var jobNumber: String?
    public var caseNumber: String?
    public var from: HandoverParty
    public var fromName: String
    public var to: HandoverParty
    public var toName: String
    public var at: Date
    public var on: CivilDate
    public var recordedBy: String
    public var lines: [MaterialLine]
    /// SM3 of the receipt's text, also in the chain (`material_handover` event's `digest`).
    public var digest: String

    /// The number of the `sequence`th handover recorded on `day`: `JJ-20260302-0001` (a 5th digit after 9999).
    public static func number(on day: CivilDate, sequence: Int) -> String {
        day.dailyNumber("JJ", sequence: sequence)
    }
}

/// The ledger's balance, as a pure rule over handovers: per material and form, what each party holds (received
/// minus given). The applicant starts with their originals; the hall starts with the result it issues. An original
/// is "still with the hall or the agent" while the window or the agent holds more of it than it gave on.
public enum MaterialLedger {
    /// Something the window or the agent still holds.
    public struct Holding: Sendable, Hashable {
        public var material: LedgerMaterial
        public var form: MaterialForm
        public var holder: HandoverParty
        public var copies: Int
        public var text: Bilingual {
            Bilingual(en: "\(material.text.en) (\(form.label.en.lowercased()), \(copies)) with the \(holder.label.en)",
                      zh: "\(material.text.zh)（\(form.label.zh)\(copies)份）在\(holder.label.zh)处")
        }
    }

    /// Originals held by the window or the agent, in the order they first appear.
    public static func originalsOut(_ handovers: [MaterialHandover]) -> [Holding] {
        var order: [String] = []
        var held: [String: (LedgerMaterial, [HandoverParty: Int])] = [:]
        for handover in handovers {
            for line in handover.lines where line.form == .original {
                let key = line.material.balanceKey
                if held[key] == nil { order.append(key); held[key] = (line.material, [:]) }
                held[key]?.1[handover.from, default: 0] -= line.copies
                held[key]?.1[handover.to, default: 0] += line.copies
            }
        }
        return order.flatMap { key -> [Holding] in
            guard let (material, parties) = held[key] else { return [] }
            return [HandoverParty.window, .agent].compactMap { party in
                guard let n = parties[party], n > 0 else { return nil }
                return Holding(material: material, form: .original, holder: party, copies: n)
            }
        }
    }

    /// Whether a result (证照) has been handed to the applicant.
    public static func resultHandedBack(_ handovers: [MaterialHandover]) -> Bool {
        handovers.contains { $0.to == .applicant && $0.lines.contains { if case .result = $0.material { true } else { false } } }
    }

    /// Why a job may not close yet, every reason in order: its case not finished (no result issued, not withdrawn or
    /// terminated: `CaseState.noDeadlineRuns`), originals out, the result not handed back (when the case issued one).
    /// A job without a case has only its originals to return (the help ended without a filing). Empty: it may close.
    public static func closeObstacles(_ handovers: [MaterialHandover], caseNumber: String?, caseState: CaseState?) -> [MaterialLedgerError] {
        var obstacles: [MaterialLedgerError] = []
        if let caseNumber, let caseState, !CaseState.noDeadlineRuns.contains(caseState) {
            obstacles.append(.caseNotFinished(case: caseNumber, state: caseState))
        }
        let out = originalsOut(handovers)
        if !out.isEmpty { obstacles.append(.originalsOut(out)) }
        let issued = caseState.map { [.resultIssued, .handedOver, .acknowledged].contains($0) } ?? false
        if issued && !resultHandedBack(handovers) { obstacles.append(.resultNotHandedBack) }
        return obstacles
    }
}

/// What the ledger refuses, naming the rule (exit 1 at the CLI; a missing permission is an `AccessError`, exit 5).
public enum MaterialLedgerError: UserFacingError, Equatable {
    case jobOrCaseNeeded
    case sameParty(HandoverParty)
    case noLines
    case copiesOutOfRange(Int)
    /// The position is not on the case's checklist (or the item's published list).
    case notOnTheList(Int)
    /// The job and the case given are not each other's.
    case jobAndCaseDiffer(job: String, case: String)
    /// The job is closed or cancelled: nothing more moves on it.
    case jobNotOpen(String)
    /// The agent is a party but the job has no agent (or there is no job).
    case noAgent
    /// A window's name is needed (the person recording it is not at the window).
    case nameNeeded(HandoverParty)
    /// A case or a job may not close while originals are still with the hall or the agent.
    case originalsOut([MaterialLedger.Holding])
    /// A job closes only once the result is handed back to the applicant.
    case resultNotHandedBack
    /// A job closes only once its case is finished (result issued, withdrawn or terminated).
    case caseNotFinished(case: String, state: CaseState)
    /// The job may not close: every reason (`MaterialLedger.closeObstacles`), each naming what is left to do.
    case jobCannotClose(job: String, obstacles: [MaterialLedgerError])
    case unknownHandover(String)
    /// A kept receipt no longer hashes to the digest the chain sealed (exit 4: changed outside HallDesk).
    case receiptAltered(String)

    public var message: Bilingual {
        switch self {
        case .jobOrCaseNeeded:
            Bilingual(en: "A handover belongs to a proxy job or a case: give one.", zh: "交接须注明代办件或办件。")
        case .sameParty(let p):
            Bilingual(en: "A handover goes from one party to another, not from the \(p.label.en) to itself.",
                      zh: "交接须在不同的双方之间进行，不能由\(p.label.zh)交给自己。")
        case .noLines:
            Bilingual(en: "A handover lists at least one material.", zh: "交接须至少列明一项材料。")
        case .copiesOutOfRange(let n):
            Bilingual(en: "Copies are 1 to 99, not \(n).", zh: "份数须在 1 至 99 之间，不能是 \(n)。")
        case .notOnTheList(let p):
            Bilingual(en: "Material \(p) is not on the item's list of materials.", zh: "第 \(p) 项不在本事项的材料清单中。")
        case .jobAndCaseDiffer(let job, let c):
            Bilingual(en: "The proxy job \(job) is not the job of case \(c).", zh: "代办件 \(job) 不是办件 \(c) 的代办件。")
        case .jobNotOpen(let job):
            Bilingual(en: "The proxy job \(job) is no longer open.", zh: "代办件 \(job) 已结束，不能再登记交接。")
        case .noAgent:
            Bilingual(en: "No agent is assigned to this job: the agent cannot be a party.", zh: "该代办件尚未指派代办员，代办员不能作为交接一方。")
        case .nameNeeded(let p):
            Bilingual(en: "Give the name of the \(p.label.en)'s signer, as signed.",
                      zh: "请写明\(p.label.zh)签字人的姓名。")
        case .originalsOut(let out):
            Bilingual(en: "Originals are still with the hall or the agent: " + out.map(\.text.en).joined(separator: "; ")
                          + ". Record their return to the applicant first (desk handover add).",
                      zh: "以下原件仍在大厅或代办员处：" + out.map(\.text.zh).joined(separator: "；")
                          + "。请先登记原件退还申请人（desk handover add）。")
        case .resultNotHandedBack:
            Bilingual(en: "The result has not been handed back to the applicant (a handover line of the result to the applicant).",
                      zh: "办理结果尚未交还申请人（须登记办理结果交给申请人）。")
        case .caseNotFinished(let c, let state):
            Bilingual(en: "Case \(c) is not finished (\(state.label.en)): a job closes once its result is issued, or it is withdrawn or terminated.",
                      zh: "办件 \(c) 尚未办结（\(state.label.zh)），须出具办理结果（送达）或撤回、终止后，代办件才能办结。")
        case .jobCannotClose(let job, let obstacles):
            Bilingual(en: "The proxy job \(job) cannot be closed yet. " + obstacles.map(\.message.en).joined(separator: " "),
                      zh: "代办件 \(job) 尚不能办结。" + obstacles.map(\.message.zh).joined())
        case .unknownHandover(let n):
            Bilingual(en: "No handover with the receipt number \(n).", zh: "没有编号为 \(n) 的交接单。")
        case .receiptAltered(let n):
            Bilingual(en: "The kept text of receipt \(n) no longer matches the digest the audit chain sealed: it was changed outside HallDesk. It is not printed; run `desk audit verify`.",
                      zh: "交接单 \(n) 保存的文本与审计链记录的摘要不符，已在程序之外被改动，不予打印。请运行 desk audit verify。")
        }
    }
}

extension FreeText {
    /// A result's or another thing's name on a handover line.
    public static let materialName = Bilingual(en: "The material's name", zh: "材料名称")
    /// A name as signed on a handover receipt.
    public static let signingName = Bilingual(en: "The name as signed", zh: "签字人姓名")
    /// What was agreed with the applicant (the contact log).
    public static let contactNote = Bilingual(en: "What was agreed", zh: "沟通内容")
}

extension MaterialLedgerError {
    /// Whether `error` is a receipt changed outside HallDesk (the CLI's exit 4, like a changed case document).
    public var isReceiptAltered: Bool { if case .receiptAltered = self { true } else { false } }
}
