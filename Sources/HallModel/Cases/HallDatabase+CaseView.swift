import Foundation
import GRDB
import Queue

/// One material of a case's checklist as it stands.
public struct CaseMaterial: Sendable, Hashable {
    public var position: Int
    public var name: String
    public var kind: MaterialKind
    public var status: MaterialStatus
    public var note: String?
    public var suppliedOn: CivilDate?
    public var suppliedBy: String?

    /// Where the material stands, in the words `case show` and the case screen both use: the status's label, then
    /// for a supplement the day it came and who recorded it ("supplied later on 2026-11-26, recorded by S01").
    public var stateText: Bilingual {
        guard let on = suppliedOn else { return status.label }
        let by = suppliedBy.map { (en: ", recorded by \($0)", zh: "，\($0) 登记") } ?? (en: "", zh: "")
        return Bilingual(en: "\(status.label.en) on \(on)\(by.en)", zh: "\(status.label.zh)：\(on) 补交\(by.zh)")
    }
}

/// Everything `case show` prints about one case.
/// The case's extension (art. 42), from its `case_extended` event: by how much, who approved it and on which day, the
/// reason told to the applicant, and the statutory deadline without and with it (nil: not countable).
public struct CaseExtensionGrant: Sendable, Hashable {
    public var days: Int
    public var approvedBy: String?
    public var approvedOn: CivilDate?
    public var reason: String?
    public var statutoryBefore: CivilDate?
    public var statutoryAfter: CivilDate?
}

public struct CaseDetail: Sendable {
    public var record: CaseRecord
    public var applicant: Applicant
    public var ticketCode: String?
    public var materials: [CaseMaterial]
    /// Issued documents, oldest first (with their text).
    public var documents: [StoredDocument]
    /// The case's events (those carrying its number), oldest first.
    public var events: [AuditRecord]
    public var today: CivilDate
    /// What the lifecycle rules know of the case (reviewer, approver, suspension, outstanding materials…).
    public var facts: CaseFacts
    /// `CaseFacts.light` on `today`: against the promised deadline while being decided, the result deadline once
    /// decided; grey while suspended.
    public var light: CaseLightReading
    /// Who spoke for the applicant at intake (`Representative.maskedNumber` when shown).
    public var representative: Representative
    /// The result's delivery deadline (art. 44: 10 working days after the decision); nil while undecided or when it
    /// cannot be counted.
    public var resultDue: CivilDate?
    /// 一审: the reviewer's written opinion; 一核: the decision's written reasons (approval or rejection).
    public var reviewOpinion: String?
    public var decisionReason: String?
    /// The handover ledger's line (审管联动), once handed over.
    public var handover: HandoverLine?
    /// Where the handover's acknowledgement stands today (`HandoverAcknowledgementRule.status`); nil when not handed
    /// over or not countable.
    public var handoverStatus: HandoverAcknowledgementRule.Status? = nil
    /// nil unless the case was extended.
    public var extensionGrant: CaseExtensionGrant? = nil
    /// Working days left until the deadline the light is judged against (negative: overdue); nil when none runs.
    public var workingDaysLeft: Int? { light.workingDaysLeft }
}

extension HallDatabase {
    /// The case with this number, its checklist, documents and events. Reading needs nobody.
    public func caseDetail(number: String) throws -> CaseDetail {
        let now = clock.now
        return try read { db in
            let record = try Self.fetchCase(db, number: number)
            guard let applicant = try Self.fetchApplicant(db, id: record.applicantID) else { throw IntakeError.unknownCase(record.number) }
            let settings = try HallSettings.load(db)
            let today = CivilDate(now, in: settings.businessCalendar.timeZone)
            let materials = try Row.fetchAll(db, cachedSQL: """
                SELECT position, name, kind, status, note, supplied_on, supplied_by FROM intake_material WHERE intake_id = ? ORDER BY position
                """, arguments: [record.intakeID]).map { row in
                CaseMaterial(position: row[0], name: row[1], kind: try Self.decode(MaterialKind.self, row[2], "intake_material", "kind"),
                             status: try Self.decode(MaterialStatus.self, row[3], "intake_material", "status"), note: row[4],
                             suppliedOn: try (row[5] as String?).map { try CivilDate(parsing: $0) }, suppliedBy: row[6])
            }
            let documents = try Self.fetchDocuments(db, sql: "case_id = ?", arguments: [record.id])
            let events = try Row.fetchAll(db, cachedSQL: """
                SELECT \(AuditLog.columns) FROM hall_event WHERE \(Self.caseEventCondition) ORDER BY id
                """, arguments: [record.ticketID, record.number]).map(AuditLog.record)
            let ticketCode = try record.ticketID.flatMap {
                try String.fetchOne(db, cachedSQL: "SELECT code FROM ticket WHERE id = ?", arguments: [$0])
            }
            let calendar = try Self.storedCalendar(db)
            let facts = try Self.loadCaseFacts(db, record)
            let decision = try Row.fetchOne(db, cachedSQL: "SELECT result_due, review_opinion, decision_reason FROM hall_case WHERE id = ?",
                                            arguments: [record.id])
            let handover = try Self.handoverLine(db, caseNumber: record.number)
            let extensionGrant = record.extensionDays > 0 ? Self.extensionGrant(facts: facts, events: events, calendar: calendar) : nil
            var detail = CaseDetail(record: record, applicant: applicant, ticketCode: ticketCode, materials: materials, documents: documents,
                              events: events, today: today, facts: facts,
                              light: facts.light(on: today, yellowDays: settings.caseYellowDays, calendar: calendar),
                              representative: try Self.fetchIntake(db, id: record.intakeID)?.representative ?? .none,
                              resultDue: try (decision?[0] as String?).map { try CivilDate(parsing: $0) },
                              reviewOpinion: decision?[1], decisionReason: decision?[2], handover: handover,
                              handoverStatus: handover.flatMap { h in
                                  try? HandoverAcknowledgementRule.status(handedOverOn: h.handedOverOn, acknowledgedOn: h.acknowledgedOn,
                                                                          today: today, days: settings.handoverAckDays, calendar: calendar)
                              })
            detail.extensionGrant = extensionGrant
            return detail
        }
    }

