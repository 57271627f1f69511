import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// Issue 8: an appointment ticket shows its time on the window screen, and why it was called before others.
@Suite struct WindowAppointmentTests {
    func appointment(_ entry: WindowView.Entry, at time: String, reason: CallingPolicy.Reason) -> WindowView.Entry {
        var entry = entry
        entry.ticket.appointmentAt = WindowFixture.at(time)
        entry.ticket.source = .appointment
        entry.reason = reason
        return entry
    }

    func view() -> WindowView {
        var view = WindowFixture.view()
        view.current = appointment(view.current!, at: "09:20", reason: .appointmentDue)
        view.waiting.insert(appointment(WindowFixture.ticket("A005", WindowFixture.lineA, issued: "09:00"), at: "09:30", reason: .appointmentDue), at: 0)
        view.waitingCount += 1
        return view
    }

    @Test func theCurrentPanelShowsTheAppointmentAndWhyItWentFirst() {
        // At the minimum size too: the time and the reason fit the panel.
        let en = WindowScreen(view: view()).frame(context: WindowFixture.context(.en, 80, 24)).lines(marking: .bigDigit)
        #expect(en.contains { $0.contains("| Appt.    09:20  due: goes first ") }, "\(en.joined(separator: "\n"))")
        let zh = WindowScreen(view: view()).frame(context: WindowFixture.context(.zh, 80, 24)).lines(marking: .bigDigit)
        #expect(zh.contains { $0.contains("| 预约  09:20  已到时，优先叫号 ") }, "\(zh.joined(separator: "\n"))")
    }

    @Test func theWaitingListTagsAnAppointmentWithItsTimeAndReason() {
        let en = WindowScreen(view: view()).frame(context: WindowFixture.context(.en, 120, 40)).lines(marking: .bigDigit)
        #expect(en.contains { $0.contains("1  A005   A appt 09:30 due 综合受理") }, "\(en.joined(separator: "\n"))")
        // At the minimum size the time is kept and the rest is cut.
        let zh = WindowScreen(view: view()).frame(context: WindowFixture.context(.zh, 80, 24)).lines(marking: .bigDigit)
        #expect(zh.contains { $0.contains("1  A005   A 预约09:30…") }, "\(zh.joined(separator: "\n"))")
        // A walk-in row is unchanged.
        #expect(zh.contains { $0.contains("2  A001   A 综合受理") })
    }
}
