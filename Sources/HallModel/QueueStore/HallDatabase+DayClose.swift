import Foundation
import GRDB
import Queue

public struct DayCloseSummary: Sendable, Equatable {
    public var businessDate: String
    public var closedUnserved: Int
    public var keptOvernight: Int
    public var windowsClosed: Int
    /// The day's seal: the hash of the `day_close` event, which pins every event before it. Write it down
    /// or send it off the box; `desk audit verify --seal HASH` checks the chain still holds it.
    public var seal: String
    public var sealSeq: Int64
}

extension HallDatabase {
    /// Day end, in one transaction: every open ticket becomes `unserved` (one event each), except waiting
    /// tickets of lines that keep tickets overnight; every window is closed and signed out; the day is sealed.
    public func closeDay(by actor: Actor) throws -> DayCloseSummary {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .closeDay, by: actor)
            let settings = try HallSettings.load(db)
            let today = settings.businessCalendar.businessDate(of: now)
            // A sealed day is final: a second close would add a second seal to the same date.
            if let sealedAt = try Int64.fetchOne(db, cachedSQL: "SELECT sealed_at FROM day_seal WHERE business_date = ?", arguments: [today]) {
                throw SealedDayError.alreadyClosed(date: today,
                                                   at: settings.businessCalendar.timeOfDay(Date(millisecondsSince1970: sealedAt)))
            }
            let open = try Row.fetchAll(db, cachedSQL: """
                SELECT \(Ticket.columns) FROM ticket WHERE state IN ('waiting','called','serving','held')
                """).map(Ticket.init(row:))
            let overnight = Set(try Int64.fetchAll(db, cachedSQL: "SELECT id FROM service_line WHERE keeps_overnight"))
            var closed = 0, kept = 0
            for ticket in open {
                if overnight.contains(ticket.lineID) {
                    // Kept tickets go back to the queue, in their place, so tomorrow starts clean at the windows.
                    kept += 1
                    if ticket.state != .waiting {
                        try db.execute(cachedSQL: "UPDATE ticket SET state = 'waiting', window_id = NULL WHERE id = ?", arguments: [ticket.id])
                        try AuditLog.append(db, .requeue, by: actor, at: now, businessDate: today, ticket: ticket, window: ticket.windowID,
                                            detail: ["reason": .string("day_close")])
                    }
                    continue
                }
                try Self.markUnserved(db, ticket, now: now)
                try AuditLog.append(db, .unserved, by: actor, at: now, businessDate: today, ticket: ticket, window: ticket.windowID)
                closed += 1
            }
            var windows = 0
            for (window, staff) in try Row.fetchAll(db, cachedSQL: "SELECT id, staff_id FROM service_window WHERE state != 'closed' OR staff_id IS NOT NULL ORDER BY id")
                .map({ ($0[0] as Int, $0[1] as String?) }) {
                try Self.signOut(db, window: window, staff: staff, by: actor, now: now, today: today, reason: "day_close")
                windows += 1
            }
            let event = try AuditLog.append(db, .dayClose, by: actor, at: now, businessDate: today,
                                            detail: ["unserved": .int(closed), "kept": .int(kept), "windows_closed": .int(windows)])
            try db.execute(cachedSQL: """
                INSERT INTO day_seal(business_date, seq, hash, sealed_at) VALUES (?, ?, ?, ?)
                """, arguments: [today, event.seq, Data(event.hash), now.millisecondsSince1970])
            return DayCloseSummary(businessDate: today, closedUnserved: closed, keptOvernight: kept, windowsClosed: windows,
                                   seal: Hex.encode(event.hash), sealSeq: event.seq)
        }
    }
}

extension HallDatabase {
    /// A sealed business day is final: no window opens, nobody signs in at a window and no ticket is called until
    /// the next business day. Finishing or marking a no-show of a ticket already at a window stays allowed.
    static func refuseOnSealedDay(_ db: Database, today: String) throws {
        if try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM day_seal WHERE business_date = ?", arguments: [today]) ?? false {
            throw SealedDayError.daySealed(date: today)
        }
    }
}

/// What a closed (sealed) business day refuses (exit 1).
public enum SealedDayError: UserFacingError, Equatable {
    /// `desk day close` ran already for `date`, at `at` ("HH:MM").
    case alreadyClosed(date: String, at: String)
    /// Opening a window, signing in at one or calling a ticket after the day was closed.
    case daySealed(date: String)

    public var message: Bilingual {
        switch self {
        case .alreadyClosed(let d, let t):
            .init(en: "Day \(d) already closed at \(t); a closed day is final.", zh: "营业日 \(d) 已于 \(t) 日结，日结后不能再次日结。")
        case .daySealed(let d):
            .init(en: "Day \(d) is closed (desk day close): no window opens and no ticket is called until the next business day.",
                  zh: "营业日 \(d) 已日结：下一个营业日前不能开窗、签到或叫号。")
        }
    }
}
