import Foundation
import GRDB
import Queue

/// Appending to the audit chain: every write of the hall calls `AuditLog.append` inside its own
/// transaction, so an action and its event commit together or not at all, and the IMMEDIATE transaction
/// makes sure no other process chains off the same previous event.
enum AuditLog {
    static let columns = "id, at, business_date, kind, actor, terminal, ticket_id, line_id, window_id, staff_id, detail, prev, hash"

    /// Appends one event and returns it as stored.
    @discardableResult
    static func append(_ db: Database, _ kind: EventKind, by actor: Actor, at: Date, businessDate: String,
                       ticket: Ticket? = nil, lineID: Int64? = nil, window: Int? = nil, staff: String? = nil,
                       detail: [String: AuditValue] = [:]) throws -> AuditRecord {
        try append(db, kind: kind.rawValue, actor: actor.key, terminal: actor.terminal.description, at: at, businessDate: businessDate,
                   ticketID: ticket?.id, lineID: lineID ?? ticket?.lineID, window: window, staff: staff, detail: detail)
    }

    /// The same with the actor and terminal as stored keys (the migration writes events no `Actor` made).
    @discardableResult
    /// With a `tip`, the chain's end is looked up only by the tip's first append and then carried: the events a
    /// write appends one after another in its transaction chain off each other without reading the table again.
    static func append(_ db: Database, kind: String, actor: String, terminal: String, at: Date, businessDate: String,
                       ticketID: Int64?, lineID: Int64?, window: Int?, staff: String?, detail: [String: AuditValue],
                       tip: ChainTip? = nil) throws -> AuditRecord {
        let seq: Int64, prev: [UInt8]
        if let tip, let end = tip.end {
            (seq, prev) = (end.seq + 1, end.hash)
        } else {
            let last = try Row.fetchOne(db, cachedSQL: "SELECT id, hash FROM hall_event ORDER BY id DESC LIMIT 1")
            seq = (last?[0] as Int64? ?? 0) + 1
            prev = (last?[1] as Data?).map(Array.init) ?? AuditRecord.genesis
        }
        var record = AuditRecord(
            seq: seq, at: at.millisecondsSince1970, businessDate: businessDate, kind: kind, actor: actor, terminal: terminal,
            ticketID: ticketID, lineID: lineID, windowID: window.map(Int64.init), staffID: staff,
            detail: detail.isEmpty ? nil : CanonicalJSON.string(.object(detail)), prev: prev, hash: [])
        record.hash = record.computedHash(try SM3())
        try db.execute(cachedSQL: """
            INSERT INTO hall_event(id, at, business_date, kind, actor, terminal, ticket_id, line_id, window_id, staff_id, detail, prev, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [record.seq, record.at, record.businessDate, record.kind, record.actor, record.terminal, record.ticketID,
                             record.lineID, record.windowID, record.staffID, record.detail, Data(record.prev), Data(record.hash)])
        tip?.end = (record.seq, record.hash)
        return record
    }

    /// Decodes a row of `SELECT \(columns)` without trusting it: `audit verify` reads files someone may have
    /// edited by hand, and a value of the wrong type must show up as a broken link, not stop the program.
    static func record(_ row: Row) -> AuditRecord {
        func int(_ i: Int) -> Int64? { Int64.fromDatabaseValue(row[i] as DatabaseValue) }
        func text(_ i: Int) -> String? { String.fromDatabaseValue(row[i] as DatabaseValue) }
        func bytes(_ i: Int) -> [UInt8] { Data.fromDatabaseValue(row[i] as DatabaseValue).map(Array.init) ?? [] }
        return AuditRecord(seq: int(0) ?? -1, at: int(1) ?? -1, businessDate: text(2) ?? "", kind: text(3) ?? "", actor: text(4) ?? "",
                           terminal: text(5) ?? "", ticketID: int(6), lineID: int(7), windowID: int(8), staffID: text(9),
                           detail: text(10), prev: bytes(11), hash: bytes(12))
    }
}

/// The end of the chain as one write's own appends left it (`AuditLog.append(…, tip:)`): the last event's
/// sequence number and hash. It belongs to one write inside one IMMEDIATE transaction, which no other process
/// can append to meanwhile; made inside the transaction and dropped with it, it is never carried into the next
/// one. Every append of that write must go through it, in order: an event appended past it (by another tip or
/// none) leaves it behind, and its next append is then refused by the `hall_event_append_only` trigger (the id
/// must extend the chain) rather than chaining off a stale hash.
final class ChainTip {
    fileprivate(set) var end: (seq: Int64, hash: [UInt8])?
    init() {}
}
