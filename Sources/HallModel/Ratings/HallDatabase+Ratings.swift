import Foundation
import GRDB
import Queue

extension FreeText {
    /// The citizen's words with a rating (free text beside the reasons).
    public static let ratingNote = Bilingual(en: "The rating's note", zh: "评价意见")
    public static let ratingNoteLimit = 200
}

extension HallDatabase {
    // MARK: Writes

    /// Records a rating of a finished visit in one transaction, with one `rating_recorded` event; a bad review (1–2)
    /// opens its rectification in the same transaction (`Rectification`). Allowed for the rating terminal of the window
    /// that finished the ticket (`Actor.device(.rating, terminal: .rating(window:))`), and only for the visit it shows
    /// (`ratingPrompt(window:)`), and for a supervisor entering a paper rating (any finished ticket, `request.date`: the
    /// ticket's business day, today when nil). A second rating of the same visit is refused (`RatingError.alreadyRated`,
    /// and the UNIQUE index `rating_one_per_ticket` behind it).
    public func recordRating(_ request: RatingRequest, by actor: Actor) throws -> Rating {
        let now = clock.now
        let note = try request.note.map { try FreeText.clean($0, field: FreeText.ratingNote, limit: FreeText.ratingNoteLimit) }
        try Self.checkReasons(request.level, request.reasons)
        return try perform { db in
            try PermissionPolicy.check(db, .recordRating, by: actor)
            let settings = try HallSettings.load(db)
            let today = settings.businessCalendar.businessDate(of: now)
            let code = request.ticketCode.uppercased()
            guard let ticket = try db.fetchFirst(cachedSQL: "SELECT \(Ticket.columns) FROM ticket WHERE business_date = ? AND code = ?",
                                                 arguments: [request.date?.description ?? today, code], Ticket.init(row:)) else {
                throw QueueError.unknownTicket(code)
            }
            var source = RatingSource.staffEntry
            if case .device = actor.identity {
                try Self.requireShownOnTerminal(db, ticket, terminal: actor.terminal, now: now, settings: settings)
                source = .ratingTerminal
            }
            return try Self.insertRating(db, ticket: ticket, level: request.level, reasons: request.reasons, note: note, source: source,
                                         now: now, settings: settings, by: actor)
        }
    }

    /// The local rule `rating_timeout_counts_as = satisfied`: a visit the rating terminal asked about and that was left
    /// unrated — its time ran out, or a newer finish at the window replaced it — is recorded as 4 满意 with the source
    /// `timeoutDefault`, by the rating terminal of that window (or a supervisor). With the rule `none` (the default)
    /// nothing is written and nil returned. Refused while the terminal still shows the visit (`RatingError.notTimedOut`).
    @discardableResult
    public func recordRatingTimeout(window: Int, ticket ticketID: Int64, by actor: Actor) throws -> Rating? {
        let now = clock.now
        return try perform { db in
            try PermissionPolicy.check(db, .recordRating, by: actor)
            let settings = try HallSettings.load(db)
            guard settings.ratingTimeoutCountsAs == .satisfied else { return nil }
            guard let ticket = try db.fetchFirst(cachedSQL: "SELECT \(Ticket.columns) FROM ticket WHERE id = ?", arguments: [ticketID],
                                                 Ticket.init(row:)) else {
                throw QueueError.unknownTicket("#\(ticketID)")
            }
            if case .device = actor.identity, actor.terminal != .rating(window: window) { throw RatingError.noWindow }
            guard ticket.windowID == window else { throw RatingError.notThisWindow(code: ticket.code, window: window) }
            if let shown = try Self.latestFinished(db, window: window), shown.id == ticket.id, let finishedAt = shown.finishedAt,
               case .asking = RatingPromptRule.status(finishedAt: finishedAt, rated: false, now: now, timeoutSeconds: settings.ratingTimeoutSeconds) {
                throw RatingError.notTimedOut(ticket.code)
            }
            return try Self.insertRating(db, ticket: ticket, level: .satisfied, reasons: [], note: nil, source: .timeoutDefault,
                                         now: now, settings: settings, by: actor)
        }
    }

    /// Reasons go with 1–2 only, and 1–2 need at least one (pure; the table's CHECKs say the same).
    static func checkReasons(_ level: RatingLevel, _ reasons: Set<RatingReason>) throws {
        if level.isBad, reasons.isEmpty { throw RatingError.reasonNeeded }
        if !level.isBad, !reasons.isEmpty { throw RatingError.reasonsOnlyForBad }
    }

