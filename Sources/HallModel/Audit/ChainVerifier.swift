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

    /// What one range found.
    struct Range: Sendable {
        var first: Int64, last: Int64
        var events = 0
        var firstPrev: [UInt8]?
        var firstSeq: Int64?
        var lastSeq: Int64?
        var lastHash: [UInt8]?
        var links: [AuditVerification.BrokenLink] = []
        var tickets: [Int64: Derived] = [:]
        var dayCloseHashes: Set<String> = []
        var sealHashes: [Int64: [UInt8]] = [:]
    }

    struct Result {
        var events = 0
        var lastHash: [UInt8]?
        var links: [AuditVerification.BrokenLink] = []
        var tickets: [Int64: Derived] = [:]
        var dayCloseHashes: Set<String> = []
        var sealHashes: [Int64: [UInt8]] = [:]
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
        let firstRange = try walk(db, first: bounds.first?.0 ?? 1, last: bounds.first?.1 ?? lastID, sealSeqs: sealSeqs)
        group.wait()
        var ranges = [firstRange]
        for i in 1..<max(1, parts) { if let r = outcomes.ranges.withLock({ $0[i] }) { ranges.append(try r.get()) } }
        // Rows whose id is outside 1…max (typed in by hand) are in no range: count them, so the total says so.
        let strays = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hall_event WHERE NOT (id BETWEEN 1 AND ?)", arguments: [lastID]) ?? 0
        return join(ranges, strays: strays)
    }

    private static func join(_ ranges: [Range], strays: Int) -> Result {
        var result = Result()
        result.tickets.reserveCapacity(ranges.reduce(0) { $0 + $1.tickets.count })
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
            for (id, later) in range.tickets {
                guard let earlier = result.tickets[id] else { result.tickets[id] = later; continue }
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
        range.tickets.reserveCapacity(Int(max(0, last - first + 1) / 3))
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

        func int(_ i: Int32) -> Int64? { sqlite3_column_type(stmt, i) == SQLITE_INTEGER ? sqlite3_column_int64(stmt, i) : nil }
        func value(_ i: Int32, integer: Bool = false, raw: Bool = false) -> CanonicalEvent.Value {
            switch sqlite3_column_type(stmt, i) {
            case SQLITE_NULL: return .null
            case SQLITE_INTEGER where integer: return .int(sqlite3_column_int64(stmt, i))
            case SQLITE_BLOB:
                let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(stmt, i), count: Int(sqlite3_column_bytes(stmt, i)))
                return raw ? .raw(bytes) : .text(bytes)
            default:
                let text = sqlite3_column_text(stmt, i)
                let bytes = UnsafeRawBufferPointer(start: text.map(UnsafeRawPointer.init), count: Int(sqlite3_column_bytes(stmt, i)))
                return raw ? .raw(bytes) : .text(bytes)
            }
        }
        func blob(_ i: Int32) -> UnsafeRawBufferPointer {
            guard sqlite3_column_type(stmt, i) == SQLITE_BLOB else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            return UnsafeRawBufferPointer(start: sqlite3_column_blob(stmt, i), count: Int(sqlite3_column_bytes(stmt, i)))
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
            let seq = int(0) ?? -1
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
            let kind = String(decoding: kindBytes, as: UTF8.self)
            if kind == EventKind.dayClose.rawValue { range.dayCloseHashes.insert(Hex.encode(previousHash)) }
            if let ticketID = int(6), let eventKind = EventKind(rawValue: kind), let state = eventKind.ticketStateAfter {
                let line = int(7)
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