    /// The extension as its event recorded it; the deadlines counted by the case's clock without and with its days.
    static func extensionGrant(facts: CaseFacts, events: [AuditRecord], calendar: WorkingCalendar) -> CaseExtensionGrant {
        let event = events.last { $0.kind == EventKind.caseExtended.rawValue }
        let detail = event?.detail.flatMap { try? JSONDecoder().decode([String: AuditValue].self, from: Data($0.utf8)) } ?? [:]
        func string(_ key: String) -> String? { if case .string(let s)? = detail[key] { s } else { nil } }
        var before = facts.clock
        before.extensionDays = 0
        return CaseExtensionGrant(days: facts.clock.extensionDays, approvedBy: event?.actor,
                                  approvedOn: string("on").flatMap { try? CivilDate(parsing: $0) }, reason: string("reason"),
                                  statutoryBefore: try? before.statutoryDeadline(calendar: calendar),
                                  statutoryAfter: try? facts.clock.statutoryDeadline(calendar: calendar))
    }

    /// The documents of an intake (a notice or a refusal has no case), oldest first.
    public func intakeDocuments(intakeID: Int64) throws -> [StoredDocument] {
        try read { db in try Self.fetchDocuments(db, sql: "intake_id = ?", arguments: [intakeID]) }
    }

    /// A document as issued, for a reprint: the latest of `kind`, or the first document issued. `number` is a case
    /// number, or the registration number of an intake that opened no case (`HD-20260302-R000012`).
    public func caseDocument(number: String, kind: CaseDocumentKind?) throws -> StoredDocument {
        let number = number.uppercased()
        let documents: [StoredDocument]
        if Self.intakeID(fromReference: number) != nil {
            documents = try read { db in
                try Self.fetchDocuments(db, sql: "intake_id = ?", arguments: [try Self.intakeID(db, reference: number)])
            }
        } else {
            documents = try caseDetail(number: number).documents
        }
        let found = kind.map { k in documents.last { $0.kind == k } } ?? documents.first
        guard let found else { throw IntakeError.noDocument(number, kind) }
        guard try read({ db in try DocumentSeal.holds(db, found, settings: try HallSettings.load(db)) }) else {
            throw DocumentAlteredError(number: number, kind: found.kind)
        }
        return found
    }

    /// The intake id in a registration number `<hall code>-<yyyymmdd>-R<id>`, or nil when it is not one.
    static func intakeID(fromReference reference: String) -> Int64? {
        guard let last = reference.split(separator: "-").last, last.hasPrefix("R") else { return nil }
        return Int64(last.dropFirst())
    }

    /// The intake a registration number names, checked whole: the id, the day its materials arrived and the hall's
    /// code must all match what `intakeReference` printed, so a mistyped number never decides or prints another
    /// intake (`IntakeError.unknownIntake`). A hall that changes its `hall_code` starts new numbers; its old
    /// registration numbers no longer resolve (case numbers are unaffected: they are stored).
    static func intakeID(_ db: Database, reference: String) throws -> Int64 {
        let reference = reference.uppercased()
        guard let id = intakeID(fromReference: reference),
              let received = try String.fetchOne(db, cachedSQL: "SELECT received_on FROM intake WHERE id = ?", arguments: [id]),
              intakeReference(hallCode: try HallSettings.load(db).hallCode, on: try CivilDate(parsing: received), id: id) == reference
        else { throw IntakeError.unknownIntake(reference) }
        return id
    }

    static func fetchDocuments(_ db: Database, sql condition: String, arguments: StatementArguments) throws -> [StoredDocument] {
        try Row.fetchAll(db, sql: """
            SELECT id, intake_id, case_id, kind, issued_at, digest, text, html,
                   (SELECT item_type FROM catalog_item WHERE code = (SELECT item_code FROM intake WHERE intake.id = case_document.intake_id))
            FROM case_document WHERE \(condition) ORDER BY id
            """, arguments: arguments).map { row in
            // An item gone from the catalog reads as a licence, as its letters do (docs/cases.md).
            StoredDocument(id: row[0], intakeID: row[1], caseID: row[2],
                           kind: try decode(CaseDocumentKind.self, row[3], "case_document", "kind"),
                           issuedAt: Date(millisecondsSince1970: row[4]), digest: row[5], text: row[6], html: row[7],
                           licence: (row[8] as String?).flatMap(ItemType.init(rawValue:)).map { $0 == .licensing } ?? true)
        }
    }
}
