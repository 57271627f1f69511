import Foundation
import HallModel
import Queue

/// One case laid out as lines of a given width for the case screen's detail view: the state, item and applicant
/// (masked), the deadlines with the working days left and the light ("unknown" when a year's schedule is not
/// loaded), each material and its state, the timeline of the case's events (actor, time, reason or opinion) and the
/// documents issued.
public struct CaseDetailSheet: Sendable {
    public typealias Line = CatalogItemSheet.Line
    public typealias Segment = CatalogItemSheet.Segment

    public let lines: [Line]

    public init(detail: CaseDetail, desk: CasesDesk, language: Language, width: Int) {
        let t = { (b: Bilingual) in b.text(language) }
        let r = detail.record
        var lines: [Line] = []
        let unknown = t(UIText.casesDeadlineUnknown)
        func date(_ d: CivilDate?) -> String { d?.description ?? unknown }

        var deadlines: [(Bilingual, String, StyleRole)] = [
            (UIText.casesDetailStatutory, date(r.statutoryDue) + " " + t(UIText.casesLimit(r.statutoryLimit, extension: r.extensionDays)), .normal),
            (UIText.casesDetailPromised, date(r.promisedDue) + " " + t(UIText.casesLimit(r.promisedLimit, extension: r.extensionDays)), .normal),
        ]
        if r.tolerated || r.supplementDue != nil {
            deadlines.append((UIText.casesDetailSupplement, r.supplementDue?.description ?? t(UIText.casesDetailNone), .normal))
        }
        if detail.facts.decidedOn != nil {
            let due = (try? detail.facts.resultDeadline(calendar: desk.calendar))??.description ?? unknown
            deadlines.append((UIText.casesDetailResult, due, .normal))
        }
        if case .overdue(_, let late)? = detail.handoverStatus {
            // A handover not acknowledged in time reads overdue here too, as on the list (not "办结").
            deadlines.append((UIText.casesDetailLeft, "\(-late)  " + t(UIText.casesHandoverLate), .danger))
        } else {
            let lightText = detail.workingDaysLeft.map { "\($0)  " } ?? ""
            deadlines.append((UIText.casesDetailLeft, lightText + t(UIText.casesLightMark(detail.light, state: r.state))
                              + Self.lightDetail(detail.light, language), CasesScreen.role(of: detail.light)))
        }
        if let status = detail.handoverStatus, let h = detail.handover {
            // 审管联动: the handover and its acknowledgement — overdue in red, as `desk handover overdue` lists it.
            deadlines.append((UIText.casesDetailHandover, t(UIText.casesHandoverStatus(status, on: h.handedOverOn, liaison: h.liaisonID)),
                              status.isOverdue ? .danger : .normal))
        }
        if let grant = detail.extensionGrant {
            // The extension (art. 42): by how much, the statutory deadline it gives, who approved it and when, and the
            // reason told to the applicant — as `case show` reads it (`CaseDetail.extensionGrant`).
            deadlines.append((UIText.casesDetailExtension,
                              t(UIText.casesExtension(days: grant.days, statutoryDue: date(r.statutoryDue), by: grant.approvedBy,
                                                      on: grant.approvedOn?.description, reason: grant.reason)), .warning))
        }
        if let flagged = r.supplementOverdueFlaggedOn {
            deadlines.append((UIText.casesDetailFlagged, t(UIText.casesSupplementsOverdueFlagged(on: flagged)), .danger))
        }
        if let suspension = detail.facts.suspension {
            deadlines.append((UIText.casesDetailSuspended, t(UIText.casesSuspendedSince(suspension.since, suspension.reason)), .muted))
        }

        // Who spoke for the applicant (委托代理人 or 代办员): kind, name, number masked, the authorisation — `case show`'s line.
        let rep = detail.representative
        let representative: [(Bilingual, String, StyleRole)] = rep.kind == .none ? [] : [
            (UIText.casesDetailRepresentative, ([t(rep.kind.label), rep.name, rep.maskedNumber].compactMap { $0 }.joined(separator: " "))
                + (rep.authorisation.map { "  " + $0 } ?? ""), .normal),
        ]
        let fields: [(Bilingual, String, StyleRole)] = [
            (UIText.casesDetailState, t(r.state.label), .highlight),
            (UIText.casesDetailItem, r.itemName, .normal),
            (UIText.casesDetailDepartment, desk.departmentName(r.departmentCode), .normal),
            (UIText.casesDetailApplicant, detail.applicant.maskedName + "  " + detail.applicant.maskedNumber, .normal),
        ] + representative + [
            (UIText.casesDetailAccepted, r.acceptedOn.description, .normal),
            (UIText.casesDetailReviewer, detail.facts.reviewerID ?? t(UIText.casesDetailNobody), .normal),
            (UIText.casesDetailApprover, detail.facts.approverID ?? t(UIText.casesDetailNobody), .normal),
        ] + deadlines
        let labelWidth = fields.map { DisplayWidth.of(t($0.0)) }.max().map { $0 + 2 } ?? 12
        let valueWidth = max(10, width - labelWidth)
        for (label, value, role) in fields {
            for (n, part) in TextFitting.wrap(value, to: valueWidth).enumerated() {
                let head = n == 0 ? TextFitting.pad(t(label), to: labelWidth) : String(repeating: " ", count: labelWidth)
                lines.append(Line([Segment(text: head, role: .muted), Segment(text: part, role: role)]))
            }
        }

        lines.append(Line(""))
        lines.append(Line(t(UIText.casesDetailMaterials), .header))
        let kindWidth = max(DisplayWidth.of(t(UIText.casesMaterialCore)), DisplayWidth.of(t(UIText.casesMaterialTolerable))) + 2
        // A material on one line (number, kind, name, state in its 13 columns) when its name and state fit there;
        // else its name on one line and under it where it stands (state, day, person, note), wrapped — never a
        // segment cut at the screen's edge.
        let indent = 4 + kindWidth
        let textWidth = max(10, width - indent)
        let nameWidth = max(10, textWidth - 14)
        for m in detail.materials {
            let kind = m.kind == .core ? UIText.casesMaterialCore : UIText.casesMaterialTolerable
            let head = Segment(text: TextFitting.pad("\(m.position).", to: 4) + TextFitting.pad(t(kind), to: kindWidth),
                               role: m.kind == .core ? .ok : .warning)
            let state = t(m.stateText) + (m.note.map { (language == .zh ? "；" : "; ") + $0 } ?? "")
            let stateRole: StyleRole = m.status.isIn ? .ok : .danger
            if DisplayWidth.of(m.name) <= nameWidth, DisplayWidth.of(state) <= textWidth - nameWidth - 1 {
                lines.append(Line([head, Segment(text: TextFitting.pad(m.name, to: nameWidth) + " ", role: .normal),
                                   Segment(text: state, role: stateRole)]))
                continue
            }
            lines.append(Line([head, Segment(text: TextFitting.truncate(m.name, to: textWidth, marker: TextFitting.ellipsis), role: .normal)]))
            for part in TextFitting.wrap(state, to: textWidth) {
                lines.append(Line([Segment(text: String(repeating: " ", count: indent), role: .normal), Segment(text: part, role: stateRole)]))
            }
        }

        lines.append(Line(""))
        lines.append(Line(t(UIText.casesDetailTimeline), .header))
        for event in detail.events {
            let when = ClockText.dateTime(Date(millisecondsSince1970: event.at), timeZone: desk.timeZone)
            let facts = EventFacts.of(event.detail)
            var what = t(Self.label(of: event.kind))
            let colon = language == .zh ? "：" : ": "
            if let on = facts.on, on != String(when.prefix(10)) { what += language == .zh ? "（\(on)）" : " (\(on))" }
            if let s = facts.suspension.flatMap(SuspensionReason.init(rawValue:)) { what += colon + t(s.label) }
            if let p = facts.material { what += colon + t(UIText.casesEventMaterial(p)) }
            if let d = facts.extensionDays { what += colon + t(UIText.casesEventDays(d)) }
            if let k = facts.documentKind.flatMap(CaseDocumentKind.init(rawValue:)) { what += colon + t(k.label) }
            lines.append(Line([Segment(text: when + "  ", role: .muted), Segment(text: TextFitting.pad(event.actor, to: 5) + " ", role: .keyHint),
                               Segment(text: what, role: .normal)]))
            if let reason = facts.reason {
                let text = t(event.kind == EventKind.caseReviewed.rawValue ? UIText.casesEventOpinion(reason) : UIText.casesEventReason(reason))
                for part in TextFitting.wrap(text, to: max(10, width - 6)) { lines.append(Line("      " + part)) }
            }
        }

        lines.append(Line(""))
        lines.append(Line(t(UIText.casesDetailDocuments), .header))
        if detail.documents.isEmpty { lines.append(Line(t(UIText.casesDetailNone), .muted)) }
        for d in detail.documents {
            lines.append(Line([Segment(text: ClockText.dateTime(d.issuedAt, timeZone: desk.timeZone) + "  ", role: .muted),
                               Segment(text: t(d.label), role: .normal)]))
        }
        self.lines = lines
    }

