import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// Sets the clerk's note on one of today's open tickets, or clears it (`note` nil). The note is on the
    /// ticket's row, so it stays with the ticket through holds and transfers. Who may: the clerk signed in
    /// at the window the ticket is at (called, served or held there) and a supervisor (`serveAtWindow`); a
    /// waiting ticket is at no window, so only a supervisor. A closed ticket's note is part of its record and
    /// is refused, as is a note that changes nothing. One `ticket_note` event records the new note.
    @discardableResult
    public func setTicketNote(code: String, note: String?, by actor: Actor) throws -> Ticket {
        let note = try note.map { try FreeText.clean($0, field: FreeText.ticketNote, limit: FreeText.ticketNoteLimit) }
        let now = clock.now
        return try perform { db in
            let today = try HallSettings.load(db).businessCalendar.businessDate(of: now)
            let ticket = try Self.fetchTicket(db, code: code, businessDate: today)
            guard ticket.state.isOpen else { throw QueueError.noteOnClosedTicket(code: ticket.code, state: ticket.state) }
            let clerk = try ticket.windowID.flatMap {
                try String.fetchOne(db, cachedSQL: "SELECT staff_id FROM service_window WHERE id = ?", arguments: [$0])
            }
            try PermissionPolicy.check(db, .serveAtWindow, by: actor, windowClerk: clerk)
            guard note != ticket.note else { throw QueueError.noteUnchanged(ticket.code) }
            let changed = try Self.updateTicket(db, set: "note = ?", id: ticket.id, arguments: [note])
            try AuditLog.append(db, .ticketNote, by: actor, at: now, businessDate: today, ticket: changed, window: ticket.windowID,
                                staff: clerk, detail: ["note": .optional(note)])
            return changed
        }
    }
}
