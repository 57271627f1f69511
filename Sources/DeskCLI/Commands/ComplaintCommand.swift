import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk complaint add|assign|answer|close|list|show`: complaints (GB/T 36113), registered, assigned to a unit and a
/// handler, answered within `complaint_days` working days, closed with the complainant's satisfaction.
struct ComplaintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint",
        abstract: "Complaints (GB/T 36113): register, assign, answer within complaint_days working days, close with the complainant's satisfaction.",
        subcommands: [ComplaintAddCommand.self, ComplaintAssignCommand.self, ComplaintAnswerCommand.self, ComplaintCloseCommand.self,
                      ComplaintListCommand.self, ComplaintShowCommand.self])
}

extension ComplaintSource: ExpressibleByArgument {}
extension ComplaintSatisfaction: ExpressibleByArgument {}

/// The JSON shape of a complaint. In lists (`masked`) the complainant's name and phone are masked; `show` gives them whole
/// (the handler calls back).
struct ComplaintJSON: Encodable {
    var complaint: Complaint
    var masked: Bool
    var calendar: BusinessCalendar

    func encode(to encoder: any Encoder) throws {
        let c = complaint
        var e = encoder.container(keyedBy: Key.self)
        try e.encode(c.number, forKey: .number); try e.encode(c.receivedOn.description, forKey: .receivedOn)
        try e.encode(Output.timestamp(c.receivedAt, calendar), forKey: .receivedAt)
        try e.encode(c.source.rawValue, forKey: .source); try e.encode(c.workOrder, forKey: .order)
        try e.encode(masked ? c.maskedName : c.name, forKey: .name); try e.encode(masked ? c.maskedPhone : c.phone, forKey: .phone)
        try e.encode(c.subject.window, forKey: .window); try e.encode(c.subject.staff, forKey: .staff)
        try e.encode(c.subject.department, forKey: .department); try e.encode(c.subject.caseNumber, forKey: .case)
        try e.encode(c.subject.ticketCode, forKey: .ticket); try e.encode(c.content, forKey: .content)
        try e.encode(c.dueOn?.description, forKey: .due); try e.encode(c.state.rawValue, forKey: .state); try e.encode(c.overdue, forKey: .overdue)
        try e.encode(c.unit, forKey: .unit); try e.encode(c.handler, forKey: .handler)
        try e.encode(c.reply, forKey: .reply); try e.encode(c.answeredOn?.description, forKey: .answeredOn)
        try e.encode(c.answeredBy, forKey: .answeredBy); try e.encode(c.answeredOnTime, forKey: .onTime)
        try e.encode(c.satisfaction?.rawValue, forKey: .satisfaction); try e.encode(Output.timestamp(c.closedAt, calendar), forKey: .closedAt)
    }
    private enum Key: String, CodingKey {
        case number, receivedOn, receivedAt, source, order, name, phone, window, staff, department, `case`, ticket, content, due, state, overdue
        case unit, handler, reply, answeredOn, answeredBy, onTime, satisfaction, closedAt
    }
}

/// The text shapes: one line per complaint in a list, the whole record for `show`.
enum ComplaintText {
    static let widths = [17, 11, 8, 9, 12, 11, 12]

    static func header(_ language: Language) -> String {
        tableRow([Bilingual(en: "Complaint", zh: "投诉编号"), Bilingual(en: "Received", zh: "受理日期"), Bilingual(en: "Source", zh: "来源"),
                  Bilingual(en: "Name", zh: "投诉人"), Bilingual(en: "Phone", zh: "电话"), Bilingual(en: "Due", zh: "答复期限"),
                  Bilingual(en: "State", zh: "状态")].map { $0.text(language) }, widths: widths)
    }

    static func row(_ c: Complaint, _ language: Language) -> String {
        let state = c.overdue ? Bilingual(en: "overdue", zh: "已逾期").text(language) : c.state.label.text(language)
        return tableRow([c.number, c.receivedOn.description, c.source.shortLabel.text(language), c.maskedName, c.maskedPhone,
                         c.dueOn?.description ?? uncounted.text(language), state], widths: widths)
    }

    /// A due date the calendar could not count (a year without its holiday schedule).
    static let uncounted = Bilingual(en: "uncounted", zh: "无法计算")

    static func lines(_ c: Complaint, _ language: Language, calendar: BusinessCalendar) -> [String] {
        func field(_ label: Bilingual, _ value: String?) -> [String] {
            guard let value else { return [] }
            let head = pad(label.text(language), 13)
            return TextFitting.wrap(value, to: 80 - 13).enumerated().map { ($0.offset == 0 ? head : String(repeating: " ", count: 13)) + $0.element }
        }
        let about = [c.subject.window.map { Bilingual(en: "window \($0)", zh: "\($0) 号窗口").text(language) },
                     c.subject.staff.map { Bilingual(en: "staff \($0)", zh: "工作人员 \($0)").text(language) },
                     c.subject.department, c.subject.caseNumber.map { Bilingual(en: "case \($0)", zh: "办件 \($0)").text(language) },
                     c.subject.ticketCode.map { Bilingual(en: "ticket \($0)", zh: "号票 \($0)").text(language) }].compactMap { $0 }
        let state = c.state.label.text(language) + (c.overdue ? Bilingual(en: ", overdue", zh: "，已逾期").text(language) : "")
        let onTime = c.answeredOnTime.map { $0 ? Bilingual(en: " (on time)", zh: "（按期）") : Bilingual(en: " (late)", zh: "（超期）") }
        return [c.number + "  " + state]
            + field(Bilingual(en: "Received", zh: "受理时间"), (Output.timestamp(c.receivedAt, calendar) ?? c.receivedOn.description)
                    + "  " + c.source.label.text(language) + (c.workOrder.map { Bilingual(en: "  order \($0)", zh: "  工单号 \($0)").text(language) } ?? ""))
            + field(Bilingual(en: "Complainant", zh: "投诉人"), "\(c.name)  \(c.phone)")
            + field(Bilingual(en: "About", zh: "投诉对象"), about.isEmpty ? nil : about.joined(separator: language == .zh ? "，" : ", "))
            + field(Bilingual(en: "Complaint", zh: "投诉内容"), c.content)
            + field(Bilingual(en: "Due", zh: "答复期限"), c.dueOn?.description ?? uncounted.text(language))
            + field(Bilingual(en: "Assigned to", zh: "承办"), c.handler.map { "\(c.unit ?? "")  \(c.handlerName ?? $0)（\($0)）" })
            + field(Bilingual(en: "Reply", zh: "答复"), c.reply.map { r in
                "\(c.answeredOn?.description ?? "")  \(c.answeredBy ?? "")\(onTime?.text(language) ?? "")  \(r)" })
            + field(Bilingual(en: "Satisfaction", zh: "满意度"), c.satisfaction?.label.text(language))
    }
}

struct ComplaintAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register a complaint (a supervisor); prints its number and due date.",
        discussion: """
            Example: desk complaint add --source hotline --order 12345-20260302-0815 --name 张三 --phone 13800138000 --window 3 \
            --content '窗口人员态度生硬'
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "phone, visit, online or hotline (a 12345 transfer).") var source: ComplaintSource
    @Option(help: "The 12345 work-order number (工单号): hotline only, and required there.") var order: String?
    @Option(help: "The complainant's name.") var name: String
    @Option(help: "The complainant's phone.") var phone: String
    @Option(help: "The window it is about.") var window: Int?
    /// Not `--staff`: that is every command's "act as" (GlobalOptions).
    @Option(help: "The staff member it is about (staff number).") var clerk: String?
    @Option(help: "The department it is about.") var department: String?
    @Option(name: .customLong("case"), help: "The case it is about (HD-…).") var caseNumber: String?
    @Option(help: "The ticket it is about (A012).") var ticket: String?
    @Option(help: "What the complaint says.") var content: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let request = ComplaintRequest(
            source: source, workOrder: order, name: name, phone: phone,
            subject: ComplaintSubject(window: window, staff: clerk, department: department, caseNumber: caseNumber, ticketCode: ticket),
            content: content)
        try ComplaintOutput.write(options, json: json) { try $0.registerComplaint(request, by: $1) }
    }
}

struct ComplaintAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give a complaint to a handler and a unit (a supervisor); again while not answered.",
        discussion: "Example: desk complaint assign TS-20260302-0001 --to S03 --unit 区市场监督管理局 (without --unit: the handler's department)")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var target: ComplaintTarget
    @Option(help: "The handler's staff number.") var to: String
    @Option(help: "The unit that handles it.") var unit: String?

    func run() throws {
        try ComplaintOutput.write(options, json: target.json) { try $0.assignComplaint(number: target.number, to: to, unit: unit, by: $1) }
    }
}

struct ComplaintAnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer", abstract: "Record the reply given to the complainant (the assigned handler, or a supervisor).",
        discussion: "Example: desk complaint answer TS-20260302-0001 --reply '已约谈窗口人员并当面致歉'")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var target: ComplaintTarget
    @Option(help: "The reply given.") var reply: String

    func run() throws {
        try ComplaintOutput.write(options, json: target.json) { try $0.answerComplaint(number: target.number, reply: reply, by: $1) }
    }
}

struct ComplaintCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close an answered complaint with the complainant's satisfaction (a supervisor).",
        discussion: "Example: desk complaint close TS-20260302-0001 --satisfaction basicallySatisfied")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var target: ComplaintTarget
    @Option(help: "satisfied, basicallySatisfied, dissatisfied or unreachable.") var satisfaction: ComplaintSatisfaction

    func run() throws {
        try ComplaintOutput.write(options, json: target.json) { try $0.closeComplaint(number: target.number, satisfaction: satisfaction, by: $1) }
    }
}

struct ComplaintListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Complaints, newest first (names and phones masked).",
        discussion: "Example: desk complaint list --overdue")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Only those not closed.") var open = false
    @Flag(help: "Only those not answered past their due date.") var overdue = false
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let list = try database.complaints(openOnly: open, overdueOnly: overdue)
        let calendar = try database.settings().businessCalendar
        if json {
            struct Body: Encodable { var complaints: [ComplaintJSON] }
            return try Output.json(Body(complaints: list.map { ComplaintJSON(complaint: $0, masked: true, calendar: calendar) }))
        }
        let language = options.language
        guard !list.isEmpty else { return Output.line(Bilingual(en: "No complaint.", zh: "没有投诉。").text(language)) }
        Output.line(ComplaintText.header(language))
        for c in list { Output.line(ComplaintText.row(c, language)) }
    }
}

struct ComplaintShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One complaint, whole.", discussion: "Example: desk complaint show TS-20260302-0001")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var target: ComplaintTarget

    func run() throws {
        let database = try options.openDatabase()
        try ComplaintOutput.print(try database.complaint(number: target.number), json: target.json, options: options, database: database)
    }
}

/// The complaint a command takes, and `--json`.
struct ComplaintTarget: ParsableArguments {
    @Argument(help: "The complaint (TS-…).") var number: String
    @Flag(help: "Print one JSON object.") var json = false
}

enum ComplaintOutput {
    /// A write by the person acting (`--staff`, or the bound account), then the complaint as it is now.
    static func write(_ options: GlobalOptions, json: Bool, _ body: (HallDatabase, Actor) throws -> Complaint) throws {
        let database = try options.openDatabase()
        try print(try body(database, try options.actor(database)), json: json, options: options, database: database)
    }

    /// One complaint after a write or for `show`: whole (the person acting or reading handles it).
    static func print(_ complaint: Complaint, json: Bool, options: GlobalOptions, database: HallDatabase) throws {
        let calendar = try database.settings().businessCalendar
        if json { return try Output.json(ComplaintJSON(complaint: complaint, masked: false, calendar: calendar)) }
        for line in ComplaintText.lines(complaint, options.language, calendar: calendar) { Output.line(line) }
    }
}
