import Foundation
import Queue

/// Text a person types that other people's screens and printouts show (names, departments, reasons):
/// trimmed, not empty, within a length that fits the screens, and without control characters, which a
/// terminal would obey (clearing a supervisor's screen, retitling it) instead of showing.
public enum FreeText {
    public static func clean(_ text: String, field: Bilingual, limit: Int) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw FreeTextError.empty(field) }
        guard !PrintableText.containsControls(trimmed) else {
            throw FreeTextError.controlCharacters(field)
        }
        guard trimmed.count <= limit else { throw FreeTextError.tooLong(field, limit: limit) }
        return trimmed
    }

    public static let staffName = Bilingual(en: "A name", zh: "姓名")
    public static let department = Bilingual(en: "A department", zh: "部门")
    public static let pauseReason = Bilingual(en: "A pause reason", zh: "暂停原因")
    public static let hallName = Bilingual(en: "The hall's name", zh: "大厅名称")
    public static let reason = Bilingual(en: "A reason", zh: "原因")
    /// The written texts of the case actions (`CaseActionKind.writtenField`): the reviewer's opinion, a decision's
    /// reason, and the reasons of an extension, a withdrawal and a termination.
    public static let reviewOpinion = Bilingual(en: "The review opinion", zh: "审查意见")
    public static let decisionReason = Bilingual(en: "The reason for the decision", zh: "决定理由")
    public static let extensionReason = Bilingual(en: "The reason for the extension", zh: "延期理由")
    public static let withdrawalReason = Bilingual(en: "The reason for the withdrawal", zh: "撤回理由")
    public static let terminationReason = Bilingual(en: "The reason for the termination", zh: "终止理由")
    public static let name = Bilingual(en: "A name", zh: "名称")
    public static let ticketNote = Bilingual(en: "A note", zh: "备注")
    public static let printCommand = Bilingual(en: "The print command", zh: "打印命令")
    public static let applicantName = Bilingual(en: "The applicant's name", zh: "申请人名称")
    public static let legalRepresentative = Bilingual(en: "The legal representative", zh: "法定代表人")
    public static let contact = Bilingual(en: "The contact", zh: "联系人")
    public static let phone = Bilingual(en: "A phone number", zh: "电话")
    public static let authorisation = Bilingual(en: "The authorisation", zh: "授权委托内容")
    public static let materialNote = Bilingual(en: "A material's note", zh: "材料问题说明")
    /// A ticket note's length: a line of the window's panel, and what one clerk tells the next.
    public static let ticketNoteLimit = 60
}

public enum FreeTextError: UserFacingError, Equatable {
    case empty(Bilingual)
    case controlCharacters(Bilingual)
    case tooLong(Bilingual, limit: Int)

    public var message: Bilingual {
        switch self {
        case .empty(let f): Bilingual(en: "\(f.en) may not be empty.", zh: "\(f.zh)不能为空。")
        case .controlCharacters(let f):
            Bilingual(en: "\(f.en) may not contain control characters.", zh: "\(f.zh)不能包含控制字符。")
        case .tooLong(let f, let limit):
            Bilingual(en: "\(f.en) may have at most \(limit) characters.", zh: "\(f.zh)最多 \(limit) 个字符。")
        }
    }
}
