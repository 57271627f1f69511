import DeskTUI
import Foundation
import HallModel
import Queue

/// A case as every case command prints it.
struct CaseJSON: Encodable {
    struct Deadlines: Encodable {
        /// YYYY-MM-DD, or null when unknown (a year without a holiday schedule): never guessed. `supplement`:
        /// null unless the case was accepted with deficiency.
        var statutory: String?, promised: String?, supplement: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(statutory, forKey: .statutory)
            try c.encode(promised, forKey: .promised)
            try c.encode(supplement, forKey: .supplement)
        }
        private enum CodingKeys: String, CodingKey { case statutory, promised, supplement }
    }
    struct Limit: Encodable { var count: Int, unit: String }
    var number: String
    var state: String
    var itemCode: String, itemName: String, departmentCode: String
    var finalApprover: String
    var acceptedOn: String
    var tolerated: Bool
    var statutoryLimit: Limit, promisedLimit: Limit
    var deadlines: Deadlines

    init(_ r: CaseRecord) {
        number = r.number; state = r.state.rawValue; itemCode = r.itemCode; itemName = r.itemName; departmentCode = r.departmentCode
        finalApprover = r.finalApprover.rawValue; acceptedOn = r.acceptedOn.description; tolerated = r.tolerated
        statutoryLimit = Limit(count: r.statutoryLimit.count, unit: r.statutoryLimit.unit.rawValue)
        promisedLimit = Limit(count: r.promisedLimit.count, unit: r.promisedLimit.unit.rawValue)
        deadlines = Deadlines(statutory: r.statutoryDue?.description, promised: r.promisedDue?.description,
                              supplement: r.supplementDue?.description)
    }
}

/// An applicant, masked (docs/SECURITY.md): the number keeps its first and last 4 characters.
struct ApplicantJSON: Encodable {
    var kind: String, number: String, name: String
    var flagged: Bool, flaggedOn: String?, flagReason: String?
    init(_ a: Applicant) {
        kind = a.kind.rawValue; number = a.maskedNumber; name = a.name
        flagged = a.isFlagged; flaggedOn = a.flag?.on.description; flagReason = a.flag?.reason
    }
}

struct DocumentJSON: Encodable {
    var id: Int64, kind: String, digest: String, issuedAt: String?
    init(_ d: StoredDocument, calendar: BusinessCalendar) {
        id = d.id; kind = d.kind.rawValue; digest = d.digest; issuedAt = Output.timestamp(d.issuedAt, calendar)
    }
}

/// `case intake --json`.
struct IntakeJSON: Encodable {
    struct Material: Encodable { var position: Int, name: String, kind: String, status: String, note: String?, howToSupply: String? }
    /// What is outstanding (one-time notice and 容缺): every missing or defective material.
    struct Notice: Encodable { var materials: [Material]; var legalBasis: String }
    var decision: String
    var intake: Int64
    var reference: String
    var applicant: ApplicantJSON
    var `case`: CaseJSON?
    var notice: Notice?
    var documents: [DocumentJSON]
    /// Pending: the last day to decide; null when it cannot be counted (`decideByUnknown` says why).
    var decideBy: String?
    /// Pending and `decideBy` null: why (the year's holiday schedule is not loaded) and that the sweep converts
    /// the intake as soon as it can count. null otherwise.
    var decideByUnknown: String?
    /// Why a deadline is unknown.
    var deadlineProblem: String?
    /// Earlier pending intakes converted to acceptances by this write (art. 32): their case numbers.
    var converted: [String]

