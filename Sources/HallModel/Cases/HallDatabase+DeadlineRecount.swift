import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// Counts the deadlines open cases were left without (`UncountedDeadlines`) once the calendar can: every case
    /// so found by the sweep (`caseID` nil), or the one case a write acts on. Each case counted is written and gets
    /// one `case_deadlines_counted` event in the caller's transaction, its detail the dates counted and `by`: what
    /// looked (`sweep`, or the kind of the write's event). A 容缺 case counts its supplement days as given at intake
    /// (`supplement_days`; the hall's `supplement_days` for a case opened before that column) from the working day after
    /// `today`, the day the deadline is told (`UncountedDeadlines.count`): with materials still out, a 补齐材料期限告知书 (`supplementDeadlineNotice`) is issued in
    /// the same transaction (`document_issued`, its SM3 digest). Returns the numbers of the cases counted.
    @discardableResult
    static func countUnknownDeadlines(_ db: Database, caseID: Int64? = nil, settings: HallSettings, today: CivilDate,
                                      calendar: WorkingCalendar, event: EventContext, by trigger: String) throws -> [String] {
        let open = CaseState.allCases.filter { !CaseState.noDeadlineRuns.contains($0) }.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let rows = try db.fetchEach(cachedSQL: """
            SELECT \(CaseRecord.columns), supplement_days FROM hall_case INDEXED BY hall_case_uncounted
            WHERE (statutory_due IS NULL OR promised_due IS NULL OR (tolerated = 1 AND supplement_due IS NULL))
              AND state IN (\(open)) \(caseID == nil ? "" : "AND id = ?") ORDER BY id
            """, arguments: StatementArguments(caseID.map { [$0] } ?? [])) { c in
            (record: try CaseRecord(c), supplementDays: c.optionalInt(CaseRecord.columnCount) as Int?)
        }
        var numbers: [String] = []
        for (record, supplementDays) in rows {
            let days = supplementDays ?? settings.supplementDays
            let counted = UncountedDeadlines.count(record, supplementDays: days, today: today, calendar: calendar)
            guard !counted.isEmpty else { continue }
            try db.execute(cachedSQL: """
                UPDATE hall_case SET statutory_due = coalesce(statutory_due, ?), promised_due = coalesce(promised_due, ?),
                    supplement_due = coalesce(supplement_due, ?) WHERE id = ?
                """, arguments: [counted.statutoryDue?.description, counted.promisedDue?.description, counted.supplementDue?.description,
                                 record.id])
            var detail: [String: AuditValue] = ["case": .string(record.number), "by": .string(trigger)]
            if let due = counted.statutoryDue { detail["statutory_due"] = .string(due.description) }
            if let due = counted.promisedDue { detail["promised_due"] = .string(due.description) }
            if let due = counted.supplementDue {
                detail["supplement_due"] = .string(due.description)
                // The period runs from the day the notice can be delivered (`UncountedDeadlines.supplementCountedFrom`).
                detail["supplement_from"] = .string(((try? UncountedDeadlines.supplementCountedFrom(toldOn: today, calendar: calendar)) ?? today).description)
                detail["told_on"] = .string(today.description)
            }
            var context = event
            context.ticketID = record.ticketID
            try appendEvent(db, .caseDeadlinesCounted, context, detail: detail)
            if counted.supplementDue != nil {
                // The applicant is told the date in writing, with what is still out (nothing to tell once all is in).
                let updated = try fetchCase(db, number: record.number)
                var facts = try caseDocumentFacts(db, updated, settings: settings, issuedOn: today)
                if !facts.outstanding.isEmpty {
                    facts.letter = DocumentFacts.LetterFacts(actedOn: today)
                    _ = try issueDocument(db, .supplementDeadlineNotice, facts: facts, intakeID: record.intakeID, record: updated, event: context)
                }
            }
            numbers.append(record.number)
        }
        return numbers
    }
}
