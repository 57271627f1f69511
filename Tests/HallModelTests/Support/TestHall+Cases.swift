@testable import HallModel
import GRDB
import Queue

extension TestHall {
    /// A case of 企业设立登记 (promised 1 working day, statutory 20) taken in at window 1 on Monday 2026-03-02 on ticket A001
    /// (issued, called and started the first time), for `applicant` (default: 张三丰, 11010519491231002X, phone `phone`);
    /// `missing` positions are left out (容缺: 4–6 are tolerable). Returns the case number.
    func openCase(_ applicant: ApplicantInput? = nil, phone: String? = nil, missing: [Int] = [], item name: String = "企业设立登记") throws -> String {
        guard let item = try database.catalog().items.first(where: { $0.name == name }) else { throw IntakeError.unknownItem(name) }
        if try database.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ticket") }) == 0 {
            _ = try issue("A")
            _ = try database.callNext(window: 1, by: clerk(1))
            _ = try database.start(window: 1, by: clerk(1))
        }
        var checklist = IntakeChecklist(item.materials.map { _ in ChecklistEntry(.provided) })
        for p in missing { checklist[p] = ChecklistEntry(.missing) }
        let who = try applicant ?? ApplicantInput.person(name: "张三丰", residentID: "11010519491231002X", phone: phone,
                                                         today: CivilDate(year: 2026, month: 3, day: 2)!)
        let outcome = try database.takeIn(IntakeRequest(ticketCode: "A001", itemCode: item.implementationCode, applicant: who,
                                                        checklist: checklist, decision: missing.isEmpty ? .accept : .tolerate),
                                          by: clerk(1))
        guard let number = outcome.caseRecord?.number else { throw IntakeError.unknownCase("(none opened)") }
        return number
    }
}
