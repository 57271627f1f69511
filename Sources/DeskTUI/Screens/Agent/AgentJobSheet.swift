import Foundation
import HallModel
import Queue

/// One proxy job laid out as lines for the agent's screen: the job (number, mode, origin, agent, applicant masked,
/// item, the next action), then its case as the case screen's detail lays it out (`CaseDetailSheet`: state,
/// deadlines and light, materials, timeline, documents) — or that no case is filed yet. Between them, the job's material
/// ledger (each handover: when, its receipt number, from whom to whom as signed, its lines; then the originals still
/// with the agent or the window) and its contact log (when, how, who, the next step's day, what was agreed).
struct AgentJobSheet {
    typealias Line = CatalogItemSheet.Line
    typealias Segment = CatalogItemSheet.Segment

    let lines: [Line]

    init(detail: AgentJobDetail, desk: CasesDesk, language: Language, width: Int) {
        let t = { (b: Bilingual) in b.text(language) }
        let e = detail.entry, job = e.job
        var origin = t(job.origin.label)
        if let site = job.originSite { origin += language == .zh ? "（\(site)）" : " (\(site))" }
        var applicant = e.applicant
        if let masked = detail.caseDetail?.applicant.maskedNumber { applicant += "  " + masked }
        var next = t(e.next.label)
        if e.next == .supplementsDue, let due = e.caseRecord?.supplementDue { next += "  " + t(UIText.agentSupplementsBy(due)) }
        var fields: [(Bilingual, String, StyleRole)] = [
            (UIText.agentDetailJob, job.number, .highlight),
            (UIText.agentDetailMode, t(job.mode.label), .normal),
            (UIText.agentDetailOrigin, origin, .normal),
            (UIText.agentDetailAgent, job.agentID ?? t(UIText.agentUnassigned), .normal),
            (UIText.agentDetailOpened, job.openedOn.description, .normal),
            (UIText.agentDetailApplicant, applicant, .normal),
            (UIText.agentDetailItem, e.itemName, .normal),
        ]
        if let authorisation = job.authorisation { fields.append((UIText.agentDetailAuthorisation, authorisation, .normal)) }
        fields.append((UIText.agentDetailNext, next, .highlight))
        fields.append((UIText.agentDetailCase, e.caseRecord?.number ?? t(UIText.agentDetailNoCase), e.caseRecord == nil ? .warning : .normal))
        let labelWidth = fields.map { DisplayWidth.of(t($0.0)) }.max().map { $0 + 2 } ?? 12
        let valueWidth = max(10, width - labelWidth)
        var lines: [Line] = []
        for (label, value, role) in fields {
            for (n, part) in TextFitting.wrap(value, to: valueWidth).enumerated() {
                let head = n == 0 ? TextFitting.pad(t(label), to: labelWidth) : String(repeating: " ", count: labelWidth)
                lines.append(Line([Segment(text: head, role: .muted), Segment(text: part, role: role)]))
            }
        }
        lines += Self.ledgerLines(detail, desk: desk, language: language, width: width)
        lines += Self.contactLines(detail, desk: desk, language: language, width: width)
        if let caseDetail = detail.caseDetail {
            lines.append(Line(""))
            lines += CaseDetailSheet(detail: caseDetail, desk: desk, language: language, width: width).lines
        }
        self.lines = lines
    }

    /// `label` then `text` wrapped under it (`TextFitting.hanging`), the label `indent` columns in.
    private static func wrapped(_ text: String, label: String = "", indent: Int, width: Int, role: StyleRole) -> [Line] {
        TextFitting.hanging(String(repeating: " ", count: indent) + label, text, width: width).map { Line([Segment(text: $0, role: role)]) }
    }

    /// "交接台账": each handover, then what is still out ("原件在代办员处：…") or that nothing is.
    static func ledgerLines(_ detail: AgentJobDetail, desk: CasesDesk, language: Language, width: Int) -> [Line] {
        let t = { (b: Bilingual) in b.text(language) }
        var lines = [Line(""), Line([Segment(text: t(UIText.agentLedgerHeading), role: .header)])]
        if detail.ledger.isEmpty { lines += wrapped(t(UIText.agentLedgerEmpty), indent: 2, width: width, role: .muted) }
        for h in detail.ledger {
            let when = ClockText.dateTime(h.at, timeZone: desk.timeZone)
            lines += wrapped("\(h.number)  " + t(UIText.agentLedgerParties(h)), label: "\(when)  ", indent: 2, width: width, role: .normal)
            for line in h.lines {
                lines += wrapped(t(line.material.text) + "  " + t(UIText.handoverFormCopies(line.form, line.copies)), indent: 6, width: width,
                                 role: .normal)
            }
        }
        let out = detail.originalsOut
        if out.isEmpty {
            if !detail.ledger.isEmpty { lines += wrapped(t(UIText.agentLedgerBalanced), indent: 2, width: width, role: .ok) }
        } else {
            for holder in [HandoverParty.agent, .window] {
                let held = out.filter { $0.holder == holder }
                guard !held.isEmpty else { continue }
                lines += wrapped(t(UIText.agentLedgerOutList(held)), label: t(UIText.agentLedgerOutLabel(holder)), indent: 2, width: width,
                                 role: .warning)
            }
        }
        return lines
    }

    /// "联系记录": each contact, what was agreed under it.
    static func contactLines(_ detail: AgentJobDetail, desk: CasesDesk, language: Language, width: Int) -> [Line] {
        let t = { (b: Bilingual) in b.text(language) }
        var lines = [Line(""), Line([Segment(text: t(UIText.agentContactsHeading), role: .header)])]
        if detail.contacts.isEmpty { lines += wrapped(t(UIText.agentContactsEmpty), indent: 2, width: width, role: .muted) }
        for e in detail.contacts {
            var head = "\(t(e.how.label))  \(e.by)"
            if let next = e.next { head += "  " + t(UIText.agentContactNextOn(next)) }
            lines += wrapped(head, label: "\(ClockText.dateTime(e.at, timeZone: desk.timeZone))  ", indent: 2, width: width, role: .normal)
            lines += wrapped(e.note, indent: 6, width: width, role: .muted)
        }
        return lines
    }
}
