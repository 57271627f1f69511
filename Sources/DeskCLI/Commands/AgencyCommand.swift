import ArgumentParser
import Foundation
import HallModel
import Queue

/// `desk agency list|show|refer|choose|deliver|rate`: the intermediary-service supermarket (中介服务超市) — the hall lists
/// agencies; the applicant chooses one; the referral, the choice, the delivery and the rating are recorded with the case
/// (docs/agents.md).
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency", abstract: "中介服务超市: intermediary agencies, referrals of a case's applicant, delivery and rating.",
        subcommands: [AgencyListCommand.self, AgencyShowCommand.self, AgencyReferCommand.self, AgencyChooseCommand.self,
                      AgencyDeliverCommand.self, AgencyRateCommand.self])
}

extension AgencyCategory: ExpressibleByArgument {}

struct AgencyJSON: Encodable {
    var id: Int64, name: String, creditCode: String, category: String, services: String, fees: String, contact: String
    var ratingCount: Int, ratingAverage: Double?
    init(_ a: Agency) {
        id = a.id; name = a.name; creditCode = a.creditCode; category = a.category.rawValue; services = a.services; fees = a.fees
        contact = a.contact; ratingCount = a.ratingCount; ratingAverage = a.ratingAverage.map { ($0 * 100).rounded() / 100 }
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(creditCode, forKey: .creditCode)
        try c.encode(category, forKey: .category); try c.encode(services, forKey: .services); try c.encode(fees, forKey: .fees)
        try c.encode(contact, forKey: .contact); try c.encode(ratingCount, forKey: .ratingCount); try c.encode(ratingAverage, forKey: .ratingAverage)
    }
    private enum CodingKeys: String, CodingKey { case id, name, creditCode, category, services, fees, contact, ratingCount, ratingAverage }
}

struct AgencyReferralJSON: Encodable {
    var `case`: String, category: String, referredOn: String, referredBy: String, agency: Int64?, chosenOn: String?
    var deliveredOn: String?, rating: Int?, suspendedCase: Bool
    init(_ r: AgencyReferral) {
        self.case = r.caseNumber; category = r.category.rawValue; referredOn = r.referredOn.description; referredBy = r.referredBy
        agency = r.agencyID; chosenOn = r.chosenOn?.description; deliveredOn = r.deliveredOn?.description; rating = r.rating
        suspendedCase = r.suspendedCase
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(self.case, forKey: .case); try c.encode(category, forKey: .category); try c.encode(referredOn, forKey: .referredOn)
        try c.encode(referredBy, forKey: .referredBy); try c.encode(agency, forKey: .agency); try c.encode(chosenOn, forKey: .chosenOn)
        try c.encode(deliveredOn, forKey: .deliveredOn); try c.encode(rating, forKey: .rating); try c.encode(suspendedCase, forKey: .suspendedCase)
    }
    private enum CodingKeys: String, CodingKey { case `case`, category, referredOn, referredBy, agency, chosenOn, deliveredOn, rating, suspendedCase }
}

enum AgencyText {
    static let widths = [5, 13, 9, 52]
    static func header(_ language: Language) -> String {
        tableRow([Bilingual(en: "No.", zh: "编号"), Bilingual(en: "Category", zh: "类别"), Bilingual(en: "Rating", zh: "评价"),
                  Bilingual(en: "Name", zh: "名称")].map { $0.text(language) }, widths: widths)
    }
    static func line(_ a: Agency, language: Language) -> String {
        let rating = a.ratingAverage.map { String(format: "%.1f/%d", $0, a.ratingCount) } ?? "-"
        return tableRow([String(a.id), a.category.label.text(language), rating, a.name], widths: widths)
    }
}

