import Testing
@testable import HallModel
import Queue

/// The critical path of a project (pure): the latest expected result among its open cases, why that date, and whether
/// the project is on time; the joint acceptance's standing from the sign-offs.
@Suite struct ProjectCriticalPathTests {
    func day(_ d: Int) -> CivilDate { CivilDate(year: 2026, month: 3, day: d)! }

    func standing(_ number: String, _ state: CaseState, promised: Int?, result: Int? = nil, light: CaseLightReading = .light(.green, workingDaysLeft: 5),
                  department: String = "D1") -> ProjectCaseStanding {
        ProjectCaseStanding(number: number, departmentCode: department, state: state, light: light, promisedDue: promised.map(day),
                            resultDue: result.map(day))
    }

    @Test func threeParallelCasesTheLatestExpectedResultIsTheCriticalPath() {
        let path = ProjectCriticalPath([standing("C1", .underReview, promised: 3), standing("C2", .accepted, promised: 18),
                                        standing("C3", .underApproval, promised: 12)])
        #expect(path.caseNumber == "C2" && path.date == day(18) && path.basis == .promisedDeadline)
        #expect(path.onTime && path.open == ["C1", "C2", "C3"] && path.undated.isEmpty)
    }

    @Test func aDecidedCaseCountsItsResultDeadlineAndASuspendedOneItsPromisedAtLeast() {
        let decided = ProjectCriticalPath([standing("C1", .approved, promised: 5, result: 19), standing("C2", .accepted, promised: 18)])
        #expect(decided.caseNumber == "C1" && decided.date == day(19) && decided.basis == .resultDeadline)
        let suspended = ProjectCriticalPath([standing("C1", .suspended, promised: 20, light: .suspended), standing("C2", .accepted, promised: 18)])
        #expect(suspended.caseNumber == "C1" && suspended.basis == .suspendedAtLeast)
    }

    @Test func closedCasesAreNotOnThePathAndAnOverdueOneMakesTheProjectLate() {
        let path = ProjectCriticalPath([standing("C1", .resultIssued, promised: 30, light: .closed),
                                        standing("C2", .underReview, promised: 2, light: .light(.red, workingDaysLeft: -1)),
                                        standing("C3", .accepted, promised: nil, light: .unknown(.scheduleNotLoaded(year: 2027)))])
        #expect(path.caseNumber == "C2" && path.open == ["C2", "C3"])
        #expect(!path.onTime && path.late == ["C2"] && path.undated == ["C3"])
        let done = ProjectCriticalPath([standing("C1", .acknowledged, promised: 3, light: .closed)])
        #expect(done.caseNumber == nil && done.onTime && done.open.isEmpty)
    }

    @Test func jointAcceptanceNeedsEveryDepartmentsLatestSignOffToPass() {
        func sign(_ d: String, _ v: AcceptanceVerdict) -> AcceptanceSignOff {
            AcceptanceSignOff(departmentCode: d, verdict: v, opinion: "意见", signedBy: "M01", signedOn: day(20))
        }
        let partial = JointAcceptance(departments: ["A", "B", "A"], signOffs: [sign("A", .pass)])
        #expect(partial.departments == ["A", "B"] && partial.unsigned == ["B"] && !partial.isAccepted)
        let oneFail = JointAcceptance(departments: ["A", "B"], signOffs: [sign("A", .pass), sign("B", .fail)])
        #expect(oneFail.failed == ["B"] && !oneFail.isAccepted)
        let signedAgain = JointAcceptance(departments: ["A", "B"], signOffs: [sign("A", .pass), sign("B", .fail), sign("B", .pass)])
        #expect(signedAgain.failed.isEmpty && signedAgain.isAccepted)
        #expect(!JointAcceptance(departments: [String](), signOffs: []).isAccepted)
    }

    @Test func projectNumbersAreTheYearAndASequenceNeverTruncated() {
        #expect(ProjectNumber.make(year: 2026, sequence: 7) == "XM-2026-007")
        #expect(ProjectNumber.make(year: 2026, sequence: 1234) == "XM-2026-1234")
        #expect(ProjectNumber.sequence(of: "XM-2026-1234", year: 2026) == 1234)
        #expect(ProjectNumber.sequence(of: "XM-2025-001", year: 2026) == nil)
    }
}