    /// `case` and `notice` are always there: an object or null.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(decision, forKey: .decision)
        try c.encode(intake, forKey: .intake)
        try c.encode(reference, forKey: .reference)
        try c.encode(applicant, forKey: .applicant)
        try c.encode(self.case, forKey: .case)
        try c.encode(notice, forKey: .notice)
        try c.encode(documents, forKey: .documents)
        try c.encode(decideBy, forKey: .decideBy)
        try c.encode(decideByUnknown, forKey: .decideByUnknown)
        try c.encode(deadlineProblem, forKey: .deadlineProblem)
        try c.encode(converted, forKey: .converted)
    }
    private enum CodingKeys: String, CodingKey {
        case decision, intake, reference, applicant, `case`, notice, documents, decideBy, decideByUnknown, deadlineProblem, converted
    }

    /// The message fields (`decide_by_unknown`, `deadline_problem`) are in `language`, as the text and the
    /// error report's message are (`--lang`); the keys and codes stay stable.
    init(_ o: IntakeOutcome, calendar: BusinessCalendar, language: Language) {
        decision = o.decision.rawValue; intake = o.intakeID; reference = o.reference; applicant = ApplicantJSON(o.applicant)
        self.case = o.caseRecord.map(CaseJSON.init)
        let outstanding = o.item.materials.enumerated().filter { !o.checklist.entries[$0.offset].status.isIn }.map { index, m in
            let entry = o.checklist.entries[index]
            // As the documents say it: a 容缺 note only where 容缺 is granted (docs/cases.md, "The 容缺 note only where …").
            let told = m.notes.isEmpty || (o.decision != .tolerate && DocumentFacts.Material.speaksOfTolerance(m.notes)) ? nil : m.notes
            return Material(position: index + 1, name: m.name, kind: m.kind.rawValue, status: entry.status.rawValue, note: entry.note,
                            howToSupply: told)
        }
        notice = (o.decision == .notice || o.decision == .tolerate) ? Notice(materials: outstanding, legalBasis: o.item.legalBasis) : nil
        documents = o.documents.map { DocumentJSON($0, calendar: calendar) }
        decideBy = o.decideBy?.description
        decideByUnknown = o.decideByProblem.map { IntakeText.decideByUnknown($0).text(language) }
        deadlineProblem = o.deadlineProblem?.message.text(language)
        converted = o.converted.map(\.number)
    }
}

