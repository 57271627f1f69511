import Foundation
import Queue

/// A proxy job (代办件): one applicant's request for an agent's help with one item, from its request to the result
/// handed back. A job has at most one case (filed at a window, `caseID`), and a case at most one job.
public struct ProxyJob: Sendable, Hashable {
    public var id: Int64
    /// `DB-<yyyymmdd opened>-<4-digit daily sequence>` (`ProxyJob.number(openedOn:sequence:)`); a 5th digit after 9999.
    public var number: String
    public var mode: ProxyMode
    public var origin: ProxyOrigin
    /// The requesting site's name (origin `site`), else nil.
    public var originSite: String?
    public var applicantID: Int64
    public var itemCode: String
    public var departmentCode: String
    /// The authorisation (委托书) as recorded: scope and date. Required for `fullProxy`.
    public var authorisation: String?
    /// 帮办: the ticket the applicant came to the window on.
    public var ticketID: Int64?
    /// The case, once filed at a window.
    public var caseID: Int64?
    /// The current agent; nil while unassigned.
    public var agentID: String?
    public var state: ProxyJobState
    public var openedAt: Date
    public var openedOn: CivilDate
    public var openedBy: String
    public var closedAt: Date?
    public var closedBy: String?
    public var note: String?

    /// The number of the `sequence`th job opened on `day`: `DB-20260302-0001`.
    public static func number(openedOn day: CivilDate, sequence: Int) -> String {
        day.dailyNumber("DB", sequence: sequence)
    }
}

/// What is asked when a proxy job is opened (`openProxyJob`): validated when built.
public struct ProxyJobRequest: Sendable, Hashable {
    public var mode: ProxyMode
    public var origin: ProxyOrigin
    public var originSite: String?
    public var applicant: ApplicantInput
    public var itemCode: String
    public var authorisation: String?
    public var note: String?

    /// Checks the pairing of mode and authorisation, origin and site name, and cleans the texts.
    public init(mode: ProxyMode, origin: ProxyOrigin, originSite: String? = nil, applicant: ApplicantInput, itemCode: String,
                authorisation: String? = nil, note: String? = nil) throws {
        let site = try originSite.map { try FreeText.clean($0, field: FreeText.siteName, limit: 60) }.flatMap { $0.isEmpty ? nil : $0 }
        let authorisation = try authorisation.map { try FreeText.clean($0, field: FreeText.authorisation, limit: 200) }
            .flatMap { $0.isEmpty ? nil : $0 }
        if origin.needsSiteName && site == nil { throw ProxyJobError.siteNameNeeded }
        if !origin.needsSiteName && site != nil { throw ProxyJobError.siteNameOnlyForSite }
        if mode.needsAuthorisation && authorisation == nil { throw ProxyJobError.authorisationNeeded }
        self.mode = mode; self.origin = origin; self.originSite = site; self.applicant = applicant; self.itemCode = itemCode
        self.authorisation = authorisation
        self.note = try note.map { try FreeText.clean($0, field: FreeText.proxyNote, limit: 200) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

public enum ProxyJobError: UserFacingError, Equatable {
    case siteNameNeeded
    case siteNameOnlyForSite
    case authorisationNeeded
    case unknownJob(String)

    public var message: Bilingual {
        switch self {
        case .siteNameNeeded:
            Bilingual(en: "A request from a lower-level site names the site.", zh: "基层站点的代办请求须写明站点名称。")
        case .siteNameOnlyForSite:
            Bilingual(en: "Only a request from a lower-level site names a site.", zh: "只有基层站点的代办请求才写站点名称。")
        case .authorisationNeeded:
            Bilingual(en: "A full proxy (代办) needs the applicant's authorisation (委托书) recorded: its scope and date.",
                      zh: "代办须登记申请人的授权委托书（委托事项和日期）。")
        case .unknownJob(let number):
            Bilingual(en: "No proxy job with the number \(number).", zh: "没有编号为 \(number) 的代办件。")
        }
    }
}

extension FreeText {
    /// The lower-level site that asked for a proxy job.
    public static let siteName = Bilingual(en: "The site's name", zh: "站点名称")
    /// A note on a proxy job or an agent's state.
    public static let proxyNote = Bilingual(en: "A note", zh: "说明")
}
