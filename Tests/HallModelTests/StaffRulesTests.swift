import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// The directory's own rules: the hall keeps an administrator, losing the clerk role ends a window
/// session, free text is clean, and a change that changes nothing is refused rather than recorded.
@Suite struct StaffRulesTests {
    @Test func theLastActiveAdministratorCannotBeRemoved() throws {
        let hall = try TestHall()
        let db = hall.database
        // The demo hall has two: A01, and S01 (also clerk and supervisor).
        try db.setStaffActive("A01", false, by: hall.admin)
        let s01 = Actor(staff: "S01", terminal: .cli)
        #expect(throws: StaffError.lastAdministrator("S01")) { try db.setRoles("S01", roles: [.clerk], approverLevel: nil, by: s01) }
        #expect(throws: StaffError.lastAdministrator("S01")) { try db.setStaffActive("S01", false, by: s01) }
        #expect(try db.staffMember("S01").roles.contains(.admin))
        // Once someone else is an administrator again, S01 may stop being one.
        try db.setStaffActive("A01", true, by: s01)
        try db.setRoles("S01", roles: [.clerk, .supervisor], approverLevel: nil, by: s01)
        #expect(try db.staffMember("S01").roles == [.clerk, .supervisor])
        #expect(throws: StaffError.alreadyActive("A01")) { try db.setStaffActive("A01", true, by: hall.admin) }
    }

    @Test func someoneWhoIsNoLongerAClerkIsSignedOutOfTheirWindow() throws {
        let hall = try TestHall()
        let db = hall.database
        #expect(try db.window(7).staffID == "S07")
        try db.setRoles("S07", roles: [.reviewer], approverLevel: nil, by: hall.admin)
        let window = try db.window(7)
        #expect(window.state == .closed && window.staffID == nil)
        let last = try #require(try db.auditEntries(AuditFilter()).last)
        #expect(last.record.kind == "staff_roles_changed")
        let signOut = try #require(try db.auditEntries(AuditFilter(staff: "S07")).last { $0.record.kind == "sign_out" })
        #expect(signOut.record.detail == #"{"reason":"roles_changed"}"#)
        // And cannot serve there any more.
        #expect(throws: AccessError.self) { try db.callNext(window: 7, by: hall.clerk(7)) }
    }

    @Test func freeTextIsCleanAndFitsTheScreens() throws {
        let hall = try TestHall()
        let db = hall.database
        let before = try hall.eventCount()
        #expect(throws: FreeTextError.controlCharacters(FreeText.department)) {
            try db.addStaff(id: "S90", name: "钱进", department: "\u{1B}[2Jclear", roles: [.clerk], by: hall.admin)
        }
        #expect(throws: FreeTextError.tooLong(FreeText.staffName, limit: 20)) {
            try db.addStaff(id: "S90", name: String(repeating: "长", count: 21), roles: [.clerk], by: hall.admin)
        }
        #expect(throws: FreeTextError.empty(FreeText.staffName)) { try db.addStaff(id: "S90", name: "  ", roles: [.clerk], by: hall.admin) }
        #expect(throws: FreeTextError.controlCharacters(FreeText.pauseReason)) {
            try db.pauseWindow(2, reason: "午休\n下午再来", by: hall.clerk(2))
        }
        #expect(throws: FreeTextError.tooLong(FreeText.pauseReason, limit: 24)) {
            try db.pauseWindow(2, reason: String(repeating: "长", count: 25), by: hall.clerk(2))
        }
        var settings = try db.settings()
        settings.hallName = "\u{1B}]0;retitled\u{07}"
        #expect(throws: FreeTextError.controlCharacters(FreeText.hallName)) { try db.updateSettings(settings, by: hall.admin) }
        #expect(throws: StaffError.passwordControlCharacters) { try db.setPassword("S02", "abc\u{0}defghijk", by: hall.admin) }
        #expect(throws: StaffError.passwordTooLong(maximum: 128)) { try db.setPassword("S02", String(repeating: "x", count: 129), by: hall.admin) }
        #expect(throws: StaffError.invalidOSUser("bad user;rm")) { try db.bindStaff("S02", osUser: "bad user;rm", by: hall.admin) }
        #expect(try hall.eventCount() == before)
        // Names are trimmed, not refused for the spaces around them.
        #expect(try db.addStaff(id: "S90", name: " 钱进 ", department: " 综合受理科 ", roles: [.clerk], by: hall.admin).name == "钱进")
    }

    @Test func aChangeThatChangesNothingIsRefusedNotRecorded() throws {
        let hall = try TestHall()
        let db = hall.database
        try db.setLineOpen("B", false, by: hall.supervisor)
        let before = try hall.eventCount()
        #expect(throws: SetupError.lineAlready("B", open: false)) { try db.setLineOpen("B", false, by: hall.supervisor) }
        #expect(throws: StaffError.bindingUnchanged("S02")) { try db.bindStaff("S02", osUser: nil, by: hall.admin) }
        #expect(throws: SetupError.lineExists("A")) { try db.addLine(prefix: "A", name: "again", targetWaitMinutes: 10, by: hall.admin) }
        #expect(throws: SetupError.windowExists(1)) { try db.addWindow(id: 1, name: "again", lines: [("A", 1)], by: hall.admin) }
        #expect(try hall.eventCount() == before)
    }
}