/// `case show --json`.
struct CaseShowJSON: Encodable {
    struct Material: Encodable { var position: Int, name: String, kind: String, status: String, note: String?, suppliedOn: String?, suppliedBy: String? }
    /// `detail`: the event's detail as the object it was written (null when it has none).
    struct Event: Encodable { var seq: Int64, at: String?, kind: String, actor: String, detail: AuditValue? }
    /// Who spoke for the applicant: the kind (authorisedAgent, proxyAgent), the name, the number masked like the
    /// applicant's (a proxy agent's staff number whole) and the authorisation as recorded.
    struct RepresentativeJSON: Encodable {
        var kind: String, name: String?, number: String?, authorisation: String?
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind); try c.encode(name, forKey: .name)
            try c.encode(number, forKey: .number); try c.encode(authorisation, forKey: .authorisation)
        }
        private enum CodingKeys: String, CodingKey { case kind, name, number, authorisation }
    }
    /// The handover ledger's line (审管联动).
    struct HandoverJSON: Encodable {
        var supervisor: String, liaison: String, scope: String, handedOverOn: String, handedOverBy: String
        var acknowledgedOn: String?, acknowledgedBy: String?
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(supervisor, forKey: .supervisor); try c.encode(liaison, forKey: .liaison); try c.encode(scope, forKey: .scope)
            try c.encode(handedOverOn, forKey: .handedOverOn); try c.encode(handedOverBy, forKey: .handedOverBy)
            try c.encode(acknowledgedOn, forKey: .acknowledgedOn); try c.encode(acknowledgedBy, forKey: .acknowledgedBy)
        }
        private enum CodingKeys: String, CodingKey { case supervisor, liaison, scope, handedOverOn, handedOverBy, acknowledgedOn, acknowledgedBy }
    }
    var number: String
    var state: String
    var item: [String: String]
    var applicant: ApplicantJSON
    var ticket: String?
    var acceptedOn: String
    var tolerated: Bool
    var reviewer: String?
    var approver: String?
    var materials: [Material]
    var deadlines: CaseJSON.Deadlines
    /// null when the promised deadline cannot be counted.
    var workingDaysLeft: Int?
    var light: String
    var documents: [DocumentJSON]
    var events: [Event]
    /// The result's delivery deadline (10 working days after the decision); null while undecided or not countable.
    var resultDue: String?
    var reviewOpinion: String?
    var decisionReason: String?
    /// null when the applicant came in person.
    var representative: RepresentativeJSON?
    /// null until handed over.
    var handover: HandoverJSON?
    /// The extension (art. 42); null when the case was not extended. Dates YYYY-MM-DD, null when not countable.
    struct ExtensionJSON: Encodable {
        var days: Int, approvedBy: String?, approvedOn: String?, reason: String?, statutoryBefore: String?, statutoryAfter: String?
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(days, forKey: .days); try c.encode(approvedBy, forKey: .approvedBy); try c.encode(approvedOn, forKey: .approvedOn)
            try c.encode(reason, forKey: .reason); try c.encode(statutoryBefore, forKey: .statutoryBefore)
            try c.encode(statutoryAfter, forKey: .statutoryAfter)
        }
        private enum CodingKeys: String, CodingKey { case days, approvedBy, approvedOn, reason, statutoryBefore, statutoryAfter }
    }
    var `extension`: ExtensionJSON?
    /// The day the sweep flagged the approved case's 容缺 materials overdue for a supervisor; null when not flagged
    /// (or every material came in since).
    var supplementOverdueFlaggedOn: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(state, forKey: .state)
        try c.encode(item, forKey: .item)
        try c.encode(applicant, forKey: .applicant)
        try c.encode(ticket, forKey: .ticket)
        try c.encode(acceptedOn, forKey: .acceptedOn)
        try c.encode(tolerated, forKey: .tolerated)
        try c.encode(reviewer, forKey: .reviewer)
        try c.encode(approver, forKey: .approver)
        try c.encode(materials, forKey: .materials)
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(workingDaysLeft, forKey: .workingDaysLeft)
        try c.encode(light, forKey: .light)
        try c.encode(documents, forKey: .documents)
        try c.encode(events, forKey: .events)
        try c.encode(resultDue, forKey: .resultDue)
        try c.encode(reviewOpinion, forKey: .reviewOpinion)
        try c.encode(decisionReason, forKey: .decisionReason)
        try c.encode(representative, forKey: .representative)
        try c.encode(handover, forKey: .handover)
        try c.encode(self.extension, forKey: .extension)
        try c.encode(supplementOverdueFlaggedOn, forKey: .supplementOverdueFlaggedOn)
    }
    private enum CodingKeys: String, CodingKey {
        case number, state, item, applicant, ticket, acceptedOn, tolerated, reviewer, approver, materials, deadlines, workingDaysLeft, light
        case documents, events, resultDue, reviewOpinion, decisionReason, representative, handover, `extension`
        case supplementOverdueFlaggedOn
    }

    init(_ d: CaseDetail, calendar: BusinessCalendar) {
        let r = d.record
        number = r.number; state = r.state.rawValue
        item = ["code": r.itemCode, "name": r.itemName, "department_code": r.departmentCode, "final_approver": r.finalApprover.rawValue]
        applicant = ApplicantJSON(d.applicant); ticket = d.ticketCode
        acceptedOn = r.acceptedOn.description; tolerated = r.tolerated
        reviewer = d.facts.reviewerID; approver = d.facts.approverID
        materials = d.materials.map {
            Material(position: $0.position, name: $0.name, kind: $0.kind.rawValue, status: $0.status.rawValue, note: $0.note,
                     suppliedOn: $0.suppliedOn?.description, suppliedBy: $0.suppliedBy)
        }
        deadlines = CaseJSON(r).deadlines
        workingDaysLeft = d.workingDaysLeft; light = d.light.key
        documents = d.documents.map { DocumentJSON($0, calendar: calendar) }
        events = d.events.map {
            Event(seq: $0.seq, at: Output.timestamp(Date(millisecondsSince1970: $0.at), calendar), kind: $0.kind, actor: $0.actor,
                  detail: $0.detail.flatMap { try? JSONDecoder().decode(AuditValue.self, from: Data($0.utf8)) })
        }
        resultDue = d.resultDue?.description; reviewOpinion = d.reviewOpinion; decisionReason = d.decisionReason
        let rep = d.representative
        representative = rep.kind == .none ? nil
            : RepresentativeJSON(kind: rep.kind.rawValue, name: rep.name, number: rep.maskedNumber, authorisation: rep.authorisation)
        handover = d.handover.map {
            HandoverJSON(supervisor: $0.supervisor, liaison: $0.liaisonID, scope: $0.scope.rawValue, handedOverOn: $0.handedOverOn.description,
                         handedOverBy: $0.handedOverBy, acknowledgedOn: $0.acknowledgedOn?.description, acknowledgedBy: $0.acknowledgedBy)
        }
        self.extension = d.extensionGrant.map {
            ExtensionJSON(days: $0.days, approvedBy: $0.approvedBy, approvedOn: $0.approvedOn?.description, reason: $0.reason,
                          statutoryBefore: $0.statutoryBefore?.description, statutoryAfter: $0.statutoryAfter?.description)
        }
        supplementOverdueFlaggedOn = r.supplementOverdueFlaggedOn?.description
    }
}

