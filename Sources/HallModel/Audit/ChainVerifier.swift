import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import Queue
import Synchronization

/// `audit verify`'s walk over the chain, split into one range of events per core. Each range is read in
/// its own read transaction straight from SQLite's column bytes into each event's canonical form in a
/// fixed buffer, and hashed there; the links, seals and ticket folds of the ranges are then joined in
/// order. Every range ends at the last event the first transaction saw, and events are only ever
/// appended, so all ranges read the same history.
enum ChainVerifier {
    struct Derived: Sendable {
        var state: TicketState
        var line: Int64?
        var calls: Int
        /// A transfer in this range reset the count: earlier ranges' calls do not add.
        var reset: Bool
    }

    /// Each ticket's derived state, by id. Ticket ids grow with time as events do, so a range's tickets sit
    /// in a window of ids: an array over that window (no hashing per event), and a dictionary for the odd
    /// id outside it.
    struct TicketFold: Sendable {
        private(set) var offset: Int64 = 0
        private(set) var slots: [Derived?] = []
        private(set) var others: [Int64: Derived] = [:]

        subscript(id: Int64) -> Derived? {
            get {
                let i = id - offset
                if i >= 0 && i < Int64(slots.count) { return slots[Int(i)] }
                return others[id]
            }
            set {
                if slots.isEmpty && others.isEmpty { offset = id }
                let i = id - offset
                if i >= 0 && i < Int64(slots.count) { slots[Int(i)] = newValue; return }
                // Ahead of the window by a little: widen it; far away or behind: the dictionary.
                if i >= Int64(slots.count) && i < Int64(slots.count) + 65_536 {
                    slots.append(contentsOf: repeatElement(nil, count: Int(i) - slots.count + 1))
                    slots[Int(i)] = newValue
                    return
                }
                others[id] = newValue
            }
        }

        func forEach(_ body: (Int64, Derived) -> Void) {
            for (i, slot) in slots.enumerated() { if let slot { body(offset + Int64(i), slot) } }
            for (id, derived) in others { body(id, derived) }
        }

        var count: Int { slots.lazy.filter { $0 != nil }.count + others.count }
    }

    /// What one range found.
    struct Range: Sendable {
        var first: Int64, last: Int64
        var events = 0
        var firstPrev: [UInt8]?
        var firstSeq: Int64?
        var lastSeq: Int64?
        var lastHash: [UInt8]?
        var links: [AuditVerification.BrokenLink] = []
        var tickets = TicketFold()
        var dayCloseHashes: Set<String> = []
        var sealHashes: [Int64: [UInt8]] = [:]
        var documents: [ChainedDocument] = []
        /// `material_handover` events: each seals its receipt's digest (DocumentSeal.compareReceipts).
        var receipts: [ChainedDocument] = []
        /// `project_signed_off` events: the accepting one seals its joint acceptance record (DocumentSeal.compareAcceptanceRecords).
        var acceptanceRecords: [ChainedDocument] = []
    }

    /// A `document_issued` event: which kept document it sealed, with what digest.
    struct ChainedDocument: Sendable {
        var seq: Int64
        /// The event's detail as stored (canonical JSON), parsed after the walk: few events are documents.
        var detail: String
    }

    /// A ticket row as stored, read on its own thread while the chain is walked.
    struct TicketRow: Sendable {
        var id: Int64
        /// nil: the stored state is no state this program knows.
        var state: TicketState?
        var line: Int64?
        var calls: Int
    }

    struct Result {
        var ticketRows: [TicketRow] = []
        var events = 0
        var lastHash: [UInt8]?
        var links: [AuditVerification.BrokenLink] = []
        var tickets = TicketFold()
        var dayCloseHashes: Set<String> = []
        var sealHashes: [Int64: [UInt8]] = [:]
        var documents: [ChainedDocument] = []
        /// `material_handover` events: each seals its receipt's digest (DocumentSeal.compareReceipts).
        var receipts: [ChainedDocument] = []
        /// `project_signed_off` events: the accepting one seals its joint acceptance record (DocumentSeal.compareAcceptanceRecords).
        var acceptanceRecords: [ChainedDocument] = []
    }

