import Foundation
import Queue

/// Whether the applicant is a natural person (resident ID) or an organisation (unified social credit code).
/// Stored by `rawValue` (a stable key).
public enum ApplicantKind: String, Codable, Sendable, Hashable, CaseIterable {
    case person
    case organisation

    /// A number of this kind as shared screens, answers and documents show it (docs/SECURITY.md).
    public func masked(_ number: String) -> String {
        switch self {
        case .person: IdentifierMask.residentID(number)
        case .organisation: IdentifierMask.creditCode(number)
        }
    }

    public var label: Bilingual {
        switch self {
        case .person: Bilingual(en: "person", zh: "自然人")
        case .organisation: Bilingual(en: "organisation", zh: "法人或其他组织")
        }
    }
}

/// Who speaks for the applicant at the window. The applicant remains the legal applicant.
/// Stored by `rawValue` (a stable key).
public enum RepresentativeKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// The applicant (or the organisation's legal representative) in person.
    case none
    /// 委托代理人: a person the applicant authorised in writing.
    case authorisedAgent
    /// 代办员: one of the hall's own proxy agents.
    case proxyAgent

    public var label: Bilingual {
        switch self {
        case .none: Bilingual(en: "in person", zh: "本人办理")
        case .authorisedAgent: Bilingual(en: "authorised agent", zh: "委托代理人")
        case .proxyAgent: Bilingual(en: "hall proxy agent", zh: "代办员")
        }
    }
}

/// An applicant's identity as typed at the window, validated: the number is checked (GB 11643 or GB 32100)
/// and normalised, the texts cleaned. Building one is the only way into `takeIn`.
public struct ApplicantInput: Sendable, Hashable {
    public let kind: ApplicantKind
    /// The normalised number.
    public let idNumber: String
    public let name: String
    public let phone: String?
    public let legalRepresentative: String?
    public let contact: String?

    /// A person: name, resident ID number (checked against `today` for the birth date), phone.
    public static func person(name: String, residentID: String, phone: String?, today: CivilDate) throws -> ApplicantInput {
        let id = try ResidentID(residentID, today: today)
        return ApplicantInput(kind: .person, idNumber: id.value, name: try FreeText.clean(name, field: FreeText.applicantName, limit: 50),
                              phone: try phone.map { try Self.phone($0) }, legalRepresentative: nil, contact: nil)
    }

    /// An organisation: name, unified social credit code, legal representative, contact.
    public static func organisation(name: String, creditCode: String, legalRepresentative: String?, contact: String?) throws -> ApplicantInput {
        let code = try CreditCode(creditCode)
        return ApplicantInput(kind: .organisation, idNumber: code.value,
                              name: try FreeText.clean(name, field: FreeText.applicantName, limit: 100), phone: nil,
                              legalRepresentative: try legalRepresentative.map { try FreeText.clean($0, field: FreeText.legalRepresentative, limit: 50) },
                              contact: try contact.map { try FreeText.clean($0, field: FreeText.contact, limit: 100) })
    }

    /// A phone number: digits, spaces, `+`, `-`, 3 to 20 characters.
    static func phone(_ text: String) throws -> String {
        let cleaned = try FreeText.clean(text, field: FreeText.phone, limit: 20)
        guard cleaned.count >= 3, cleaned.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || " +-".unicodeScalars.contains($0) }) else {
            throw ApplicantError.invalidPhone(cleaned)
        }
        return cleaned
    }

    /// The normalised number for a lookup, validated the same way.
    public static func normalisedNumber(kind: ApplicantKind, _ text: String, today: CivilDate) throws -> String {
        switch kind {
        case .person: try ResidentID(text, today: today).value
        case .organisation: try CreditCode(text).value
        }
    }
}

/// A stored applicant. `idNumber` is the full number: show `maskedNumber` on every screen and document
/// except where docs/SECURITY.md allows the full one.
public struct Applicant: Sendable, Hashable {
    public var id: Int64
    public var kind: ApplicantKind
    public var idNumber: String
    public var name: String
    public var phone: String?
    public var legalRepresentative: String?
    public var contact: String?
    public var flag: CreditFlag?
    public var createdAt: Date

