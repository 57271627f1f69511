import Foundation
import GRDB
import GRDBSQLite
import Queue

/// What `audit verify` found.
public struct AuditVerification: Sendable, Equatable {
    public struct BrokenLink: Sendable, Equatable {
        public enum Reason: String, Sendable, Equatable {
            /// The event's sequence number is not the one after its predecessor's: events were removed or inserted.
            case missing
            /// The event's `prev` is not its predecessor's `hash`.
            case prevMismatch = "prev_mismatch"
            /// The event's content does not hash to its `hash`: it was changed after it was written.
            case hashMismatch = "hash_mismatch"
        }
        public var seq: Int64
        public var reason: Reason
        /// For `missing`: the sequence number that was expected here.
        public var expectedSeq: Int64?
    }

    public struct TicketMismatch: Sendable, Equatable {
        public var ticketID: Int64
        public var code: String
        /// `state`, `line`, `calls`, `no_events` (a ticket row no event created), `no_row` (events of a ticket that is gone).
        public var field: String
        public var stored: String
        public var derived: String
    }

    public struct SealMismatch: Sendable, Equatable {
        public var businessDate: String?
        public var hash: String
        /// `changed` (the day's last event no longer has the sealed hash), `not_found` (a seal given to verify is nowhere in the chain).
        public var reason: String
    }

    public var events: Int
    public var lastHash: String?
    /// Every broken link, in order (at most `limit`); the first one is where the chain stops being trustworthy.
    public var brokenLinks: [BrokenLink]
    public var ticketMismatches: [TicketMismatch]
    public var sealMismatches: [SealMismatch]
    /// The append-only triggers that are no longer in the schema (someone dropped them to edit the log).
    public var missingTriggers: [String] = []
    /// Kept documents whose text no longer matches the digest the chain sealed (`DocumentSeal`).
    public var documentMismatches: [DocumentMismatch] = []
    public var isIntact: Bool {
        brokenLinks.isEmpty && ticketMismatches.isEmpty && sealMismatches.isEmpty && missingTriggers.isEmpty && documentMismatches.isEmpty
    }

    /// The triggers that keep `hall_event` append-only (migration v3).
    static let guardTriggers = ["hall_event_append_only", "hall_event_no_delete", "hall_event_no_update"]
}

/// One event for `audit show`: the record with the ticket's code and the actor's name.
public struct AuditEntry: Sendable, Equatable {
    public var record: AuditRecord
    public var ticketCode: String?
    public var actorName: String?
}

public struct AuditFilter: Sendable {
    public var fromSeq: Int64?
    public var businessDate: String?
    public var staff: String?
    public var ticketCode: String?
    public init(fromSeq: Int64? = nil, businessDate: String? = nil, staff: String? = nil, ticketCode: String? = nil) {
        self.fromSeq = fromSeq; self.businessDate = businessDate; self.staff = staff; self.ticketCode = ticketCode
    }
}