    /// Walks events up to the last one `db`'s transaction sees; the other ranges are read on other threads
    /// from `pool` meanwhile. `db` stays in its transaction, so the caller can compare ticket rows with it.
    static func verify(_ db: Database, pool: DatabasePool, sealSeqs: Set<Int64>) throws -> Result {
        let lastID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM hall_event") ?? 0
        let parts = lastID < 20_000 ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let size = (lastID + Int64(parts) - 1) / Int64(parts)
        let bounds = (0..<parts).map { i in (Int64(i) * size + 1, min(lastID, Int64(i + 1) * size)) }
        final class Outcomes: Sendable { let ranges = Mutex<[Int: Swift.Result<Range, any Error>]>([:]) }
        let outcomes = Outcomes()
        let group = DispatchGroup()
        for (i, bound) in bounds.enumerated().dropFirst() {
            DispatchQueue.global().async(group: group) {
                let outcome = Swift.Result<Range, any Error> { try pool.read { try walk($0, first: bound.0, last: bound.1, sealSeqs: sealSeqs) } }
                outcomes.ranges.withLock { $0[i] = outcome }
            }
        }
        // The ticket rows, read meanwhile in a read transaction of their own (as new as this one or newer:
        // every disagreement found is checked again in this transaction before it is reported).
        final class Rows: Sendable { let rows = Mutex<Swift.Result<[TicketRow], any Error>>(.success([])) }
        let ticketRows = Rows()
        DispatchQueue.global().async(group: group) {
            let outcome = Swift.Result<[TicketRow], any Error> { try pool.read { try readTicketRows($0) } }
            ticketRows.rows.withLock { $0 = outcome }
        }
        let firstRange = try walk(db, first: bounds.first?.0 ?? 1, last: bounds.first?.1 ?? lastID, sealSeqs: sealSeqs)
        group.wait()
        var ranges = [firstRange]
        for i in 1..<max(1, parts) { if let r = outcomes.ranges.withLock({ $0[i] }) { ranges.append(try r.get()) } }
        // Rows whose id is outside 1…max (typed in by hand) are in no range: count them, so the total says so.
        let strays = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hall_event WHERE NOT (id BETWEEN 1 AND ?)", arguments: [lastID]) ?? 0
        var result = join(ranges, strays: strays)
        result.ticketRows = try ticketRows.rows.withLock { $0 }.get()
        return result
    }