/// The plain-text forms, in the user's language.
enum IntakeText {
    static func lines(_ o: IntakeOutcome, language: Language) -> [String] {
        var out = [Bilingual(en: "\(o.decision.label.en): \(o.reference)", zh: "\(o.decision.label.zh)：\(o.reference)").text(language)]
        out.append(Bilingual(en: "Applicant  \(o.applicant.name) \(o.applicant.maskedNumber)",
                             zh: "申请人  \(o.applicant.name) \(o.applicant.maskedNumber)").text(language))
        out.append(Bilingual(en: "Item       \(o.item.name) (\(o.item.implementationCode))",
                             zh: "事项  \(o.item.name)（\(o.item.implementationCode)）").text(language))
        if let r = o.caseRecord { out += CaseText.deadlineLines(r, language: language) }
        for (index, m) in o.item.materials.enumerated() where !o.checklist.entries[index].status.isIn {
            let entry = o.checklist.entries[index]
            out.append("  \(index + 1). \(m.name)  \(entry.status.label.text(language))" + (entry.note.map { "  \($0)" } ?? ""))
        }
        if let by = o.decideBy {
            out.append(Bilingual(en: "Decide by  \(by)", zh: "决定期限  \(by)").text(language))
        } else if let problem = o.decideByProblem {
            out.append(Bilingual(en: "Decide by  ", zh: "决定期限  ").text(language) + decideByUnknown(problem).text(language))
        }
        if let problem = o.deadlineProblem { out.append(problem.message.text(language)) }
        out += o.documents.map { CaseText.issuedLine($0, language: language) }
        for c in o.converted {
            out.append(Bilingual(en: "Converted to an acceptance (art. 32): \(c.number)", zh: "逾期未决，依法视为受理：\(c.number)").text(language))
        }
        return out
    }

    /// A pending intake's limit that cannot be counted: why, and what happens then.
    static func decideByUnknown(_ problem: WorkingCalendarError) -> Bilingual {
        Bilingual(en: "unknown: the \(problem.message.en); the sweep converts it (art. 32) as soon as the 5 working days can be counted",
                  zh: "未知：\(problem.message.zh)；可计算 5 个工作日后，巡检即依法转为受理")
    }
}

enum CaseText {
    /// The light's key in JSON: a `CaseLight` key, or `closed` (no deadline runs) or `unknown` (not countable).
    static func deadlineLines(_ r: CaseRecord, language: Language) -> [String] {
        let unknown = Bilingual(en: "unknown (holiday schedule not loaded)", zh: "未知（节假日安排未导入）").text(language)
        // An extended case says so beside the limit: the deadline printed is the extended one.
        let extended = r.extensionDays > 0 ? TimeLimit(r.extensionDays, r.statutoryLimit.unit).label : nil
        var out = [
            Bilingual(en: "Statutory  \(r.statutoryLimit.label.en)" + (extended.map { " + \($0.en) extended" } ?? "") + ", by ",
                      zh: "法定时限  \(r.statutoryLimit.label.zh)" + (extended.map { "，延长 \($0.zh)" } ?? "") + "，截止 ").text(language)
                + (r.statutoryDue?.description ?? unknown),
            Bilingual(en: "Promised   \(r.promisedLimit.label.en), by ", zh: "承诺时限  \(r.promisedLimit.label.zh)，截止 ").text(language)
                + (r.promisedDue?.description ?? unknown),
        ]
        if r.tolerated {
            out.append(Bilingual(en: "Supplements by ", zh: "补齐材料截止 ").text(language) + (r.supplementDue?.description ?? unknown))
        }
        return out
    }

    /// One document issued: its name and the start of its SM3 digest.
    static func issuedLine(_ d: StoredDocument, language: Language) -> String {
        Bilingual(en: "Issued     \(d.label.en)  SM3 \(d.digest.prefix(16))…", zh: "已出具  \(d.label.zh)  SM3 \(d.digest.prefix(16))…").text(language)
    }

    /// An approved case whose 容缺 materials are overdue, flagged by the sweep (`case show`, `cases sweep`).
    static func supplementsOverdueFlagged(on day: CivilDate) -> Bilingual {
        Bilingual(en: "Flagged    \(day) for a supervisor: supplements overdue, result held back",
                  zh: "督办提示  \(day) 容缺材料逾期未补齐，已提请督办；许可决定不变，补齐后送达")
    }

    /// The columns `case show` wraps its written texts at.
    static let textWidth = 80

