import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// The case with this number whose applicant's ID number or credit code ends in these four characters, as a citizen
    /// may see it; nil when none does (a wrong number and a wrong last four are the same nil). A read: no actor, no
    /// event (docs/SECURITY.md: the kiosk throttles guessing instead). The match is one query on the unique case number
    /// and the applicant's primary key; the applicant's columns never leave it.
    public func caseProgress(_ query: CaseProgressQuery) throws -> CaseProgress? {
        let now = clock.now
        return try read { db in
            guard let record = try db.fetchFirst(cachedSQL: Self.caseProgressMatch, arguments: [query.number, query.lastFour],
                                                 columns: CaseRecord.init) else { return nil }
            let settings = try HallSettings.load(db)
            let today = CivilDate(now, in: settings.businessCalendar.timeZone)
            let facts = try Self.loadCaseFacts(db, record)
            let calendar = try Self.storedCalendar(db)
            let light = facts.light(on: today, yellowDays: settings.caseYellowDays, calendar: calendar)
            // A withdrawn or terminated case asks nothing more of the citizen.
            let asks = ![.withdrawn, .terminated].contains(record.state)
            let outstanding = !asks ? [] : try Row.fetchAll(
                db, cachedSQL: "SELECT position, name FROM intake_material WHERE intake_id = ? ORDER BY position", arguments: [record.intakeID]
            ).compactMap { row in facts.outstandingMaterials.contains(row[0]) ? row[1] as String : nil }
            // Suspended for overdue supplements: the supplement deadline has passed; what counts now is the grace
            // period's end, after which the sweep terminates the case (the suspension letter names the same day).
            var supplementDue = outstanding.isEmpty ? nil : record.supplementDue
            let final = facts.suspension?.reason == .supplementsOverdue
            if final, let due = record.supplementDue {
                supplementDue = try? CaseSweep.graceDeadline(supplementDeadline: due, graceDays: settings.supplementGraceDays,
                                                             toldOn: facts.suspension?.toldOn, calendar: calendar)
            }
            let steps = try Row.fetchAll(db, cachedSQL: """
                SELECT kind, COALESCE(json_extract(detail, '$.on'), json_extract(detail, '$.accepted_on'), business_date) FROM hall_event
                WHERE \(Self.caseEventCondition) ORDER BY id
                """, arguments: [record.ticketID, record.number]).compactMap { row -> CaseProgressStep? in
                guard let kind = EventKind(rawValue: row[0]).flatMap(CaseProgressStepKind.init) else { return nil }
                return CaseProgressStep(kind, on: try CivilDate(parsing: row[1]))
            }
            return CaseProgress(number: record.number, itemName: record.itemName, state: record.state, acceptedOn: record.acceptedOn,
                                promisedDue: record.promisedDue,
                                // Days left to the promised date while it is being decided; once decided the light counts
                                // towards the result's delivery, which is not the date shown beside it.
                                workingDaysLeft: record.state.clockRuns ? light.workingDaysLeft : nil, outstandingMaterials: outstanding,
                                supplementDue: supplementDue, supplementIsFinal: final && supplementDue != nil, suspension: facts.suspension?.reason,
                                steps: steps)
        }
    }

    /// The lookup: the case by its unique number (`sqlite_autoindex_hall_case_1`), its applicant by primary key, the last four
    /// compared inside the query. Arguments: the normalised number, the last four.
    static let caseProgressMatch = """
        SELECT \(CaseRecord.columns) FROM hall_case
        WHERE number = ? AND (SELECT substr(id_number, -4) FROM applicant WHERE applicant.id = hall_case.applicant_id) = ?
        """

    /// The events of one case: those of its ticket (an index seek) that carry its number. Arguments: the ticket id, the number.
    static let caseEventCondition = "ticket_id IS ? AND json_extract(detail, '$.case') = ?"
}