    private static func readTicketRows(_ db: Database) throws -> [TicketRow] {
        let states = TicketState.allCases.map { (state: $0, bytes: Array($0.rawValue.utf8)) }
        let statement = try db.makeStatement(sql: "SELECT id, state, line_id, call_count FROM ticket ORDER BY id")
        let stmt = statement.sqliteStatement
        var rows: [TicketRow] = []
        rows.reserveCapacity(Int(try Int.fetchOne(db, sql: "SELECT MAX(id) FROM ticket") ?? 0))
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: rc)) }
            guard sqlite3_column_type(stmt, 0) == SQLITE_INTEGER else { continue }
            let text = UnsafeRawBufferPointer(start: sqlite3_column_text(stmt, 1).map(UnsafeRawPointer.init), count: Int(sqlite3_column_bytes(stmt, 1)))
            rows.append(TicketRow(
                id: sqlite3_column_int64(stmt, 0), state: states.first { $0.bytes.elementsEqual(text) }?.state,
                line: sqlite3_column_type(stmt, 2) == SQLITE_INTEGER ? sqlite3_column_int64(stmt, 2) : nil,
                calls: sqlite3_column_type(stmt, 3) == SQLITE_INTEGER ? Int(sqlite3_column_int64(stmt, 3)) : -1))
        }
        return rows
    }

    /// Every ticket row against what its events say. A disagreement is read again in `db`'s transaction (the
    /// one the chain's end was taken in) before it is reported, so a write landing during the walk is no
    /// false alarm.
    static func compareTickets(_ db: Database, fold: TicketFold, rows: [TicketRow]) throws -> [AuditVerification.TicketMismatch] {
        var fold = fold
        var suspects: [Int64] = []
        for row in rows {
            guard let derived = fold[row.id] else { suspects.append(row.id); continue }
            fold[row.id] = nil
            if row.state != derived.state || (derived.line != nil && derived.line != row.line) || row.calls != derived.calls {
                suspects.append(row.id)
            }
        }
        var orphans: [Int64] = []
        fold.forEach { id, _ in orphans.append(id) }
        guard !suspects.isEmpty || !orphans.isEmpty else { return [] }

        // Again, in this transaction, with the same rules.
        let full = Self.fold(db)
        var mismatches: [AuditVerification.TicketMismatch] = []
        for id in (suspects + orphans).sorted() {
            let row = try Row.fetchOne(db, sql: "SELECT code, state, line_id, call_count FROM ticket WHERE id = ?", arguments: [id])
            let derived = try full(id)
            guard let row else {
                if let derived { mismatches.append(.init(ticketID: id, code: "?", field: "no_row", stored: "-", derived: derived.state.rawValue)) }
                continue
            }
            let code = String.fromDatabaseValue(row[0] as DatabaseValue) ?? "?"
            let state = String.fromDatabaseValue(row[1] as DatabaseValue) ?? "?"
            let line = Int64.fromDatabaseValue(row[2] as DatabaseValue)
            let calls = Int.fromDatabaseValue(row[3] as DatabaseValue) ?? -1
            guard let derived else {
                mismatches.append(.init(ticketID: id, code: code, field: "no_events", stored: state, derived: "-"))
                continue
            }
            if derived.state.rawValue != state {
                mismatches.append(.init(ticketID: id, code: code, field: "state", stored: state, derived: derived.state.rawValue))
            }
            if let derivedLine = derived.line, derivedLine != line {
                mismatches.append(.init(ticketID: id, code: code, field: "line", stored: line.map(String.init) ?? "null", derived: String(derivedLine)))
            }
            if derived.calls != calls {
                mismatches.append(.init(ticketID: id, code: code, field: "calls", stored: String(calls), derived: String(derived.calls)))
            }
        }
        return mismatches
    }

    /// One ticket's state from its events, read in `db`'s transaction (for the few tickets checked again).
    private static func fold(_ db: Database) -> (Int64) throws -> Derived? {
        { id in
            var derived: Derived?
            for row in try Row.fetchAll(db, sql: "SELECT kind, line_id FROM hall_event WHERE ticket_id = ? ORDER BY id", arguments: [id]) {
                guard let kind = String.fromDatabaseValue(row[0] as DatabaseValue).flatMap(EventKind.init(rawValue:)),
                      let state = kind.ticketStateAfter else { continue }
                let line = Int64.fromDatabaseValue(row[1] as DatabaseValue)
                var d = derived ?? Derived(state: state, line: line, calls: 0, reset: false)
                d.state = state
                if let line { d.line = line }
                switch kind {
                case .call, .recall: d.calls += 1
                case .transfer: d.calls = 0
                default: break
                }
                derived = d
            }
            return derived
        }
    }

    private static func join(_ ranges: [Range], strays: Int) -> Result {
        var result = Result()
        var previousSeq: Int64 = 0
        var previousHash: [UInt8]? = AuditRecord.genesis
        for range in ranges {
            result.events += range.events
            // The link between this range and the one before: the range checked its inside.
            if let seq = range.firstSeq {
                if seq != previousSeq + 1 { result.links.append(.init(seq: seq, reason: .missing, expectedSeq: previousSeq + 1)) }
                if range.firstPrev != previousHash { result.links.append(.init(seq: seq, reason: .prevMismatch)) }
                previousSeq = range.lastSeq ?? previousSeq
                previousHash = range.lastHash
            }
            result.links += range.links
            result.dayCloseHashes.formUnion(range.dayCloseHashes)
            result.sealHashes.merge(range.sealHashes) { _, new in new }
            result.documents += range.documents
            result.receipts += range.receipts
            result.acceptanceRecords += range.acceptanceRecords
            range.tickets.forEach { id, later in
                guard let earlier = result.tickets[id] else { result.tickets[id] = later; return }
                result.tickets[id] = Derived(state: later.state, line: later.line ?? earlier.line,
                                             calls: later.reset ? later.calls : earlier.calls + later.calls, reset: earlier.reset || later.reset)
            }
        }
        result.lastHash = ranges.last(where: { $0.lastHash != nil })?.lastHash
        result.events += strays
        let order: [AuditVerification.BrokenLink.Reason: Int] = [.missing: 0, .prevMismatch: 1, .hashMismatch: 2]
        result.links.sort { ($0.seq, order[$0.reason] ?? 0) < ($1.seq, order[$1.reason] ?? 0) }
        return result
    }

    @inline(__always) private static func equal(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let other = b.baseAddress else { return a.isEmpty }
        return a.withUnsafeBytes { mine in mine.baseAddress.map { memcmp($0, other, b.count) == 0 } ?? true }
    }

    /// A fixed buffer the canonical bytes are written into (grown when an event needs more).
    struct Buffer: ByteSink {
        var storage: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count = 0

        init(capacity: Int) { storage = .allocate(capacity: capacity); self.capacity = capacity }

        mutating func reserve(_ needed: Int) {
            guard needed > capacity else { return }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: needed)
            bigger.update(from: storage, count: count)
            storage.deallocate()
            storage = bigger
            capacity = needed
        }

        @inline(__always) mutating func append(_ byte: UInt8) { storage[count] = byte; count += 1 }
        @inline(__always) mutating func append(bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress else { return }
            (storage + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            count += bytes.count
        }
    }

    private static func walk(_ db: Database, first: Int64, last: Int64, sealSeqs: Set<Int64>) throws -> Range {
        var range = Range(first: first, last: last)
        // Read through memory maps rather than read(2) copies: a million rows is a few hundred megabytes.
        try db.execute(sql: "PRAGMA mmap_size = 1073741824")
        let statement = try db.makeStatement(sql: "SELECT \(AuditLog.columns) FROM hall_event WHERE id BETWEEN ? AND ? ORDER BY id")
        statement.arguments = [first, last]
        let stmt = statement.sqliteStatement
        sqlite3_reset(stmt)
        sqlite3_bind_int64(stmt, 1, first)
        sqlite3_bind_int64(stmt, 2, last)
        let sm3 = try SM3()
        var buffer = Buffer(capacity: 4096)
        defer { buffer.storage.deallocate() }
        var computed = [UInt8](repeating: 0, count: SM3.digestLength)
        var previousSeq: Int64?
        var previousHash: [UInt8] = []
        // Kinds compared as bytes: no Swift string per event.
        let dayClose = Array(EventKind.dayClose.rawValue.utf8)
        let documentIssued = Array(EventKind.documentIssued.rawValue.utf8)
        let materialHandover = Array(EventKind.materialHandover.rawValue.utf8)
        let projectSignedOff = Array(EventKind.projectSignedOff.rawValue.utf8)
        let ticketKinds = EventKind.allCases.filter { $0.ticketStateAfter != nil }.map { (kind: $0, bytes: Array($0.rawValue.utf8)) }

        // Each column is taken once as an sqlite3_value and read through the value API, which skips the
        // per-call checks of the column API (a third of the cost of reading a row).
        func value(_ i: Int32, integer: Bool = false, raw: Bool = false) -> CanonicalEvent.Value {
            guard let v = sqlite3_column_value(stmt, i) else { return .null }
            switch sqlite3_value_type(v) {
            case SQLITE_NULL: return .null
            case SQLITE_INTEGER where integer: return .int(sqlite3_value_int64(v))
            case SQLITE_BLOB:
                let bytes = UnsafeRawBufferPointer(start: sqlite3_value_blob(v), count: Int(sqlite3_value_bytes(v)))
                return raw ? .raw(bytes) : .text(bytes)
            default:
                let text = sqlite3_value_text(v)
                let bytes = UnsafeRawBufferPointer(start: text.map(UnsafeRawPointer.init), count: Int(sqlite3_value_bytes(v)))
                return raw ? .raw(bytes) : .text(bytes)
            }
        }
        func blob(_ i: Int32) -> UnsafeRawBufferPointer {
            guard let v = sqlite3_column_value(stmt, i), sqlite3_value_type(v) == SQLITE_BLOB else {
                return UnsafeRawBufferPointer(start: nil, count: 0)
            }
            return UnsafeRawBufferPointer(start: sqlite3_value_blob(v), count: Int(sqlite3_value_bytes(v)))
        }

        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            // Column pointers stay valid until the next step; each is fetched in its final type once.
            let fields = CanonicalEvent.Fields(
                seq: value(0, integer: true), at: value(1, integer: true), businessDate: value(2), kind: value(3), actor: value(4),
                terminal: value(5), ticketID: value(6, integer: true), lineID: value(7, integer: true), windowID: value(8, integer: true),
                staffID: value(9), detail: value(10, raw: true), prev: blob(11), hash: blob(12))
            buffer.count = 0
            buffer.reserve(CanonicalEvent.bound(fields))
            buffer.append(bytes: fields.prev)
            CanonicalEvent.write(fields, includingHash: false, into: &buffer)
            computed.withUnsafeMutableBufferPointer {
                sm3.digest(UnsafeRawBufferPointer(start: buffer.storage, count: buffer.count), into: $0.baseAddress!)
            }
            let seq: Int64 = if case .int(let n) = fields.seq { n } else { -1 }
            range.events += 1
            if !equal(computed, fields.hash) { range.links.append(.init(seq: seq, reason: .hashMismatch)) }
            if let previousSeq {
                if seq != previousSeq + 1 { range.links.append(.init(seq: seq, reason: .missing, expectedSeq: previousSeq + 1)) }
                if !equal(previousHash, fields.prev) { range.links.append(.init(seq: seq, reason: .prevMismatch)) }
            } else {
                range.firstSeq = seq
                range.firstPrev = Array(fields.prev)
            }
            previousSeq = seq
            if previousHash.count == fields.hash.count {
                previousHash.withUnsafeMutableBytes { $0.copyMemory(from: fields.hash) }
            } else {
                previousHash = Array(fields.hash)
            }
            if sealSeqs.contains(seq) { range.sealHashes[seq] = previousHash }

            guard case .text(let kindBytes) = fields.kind else { continue }
            if kindBytes.elementsEqual(dayClose) { range.dayCloseHashes.insert(Hex.encode(previousHash)) }
            let isDocument = kindBytes.elementsEqual(documentIssued), isReceipt = !isDocument && kindBytes.elementsEqual(materialHandover)
            let isSignOff = !isDocument && !isReceipt && kindBytes.elementsEqual(projectSignedOff)
            if isDocument || isReceipt || isSignOff {
                let detail: String = switch fields.detail {
                case .raw(let bytes), .text(let bytes): String(decoding: bytes, as: UTF8.self)
                default: ""
                }
                if isDocument { range.documents.append(ChainedDocument(seq: seq, detail: detail)) }
                else if isReceipt { range.receipts.append(ChainedDocument(seq: seq, detail: detail)) }
                else { range.acceptanceRecords.append(ChainedDocument(seq: seq, detail: detail)) }
            }
            if case .int(let ticketID) = fields.ticketID, let eventKind = ticketKinds.first(where: { $0.bytes.elementsEqual(kindBytes) })?.kind,
               let state = eventKind.ticketStateAfter {
                let line: Int64? = if case .int(let l) = fields.lineID { l } else { nil }
                var derived = range.tickets[ticketID] ?? Derived(state: state, line: line, calls: 0, reset: false)
                derived.state = state
                if let line { derived.line = line }
                switch eventKind {
                case .call, .recall: derived.calls += 1
                case .transfer: derived.calls = 0; derived.reset = true
                default: break
                }
                range.tickets[ticketID] = derived
            }
        }
        range.lastSeq = previousSeq
        range.lastHash = previousSeq == nil ? nil : previousHash
        return range
    }
}
