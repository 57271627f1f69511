import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import Queue
import Synchronization

/// `audit verify`'s walk over the chain. One reader goes through the events in order — the links (`seq`,
/// `prev`), the ticket fold and the seals need that order — straight from SQLite's column bytes into each
/// event's canonical form; the SM3 checks, the costly part, run in batches on every core meanwhile.
struct ChainVerifier {
    struct Derived { var state: TicketState; var line: Int64?; var calls: Int }

    var events = 0
    var lastHash: [UInt8]?
    var links: [AuditVerification.BrokenLink] = []
    var tickets: [Int64: Derived] = [:]
    /// Hashes of the `day_close` events, for seals checked against the chain.
    var dayCloseHashes: Set<String> = []
    var eventHashes: [Int64: [UInt8]] = [:]
    let sealSeqs: Set<Int64>

    init(sealSeqs: Set<Int64>) { self.sealSeqs = sealSeqs }

    /// A batch of events for the hashers: each message `prev ‖ canonical bytes` and the hash it must give.
    struct Batch: Sendable {
        var messages: [UInt8] = []
        var ends: [Int] = []
        var hashes: [UInt8] = []
        var seqs: [Int64] = []
        var count: Int { seqs.count }
    }

    /// Events whose content does not hash to their stored hash, collected from the hashing threads.
    final class Mismatches: Sendable {
        let seqs = Mutex<[Int64]>([])
    }

    mutating func walk(_ db: Database) throws {
        let statement = try db.makeStatement(sql: "SELECT \(AuditLog.columns) FROM hall_event ORDER BY id")
        let stmt = statement.sqliteStatement
        let mismatches = Mismatches()
        let group = DispatchGroup()
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let slots = DispatchSemaphore(value: workers * 2)
        var batch = Batch()
        let batchSize = 4096
        var scratch: [UInt8] = []
        scratch.reserveCapacity(1024)
        var previousHash = AuditRecord.genesis
        var previousSeq: Int64 = 0

        func submit(_ full: Batch) {
            slots.wait()
            DispatchQueue.global().async(group: group) {
                defer { slots.signal() }
                guard let sm3 = try? SM3() else { mismatches.seqs.withLock { $0 += full.seqs }; return }
                var computed = [UInt8](repeating: 0, count: SM3.digestLength)
                var found: [Int64] = []
                full.messages.withUnsafeBytes { messages in
                    full.hashes.withUnsafeBytes { hashes in
                        var start = 0
                        for i in 0..<full.count {
                            let end = full.ends[i]
                            computed.withUnsafeMutableBufferPointer { sm3.digest(UnsafeRawBufferPointer(rebasing: messages[start..<end]), into: $0.baseAddress!) }
                            if !computed.elementsEqual(hashes[i * 32..<(i + 1) * 32]) { found.append(full.seqs[i]) }
                            start = end
                        }
                    }
                }
                if !found.isEmpty { mismatches.seqs.withLock { $0 += found } }
            }
        }

        enum Column { case int(Int64), null, bytes(Range<Int>) }
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
            scratch.removeAll(keepingCapacity: true)
            func column(_ i: Int32, integer: Bool) -> Column {
                let type = sqlite3_column_type(stmt, i)
                if type == SQLITE_NULL { return .null }
                if integer && type == SQLITE_INTEGER { return .int(sqlite3_column_int64(stmt, i)) }
                let start = scratch.count
                if type == SQLITE_BLOB {
                    if let p = sqlite3_column_blob(stmt, i) {
                        scratch.append(contentsOf: UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, i))))
                    }
                } else if let p = sqlite3_column_text(stmt, i) {
                    scratch.append(contentsOf: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, i))))
                }
                return .bytes(start..<scratch.count)
            }
            let columns = (0..<13).map { column(Int32($0), integer: [0, 1, 6, 7, 8].contains($0)) }
            func value(_ c: Column, raw: Bool = false) -> CanonicalEvent.Value {
                switch c {
                case .int(let n): .int(n)
                case .null: .null
                case .bytes(let r): raw ? .raw(scratch[r]) : .text(scratch[r])
                }
            }
            func bytes(_ c: Column) -> ArraySlice<UInt8> { if case .bytes(let r) = c { scratch[r] } else { [] } }
            let fields = CanonicalEvent.Fields(
                seq: value(columns[0]), at: value(columns[1]), businessDate: value(columns[2]), kind: value(columns[3]),
                actor: value(columns[4]), terminal: value(columns[5]), ticketID: value(columns[6]), lineID: value(columns[7]),
                windowID: value(columns[8]), staffID: value(columns[9]), detail: value(columns[10], raw: true),
                prev: bytes(columns[11]), hash: bytes(columns[12]))
            batch.messages.append(contentsOf: fields.prev)
            CanonicalEvent.write(fields, includingHash: false, into: &batch.messages)
            batch.ends.append(batch.messages.count)
            let hash = fields.hash
            batch.hashes.append(contentsOf: hash.count == 32 ? hash : ArraySlice(AuditRecord.genesis.map { ~$0 }))

            // The links, in order.
            events += 1
            var seq: Int64 = -1
            if case .int(let n) = columns[0] { seq = n }
            batch.seqs.append(seq)
            if seq != previousSeq + 1 { links.append(.init(seq: seq, reason: .missing, expectedSeq: previousSeq + 1)) }
            if !fields.prev.elementsEqual(previousHash) { links.append(.init(seq: seq, reason: .prevMismatch)) }
            previousSeq = seq
            previousHash = Array(hash)
            if sealSeqs.contains(seq) { eventHashes[seq] = previousHash }
            let kind = String(decoding: bytes(columns[3]), as: UTF8.self)
            if kind == EventKind.dayClose.rawValue { dayCloseHashes.insert(Hex.encode(previousHash)) }

            // The ticket fold.
            if case .int(let ticketID) = columns[6], let eventKind = EventKind(rawValue: kind), let state = eventKind.ticketStateAfter {
                var line: Int64?
                if case .int(let l) = columns[7] { line = l }
                var derived = tickets[ticketID] ?? Derived(state: state, line: line, calls: 0)
                derived.state = state
                if let line { derived.line = line }
                switch eventKind {
                case .call, .recall: derived.calls += 1
                case .transfer: derived.calls = 0
                default: break
                }
                tickets[ticketID] = derived
            }
            if batch.count == batchSize {
                submit(batch)
                batch = Batch()
            }
        }
        if batch.count > 0 { submit(batch) }
        group.wait()
        lastHash = events > 0 ? previousHash : nil
        for seq in mismatches.seqs.withLock({ $0 }) { links.append(.init(seq: seq, reason: .hashMismatch)) }
        // By event, then in the order a reader meets the problems: missing, link, content.
        let order: [AuditVerification.BrokenLink.Reason: Int] = [.missing: 0, .prevMismatch: 1, .hashMismatch: 2]
        links.sort { ($0.seq, order[$0.reason] ?? 0) < ($1.seq, order[$1.reason] ?? 0) }
    }
}