    /// 失信: set by a supervisor on a date with a reason; a flagged applicant cannot be accepted with deficiency.
    public struct CreditFlag: Sendable, Hashable {
        public var on: CivilDate
        public var reason: String
    }

    public var isFlagged: Bool { flag != nil }

    public var maskedNumber: String { kind.masked(idNumber) }

    /// A person's name masked (张*丰); an organisation's name is public and shown whole.
    public var maskedName: String { Self.maskedName(name, kind: kind) }

    public static func maskedName(_ name: String, kind: ApplicantKind) -> String {
        kind == .person ? IdentifierMask.name(name) : name
    }
}

/// A representative as recorded with an intake.
public struct Representative: Sendable, Hashable {
    public var kind: RepresentativeKind
    public var name: String?
    /// Normalised resident ID (an authorised agent); a proxy agent's staff number otherwise.
    public var idNumber: String?
    public var authorisation: String?

    public static let none = Representative(kind: .none)

    /// The number as shared screens and answers show it: an authorised agent's resident ID masked like an
    /// applicant's (docs/SECURITY.md); a proxy agent's staff number whole (it names staff, not a citizen).
    public var maskedNumber: String? {
        switch kind {
        case .none: nil
        case .authorisedAgent: idNumber.map(IdentifierMask.residentID)
        case .proxyAgent: idNumber
        }
    }

    /// As the `intake_decided` event records it: kind, name, number (masked) and the authorisation; nil for none.
    var auditValue: AuditValue? {
        guard kind != .none else { return nil }
        return .object(["kind": .string(kind.rawValue), "name": .optional(name), "number": .optional(maskedNumber),
                        "authorisation": .optional(authorisation)])
    }

    public init(kind: RepresentativeKind, name: String? = nil, idNumber: String? = nil, authorisation: String? = nil) {
        self.kind = kind; self.name = name; self.idNumber = idNumber; self.authorisation = authorisation
    }

    /// An authorised agent: name, resident ID number (checked), and the authorisation (scope and date) as recorded.
    public static func authorisedAgent(name: String, residentID: String, authorisation: String, today: CivilDate) throws -> Representative {
        Representative(kind: .authorisedAgent, name: try FreeText.clean(name, field: FreeText.applicantName, limit: 50),
                       idNumber: try ResidentID(residentID, today: today).value,
                       authorisation: try FreeText.clean(authorisation, field: FreeText.authorisation, limit: 200))
    }
}

public enum ApplicantError: UserFacingError, Equatable {
    case invalidPhone(String)
    case unknownApplicant(String)
    case alreadyFlagged(String)
    case notFlagged(String)
    case flagDateInFuture(on: CivilDate, today: CivilDate)
    case flagDateTooEarly(on: CivilDate, earliest: CivilDate)

    public var message: Bilingual {
        switch self {
        case .invalidPhone(let p):
            Bilingual(en: "'\(p)' is not a phone number (digits, spaces, + and -).", zh: "“\(p)”不是电话号码（只能有数字、空格、+ 和 -）。")
        case .unknownApplicant(let n):
            Bilingual(en: "No applicant with the number \(n).", zh: "没有证件号码为 \(n) 的申请人。")
        case .alreadyFlagged(let n):
            Bilingual(en: "The applicant \(n) is already flagged (失信).", zh: "申请人 \(n) 已被标记为失信。")
        case .notFlagged(let n):
            Bilingual(en: "The applicant \(n) is not flagged.", zh: "申请人 \(n) 未被标记为失信。")
        case .flagDateInFuture(let on, let today):
            Bilingual(en: "A flag records a credit decision already made: \(on) is after today (\(today)).",
                      zh: "失信标记记录的是已作出的信用认定：\(on) 晚于今天（\(today)）。")
        case .flagDateTooEarly(let on, let earliest):
            Bilingual(en: "\(on) is before \(earliest), when the national credit system's planning outline took effect: check the date.",
                      zh: "\(on) 早于社会信用体系建设规划纲要施行之日（\(earliest)），请核对日期。")
        }
    }
}
