import Foundation
import GRDB
import Queue

/// A supervisor's messages to the window screens: sent to one window or to all, shown on the window's screen until
/// the person signed in there marks them read (`m`), each window for itself.
extension HallDatabase {
    /// "v7-hallops11-window-messages": the messages, and each window's reading of them.
    static func migrateToWindowMessages(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE window_message (
                id INTEGER PRIMARY KEY,
                business_date TEXT NOT NULL,            -- YYYY-MM-DD, the hall's business day it was sent on
                sent_at INTEGER NOT NULL,               -- ms
                sender_id TEXT NOT NULL REFERENCES staff(id),
                window_id INTEGER REFERENCES service_window(id),  -- NULL: every window
                text TEXT NOT NULL CHECK (length(text) > 0)
            );
            CREATE INDEX window_message_day ON window_message(business_date, window_id);
            CREATE TABLE window_message_read (
                message_id INTEGER NOT NULL REFERENCES window_message(id),
                window_id INTEGER NOT NULL REFERENCES service_window(id),
                staff_id TEXT REFERENCES staff(id),
                read_at INTEGER NOT NULL,               -- ms
                PRIMARY KEY (message_id, window_id)
            ) WITHOUT ROWID;
            """)
    }

    /// Sends `text` (≤ `WindowMessage.textLimit` characters, no control characters) to one window or to all: a
    /// supervisor. One `window_message_sent` event (on the window, or on none for all: every screen reloads).
    @discardableResult
    public func sendWindowMessage(to target: WindowMessageTarget, text: String, by actor: Actor) throws -> WindowMessage {
        let text = try FreeText.clean(text, field: WindowMessage.textField, limit: WindowMessage.textLimit)
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .sendWindowMessage, by: actor)
            guard let sender = actor.staffID else { throw AccessError.notSignedIn(osUser: actor.key) }
            if let window = target.window { _ = try Self.fetchWindow(db, id: window) }
            let today = try Self.today(db, now)
            try db.execute(cachedSQL: """
                INSERT INTO window_message(business_date, sent_at, sender_id, window_id, text) VALUES (?, ?, ?, ?, ?)
                """, arguments: [today, now.millisecondsSince1970, sender, target.window, text])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, .windowMessageSent, by: actor, at: now, businessDate: today, window: target.window, detail: [
                "message": .int(id), "to": target.window.map { .int(Int64($0)) } ?? .string("all"), "text": .string(text),
            ])
            return try Self.fetchMessage(db, id: id)
        }
    }

    /// Marks message `id` read at `window`: the person signed in there. One `window_message_read` event naming them.
    @discardableResult
    public func markWindowMessageRead(_ id: Int64, window: Int, by actor: Actor) throws -> WindowMessageRead {
        let now = clock.now
        return try perform { db in
            let serving = try Self.fetchWindow(db, id: window)
            try PermissionPolicy.check(db, .readWindowMessage, by: actor, windowClerk: serving.staffID)
            let message = try Self.fetchMessage(db, id: id)
            guard message.target == .all || message.target == .window(window) else {
                throw WindowMessageError.notForThisWindow(message: id, window: window)
            }
            if try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM window_message_read WHERE message_id = ? AND window_id = ?",
                                 arguments: [id, window]) == true {
                throw WindowMessageError.alreadyRead(message: id, window: window)
            }
            try db.execute(cachedSQL: "INSERT INTO window_message_read(message_id, window_id, staff_id, read_at) VALUES (?, ?, ?, ?)",
                           arguments: [id, window, actor.staffID, now.millisecondsSince1970])
            try AuditLog.append(db, .windowMessageRead, by: actor, at: now, businessDate: try Self.today(db, now), window: window,
                                staff: actor.staffID, detail: ["message": .int(id)])
            let name = try actor.staffID.flatMap { try String.fetchOne(db, cachedSQL: "SELECT name FROM staff WHERE id = ?", arguments: [$0]) }
            return WindowMessageRead(window: window, staffID: actor.staffID, staffName: name, at: now)
        }
    }

    /// Today's messages for `window` (to it, or to all) that it has not read, oldest first.
    public func unreadWindowMessages(window: Int) throws -> [WindowMessage] {
        let now = clock.now
        return try read { db in try Self.unreadMessages(db, window: window, today: try Self.today(db, now)) }
    }

    /// The messages sent on `date` (YYYY-MM-DD; today when nil), oldest first, each with the windows that read it.
    public func windowMessages(on date: String? = nil) throws -> [SentWindowMessage] {
        let now = clock.now
        return try read { db in try Self.windowMessages(db, on: try date ?? Self.today(db, now)) }
    }

    /// `windowMessages(on:)` inside the caller's read (the supervisor's view).
    static func windowMessages(_ db: Database, on day: String) throws -> [SentWindowMessage] {
        let messages = try Row.fetchAll(db, cachedSQL: "\(Self.messageSelect) WHERE m.business_date = ? ORDER BY m.id",
                                        arguments: [day]).map(Self.message(_:))
        var reads: [Int64: [WindowMessageRead]] = [:]
        for row in try Row.fetchAll(db, cachedSQL: """
            SELECT r.message_id, r.window_id, r.staff_id, s.name, r.read_at FROM window_message_read r
            JOIN window_message m ON m.id = r.message_id LEFT JOIN staff s ON s.id = r.staff_id
            WHERE m.business_date = ? ORDER BY r.read_at, r.window_id
            """, arguments: [day]) {
            reads[row[0], default: []].append(WindowMessageRead(window: row[1], staffID: row[2], staffName: row[3],
                                                                 at: Date(millisecondsSince1970: row[4])))
        }
        return messages.map { SentWindowMessage(message: $0, reads: reads[$0.id] ?? []) }
    }

    static func unreadMessages(_ db: Database, window: Int, today: String) throws -> [WindowMessage] {
        try Row.fetchAll(db, cachedSQL: """
            \(messageSelect) WHERE m.business_date = ? AND (m.window_id IS NULL OR m.window_id = ?)
              AND NOT EXISTS (SELECT 1 FROM window_message_read r WHERE r.message_id = m.id AND r.window_id = ?)
            ORDER BY m.id
            """, arguments: [today, window, window]).map(message(_:))
    }

    private static let messageSelect = """
        SELECT m.id, m.sent_at, m.business_date, m.sender_id, s.name, m.window_id, m.text
        FROM window_message m LEFT JOIN staff s ON s.id = m.sender_id
        """

    private static func message(_ row: Row) -> WindowMessage {
        let sender: String = row[3]
        return WindowMessage(id: row[0], sentAt: Date(millisecondsSince1970: row[1]), businessDate: row[2], senderID: sender,
                             senderName: row[4] ?? sender, target: (row[5] as Int?).map { .window($0) } ?? .all, text: row[6])
    }

    private static func fetchMessage(_ db: Database, id: Int64) throws -> WindowMessage {
        guard let row = try Row.fetchOne(db, cachedSQL: "\(messageSelect) WHERE m.id = ?", arguments: [id]) else {
            throw WindowMessageError.unknownMessage(id)
        }
        return message(row)
    }
}
