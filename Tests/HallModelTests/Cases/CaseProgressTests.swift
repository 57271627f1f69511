import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// `HallDatabase.caseProgress`: the kiosk's and the phone line's lookup by case number and the last four characters of
/// the applicant's number; the citizen's view holds nothing of the applicant.
@Suite struct CaseProgressTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    static let personID = "11010519491231002X"
    static let uscc = "91350100M000100Y43"

    /// A case of 企业设立登记 (promised 1 working day) taken in at window 1 on Monday 2026-03-02 for `applicant` (default:
    /// 张三丰, 11010519491231002X, with a phone); `missing` positions are tolerated (容缺: 4–6 are tolerable).
    func openCase(_ applicant: ApplicantInput? = nil, missing: [Int] = []) throws -> String {
        try hall.openCase(applicant, phone: "13800000000", missing: missing)
    }

    func lookUp(_ number: String, _ lastFour: String) throws -> CaseProgress? {
        try hall.database.caseProgress(CaseProgressQuery(number: number, lastFour: lastFour))
    }

    @Test func theRightNumberAndLastFourFindTheCase() throws {
        let number = try openCase()
        let progress = try #require(try lookUp(number, "002X"))
        #expect(progress.number == number && progress.itemName == "企业设立登记" && progress.state == .accepted)
        #expect(progress.status == .accepted && progress.acceptedOn == CivilDate(year: 2026, month: 3, day: 2))
        #expect(progress.promisedDue == CivilDate(year: 2026, month: 3, day: 3) && progress.workingDaysLeft == 1)
        #expect(progress.steps == [CaseProgressStep(.accepted, on: CivilDate(year: 2026, month: 3, day: 2)!)])
        #expect(progress.outstandingMaterials.isEmpty && progress.supplementDue == nil && progress.suspension == nil)
    }

    @Test func anIDEndingInXMatchesTypedInEitherCaseAndTheNumberInLowerCase() throws {
        let number = try openCase()
        #expect(try lookUp(number, "002x") != nil)
        #expect(try lookUp(" " + number.lowercased() + " ", " 002x ") != nil)
    }

    @Test func aWrongNumberAndAWrongLastFourGiveTheSameNothing() throws {
        let number = try openCase()
        #expect(try lookUp(number, "0021") == nil)
        #expect(try lookUp(number, "1002") == nil)  // the last four, not any four
        #expect(try lookUp(number.replacingOccurrences(of: "-0001", with: "-0002"), "002X") == nil)
        #expect(try lookUp("HD-NOPE", "002X") == nil)
    }

    @Test func anOrganisationIsFoundByTheLastFourOfItsCreditCode() throws {
        let org = try ApplicantInput.organisation(name: "福州某某科技有限公司", creditCode: Self.uscc, legalRepresentative: "王五",
                                                  contact: "李四 13900000000")
        let number = try openCase(org)
        #expect(try lookUp(number, "0y43")?.number == number)
        #expect(try lookUp(number, "002X") == nil)
    }

    @Test func nothingOfTheApplicantIsInTheView() throws {
        let number = try openCase()
        let progress = try #require(try lookUp(number, "002X"))
        // Every stored value the view holds, as text: no name, no number (whole or masked), no phone.
        var seen = ""
        dump(progress, to: &seen)
        for secret in ["张三丰", Self.personID, "110105", "13800000000", "002X", IdentifierMask.residentID(Self.personID)] {
            #expect(!seen.contains(secret), "\(secret)")
        }
    }

    @Test func aToleratedCaseNamesTheMaterialsStillDueAndTheDay() throws {
        let number = try openCase(missing: [5])
        let progress = try #require(try lookUp(number, "002X"))
        #expect(progress.status == .awaitingSupplements)
        #expect(progress.outstandingMaterials == ["住所使用证明"])
        #expect(progress.supplementDue == CivilDate(year: 2026, month: 3, day: 3))
        _ = try hall.database.act(onCase: number, .supplement(materialPosition: 5), by: hall.clerk(1))
        let after = try #require(try lookUp(number, "002X"))
        #expect(after.status == .accepted && after.outstandingMaterials.isEmpty && after.supplementDue == nil)
        #expect(after.steps.map(\.kind) == [.accepted, .supplementReceived])
    }

    /// Past the supplement deadline the citizen is told the last day before termination, never a day gone by; once
    /// terminated, nothing is asked of them.
    @Test func anOverdueToleratedCaseNamesTheLastDayAndATerminatedOneAsksNothing() throws {
        let number = try openCase(missing: [5])   // supplements due 2026-03-03; grace ends 2026-03-24
        hall.clock.set("2026-03-06T09:00:00+08:00")
        _ = try hall.database.sweepCases(by: hall.supervisor)
        let suspended = try #require(try lookUp(number, "002X"))
        #expect(suspended.status == .suspended && suspended.supplementIsFinal)
        #expect(suspended.supplementDue == CivilDate(year: 2026, month: 3, day: 24))
        #expect(suspended.notes.map(\.zh).contains("请于 2026-03-24 前补交：住所使用证明。逾期将终止办理。"))
        hall.clock.set("2026-03-26T09:00:00+08:00")
        _ = try hall.database.sweepCases(by: hall.supervisor)
        let terminated = try #require(try lookUp(number, "002X"))
        #expect(terminated.status == .terminated && terminated.outstandingMaterials.isEmpty && terminated.supplementDue == nil)
        #expect(!terminated.notes.contains { $0.zh.contains("补交") })
    }

    @Test func theStepsDoneFollowTheCaseToItsResult() throws {
        let number = try openCase()
        _ = try hall.database.act(onCase: number, .suspend(.expertReview), by: hall.supervisor)
        let suspended = try #require(try lookUp(number, "002X"))
        #expect(suspended.status == .suspended && suspended.suspension == .expertReview && suspended.workingDaysLeft == nil)
        _ = try hall.database.act(onCase: number, .resume, by: hall.supervisor)
        _ = try hall.database.review(caseNumber: number, opinion: "材料齐全", by: Actor(staff: "R01", terminal: .cli))
        _ = try hall.database.act(onCase: number, .approve(reason: "准予许可"), by: Actor(staff: "C01", terminal: .cli))
        let ready = try #require(try lookUp(number, "002X"))
        // Decided: no "days left" beside the promised date (the light now counts towards the result's delivery).
        #expect(ready.status == .resultReady && ready.workingDaysLeft == nil)
        _ = try hall.database.act(onCase: number, .issueResult, by: hall.clerk(1))
        let done = try #require(try lookUp(number, "002X"))
        #expect(done.status == .completed)
        #expect(done.steps.map(\.kind) == [.accepted, .suspended, .resumed, .reviewStarted, .reviewed, .approved, .resultIssued])
        #expect(done.steps.allSatisfy { $0.on == CivilDate(year: 2026, month: 3, day: 2) })
    }

    @Test func theLookupIsOneSeekOnTheCaseNumberAndTheApplicantsKey() throws {
        let plan = try hall.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + HallDatabase.caseProgressMatch, arguments: ["HD-20260302-0001", "002X"])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("SEARCH hall_case USING INDEX sqlite_autoindex_hall_case") }, "\(plan)")
        #expect(plan.contains { $0.contains("SEARCH applicant USING INTEGER PRIMARY KEY") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)")
    }

    @Test func aMalformedQueryIsRefusedBeforeAnyLookup() {
        #expect(throws: CaseProgressError.lastFourFormat) { try CaseProgressQuery(number: "HD-20260302-0001", lastFour: "02X") }
        #expect(throws: CaseProgressError.lastFourFormat) { try CaseProgressQuery(number: "HD-20260302-0001", lastFour: "0２X1") }
        #expect(throws: CaseProgressError.numberFormat) { try CaseProgressQuery(number: "  ", lastFour: "002X") }
    }

    @Test func theCitizensStatusFollowsTheState() {
        #expect(CitizenCaseStatus(.underApproval, outstandingMaterials: false) == .inReview)
        #expect(CitizenCaseStatus(.approved, outstandingMaterials: true) == .awaitingSupplements)
        #expect(CitizenCaseStatus(.notApproved, outstandingMaterials: false) == .resultReady)
        #expect(CitizenCaseStatus(.acknowledged, outstandingMaterials: false) == .completed)
        #expect(CitizenCaseStatus(.suspended, outstandingMaterials: true) == .suspended)
    }
}

