import ArgumentParser
import Foundation
import HallModel
import Queue

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit trail: every write, SM3 hash-chained (docs/SECURITY.md).",
        subcommands: [AuditVerify.self, AuditExport.self, AuditShow.self])
}

struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every link of the chain, every day's seal, every ticket against its events, and every issued document against its sealed digest. Exit 0 when all holds, 1 otherwise.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "A day's seal kept elsewhere (repeatable): it must still be in the chain.") var seal: [String] = []
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let result = try database.verifyAudit(seals: seal)
        let zh = options.language == .zh
        if json {
            struct Link: Encodable { var seq: Int64; var reason: String; var expectedSeq: Int64? }
            struct Mismatch: Encodable { var ticketId: Int64; var code: String; var field: String; var stored: String; var derived: String }
            struct Seal: Encodable { var businessDate: String?; var hash: String; var reason: String }
            struct Document: Encodable { var document: Int64; var kind: String; var caseNumber: String?; var reason: String }
            struct Out: Encodable {
                var ok: Bool, events: Int, lastHash: String?, firstBrokenLink: Link?, brokenLinks: [Link], tickets: [Mismatch], seals: [Seal]
                var missingTriggers: [String]
                var documents: [Document]
            }
            let links = result.brokenLinks.map { Link(seq: $0.seq, reason: $0.reason.rawValue, expectedSeq: $0.expectedSeq) }
            try Output.json(Out(ok: result.isIntact, events: result.events, lastHash: result.lastHash, firstBrokenLink: links.first,
                                brokenLinks: links,
                                tickets: result.ticketMismatches.map { .init(ticketId: $0.ticketID, code: $0.code, field: $0.field, stored: $0.stored, derived: $0.derived) },
                                seals: result.sealMismatches.map { .init(businessDate: $0.businessDate, hash: $0.hash, reason: $0.reason) },
                                missingTriggers: result.missingTriggers,
                                documents: result.documentMismatches.map {
                                    .init(document: $0.documentID, kind: $0.kind, caseNumber: $0.caseNumber, reason: $0.reason.rawValue)
                                }))
        } else {
            if let first = result.brokenLinks.first {
                let why: Bilingual
                switch first.reason {
                case .missing: why = Bilingual(en: "event \(first.expectedSeq ?? 0) is missing (events removed or inserted)",
                                               zh: "缺少第 \(first.expectedSeq ?? 0) 号事件（事件被删除或插入）")
                case .prevMismatch: why = Bilingual(en: "its link to the event before does not match", zh: "与前一事件的链接不符")
                case .hashMismatch: why = Bilingual(en: "its content was changed after it was written", zh: "写入后内容被改动")
                }
                Output.line(Bilingual(en: "BROKEN at event \(first.seq): \(why.en). (\(result.brokenLinks.count) broken link(s))",
                                      zh: "链条在第 \(first.seq) 号事件处断开：\(why.zh)。（共 \(result.brokenLinks.count) 处）").text(options.language))
            }
            if !result.missingTriggers.isEmpty {
                Output.line(zh ? "保护审计链的触发器已被删除：\(result.missingTriggers.joined(separator: "、"))（有人在程序之外改写了文件）"
                               : "The audit chain's guard triggers were dropped: \(result.missingTriggers.joined(separator: ", ")) (the file was edited outside HallDesk)")
            }
            for m in result.ticketMismatches {
                Output.line(zh ? "号 \(m.code)（id \(m.ticketID)）\(m.field)：记录为 \(m.stored)，按事件应为 \(m.derived)"
                               : "Ticket \(m.code) (id \(m.ticketID)) \(m.field): row says \(m.stored), its events say \(m.derived)")
            }
            for s in result.sealMismatches {
                Output.line(zh ? "封印 \(s.hash)\(s.businessDate.map { "（\($0)）" } ?? "")：\(s.reason == "not_found" ? "链中没有" : "已被改动")"
                               : "Seal \(s.hash)\(s.businessDate.map { " (\($0))" } ?? ""): \(s.reason == "not_found" ? "not in the chain" : "changed")")
            }
            for d in result.documentMismatches {
                let which = d.caseNumber.map { zh ? "（\($0)）" : " (\($0))" } ?? ""
                let kind = CaseDocumentKind(rawValue: d.kind)?.label.text(options.language) ?? d.kind
                switch d.reason {
                case .changed: Output.line(zh ? "文书 \(d.documentID)\(which) \(kind)：保存的文本与审计链记录的摘要不符（出具后被改动）"
                                              : "Document \(d.documentID)\(which) \(kind): its kept text no longer matches the digest the chain sealed (changed after it was issued)")
                case .noEvent: Output.line(zh ? "文书 \(d.documentID)\(which) \(kind)：审计链中没有出具它的事件（在程序之外插入）"
                                              : "Document \(d.documentID)\(which) \(kind): no event in the chain issued it (inserted outside HallDesk)")
                case .noRow: Output.line(zh ? "文书 \(d.documentID)\(which) \(kind)：审计链记录了出具，但文书已被删除"
                                            : "Document \(d.documentID)\(which) \(kind): the chain records its issue, but the document is gone")
                }
            }
            if result.isIntact {
                Output.line(Bilingual(en: "The audit chain holds: \(Plural.english(result.events, "event")), every ticket agrees with its events, every document with its sealed digest. Last hash: \(result.lastHash ?? "-")",
                                      zh: "审计链完整：共 \(result.events) 个事件，所有号票与事件一致，所有文书与出具时的摘要一致。最后哈希：\(result.lastHash ?? "-")").text(options.language))
            }
        }
        if !result.isIntact { throw ExitCode(DeskExit.refused) }
    }
}

