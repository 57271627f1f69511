import ArgumentParser
import Foundation
import HallModel
import Queue

/// `desk message send|list`: a supervisor's short messages to the window screens (shown there until read, `m`).
struct MessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message", abstract: "Send a message to one window's screen or to all of them (supervisor); list the day's messages.",
        subcommands: [MessageSendCommand.self, MessageListCommand.self])
}

struct MessageSendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send a message (at most 120 characters) to --window N or --all windows.",
        discussion: "Example: desk message send --window 3 \"请3号窗口暂停叫号，到服务台\"")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The window to send it to.", completion: HallCompletions.windowNumbers) var window: Int?
    @Flag(help: "Send it to every window (each reads it for itself).") var all = false
    @Argument(help: "The message.") var text: String
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard (window != nil) != all else {
            throw UsageError(en: "Give --window N or --all (one of them).", zh: "请给出 --window N 或 --all（二选一）。")
        }
        try UsageError.rejectBlank(text, "TEXT")
    }

    func run() throws {
        let database = try options.openDatabase()
        let message = try database.sendWindowMessage(to: window.map { .window($0) } ?? .all, text: text, by: try options.actor(database))
        if json {
            try Output.json(MessageJSON(SentWindowMessage(message: message, reads: []), try database.settings().businessCalendar))
        } else {
            Output.line(Bilingual(en: "Message \(message.id) sent to \(Self.recipient(message.target).en).",
                                  zh: "消息 \(message.id) 已发送至\(Self.recipient(message.target).zh)。").text(options.language))
        }
    }

    static func recipient(_ target: WindowMessageTarget) -> Bilingual {
        switch target {
        case .window(let w): Bilingual(en: "window \(w)", zh: "\(w) 号窗口")
        case .all: Bilingual(en: "all windows", zh: "全部窗口")
        }
    }
}

/// One message as `--json` prints it: `to` is "window" (with `window`) or "all"; `reads` the windows that read it.
struct MessageJSON: Encodable {
    struct Read: Encodable { var window: Int; var staff: String?; var staffName: String?; var at: String? }
    var id: Int64, sentAt: String?, from: String, fromName: String, to: String, window: Int?, text: String, reads: [Read]

    init(_ sent: SentWindowMessage, _ calendar: BusinessCalendar) {
        let m = sent.message
        id = m.id; sentAt = Output.timestamp(m.sentAt, calendar); from = m.senderID; fromName = m.senderName
        to = m.target == .all ? "all" : "window"; window = m.target.window; text = m.text
        reads = sent.reads.map { Read(window: $0.window, staff: $0.staffID, staffName: $0.staffName, at: Output.timestamp($0.at, calendar)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(sentAt, forKey: .sentAt); try c.encode(from, forKey: .from)
        try c.encode(fromName, forKey: .fromName); try c.encode(to, forKey: .to); try c.encode(window, forKey: .window)
        try c.encode(text, forKey: .text); try c.encode(reads, forKey: .reads)
    }
    private enum CodingKeys: String, CodingKey { case id, sentAt, from, fromName, to, window, text, reads }
}

struct MessageListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The messages sent on a day (today by default), with the windows that have read each.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The business date (YYYY-MM-DD).") var date: String?
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        if let date { _ = try CivilDate(parsing: date) }
    }

    func run() throws {
        let database = try options.openDatabase()
        let calendar = try database.settings().businessCalendar
        let day = try date ?? database.today()
        let messages = try database.windowMessages(on: day)
        if json {
            struct Body: Encodable { var date: String; var messages: [MessageJSON] }
            try Output.json(Body(date: day, messages: messages.map { MessageJSON($0, calendar) }))
            return
        }
        let language = options.language
        guard !messages.isEmpty else {
            Output.line(Bilingual(en: "No message was sent on \(day).", zh: "\(day) 没有发送消息。").text(language))
            return
        }
        for sent in messages {
            let m = sent.message
            let head = [calendar.timeOfDay(m.sentAt), "\(m.senderName) (\(m.senderID))",
                        "→ " + MessageSendCommand.recipient(m.target).text(language)].joined(separator: "  ")
            Output.line("\(m.id)  " + head)
            Output.line("    " + m.text)
            let reads = sent.reads.map { read in
                Bilingual(en: "window \(read.window)", zh: "\(read.window) 号窗口").text(language)
                    + (read.staffName.map { " " + $0 } ?? "") + " " + calendar.timeOfDay(read.at)
            }
            Output.line("    " + (reads.isEmpty ? Bilingual(en: "unread", zh: "未读").text(language)
                                   : Bilingual(en: "read: ", zh: "已读：").text(language) + reads.joined(separator: "; ")))
        }
    }
}