    /// The rating terminal rates the visit it shows: a ticket finished at its own window, the window's latest, not
    /// timed out.
    private static func requireShownOnTerminal(_ db: Database, _ ticket: Ticket, terminal: Terminal, now: Date, settings: HallSettings) throws {
        guard case .rating(let window) = terminal else { throw RatingError.noWindow }
        guard ticket.state == .finished else { throw RatingError.notFinished(ticket.code, ticket.state) }
        guard ticket.windowID == window else { throw RatingError.notThisWindow(code: ticket.code, window: window) }
        guard let shown = try latestFinished(db, window: window), shown.id == ticket.id, let finishedAt = shown.finishedAt,
              shown.businessDate == settings.businessCalendar.businessDate(of: now) else {
            throw RatingError.notPrompted(ticket.code)
        }
        if case .timedOut = RatingPromptRule.status(finishedAt: finishedAt, rated: false, now: now, timeoutSeconds: settings.ratingTimeoutSeconds) {
            throw RatingError.notPrompted(ticket.code)
        }
    }

    /// The window's most recently finished ticket (any day): the index `ticket_finished_window`.
    static func latestFinished(_ db: Database, window: Int) throws -> Ticket? {
        try db.fetchFirst(cachedSQL: """
            SELECT \(Ticket.columns) FROM ticket INDEXED BY ticket_finished_window
            WHERE window_id = ? AND state = 'finished' ORDER BY finished_at DESC, id DESC LIMIT 1
            """, arguments: [window], Ticket.init(row:))
    }

