import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// The letters a case action issues (`CaseDocumentKind.issued(for:)`: the decision, the extension, a suspension or
    /// termination notice, the service record), rendered from the case as it now stands, kept in `case_document` and
    /// chained (`document_issued` with the SM3 digest) in the action's transaction, as `takeIn` issues its documents.
    static func issueCaseLetters(_ db: Database, _ action: CaseAction, before: CaseFacts, after: CaseFacts, reason: String?,
                                 record: CaseRecord, on date: CivilDate, calendar: WorkingCalendar, event: EventContext) throws {
        let kinds = CaseDocumentKind.issued(for: action.kind)
        guard !kinds.isEmpty else { return }
        let settings = try HallSettings.load(db)
        // A resumption tells which suspension it ends (the facts before it) and the working days it stopped.
        let resumed = action.kind == .resume ? before.suspension : nil
        var letter = DocumentFacts.LetterFacts(actedOn: date, reason: reason, decision: action.kind == .issueResult ? before.state : after.state,
                                               resultDue: (try? after.resultDeadline(calendar: calendar)) ?? nil,
                                               extensionDays: after.clock.extensionDays, suspension: resumed?.reason ?? after.suspension?.reason,
                                               suspendedSince: resumed?.since,
                                               stoppedWorkingDays: after.clock.suspendedWorkingDays - before.clock.suspendedWorkingDays)
        if action.kind == .suspend, letter.suspension == .supplementsOverdue, let due = record.supplementDue {
            // Told today: never a grace day already past (a sweep that ran late counts it from today).
            letter.graceDue = try? CaseSweep.graceDeadline(supplementDeadline: due, graceDays: settings.supplementGraceDays,
                                                           toldOn: try? CivilDate(parsing: event.businessDate), calendar: calendar)
        }
        var facts = try caseDocumentFacts(db, record, settings: settings, issuedOn: (try? CivilDate(parsing: event.businessDate)) ?? date)
        facts.letter = letter
        for kind in kinds {
            _ = try issueDocument(db, kind, facts: facts, intakeID: record.intakeID, record: record, event: event)
        }
    }

    /// What a letter on a stored case says: the applicant and representative of its intake, the checklist as it now
    /// stands (supplements marked), the item as published (or, if it left the catalog, as the case keeps it), and the
    /// case's own limits and deadlines.
    static func caseDocumentFacts(_ db: Database, _ record: CaseRecord, settings: HallSettings, issuedOn: CivilDate) throws -> DocumentFacts {
        guard let intake = try fetchIntake(db, id: record.intakeID), let applicant = try fetchApplicant(db, id: record.applicantID) else {
            throw IntakeError.unknownCase(record.number)
        }
        var facts: DocumentFacts
        if let item = try storedItem(db, code: record.itemCode), item.materials.count == intake.checklist.entries.count {
            facts = documentFacts(settings: settings, issuedOn: issuedOn, reference: record.number, applicant: applicant,
                                  representative: intake.representative, item: item, checklist: intake.checklist, receivedOn: intake.receivedOn,
                                  record: record, refusal: nil, reasonText: nil)
        } else {
            facts = DocumentFacts(hallName: settings.hallName, issuedOn: issuedOn, reference: record.number, applicantName: applicant.name,
                                  applicantKind: applicant.kind, applicantNumber: applicant.maskedNumber, representative: intake.representative,
                                  itemName: record.itemName, itemCode: record.itemCode, legalBasis: "", supervisionPhone: "",
                                  receivedOn: intake.receivedOn, acceptedOn: record.acceptedOn, statutoryLimit: record.statutoryLimit,
                                  promisedLimit: record.promisedLimit, statutoryDue: record.statutoryDue, promisedDue: record.promisedDue,
                                  supplementDue: record.supplementDue, materials: [], refusal: nil, reasonText: nil,
                                  remedies: DocumentFacts.Remedies(reviewOrgan: settings.remedyReviewOrgan, court: settings.remedyCourt))
        }
        facts.supplementToldOn = try documentDay(db, record, kind: .supplementDeadlineNotice, last: false)
        // The case keeps what was published when it was accepted.
        facts.itemName = record.itemName
        facts.statutoryLimit = record.statutoryLimit
        facts.promisedLimit = record.promisedLimit
        return facts
    }

    /// The business day the case's first (or `last`) document of `kind` was issued, if it has one.
    static func documentDay(_ db: Database, _ record: CaseRecord, kind: CaseDocumentKind, last: Bool) throws -> CivilDate? {
        guard let at = try Int64.fetchOne(db, cachedSQL: "SELECT \(last ? "max" : "min")(issued_at) FROM case_document WHERE case_id = ? AND kind = ?",
                                          arguments: [record.id, kind.rawValue]) else { return nil }
        return CivilDate(Date(millisecondsSince1970: at), in: try HallSettings.load(db).businessCalendar.timeZone)
    }
}