/// `CaseLookupThrottle`: five failures in a row are free, then 30 s, doubling, at most 10 minutes; a success clears it.
@Suite struct CaseLookupThrottleTests {
    let start = Date(timeIntervalSince1970: 1_772_000_000)

    @Test func fiveFailuresInARowMakeTheNextAttemptWaitThirtySeconds() {
        var throttle = CaseLookupThrottle()
        for i in 0..<4 {
            throttle.recordFailure(at: start.addingTimeInterval(Double(i)))
            #expect(throttle.secondsToWait(at: start.addingTimeInterval(Double(i))) == 0)
        }
        throttle.recordFailure(at: start)
        #expect(throttle.secondsToWait(at: start) == 30)
        #expect(throttle.secondsToWait(at: start.addingTimeInterval(29.5)) == 1)
        #expect(throttle.secondsToWait(at: start.addingTimeInterval(30)) == 0)
    }

    @Test func eachFurtherFailureDoublesTheWaitUpToTenMinutes() {
        #expect((1...12).map { CaseLookupThrottle.wait(afterFailures: $0) } == [0, 0, 0, 0, 30, 60, 120, 240, 480, 600, 600, 600])
        #expect(CaseLookupThrottle.wait(afterFailures: 1_000) == 600)
        var throttle = CaseLookupThrottle()
        for _ in 0..<6 { throttle.recordFailure(at: start) }
        #expect(throttle.failuresInRow == 6 && throttle.secondsToWait(at: start) == 60)
    }

    @Test func aLookupThatFindsItsCaseClearsTheCount() {
        var throttle = CaseLookupThrottle()
        for _ in 0..<5 { throttle.recordFailure(at: start) }
        throttle.recordSuccess()
        #expect(throttle.failuresInRow == 0 && throttle.secondsToWait(at: start) == 0)
        throttle.recordFailure(at: start)
        #expect(throttle.secondsToWait(at: start) == 0)
    }
}
