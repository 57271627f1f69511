import Foundation
import GRDB
import Queue

/// Every issued document's text is kept with its case, and the SM3 digest of that text is in the chain (the
/// `document_issued` event). A kept text edited afterwards — in the file, with any SQLite tool — no longer hashes to
/// the chained digest: `audit verify` reports it, and a reprint refuses to print it "as issued". (The HTML page is a
/// rendering of the same facts for the browser; the text is what is sealed.)
extension AuditVerification {
    public struct DocumentMismatch: Sendable, Equatable {
        public enum Reason: String, Sendable, Equatable {
            /// The kept text does not hash to the digest its event chained (or the row's digest column differs from it).
            case changed
            /// A document row that no `document_issued` event issued (inserted by hand).
            case noEvent = "no_event"
            /// A `document_issued` event whose document row is gone.
            case noRow = "no_row"
        }
        public var documentID: Int64
        /// The stored kind key (`acceptanceNotice`…), as the row or the event says.
        public var kind: String
        /// The case number, when the document belongs to a case.
        public var caseNumber: String?
        public var reason: Reason
    }
}

/// A document's seal as the chain holds it.
struct DocumentSeal {
    var digest: String
    var kind: String
    var caseNumber: String?

    /// The seal of each document, by document id, from the details of the `document_issued` events the walk
    /// collected. A detail that is not the JSON this program writes is passed over: an edit of an event is
    /// already a broken link.
    /// (`idKey`: the detail's member naming the row — `document`, or `handover` for a handover's receipt.)
    static func seals(_ events: [ChainVerifier.ChainedDocument], idKey: String = "document") -> [Int64: DocumentSeal] {
        var seals: [Int64: DocumentSeal] = [:]
        for event in events {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(event.detail.utf8))) as? [String: Any],
                  let id = (object[idKey] as? NSNumber)?.int64Value, let digest = object["digest"] as? String else { continue }
            seals[id] = DocumentSeal(digest: digest, kind: object["kind"] as? String ?? "", caseNumber: object["case"] as? String)
        }
        return seals
    }

    /// Every kept document against its seal, read in `db`'s transaction (the one the chain's end was taken in: every
    /// document it sees was issued by an event the walk read).
    static func compare(_ db: Database, seals: [Int64: DocumentSeal]) throws -> [AuditVerification.DocumentMismatch] {
        var unseen = seals
        var mismatches: [AuditVerification.DocumentMismatch] = []
        let sm3 = try SM3()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.id, d.kind, d.text, d.digest, c.number FROM case_document d LEFT JOIN hall_case c ON c.id = d.case_id ORDER BY d.id
            """)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let kind = String.fromDatabaseValue(row[1] as DatabaseValue) ?? "?"
            let number = String.fromDatabaseValue(row[4] as DatabaseValue)
            guard let seal = unseen.removeValue(forKey: id) else {
                mismatches.append(.init(documentID: id, kind: kind, caseNumber: number, reason: .noEvent))
                continue
            }
            let text = String.fromDatabaseValue(row[2] as DatabaseValue) ?? ""
            let column = String.fromDatabaseValue(row[3] as DatabaseValue)
            if Hex.encode(sm3.digest(Array(text.utf8))) != seal.digest || column != seal.digest {
                mismatches.append(.init(documentID: id, kind: kind, caseNumber: number ?? seal.caseNumber, reason: .changed))
            }
        }
        for (id, seal) in unseen.sorted(by: { $0.key < $1.key }) {
            mismatches.append(.init(documentID: id, kind: seal.kind, caseNumber: seal.caseNumber, reason: .noRow))
        }
        return mismatches
    }

    /// The kind a receipt's mismatch is reported under (`audit verify`): `document_id` is then the handover's id.
    static let receiptKind = "handoverReceipt"
    /// The kind a joint acceptance record's mismatch is reported under: `document_id` is then the record's id.
    static let acceptanceRecordKind = "jointAcceptanceRecord"

    /// Every kept handover receipt (材料交接单) against the digest its `material_handover` event sealed.
    static func compareReceipts(_ db: Database, seals: [Int64: DocumentSeal]) throws -> [AuditVerification.DocumentMismatch] {
        try compareKept(db, seals: seals, kind: receiptKind, sql: """
            SELECT h.id, h.text, h.digest, c.number FROM material_handover h LEFT JOIN hall_case c ON c.id = h.case_id ORDER BY h.id
            """)
    }

    /// Every kept joint acceptance record (联合验收意见书) against the digest its accepting `project_signed_off` event sealed.
    static func compareAcceptanceRecords(_ db: Database, seals: [Int64: DocumentSeal]) throws -> [AuditVerification.DocumentMismatch] {
        try compareKept(db, seals: seals, kind: acceptanceRecordKind, sql: """
            SELECT id, text, digest, NULL FROM project_acceptance_record ORDER BY id
            """)
    }

    /// Every row `sql` reads (id, kept text, digest column, case number) against the seal of its id, reported as `kind`.
    static func compareKept(_ db: Database, seals: [Int64: DocumentSeal], kind: String, sql: String) throws -> [AuditVerification.DocumentMismatch] {
        var unseen = seals
        var mismatches: [AuditVerification.DocumentMismatch] = []
        let sm3 = try SM3()
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let number = String.fromDatabaseValue(row[3] as DatabaseValue)
            guard let seal = unseen.removeValue(forKey: id) else {
                mismatches.append(.init(documentID: id, kind: kind, caseNumber: number, reason: .noEvent))
                continue
            }
            let text = String.fromDatabaseValue(row[1] as DatabaseValue) ?? ""
            if Hex.encode(sm3.digest(Array(text.utf8))) != seal.digest || String.fromDatabaseValue(row[2] as DatabaseValue) != seal.digest {
                mismatches.append(.init(documentID: id, kind: kind, caseNumber: number ?? seal.caseNumber, reason: .changed))
            }
        }
        for (id, seal) in unseen.sorted(by: { $0.key < $1.key }) {
            mismatches.append(.init(documentID: id, kind: kind, caseNumber: seal.caseNumber, reason: .noRow))
        }
        return mismatches
    }

    /// Whether a kept receipt still hashes to the digest its `material_handover` event sealed (and its column agrees).
    static func receiptHolds(_ db: Database, handover: MaterialHandover, text: String) throws -> Bool {
        try keptHolds(db, event: .materialHandover, businessDate: handover.on.description, at: handover.at.millisecondsSince1970,
                      idKey: "handover", id: handover.id, digest: handover.digest, text: text)
    }

    /// Whether a kept text (row `id`, its digest column `digest`) still hashes to the digest the `event` written at `at`
    /// (ms) on `businessDate` sealed under `idKey`.
    static func keptHolds(_ db: Database, event: EventKind, businessDate: String, at: Int64, idKey: String, id: Int64, digest: String,
                          text: String) throws -> Bool {
        let details = try String.fetchAll(db, sql: "SELECT detail FROM hall_event WHERE business_date = ? AND kind = ? AND at = ?",
                                          arguments: [businessDate, event.rawValue, at])
        guard let seal = seals(details.map { ChainVerifier.ChainedDocument(seq: 0, detail: $0) }, idKey: idKey)[id] else {
            return false
        }
        let hashed = Hex.encode(try SM3.hash(Array(text.utf8)))
        return seal.digest == digest && hashed == seal.digest
    }

    /// The seal of one document, found through the index on (business date, kind): its event was written at the
    /// instant the row keeps as `issued_at`, on that instant's business date.
    /// (A hall whose business day setting changed since finds it by a scan instead.)
    static func seal(_ db: Database, of document: StoredDocument, businessDate: String) throws -> DocumentSeal? {
        let kind = EventKind.documentIssued.rawValue, at = document.issuedAt.millisecondsSince1970
        func find(_ sql: String, _ arguments: StatementArguments) throws -> DocumentSeal? {
            seals(try String.fetchAll(db, sql: sql, arguments: arguments).map { ChainVerifier.ChainedDocument(seq: 0, detail: $0) })[document.id]
        }
        return try find("SELECT detail FROM hall_event WHERE business_date = ? AND kind = ? AND at = ?", [businessDate, kind, at])
            ?? find("SELECT detail FROM hall_event WHERE kind = ? AND at = ?", [kind, at])
    }

    /// Whether a kept document still hashes to its seal (and its digest column agrees).
    static func holds(_ db: Database, _ document: StoredDocument, settings: HallSettings) throws -> Bool {
        guard let seal = try seal(db, of: document, businessDate: settings.businessCalendar.businessDate(of: document.issuedAt))
        else { return false }
        let digest = Hex.encode(try SM3.hash(Array(document.text.utf8)))
        return seal.digest == document.digest && digest == seal.digest
    }
}

/// A reprint of a document whose kept text no longer matches the chain (exit 4: the file was changed outside HallDesk).
public struct DocumentAlteredError: UserFacingError, Equatable {
    public var number: String
    public var kind: CaseDocumentKind
    public var message: Bilingual {
        Bilingual(en: "The kept text of \(kind.label.en) of \(number) no longer matches the digest the audit chain sealed when it was issued: it was changed outside HallDesk. It is not printed; run `desk audit verify` and restore the file from a backup.",
                  zh: "\(number) 的\(kind.label.zh)保存的文本与出具时审计链记录的摘要不符，已在程序之外被改动，不予打印。请运行 desk audit verify，并从备份恢复数据文件。")
    }
}