struct AgencyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The supermarket's agencies (of one category), with their rating.",
        discussion: """
            Categories: \(AgencyCategory.allCases.map(\.rawValue).joined(separator: ", ")). Example: desk agency list --category surveying --json
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "One category (its key).") var category: AgencyCategory?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let agencies = try options.openDatabase().agencies(category: category)
        if json {
            struct Body: Encodable { var agencies: [AgencyJSON] }
            try Output.json(Body(agencies: agencies.map(AgencyJSON.init)))
            return
        }
        Output.line(AgencyText.header(options.language))
        for a in agencies { Output.line(AgencyText.line(a, language: options.language)) }
    }
}

struct AgencyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One agency: credit code, category, services, published fees, contact, rating.",
        discussion: "Example: desk agency show 1")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The agency's number (agency list).") var id: Int64
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let a = try options.openDatabase().agency(id: id)
        if json { try Output.json(AgencyJSON(a)); return }
        let language = options.language
        let rating = a.ratingAverage.map { String(format: "%.1f (%d)", $0, a.ratingCount) } ?? "-"
        for (label, value) in [(Bilingual(en: "Name", zh: "名称"), a.name), (Bilingual(en: "Credit code", zh: "统一社会信用代码"), a.creditCode),
                               (Bilingual(en: "Category", zh: "类别"), a.category.label.text(language)),
                               (Bilingual(en: "Services", zh: "服务内容"), a.services), (Bilingual(en: "Fees", zh: "收费标准"), a.fees),
                               (Bilingual(en: "Contact", zh: "联系方式"), a.contact), (Bilingual(en: "Rating", zh: "评价"), rating)] {
            Output.line(label.text(language) + ": " + value)
        }
    }
}

struct AgencyReferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refer", abstract: "Refer a case's applicant to the agencies of a category the item needs (a clerk, an agent, a supervisor).",
        discussion: """
            Lists the category's agencies for the applicant to choose from (the hall never assigns one) and records the \
            referral with the case. When the item leaves the agency's time out of the clock, the case is suspended \
            (intermediaryService) until `desk agency deliver`. Example: desk agency refer HD-20260302-0001 --category testing
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The case's number.") var caseNumber: String
    @Option(help: "The category (its key).") var category: AgencyCategory
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let (referral, agencies) = try database.referToAgencies(caseNumber: caseNumber, category: category, by: try options.actor(database))
        if json {
            struct Body: Encodable { var referral: AgencyReferralJSON, agencies: [AgencyJSON] }
            try Output.json(Body(referral: AgencyReferralJSON(referral), agencies: agencies.map(AgencyJSON.init)))
            return
        }
        let language = options.language
        Output.line(Bilingual(en: "Referred to \(agencies.count) \(category.label.en) agencies: the applicant chooses one.",
                              zh: "已推介 \(agencies.count) 家\(category.label.zh)中介机构，由申请人自主选择。").text(language))
        if referral.suspendedCase {
            Output.line(Bilingual(en: "Case \(referral.caseNumber) is suspended until the agency delivers (intermediary service).",
                                  zh: "办件 \(referral.caseNumber) 自即日起中止计时，至中介服务成果交付。").text(language))
        }
        Output.line(AgencyText.header(language))
        for a in agencies { Output.line(AgencyText.line(a, language: language)) }
    }
}

struct AgencyChooseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "choose", abstract: "Record the agency the applicant chose for a referral.",
        discussion: "Example: desk agency choose HD-20260302-0001 --category testing --agency 19")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The case's number.") var caseNumber: String
    @Option(help: "The referral's category.") var category: AgencyCategory
    @Option(help: "The agency's number.") var agency: Int64
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let r = try database.recordAgencyChoice(caseNumber: caseNumber, category: category, agencyID: agency, by: try options.actor(database))
        if json { try Output.json(AgencyReferralJSON(r)) } else {
            Output.line(Bilingual(en: "Recorded: the applicant chose agency \(agency).", zh: "已登记：申请人选定中介机构 \(agency)。").text(options.language))
        }
    }
}

struct AgencyDeliverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver", abstract: "Record the agency's delivery: a case suspended by the referral resumes today.",
        discussion: "Example: desk agency deliver HD-20260302-0001 --category testing")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The case's number.") var caseNumber: String
    @Option(help: "The referral's category.") var category: AgencyCategory
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let r = try database.recordAgencyDelivery(caseNumber: caseNumber, category: category, by: try options.actor(database))
        if json { try Output.json(AgencyReferralJSON(r)) } else {
            Output.line(Bilingual(en: "Delivery recorded on \(r.deliveredOn?.description ?? "-").", zh: "已登记成果交付（\(r.deliveredOn?.description ?? "-")）。")
                        .text(options.language))
        }
    }
}

struct AgencyRateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate", abstract: "Record the applicant's rating of the agency (1–5) after delivery.",
        discussion: "Example: desk agency rate HD-20260302-0001 --category testing --rating 5")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The case's number.") var caseNumber: String
    @Option(help: "The referral's category.") var category: AgencyCategory
    @Option(help: "1 (very dissatisfied) to 5 (very satisfied).") var rating: Int
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard (1...5).contains(rating) else { throw UsageError(en: "--rating is 1 to 5.", zh: "--rating 须为 1 至 5。") }
    }

    func run() throws {
        let database = try options.openDatabase()
        let a = try database.rateAgency(caseNumber: caseNumber, category: category, rating: rating, by: try options.actor(database))
        if json { try Output.json(AgencyJSON(a)) } else { Output.line(AgencyText.line(a, language: options.language)) }
    }
}