    /// Inserts the rating (the ticket finished, not rated before), opens a bad review's rectification, appends the event.
    private static func insertRating(_ db: Database, ticket: Ticket, level: RatingLevel, reasons: Set<RatingReason>, note: String?,
                                     source: RatingSource, now: Date, settings: HallSettings, by actor: Actor) throws -> Rating {
        guard ticket.state == .finished else { throw RatingError.notFinished(ticket.code, ticket.state) }
        guard let window = ticket.windowID else { throw RatingError.notFinished(ticket.code, ticket.state) }
        if try Bool.fetchOne(db, cachedSQL: "SELECT EXISTS (SELECT 1 FROM rating WHERE ticket_id = ?)", arguments: [ticket.id]) == true {
            throw RatingError.alreadyRated(ticket.code)
        }
        // Who served: the window's clerk on the ticket's finish event (a supervisor finishing at an empty window: them).
        let finish = try Row.fetchOne(db, cachedSQL: """
            SELECT staff_id, actor FROM hall_event WHERE ticket_id = ? AND kind = 'finish' ORDER BY id DESC LIMIT 1
            """, arguments: [ticket.id])
        let staff: String? = (finish?[0] as String?) ?? (finish?[1] as String?).flatMap { $0.hasPrefix("@") ? nil : $0 }
        do {
            try db.execute(cachedSQL: """
                INSERT INTO rating(ticket_id, business_date, window_id, staff_id, level, reason_efficiency, reason_level, reason_attitude,
                                   note, source, at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [ticket.id, ticket.businessDate, window, staff, level.rawValue, reasons.contains(.serviceEfficiency),
                                 reasons.contains(.serviceLevel), reasons.contains(.serviceAttitude), note, source.rawValue,
                                 now.millisecondsSince1970, actor.key])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw RatingError.alreadyRated(ticket.code)
        }
        let id = db.lastInsertedRowID
        let today = try CivilDate(parsing: settings.businessCalendar.businessDate(of: now))
        var detail: [String: AuditValue] = [
            "ticket": .string(ticket.code), "ticket_id": .int(ticket.id), "ticket_date": .string(ticket.businessDate),
            "level": .int(level.rawValue), "reasons": .string(reasons.sorted().map(\.rawValue).joined(separator: ",")),
            "note": .optional(note), "source": .string(source.rawValue), "staff": .optional(staff),
        ]
        var rectification: String?
        if level.isBad {
            let opened = try openRectification(db, ratingID: id, staff: staff, on: today, settings: settings)
            rectification = opened.number
            detail["rectification"] = .string(opened.number)
            detail["unit"] = .optional(opened.unit)
            detail["due"] = .optional(opened.due?.description)
        }
        try AuditLog.append(db, .ratingRecorded, by: actor, at: now, businessDate: today.description, window: window, staff: staff,
                            detail: detail)
        return Rating(id: id, ticketID: ticket.id, ticketCode: ticket.code, businessDate: try CivilDate(parsing: ticket.businessDate),
                      window: window, staffID: staff, level: level, reasons: reasons.sorted(), note: note, source: source, at: now,
                      recordedBy: actor.key, excluded: false, cases: try caseNumbers(db, ticket: ticket.id), rectification: rectification)
    }

    /// The numbers of the cases taken in on a ticket (the items a rating concerns), in the order they were opened.
    static func caseNumbers(_ db: Database, ticket: Int64) throws -> [String] {
        try String.fetchAll(db, cachedSQL: "SELECT number FROM hall_case WHERE ticket_id = ? ORDER BY id", arguments: [ticket])
    }

    // MARK: Reads

    /// What the rating terminal at `window` shows now (`RatingPromptRule`): the window's latest finished ticket of today,
    /// unrated, until `rating_timeout_seconds` after its finish; nil otherwise. A read for the device: no names, only the
    /// code, the line, the items handled (the catalog names of the cases taken in on it) and the times.
    public func ratingPrompt(window: Int) throws -> RatingPrompt? {
        let now = clock.now
        return try read { db in
            let settings = try HallSettings.load(db)
            guard let ticket = try Self.latestFinished(db, window: window), let finishedAt = ticket.finishedAt,
                  ticket.businessDate == settings.businessCalendar.businessDate(of: now) else { return nil }
            let rated = try Bool.fetchOne(db, cachedSQL: "SELECT EXISTS (SELECT 1 FROM rating WHERE ticket_id = ?)", arguments: [ticket.id]) ?? false
            guard case .asking(let until) = RatingPromptRule.status(finishedAt: finishedAt, rated: rated, now: now,
                                                                   timeoutSeconds: settings.ratingTimeoutSeconds) else { return nil }
            let line = try String.fetchOne(db, cachedSQL: "SELECT name FROM service_line WHERE id = ?", arguments: [ticket.lineID]) ?? ""
            let items = try String.fetchAll(db, cachedSQL: "SELECT item_name FROM hall_case WHERE ticket_id = ? ORDER BY id",
                                            arguments: [ticket.id])
            return RatingPrompt(ticketID: ticket.id, ticketCode: ticket.code, lineName: line, items: items, finishedAt: finishedAt, until: until)
        }
    }

    /// Ratings of a business day (every day when nil), only bad reviews with `bad`, of one window or staff member;
    /// oldest first. A supervisor's or an administrator's read (`viewRatings`): a clerk never sees ratings.
    public func ratings(date: CivilDate? = nil, bad: Bool = false, window: Int? = nil, staff: String? = nil, by actor: Actor) throws -> [Rating] {
        try read { db in
            try PermissionPolicy.check(db, .viewRatings, by: actor)
            return try Self.fetchRatings(db, condition: """
                (?1 IS NULL OR r.business_date = ?1) AND (NOT ?2 OR r.level <= 2) AND (?3 IS NULL OR r.window_id = ?3)
                AND (?4 IS NULL OR r.staff_id = ?4)
                """, arguments: [date?.description, bad, window, staff?.uppercased()])
        }
    }

    /// The rating of one visit (the ticket's code on its business day, today when nil), or nil if it has none.
    public func rating(ticketCode: String, date: CivilDate? = nil, by actor: Actor) throws -> Rating? {
        let now = clock.now
        return try read { db in
            try PermissionPolicy.check(db, .viewRatings, by: actor)
            let day = try date?.description ?? Self.today(db, now)
            return try Self.fetchRatings(db, condition: "t.business_date = ? AND t.code = ?", arguments: [day, ticketCode.uppercased()]).first
        }
    }

    /// A rating's columns (`rating(_:)`), its cases by `hall_case_ticket`: named, because with ANALYZE's statistics of a
    /// hall whose cases mostly have no ticket the planner judged the index useless and scanned every case per rating.
    static let ratingColumns = """
        r.id, r.ticket_id, t.code, r.business_date, r.window_id, r.staff_id, r.level, r.reason_efficiency, r.reason_level,
        r.reason_attitude, r.note, r.source, r.at, r.recorded_by, r.excluded, x.number,
        (SELECT group_concat(number, ',') FROM (SELECT c.number FROM hall_case c INDEXED BY hall_case_ticket WHERE c.ticket_id = r.ticket_id
                                                ORDER BY c.id))
        """

    static func fetchRatings(_ db: Database, condition: String, arguments: StatementArguments) throws -> [Rating] {
        try db.fetchEach(cachedSQL: """
            SELECT \(ratingColumns) FROM rating r JOIN ticket t ON t.id = r.ticket_id LEFT JOIN rectification x ON x.rating_id = r.id
            WHERE \(condition) ORDER BY r.at, r.id
            """, arguments: arguments, rating(_:))
    }

    static func rating(_ row: Row) throws -> Rating {
        let level: Int = row[6]
        guard let parsedLevel = RatingLevel(rawValue: level) else {
            throw CatalogStorageError(table: "rating", column: "level", value: String(level))
        }
        let flags: [(Bool, RatingReason)] = [(row[7], .serviceEfficiency), (row[8], .serviceLevel), (row[9], .serviceAttitude)]
        return Rating(id: row[0], ticketID: row[1], ticketCode: row[2], businessDate: try CivilDate(parsing: row[3]), window: row[4],
                      staffID: row[5], level: parsedLevel, reasons: flags.filter(\.0).map(\.1), note: row[10],
                      source: try decode(RatingSource.self, row[11], "rating", "source"), at: Date(millisecondsSince1970: row[12]),
                      recordedBy: row[13], excluded: row[14], cases: (row[16] as String?).map { $0.split(separator: ",").map(String.init) } ?? [],
                      rectification: row[15])
    }
}
