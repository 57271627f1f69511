import Foundation
import GRDB
import Queue

extension HallDatabase {
    static let applicantColumns = "id, kind, id_number, name, phone, legal_representative, contact, flagged_on, flag_reason, created_at"

    static func applicant(_ row: Row) throws -> Applicant {
        let kind = try decode(ApplicantKind.self, row[1], "applicant", "kind")
        let flaggedOn: String? = row[7]
        let flag = try flaggedOn.map { Applicant.CreditFlag(on: try CivilDate(parsing: $0), reason: row[8] ?? "") }
        return Applicant(id: row[0], kind: kind, idNumber: row[2], name: row[3], phone: row[4], legalRepresentative: row[5],
                         contact: row[6], flag: flag, createdAt: Date(millisecondsSince1970: row[9]))
    }

    static func fetchApplicant(_ db: Database, kind: ApplicantKind, number: String) throws -> Applicant? {
        try db.fetchFirst(cachedSQL: "SELECT \(applicantColumns) FROM applicant WHERE kind = ? AND id_number = ?",
                          arguments: [kind.rawValue, number], applicant)
    }

    static func fetchApplicant(_ db: Database, id: Int64) throws -> Applicant? {
        try db.fetchFirst(cachedSQL: "SELECT \(applicantColumns) FROM applicant WHERE id = ?", arguments: [id], applicant)
    }

    /// The applicant found again by number, its contact details brought up to date (a name, phone or
    /// contact given now replaces the stored one; one not given keeps it); new otherwise. The flag is
    /// never touched here. The caller owns the transaction.
    static func upsertApplicant(_ db: Database, _ input: ApplicantInput, now: Date) throws -> Applicant {
        // The row as written comes back from the same statement (`RETURNING`): no second lookup by number.
        guard let stored = try db.fetchFirst(cachedSQL: """
            INSERT INTO applicant(kind, id_number, name, phone, legal_representative, contact, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(kind, id_number) DO UPDATE SET
                name = excluded.name,
                phone = COALESCE(excluded.phone, phone),
                legal_representative = COALESCE(excluded.legal_representative, legal_representative),
                contact = COALESCE(excluded.contact, contact)
            RETURNING \(applicantColumns)
            """, arguments: [input.kind.rawValue, input.idNumber, input.name, input.phone, input.legalRepresentative,
                             input.contact, now.millisecondsSince1970], applicant) else {
            throw ApplicantError.unknownApplicant(input.kind.masked(input.idNumber))
        }
        return stored
    }

    /// The applicant with this (normalised) number, or nil. Reading needs nobody.
    public func applicant(kind: ApplicantKind, number: String) throws -> Applicant? {
        try read { db in try Self.fetchApplicant(db, kind: kind, number: number) }
    }

    /// The earliest day a 失信 flag may be dated: the State Council's planning outline of the social credit system
    /// (国发〔2014〕21号, 2014–2020) is where the joint credit sanctions the flag records begin.
    static let earliestFlagDate = CivilDate(year: 2014, month: 1, day: 1) ?? .latest

    /// Flags the applicant (失信) from `on` (default today) with a reason: a supervisor. One `applicant_flagged`.
    @discardableResult
    public func flagApplicant(kind: ApplicantKind, number: String, reason: String, on date: CivilDate? = nil, by actor: Actor) throws -> Applicant {
        let reason = try FreeText.clean(reason, field: FreeText.reason, limit: 200)
        return try changeFlag(kind: kind, number: number, by: actor) { db, applicant, today in
            guard applicant.flag == nil else { throw ApplicantError.alreadyFlagged(applicant.maskedNumber) }
            let on = date ?? today
            // The flag records the credit decision already made: it takes effect when set, so it is never dated ahead.
            guard on <= today else { throw ApplicantError.flagDateInFuture(on: on, today: today) }
            // Nor before the credit system existed (国发〔2014〕21号, from 2014): an earlier date is a typing slip.
            guard on >= Self.earliestFlagDate else { throw ApplicantError.flagDateTooEarly(on: on, earliest: Self.earliestFlagDate) }
            try db.execute(cachedSQL: "UPDATE applicant SET flagged_on = ?, flag_reason = ? WHERE id = ?",
                           arguments: [on.description, reason, applicant.id])
            return (.applicantFlagged, ["on": .string(on.description), "reason": .string(reason)])
        }
    }

    /// Lifts the flag with a reason (e.g. the credit repair decision): a supervisor. One `applicant_unflagged`
    /// with the flag it lifted.
    @discardableResult
    public func unflagApplicant(kind: ApplicantKind, number: String, reason: String, by actor: Actor) throws -> Applicant {
        let reason = try FreeText.clean(reason, field: FreeText.reason, limit: 200)
        return try changeFlag(kind: kind, number: number, by: actor) { db, applicant, today in
            guard let flag = applicant.flag else { throw ApplicantError.notFlagged(applicant.maskedNumber) }
            try db.execute(cachedSQL: "UPDATE applicant SET flagged_on = NULL, flag_reason = NULL WHERE id = ?", arguments: [applicant.id])
            return (.applicantUnflagged, ["on": .string(today.description), "reason": .string(reason),
                                          "flagged_on": .string(flag.on.description), "flag_reason": .string(flag.reason)])
        }
    }

    private func changeFlag(kind: ApplicantKind, number: String, by actor: Actor,
                            _ change: (Database, Applicant, CivilDate) throws -> (EventKind, [String: AuditValue])) throws -> Applicant {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .flagApplicant, by: actor)
            let settings = try HallSettings.load(db)
            let today = CivilDate(now, in: settings.businessCalendar.timeZone)
            let normalised = try ApplicantInput.normalisedNumber(kind: kind, number, today: today)
            guard let applicant = try Self.fetchApplicant(db, kind: kind, number: normalised) else {
                throw ApplicantError.unknownApplicant(kind.masked(normalised))
            }
            let (event, detail) = try change(db, applicant, today)
            try AuditLog.append(db, event, by: actor, at: now, businessDate: today.description, detail: detail.merging([
                "applicant": .int(applicant.id), "kind": .string(kind.rawValue), "number": .string(applicant.maskedNumber),
            ]) { a, _ in a })
            guard let changed = try Self.fetchApplicant(db, id: applicant.id) else { throw ApplicantError.unknownApplicant(applicant.maskedNumber) }
            return changed
        }
    }
}