    static func lines(_ d: CaseDetail, language: Language) -> [String] {
        let r = d.record
        var out = ["\(r.number)  \(r.state.label.text(language))"]
        out.append(Bilingual(en: "Item       \(r.itemName) (\(r.itemCode))", zh: "事项  \(r.itemName)（\(r.itemCode)）").text(language))
        out.append(Bilingual(en: "Applicant  \(d.applicant.name) \(d.applicant.maskedNumber)",
                             zh: "申请人  \(d.applicant.name) \(d.applicant.maskedNumber)").text(language))
        let rep = d.representative
        if rep.kind != .none {
            out.append(Bilingual(en: "Agent      ", zh: "代理人  ").text(language) + "\(rep.kind.label.text(language)) \(rep.name ?? "")"
                       + (rep.maskedNumber.map { " \($0)" } ?? "") + (rep.authorisation.map { "  \($0)" } ?? ""))
        }
        out.append(Bilingual(en: "Accepted   \(r.acceptedOn)", zh: "受理日期  \(r.acceptedOn)").text(language)
                   + (r.tolerated ? Bilingual(en: " (with deficiency)", zh: "（容缺受理）").text(language) : ""))
        out += deadlineLines(r, language: language)
        if let flagged = r.supplementOverdueFlaggedOn {
            out.append(CaseText.supplementsOverdueFlagged(on: flagged).text(language))
        }
        if let x = d.extensionGrant {
            let dash = "-"
            out.append(Bilingual(en: "Extended   +\(TimeLimit(x.days, r.statutoryLimit.unit).label.en), approved by \(x.approvedBy ?? dash) on \(x.approvedOn?.description ?? dash); statutory deadline \(x.statutoryBefore?.description ?? dash) -> \(x.statutoryAfter?.description ?? dash)",
                                 zh: "延期  延长 \(TimeLimit(x.days, r.statutoryLimit.unit).label.zh)，\(x.approvedBy ?? dash) 于 \(x.approvedOn?.description ?? dash) 批准；法定期限截止 \(x.statutoryBefore?.description ?? dash) → \(x.statutoryAfter?.description ?? dash)").text(language))
            if let reason = x.reason {
                out += TextFitting.hanging(Bilingual(en: "  because  ", zh: "延期理由  ").text(language), reason, width: textWidth)
            }
        }
        if let decided = r.decidedOn {
            out.append(Bilingual(en: "Decided    \(decided), result due by ", zh: "决定日期  \(decided)，送达截止 ").text(language)
                       + (d.resultDue?.description ?? Bilingual(en: "unknown (holiday schedule not loaded)", zh: "未知（节假日安排未导入）").text(language)))
        }
        // A written text is wrapped at 80 columns under its label (a terminal's width; a long opinion is read whole).
        if let opinion = d.reviewOpinion {
            out += TextFitting.hanging(Bilingual(en: "Opinion    ", zh: "审查意见  ").text(language), opinion, width: textWidth)
        }
        if let reason = d.decisionReason {
            out += TextFitting.hanging(Bilingual(en: "Reasons    ", zh: "决定理由  ").text(language), reason, width: textWidth)
        }
        if let h = d.handover {
            let ack = h.acknowledgedOn.map { on in
                Bilingual(en: "acknowledged \(on) by \(h.acknowledgedBy ?? "")", zh: "\(on) 由 \(h.acknowledgedBy ?? "") 签收").text(language)
            } ?? Bilingual(en: "not acknowledged", zh: "未签收").text(language)
            out.append(Bilingual(en: "Handed over \(h.handedOverOn) to \(h.supervisor) (liaison \(h.liaisonID)), ",
                                 zh: "移交监管  \(h.handedOverOn) 移交\(h.supervisor)（联络员 \(h.liaisonID)），").text(language) + ack)
        }
        let nobody = Bilingual(en: "not yet", zh: "尚无").text(language)
        // The roles' own names (Role.label: 审查人, 审批人): one term for 一审一核's two people everywhere (docs/cases.md).
        out.append(Bilingual(en: "Reviewer   ", zh: "审查人  ").text(language) + (d.facts.reviewerID ?? nobody)
                   + Bilingual(en: "  Approver ", zh: "  审批人  ").text(language) + (d.facts.approverID ?? nobody))
        let left = d.workingDaysLeft.map(String.init) ?? "-"
        let light = d.light.label(in: r.state)
        out.append(Bilingual(en: "Working days left \(left)  light: \(light.en)", zh: "剩余工作日 \(left)  \(light.zh)").text(language))
        for m in d.materials {
            out.append("  \(m.position). \(m.name)  \(m.stateText.text(language))" + (m.note.map { "  \($0)" } ?? ""))
        }
        // The documents issued, as `case intake` lists its own (a notice the sweep issued is here to be reprinted).
        out += d.documents.map { issuedLine($0, language: language) }
        for e in d.events {
            out.append("  #\(e.seq)  \(e.kind)  \(e.actor)")
        }
        return out
    }
}
