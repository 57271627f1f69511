import Foundation
import GRDB
import Queue

extension HallDatabase {
    // MARK: The directory

    static let agencyColumns = "id, name, credit_code, category, services, fees, contact, rating_count, rating_sum"

    static func agency(_ row: Row) throws -> Agency {
        let count: Int = row[7], sum: Int = row[8]
        return Agency(id: row[0], name: row[1], creditCode: row[2], category: try decode(AgencyCategory.self, row[3], "agency", "category"),
                      services: row[4], fees: row[5], contact: row[6], ratingCount: count,
                      ratingAverage: count == 0 ? nil : Double(sum) / Double(count))
    }

    /// `desk agency list`: the agencies (of one category), by category then number. Reading needs nobody.
    public func agencies(category: AgencyCategory? = nil) throws -> [Agency] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.agencyColumns) FROM agency \(category == nil ? "" : "WHERE category = ?") ORDER BY category, id",
                             arguments: StatementArguments(category.map { [$0.rawValue] } ?? [])).map(Self.agency)
        }
    }

    /// `desk agency show`.
    public func agency(id: Int64) throws -> Agency {
        try read { db in try Self.fetchAgency(db, id: id) }
    }

    static func fetchAgency(_ db: Database, id: Int64) throws -> Agency {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.agencyColumns) FROM agency WHERE id = ?", arguments: [id]) else {
            throw AgencyError.unknownAgency(id)
        }
        return try agency(row)
    }

    /// Loads agencies and what items need of them (`importCatalog`, admin; the demo directory at `desk init --demo`).
    /// Every credit code is checked (GB 32100). One `agency_directory_loaded` event with the counts.
    public func loadAgencyDirectory(_ agencies: [AgencyInput], needs: [ItemAgencyNeed], by actor: Actor) throws {
        let now = clock.now
        try perform { db in
            try PermissionPolicy.check(db, .importCatalog, by: actor)
            try Self.storeAgencies(db, agencies, needs: needs)
            try AuditLog.append(db, .agencyDirectoryLoaded, by: actor, at: now, businessDate: try Self.today(db, now), detail: [
                "agencies": .int(Int64(agencies.count)), "needs": .int(Int64(needs.count)),
            ])
        }
    }

    static func storeAgencies(_ db: Database, _ agencies: [AgencyInput], needs: [ItemAgencyNeed]) throws {
        for a in agencies {
            try db.execute(cachedSQL: "INSERT INTO agency(name, credit_code, category, services, fees, contact) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [a.name, try CreditCode(a.creditCode).value, a.category.rawValue, a.services, a.fees, a.contact])
        }
        for n in needs {
            try db.execute(cachedSQL: "INSERT OR REPLACE INTO item_agency_need(item_code, category, suspends_clock) VALUES (?, ?, ?)",
                           arguments: [n.itemCode, n.category.rawValue, n.suspendsClock])
        }
    }

    /// What an item needs of the supermarket.
    public func agencyNeeds(itemCode: String) throws -> [ItemAgencyNeed] {
        try read { db in try Self.agencyNeeds(db, itemCode: itemCode) }
    }

    static func agencyNeeds(_ db: Database, itemCode: String) throws -> [ItemAgencyNeed] {
        try Row.fetchAll(db, sql: "SELECT item_code, category, suspends_clock FROM item_agency_need WHERE item_code = ? ORDER BY category",
                         arguments: [itemCode]).map { row in
            ItemAgencyNeed(itemCode: row[0], category: try decode(AgencyCategory.self, row[1], "item_agency_need", "category"), suspendsClock: row[2])
        }
    }

    // MARK: Referrals

    static func referral(_ row: Row) throws -> AgencyReferral {
        AgencyReferral(id: row[0], caseNumber: row[1], category: try decode(AgencyCategory.self, row[2], "agency_referral", "category"),
                       referredOn: try CivilDate(parsing: row[3]), referredBy: row[4], agencyID: row[5],
                       chosenOn: try (row[6] as String?).map { try CivilDate(parsing: $0) },
                       deliveredOn: try (row[7] as String?).map { try CivilDate(parsing: $0) }, rating: row[8], suspendedCase: row[9])
    }

    static let referralColumns = """
        r.id, c.number, r.category, r.referred_on, r.referred_by, r.agency_id, r.chosen_on, r.delivered_on, r.rating, r.suspended_case
        """

    /// The referrals of a case, in order.
    public func agencyReferrals(caseNumber: String) throws -> [AgencyReferral] {
        try read { db in
            let record = try Self.fetchCase(db, number: caseNumber)
            return try Row.fetchAll(db, sql: """
                SELECT \(Self.referralColumns) FROM agency_referral r JOIN hall_case c ON c.id = r.case_id WHERE r.case_id = ? ORDER BY r.id
                """, arguments: [record.id]).map(Self.referral)
        }
    }

    static func fetchReferral(_ db: Database, caseID: Int64, number: String, category: AgencyCategory) throws -> AgencyReferral {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT \(Self.referralColumns) FROM agency_referral r JOIN hall_case c ON c.id = r.case_id WHERE r.case_id = ? AND r.category = ?
            """, arguments: [caseID, category.rawValue]) else { throw AgencyError.noReferral(case: number, category: category) }
        return try referral(row)
    }

    /// The event context of a case step the supermarket's rules take (the clock's suspension and resumption).
    private static func caseEvent(_ record: CaseRecord, by actor: Actor, at now: Date, today: CivilDate) -> EventContext {
        EventContext(actor: actor.key, terminal: actor.terminal.description, at: now, businessDate: today.description,
                     ticketID: record.ticketID, lineID: nil, window: nil, staff: actor.staffID)
    }

    /// `desk agency refer CASE --category C` (`referToAgency`: a clerk, an agent or a supervisor): records the referral with
    /// the case and returns the agencies of the category to show the applicant (the applicant chooses; the hall never
    /// assigns one). When the item says the agency's delivery time is not counted and the case's clock runs, the case is
    /// suspended from today (`intermediaryService`, the rule's own step: written as the program's, with its letter).
    /// Events: `agency_referred`, then `case_suspended` when the clock stops.
    public func referToAgencies(caseNumber: String, category: AgencyCategory, by actor: Actor) throws -> (referral: AgencyReferral, agencies: [Agency]) {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .referToAgency, by: actor)
            let (_, today, calendar) = try Self.caseDay(db, now: now)
            var record = try Self.fetchCase(db, number: caseNumber)
            guard let need = try Self.agencyNeeds(db, itemCode: record.itemCode).first(where: { $0.category == category }) else {
                throw AgencyError.categoryNotNeeded(item: record.itemCode, category: category)
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM agency_referral WHERE case_id = ? AND category = ?)",
                                 arguments: [record.id, category.rawValue]) == true {
                throw AgencyError.alreadyReferred(case: record.number, category: category)
            }
            let suspends = need.suspendsClock && record.state.clockRuns
            try db.execute(sql: """
                INSERT INTO agency_referral(case_id, category, referred_on, referred_by, suspended_case) VALUES (?, ?, ?, ?, ?)
                """, arguments: [record.id, category.rawValue, today.description, actor.staffID ?? actor.key, suspends])
            let id = db.lastInsertedRowID
            let listed = try Row.fetchAll(db, sql: "SELECT \(Self.agencyColumns) FROM agency WHERE category = ? ORDER BY id",
                                          arguments: [category.rawValue]).map(Self.agency)
            try AuditLog.append(db, .agencyReferred, by: actor, at: now, businessDate: today.description, detail: [
                "case": .string(record.number), "category": .string(category.rawValue), "referral": .int(id),
                "agencies_listed": .int(Int64(listed.count)), "suspends": .bool(suspends),
            ])
            if suspends {
                record = try Self.applyCaseAction(db, .suspend(.intermediaryService), to: record, by: .system(actor.staffID ?? actor.key),
                                                  on: today, calendar: calendar, event: Self.caseEvent(record, by: actor, at: now, today: today))
            }
            return (try Self.fetchReferral(db, caseID: record.id, number: record.number, category: category), listed)
        }
    }

    /// The applicant's choice of agency, recorded (`referToAgency`). One `agency_chosen` event.
    public func recordAgencyChoice(caseNumber: String, category: AgencyCategory, agencyID: Int64, by actor: Actor) throws -> AgencyReferral {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .referToAgency, by: actor)
            let record = try Self.fetchCase(db, number: caseNumber)
            let referral = try Self.fetchReferral(db, caseID: record.id, number: record.number, category: category)
            guard referral.deliveredOn == nil else { throw AgencyError.alreadyDelivered(case: record.number) }
            let agency = try Self.fetchAgency(db, id: agencyID)
            guard agency.category == category else { throw AgencyError.agencyNotOfCategory(agency: agencyID, category: category) }
            let today = try Self.today(db, now)
            try db.execute(sql: "UPDATE agency_referral SET agency_id = ?, chosen_on = ? WHERE id = ?", arguments: [agencyID, today, referral.id])
            try AuditLog.append(db, .agencyChosen, by: actor, at: now, businessDate: today, detail: [
                "case": .string(record.number), "category": .string(category.rawValue), "agency": .int(agencyID),
                "from_agency": referral.agencyID.map(AuditValue.int) ?? .null,
            ])
            return try Self.fetchReferral(db, caseID: record.id, number: record.number, category: category)
        }
    }

    /// The agency delivered its work (`referToAgency`): the clock the referral stopped runs again from today. Events:
    /// `agency_delivered`, then `case_resumed` when the referral had suspended the case and it still stands still for it.
    public func recordAgencyDelivery(caseNumber: String, category: AgencyCategory, by actor: Actor) throws -> AgencyReferral {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .referToAgency, by: actor)
            let (_, today, calendar) = try Self.caseDay(db, now: now)
            let record = try Self.fetchCase(db, number: caseNumber)
            let referral = try Self.fetchReferral(db, caseID: record.id, number: record.number, category: category)
            guard referral.agencyID != nil else { throw AgencyError.notChosenYet(case: record.number) }
            guard referral.deliveredOn == nil else { throw AgencyError.alreadyDelivered(case: record.number) }
            try db.execute(sql: "UPDATE agency_referral SET delivered_on = ? WHERE id = ?", arguments: [today.description, referral.id])
            let facts = try Self.loadCaseFacts(db, record)
            let resumes = referral.suspendedCase && facts.suspension?.reason == .intermediaryService
            try AuditLog.append(db, .agencyDelivered, by: actor, at: now, businessDate: today.description, detail: [
                "case": .string(record.number), "category": .string(category.rawValue), "agency": .optional(referral.agencyID),
                "resumes": .bool(resumes),
            ])
            if resumes {
                _ = try Self.applyCaseAction(db, .resume, to: record, by: .system(actor.staffID ?? actor.key), on: today, calendar: calendar,
                                             event: Self.caseEvent(record, by: actor, at: now, today: today))
            }
            return try Self.fetchReferral(db, caseID: record.id, number: record.number, category: category)
        }
    }

    /// The applicant's rating of the agency after delivery, 1–5, once (`referToAgency`). One `agency_rated` event.
    public func rateAgency(caseNumber: String, category: AgencyCategory, rating: Int, by actor: Actor) throws -> Agency {
        guard (1...5).contains(rating) else { throw AgencyError.invalidRating(rating) }
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .referToAgency, by: actor)
            let record = try Self.fetchCase(db, number: caseNumber)
            let referral = try Self.fetchReferral(db, caseID: record.id, number: record.number, category: category)
            guard let agencyID = referral.agencyID, referral.deliveredOn != nil else { throw AgencyError.notDeliveredYet(case: record.number) }
            guard referral.rating == nil else { throw AgencyError.alreadyRated(case: record.number) }
            try db.execute(sql: "UPDATE agency_referral SET rating = ? WHERE id = ?", arguments: [rating, referral.id])
            try db.execute(sql: "UPDATE agency SET rating_count = rating_count + 1, rating_sum = rating_sum + ? WHERE id = ?",
                           arguments: [rating, agencyID])
            let today = try Self.today(db, now)
            try AuditLog.append(db, .agencyRated, by: actor, at: now, businessDate: today, detail: [
                "case": .string(record.number), "category": .string(category.rawValue), "agency": .int(agencyID), "rating": .int(Int64(rating)),
            ])
            return try Self.fetchAgency(db, id: agencyID)
        }
    }
}
