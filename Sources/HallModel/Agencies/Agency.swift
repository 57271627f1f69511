import Foundation
import Queue

/// An intermediary agency listed in the hall's supermarket (中介服务超市). The hall lists them; the applicant chooses.
public struct Agency: Sendable, Hashable {
    public var id: Int64
    public var name: String
    /// Unified social credit code (GB 32100), normalised.
    public var creditCode: String
    public var category: AgencyCategory
    /// The services offered, as published.
    public var services: String
    /// The fees, as published (text: agencies publish ranges and rates).
    public var fees: String
    public var contact: String
    /// The applicants' ratings: how many, and their average (nil before the first).
    public var ratingCount: Int
    public var ratingAverage: Double?
}

/// An agency to store (`DemoAgencies`, and any later import): validated on the way in.
public struct AgencyInput: Sendable, Hashable {
    public var name: String, creditCode: String, category: AgencyCategory, services: String, fees: String, contact: String
    public init(name: String, creditCode: String, category: AgencyCategory, services: String, fees: String, contact: String) {
        self.name = name; self.creditCode = creditCode; self.category = category; self.services = services; self.fees = fees
        self.contact = contact
    }
}

/// What an item needs of the supermarket: a category, and whether the agency's delivery time is left out of the
/// case's clock (art. 45: the time for testing, surveying, assessment… is not counted).
public struct ItemAgencyNeed: Sendable, Hashable {
    public var itemCode: String
    public var category: AgencyCategory
    public var suspendsClock: Bool
    public init(itemCode: String, category: AgencyCategory, suspendsClock: Bool) {
        self.itemCode = itemCode; self.category = category; self.suspendsClock = suspendsClock
    }
}

/// A referral of a case's applicant to the agencies of a category, and what came of it.
public struct AgencyReferral: Sendable, Hashable {
    public var id: Int64
    public var caseNumber: String
    public var category: AgencyCategory
    public var referredOn: CivilDate
    public var referredBy: String
    /// The agency the applicant chose (nil until they did: the hall never assigns one).
    public var agencyID: Int64?
    public var chosenOn: CivilDate?
    public var deliveredOn: CivilDate?
    /// The applicant's rating of the agency, 1–5 (好差评's five levels).
    public var rating: Int?
    /// The referral suspended the case's clock (the item says the delivery time is not counted).
    public var suspendedCase: Bool
}

/// What the supermarket's rules refuse, in both languages (exit 1).
public enum AgencyError: UserFacingError, Equatable {
    case unknownAgency(Int64)
    /// The case's item names no need of this category.
    case categoryNotNeeded(item: String, category: AgencyCategory)
    /// One open referral per case and category.
    case alreadyReferred(case: String, category: AgencyCategory)
    case noReferral(case: String, category: AgencyCategory)
    case agencyNotOfCategory(agency: Int64, category: AgencyCategory)
    case notChosenYet(case: String)
    case alreadyDelivered(case: String)
    case notDeliveredYet(case: String)
    case alreadyRated(case: String)
    case invalidRating(Int)

    public var message: Bilingual {
        switch self {
        case .unknownAgency(let id): Bilingual(en: "No agency numbered \(id) in the supermarket.", zh: "中介服务超市中没有编号为 \(id) 的中介机构。")
        case .categoryNotNeeded(let item, let c):
            Bilingual(en: "Item \(item) needs no \(c.label.en) service.", zh: "事项 \(item) 不需要\(c.label.zh)中介服务。")
        case .alreadyReferred(let n, let c):
            Bilingual(en: "Case \(n) was referred to \(c.label.en) agencies already.", zh: "办件 \(n) 已推介过\(c.label.zh)中介机构。")
        case .noReferral(let n, let c):
            Bilingual(en: "Case \(n) has no referral to \(c.label.en) agencies: refer it first (desk agency refer).",
                      zh: "办件 \(n) 没有\(c.label.zh)中介推介记录，请先推介（desk agency refer）。")
        case .agencyNotOfCategory(let id, let c):
            Bilingual(en: "Agency \(id) is not a \(c.label.en) agency.", zh: "中介机构 \(id) 不属于\(c.label.zh)类。")
        case .notChosenYet(let n):
            Bilingual(en: "The applicant of case \(n) has not chosen an agency yet.", zh: "办件 \(n) 的申请人尚未选定中介机构。")
        case .alreadyDelivered(let n):
            Bilingual(en: "The agency's work for case \(n) is delivered already.", zh: "办件 \(n) 的中介服务成果已交付。")
        case .notDeliveredYet(let n):
            Bilingual(en: "The agency's work for case \(n) is not delivered yet: rate it after delivery.",
                      zh: "办件 \(n) 的中介服务成果尚未交付，交付后才能评价。")
        case .alreadyRated(let n):
            Bilingual(en: "The applicant of case \(n) rated this agency already.", zh: "办件 \(n) 的申请人已评价过该中介机构。")
        case .invalidRating(let r):
            Bilingual(en: "A rating is 1 to 5, not \(r).", zh: "评价等级为 1 至 5，不能是 \(r)。")
        }
    }
}
