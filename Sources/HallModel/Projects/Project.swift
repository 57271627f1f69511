import Foundation
import Queue

/// A major project (重大项目绿色通道): several cases of one investor handled in parallel (并联审批), led by a proxy agent,
/// closed by the departments' joint acceptance (联合验收). docs/agents.md, "Major projects".
public struct Project: Sendable, Hashable {
    public var id: Int64
    /// `XM-2026-001` (`ProjectNumber`): unique.
    public var number: String
    public var name: String
    public var investorName: String
    /// The investor's unified social credit code (GB 32100), normalised.
    public var investorCode: String
    /// The staff number of the proxy agent leading the project (role `agent`).
    public var leadAgentID: String
    public var state: ProjectState
    public var createdOn: CivilDate
    /// The day the last department signed pass (nil until accepted).
    public var acceptedOn: CivilDate?
}

/// Where a project stands. Stored by `rawValue` (a stable key).
public enum ProjectState: String, Codable, Sendable, Hashable, CaseIterable {
    /// Its cases are being handled (or wait for the joint acceptance).
    case open
    /// Every department of its cases signed the joint acceptance pass.
    case accepted

    public var label: Bilingual {
        switch self {
        case .open: Bilingual(en: "open", zh: "办理中")
        case .accepted: Bilingual(en: "accepted", zh: "已联合验收")
        }
    }
}

/// A department's sign-off in the joint acceptance. Stored by `rawValue`.
public enum AcceptanceVerdict: String, Codable, Sendable, Hashable, CaseIterable {
    case pass, fail

    public var label: Bilingual {
        switch self {
        case .pass: Bilingual(en: "pass", zh: "通过")
        case .fail: Bilingual(en: "fail", zh: "不通过")
        }
    }
}

/// Project numbers: `XM-` + the year of creation + `-` + a 3-digit sequence within the year (`XM-2026-001`; past 999
/// the sequence grows a digit, never truncated).
public enum ProjectNumber {
    public static func make(year: Int, sequence: Int) -> String {
        "XM-\(year)-" + String(format: "%03d", sequence)
    }

    /// The sequence of a number of `year`, or nil for another year's or a malformed one.
    public static func sequence(of number: String, year: Int) -> Int? {
        let prefix = "XM-\(year)-"
        guard number.hasPrefix(prefix) else { return nil }
        return Int(number.dropFirst(prefix.count))
    }
}

/// What the project rules refuse, in both languages (exit 1).
public enum ProjectError: UserFacingError, Equatable {
    case unknownProject(String)
    /// The lead agent must be an active staff member with the `agent` role.
    case notAnAgent(String)
    /// A case belongs to at most one project.
    case caseInAnotherProject(case: String, project: String)
    case caseAlreadyInProject(case: String)
    /// A project's cases are the investor's: the case's applicant has another number.
    case applicantIsNotTheInvestor(case: String)
    /// Adding cases: the lead agent (or a supervisor) only.
    case notTheLeadAgent(lead: String)
    /// Joint acceptance waits until none of the project's cases is still being decided (or suspended).
    case casesStillOpen([String])
    case noCases
    case departmentNotInProject(department: String)
    /// A reviewer or approver signs for a department whose case (in the project) they reviewed or decided.
    case notOfDepartment(staff: String, department: String)
    case alreadyAccepted(String)
    /// The kept joint acceptance record no longer hashes to the digest the chain sealed (exit 4: changed outside HallDesk).
    case recordAltered(String)

    public var message: Bilingual {
        switch self {
        case .unknownProject(let n):
            Bilingual(en: "No project numbered \(n).", zh: "没有编号为 \(n) 的重大项目。")
        case .notAnAgent(let id):
            Bilingual(en: "\(id) is not an active proxy agent (the agent role): a project is led by one.",
                      zh: "\(id) 不是在岗的代办员（agent 角色），重大项目须由代办员牵头。")
        case .caseInAnotherProject(let c, let p):
            Bilingual(en: "Case \(c) already belongs to project \(p): a case joins at most one project.",
                      zh: "办件 \(c) 已属于重大项目 \(p)，一个办件只能属于一个项目。")
        case .caseAlreadyInProject(let c):
            Bilingual(en: "Case \(c) is already in this project.", zh: "办件 \(c) 已在本项目中。")
        case .applicantIsNotTheInvestor(let c):
            Bilingual(en: "Case \(c) was applied for by someone else than the project's investor (their credit codes differ).",
                      zh: "办件 \(c) 的申请人不是本项目的投资主体（统一社会信用代码不一致）。")
        case .notTheLeadAgent(let lead):
            Bilingual(en: "Only the project's lead agent (\(lead)) or a supervisor adds cases to it.",
                      zh: "只有项目牵头代办员（\(lead)）或大厅管理人员可以向项目添加办件。")
        case .casesStillOpen(let cases):
            Bilingual(en: "The joint acceptance comes after every case is decided; still open: \(cases.joined(separator: ", ")).",
                      zh: "联合验收须在所有办件办结后进行，尚未办结：\(cases.joined(separator: "、"))。")
        case .noCases:
            Bilingual(en: "The project has no cases: nothing to accept.", zh: "该项目没有办件，无法联合验收。")
        case .departmentNotInProject(let d):
            Bilingual(en: "Department \(d) handles none of the project's cases.", zh: "部门 \(d) 未承办本项目的任何办件。")
        case .notOfDepartment(let s, let d):
            Bilingual(en: "\(s) reviewed or decided none of the project's cases of department \(d): a reviewer or approver who did, or a supervisor, signs.",
                      zh: "\(s) 未审查或审批本项目中部门 \(d) 的办件：须由经办的审查人、审批人或大厅管理人员签署。")
        case .alreadyAccepted(let n):
            Bilingual(en: "Project \(n) has passed its joint acceptance already.", zh: "重大项目 \(n) 已通过联合验收。")
        case .recordAltered(let n):
            Bilingual(en: "The kept joint acceptance record of \(n) no longer matches the digest the audit chain sealed: it was changed outside HallDesk. It is not printed; run `desk audit verify`.",
                      zh: "重大项目 \(n) 保存的联合验收意见书与审计链记录的摘要不符，已在程序之外被改动，不予打印。请运行 desk audit verify。")
        }
    }
}

extension FreeText {
    /// A project's name (`desk project create --name`).
    public static let projectName = Bilingual(en: "The project's name", zh: "项目名称")
    /// The investor's name (`--investor`).
    public static let investorName = Bilingual(en: "The investor's name", zh: "投资主体名称")
    /// A department's joint-acceptance opinion (`--opinion`).
    public static let acceptanceOpinion = Bilingual(en: "The opinion", zh: "验收意见")
}

extension ProjectError {
    /// Whether `error` is a record changed outside HallDesk (the CLI's exit 4, like a changed case document).
    public var isRecordAltered: Bool { if case .recordAltered = self { true } else { false } }
}