struct AuditExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the events as JSON Lines, each the event's canonical (RFC 8785) JSON with seq, prev and hash.",
        discussion: "Check it without HallDesk: docs/SECURITY.md shows how, with any SM3 tool.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "From this sequence number on.") var from: Int64?
    @Option(help: "Only this business date (YYYY-MM-DD).") var date: String?

    func run() throws {
        let database = try options.openDatabase()
        var buffer = Data()
        buffer.reserveCapacity(1 << 16)
        try database.forEachAuditRecord(AuditFilter(fromSeq: from, businessDate: date)) { record in
            buffer.append(contentsOf: record.exportLine().utf8)
            buffer.append(0x0A)
            if buffer.count >= 1 << 16 { try Output.raw(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        try Output.raw(buffer)
    }
}

/// `--staff S` here filters (events by or about S): reading the trail needs no actor, so the global option
/// means what a person typing `desk audit show --staff S03` expects.
struct AuditShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "List events readably, oldest first; --staff S: only those by or about S.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Only this business date (YYYY-MM-DD).") var date: String?
    @Option(help: "Only events of this ticket code.") var ticket: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let calendar = try database.settings().businessCalendar
        let entries = try database.auditEntries(AuditFilter(businessDate: date, staff: options.staff.map { $0.uppercased() }, ticketCode: ticket))
        if json {
            struct Event: Encodable {
                var seq: Int64, at: String?, kind: String, actor: String, actorName: String?, terminal: String, ticket: String?, window: Int64?
                var staff: String?, detail: String?, hash: String
            }
            try Output.json(["events": entries.map {
                Event(seq: $0.record.seq, at: Output.timestamp(Date(millisecondsSince1970: $0.record.at), calendar), kind: $0.record.kind,
                      actor: $0.record.actor, actorName: $0.actorName, terminal: $0.record.terminal, ticket: $0.ticketCode,
                      window: $0.record.windowID, staff: $0.record.staffID, detail: $0.record.detail, hash: Hex.encode($0.record.hash))
            }])
            return
        }
        for e in entries {
            let at = Date(millisecondsSince1970: e.record.at)
            let when = calendar.businessDate(of: at) + " " + calendar.timeOfDay(at)
            let who = e.record.actor + (e.actorName.map { " " + $0 } ?? "")
            var line = pad(String(e.record.seq), 8) + pad(when, 17) + pad(e.record.kind, 18) + pad(who, 14) + pad(e.record.terminal, 10)
            if let code = e.ticketCode { line += code + " " }
            if let staff = e.record.staffID, staff != e.record.actor { line += "(\(staff)) " }
            if let detail = e.record.detail { line += PrintableText.replacingControls(detail, with: "?") }
            Output.line(line)
        }
    }
}