    private static func lightDetail(_ reading: CaseLightReading, _ language: Language) -> String {
        if case .unknown(let error) = reading { return language == .zh ? "（\(error.message.zh)）" : " (\(error.message.en))" }
        return ""
    }

    /// What an event of this kind is called on the timeline.
    static func label(of kind: String) -> Bilingual {
        switch EventKind(rawValue: kind) {
        case .caseOpened: return UIText.casesEventOpened
        case .intakeDecided: return UIText.casesEventIntake
        case .documentIssued: return UIText.casesEventDocument
        case let known?:
            if let action = CaseActionKind.allCases.first(where: { EventKind($0) == known }) { return action.label }
            return Bilingual(en: kind, zh: kind)
        case nil: return Bilingual(en: kind, zh: kind)
        }
    }
}

/// The few fields of a case event's `detail` the timeline shows, decoded as `TicketHistory` decodes a ticket event's.
struct EventFacts: Decodable {
    var on: String?
    var reason: String?
    var suspension: String?
    var material: Int?
    var extensionDays: Int?
    var documentKind: String?

    private enum CodingKeys: String, CodingKey {
        case on, reason, suspension, material, extensionDays = "extension_days", documentKind = "kind"
    }

    /// The event's detail; an absent or unreadable one reads as nothing said.
    static func of(_ json: String?) -> EventFacts {
        json.flatMap { try? JSONDecoder().decode(EventFacts.self, from: Data($0.utf8)) } ?? EventFacts()
    }

    private init() {}
}
