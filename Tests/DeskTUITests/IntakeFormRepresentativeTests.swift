import Foundation
@testable import HallModel
import Queue
import Testing
@testable import DeskTUI

/// The intake form's representative (F3 on the applicant step): in person, an authorised agent (name, resident ID
/// checked by GB 11643, the authorisation recorded) or one of the hall's proxy agents (F4 moves through them).
@Suite struct IntakeFormRepresentativeTests {
    static let agents: [(id: String, name: String)] = [("P01", "吴晓燕"), ("P02", "郑海涛"), ("P03", "冯雪")]

    /// On the applicant step of 企业设立登记, the person's number and name typed, the focus back on the number.
    static func onApplicant() -> IntakeForm {
        var setup = IntakeFormTests.setup()
        setup.agents = agents
        var form = IntakeForm(setup)
        IntakeFormTests.feed(&form, IntakeFormTests.keys("qysl") + [.enter] + IntakeFormTests.keys(IntakeFormTests.person) + [.tab])
        form.applicantFound(number: IntakeFormTests.person, nil)
        IntakeFormTests.feed(&form, IntakeFormTests.keys("张三丰"))
        return form
    }

    @Test func anAuthorisedAgentIsCheckedAndRecorded() throws {
        var form = Self.onApplicant()
        IntakeFormTests.feed(&form, [.f(3)])
        #expect(form.representativeKind == .authorisedAgent)
        #expect(form.applicantForm.fields.map(\.id) == [.number, .name, .phone, .agentName, .agentNumber, .authorisation])
        #expect(form.applicantForm.text(.name) == "张三丰")   // what was typed is kept
        // name → phone → agent's name, a wrong ID number, the authorisation; Enter on the last field checks them.
        IntakeFormTests.feed(&form, [.tab, .tab] + IntakeFormTests.keys("李四") + [.tab] + IntakeFormTests.keys("110105194912310021")
                                    + [.tab] + IntakeFormTests.keys("书面委托书已核验") + [.enter])
        #expect(form.step == .applicant && form.applicantForm.focus == .agentNumber)
        #expect(form.applicantForm.fields.first { $0.id == .agentNumber }?.error != nil)
        // Corrected (the check character): the checklist, with the representative recorded.
        IntakeFormTests.feed(&form, [.backspace, .char("X"), .tab, .enter])
        #expect(form.step == .materials)
        #expect(form.representative == Representative(kind: .authorisedAgent, name: "李四", idNumber: "11010519491231002X",
                                                      authorisation: "书面委托书已核验"))
        IntakeFormTests.feed(&form, [.tab])
        IntakeFormTests.feed(&form, [.enter])
        // accept is not possible (materials missing): the request still carries the representative once confirmed.
        #expect(form.request == nil || form.request?.representative.kind == .authorisedAgent)
    }

    @Test func aProxyAgentIsPickedFromTheHallsAgents() throws {
        var form = Self.onApplicant()
        IntakeFormTests.feed(&form, [.f(3), .f(3), .f(4)])
        #expect(form.representativeKind == .proxyAgent && form.applicantForm.fields.count == 3)
        let lines = IntakeFormSnapshotTests.lines(form)
        #expect(lines[13] == " 代理人： 本人办理   委托代理人   代办员                                        ")
        #expect(lines[14] == " 代办员：P02 郑海涛（2/3，F4 换人）                                             ")
        IntakeFormTests.feed(&form, [.enter, .enter, .enter])
        #expect(form.step == .materials)
        #expect(form.representative == Representative(kind: .proxyAgent, name: "郑海涛", idNumber: "P02"))
        // F3 again: in person; with no proxy agents in the hall, F3 skips them and says so.
        var none = IntakeForm(IntakeFormTests.setup())
        IntakeFormTests.feed(&none, IntakeFormTests.keys("qysl") + [.enter, .f(3), .f(3)])
        #expect(none.representativeKind == .none && none.message == WindowScreen.Status(UIText.intakeNoAgents, isError: true))
    }
}
