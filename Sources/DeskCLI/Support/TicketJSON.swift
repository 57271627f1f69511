import Foundation
import HallModel
import Queue

/// The JSON shape of a ticket in every command's output (a stable contract for scripts).
struct TicketJSON: Encodable {
    var code: String
    var line: String
    var state: String
    var priority: String
    var source: String
    var businessDate: String
    var window: Int?
    var callCount: Int
    var transferCount: Int
    var issuedAt: String?
    var calledAt: String?
    var startedAt: String?
    var finishedAt: String?
    var appointmentAt: String?
    var note: String?

    init(_ t: Ticket, linePrefix: String, calendar: BusinessCalendar) {
        code = t.code; line = linePrefix; state = t.state.rawValue; priority = t.priority.rawValue; source = t.source.rawValue
        businessDate = t.businessDate; window = t.windowID; callCount = t.callCount; transferCount = t.transferCount
        issuedAt = Output.timestamp(t.issuedAt, calendar); calledAt = Output.timestamp(t.calledAt, calendar)
        startedAt = Output.timestamp(t.startedAt, calendar); finishedAt = Output.timestamp(t.finishedAt, calendar)
        appointmentAt = Output.timestamp(t.appointmentAt, calendar); note = t.note
    }
}

/// Resolves line ids to prefixes for output.
struct LineNames {
    let byID: [Int64: ServiceLine]
    init(_ database: HallDatabase) throws {
        byID = Dictionary(uniqueKeysWithValues: try database.lines().map { ($0.id, $0) })
    }
    func prefix(_ id: Int64) -> String { byID[id]?.prefix ?? "?" }
}