extension HallDatabase {
    /// Walks the whole chain, checks every link and every day's seal, re-derives every ticket's state,
    /// line and call count from its events to compare with the ticket rows, and checks every kept document's
    /// text against the digest its `document_issued` event sealed.
    /// `seals`: day's-seal hashes kept elsewhere; each must be the hash of a `day_close` event in the chain.
    public func verifyAudit(seals: [String] = [], limit: Int = 100) throws -> AuditVerification {
        try read { db in
            var result = AuditVerification(events: 0, lastHash: nil, brokenLinks: [], ticketMismatches: [], sealMismatches: [])
            var storedSeals: [Int64: (date: String, hash: [UInt8])] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT business_date, seq, hash FROM day_seal ORDER BY business_date") {
                if let seq = Int64.fromDatabaseValue(row[1] as DatabaseValue) {
                    storedSeals[seq] = (String.fromDatabaseValue(row[0] as DatabaseValue) ?? "",
                                        Data.fromDatabaseValue(row[2] as DatabaseValue).map(Array.init) ?? [])
                }
            }
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'hall_event'"))
            result.missingTriggers = AuditVerification.guardTriggers.filter { !present.contains($0) }
            let walk = try ChainVerifier.verify(db, pool: writer, sealSeqs: Set(storedSeals.keys))
            result.events = walk.events
            result.lastHash = walk.lastHash.map(Hex.encode)
            result.brokenLinks = Array(walk.links.prefix(limit))
            for (seq, seal) in storedSeals.sorted(by: { $0.key < $1.key }) where walk.sealHashes[seq] != seal.hash {
                result.sealMismatches.append(.init(businessDate: seal.date, hash: Hex.encode(seal.hash), reason: "changed"))
            }
            for hash in Set(seals.map { $0.lowercased() }).sorted() where !walk.dayCloseHashes.contains(hash) {
                result.sealMismatches.append(.init(businessDate: nil, hash: hash, reason: "not_found"))
            }
            result.ticketMismatches = try ChainVerifier.compareTickets(db, fold: walk.tickets, rows: walk.ticketRows)
            result.documentMismatches = Array((try DocumentSeal.compare(db, seals: DocumentSeal.seals(walk.documents))
                                               + DocumentSeal.compareReceipts(db, seals: DocumentSeal.seals(walk.receipts, idKey: "handover"))
                                               + DocumentSeal.compareAcceptanceRecords(db, seals: DocumentSeal.seals(walk.acceptanceRecords, idKey: "record")))
                                               .prefix(limit))
            return result
        }
    }

    /// Hands each matching event, oldest first, to `body` (so an export of a million events is streamed).
    public func forEachAuditRecord(_ filter: AuditFilter = AuditFilter(), _ body: (AuditRecord) throws -> Void) throws {
        try read { db in
            let (sql, arguments) = try Self.auditQuery(db, filter, columns: AuditLog.columns)
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() { try body(AuditLog.record(row)) }
        }
    }

    /// Matching events with the ticket's code and the actor's name, oldest first.
    public func auditEntries(_ filter: AuditFilter) throws -> [AuditEntry] {
        try read { db in
            let names = Dictionary(try Row.fetchAll(db, sql: "SELECT id, name FROM staff").map { ($0[0] as String, $0[1] as String) },
                                   uniquingKeysWith: { a, _ in a })
            let (sql, arguments) = try Self.auditQuery(db, filter, columns: AuditLog.columns)
            var entries: [AuditEntry] = []
            var codes: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let record = AuditLog.record(row)
                var code: String?
                if let id = record.ticketID {
                    if codes[id] == nil { codes[id] = try String.fetchOne(db, sql: "SELECT code FROM ticket WHERE id = ?", arguments: [id]) }
                    code = codes[id]
                }
                entries.append(AuditEntry(record: record, ticketCode: code, actorName: names[record.actor]))
            }
            return entries
        }
    }

    private static func auditQuery(_ db: Database, _ filter: AuditFilter, columns: String) throws -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let from = filter.fromSeq { conditions.append("id >= ?"); arguments += [from] }
        if let date = filter.businessDate { conditions.append("business_date = ?"); arguments += [try BusinessCalendar.validateDate(date)] }
        if let staff = filter.staff { conditions.append("(actor = ? OR staff_id = ?)"); arguments += [staff, staff] }
        if let code = filter.ticketCode {
            conditions.append("ticket_id IN (SELECT id FROM ticket WHERE code = ?)"); arguments += [code.uppercased()]
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return ("SELECT \(columns) FROM hall_event\(whereClause) ORDER BY id", arguments)
    }

    /// The seal of each closed day: the hash of its `day_close` event.
    public func daySeals() throws -> [(businessDate: String, seq: Int64, hash: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT business_date, seq, hash FROM day_seal ORDER BY business_date").map {
                ($0[0], $0[1], Hex.encode(Array($0[2] as Data)))
            }
        }
    }
}

public enum AuditError: UserFacingError, Equatable {
    case hashUnavailable
    public var message: Bilingual {
        switch self {
        case .hashUnavailable:
            Bilingual(en: "The system's OpenSSL cannot compute SM3 or scrypt here; install OpenSSL 3 (libssl3).",
                      zh: "本机 OpenSSL 无法计算 SM3 或 scrypt，请安装 OpenSSL 3（libssl3）。")
        }
    }
}
