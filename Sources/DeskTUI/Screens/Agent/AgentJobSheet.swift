import Foundation
import HallModel
import Queue

/// One proxy job laid out as lines for the agent's screen: the job (number, mode, origin, agent, applicant masked,
/// item, the next action), then its case as the case screen's detail lays it out (`CaseDetailSheet`: state,
/// deadlines and light, materials, timeline, documents) — or that no case is filed yet.
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
        if let caseDetail = detail.caseDetail {
            lines.append(Line(""))
            lines += CaseDetailSheet(detail: caseDetail, desk: desk, language: language, width: width).lines
        }
        self.lines = lines
    }
}
