import Foundation
import GRDB
import Testing
@testable import HallModel
import Queue

/// The intermediary-service supermarket on the demo hall: the directory (103 agencies, 18 categories, valid credit codes),
/// a referral that suspends the case's clock until the agency delivers, the applicant's choice and rating, the refusals,
/// and the chain still verifies.
@Suite struct AgencyStoreTests {
    let hall: TestHall
    init() throws { hall = try TestHall() }

    @Test func theDemoDirectoryHas103AgenciesIn18CategoriesWithValidUniqueCreditCodes() throws {
        let agencies = try hall.database.agencies()
        #expect(agencies.count == 103)
        #expect(Set(agencies.map(\.category)) == Set(AgencyCategory.allCases))
        #expect(Set(agencies.map(\.creditCode)).count == 103 && Set(agencies.map(\.name)).count == 103)
        for a in agencies { #expect((try? CreditCode(a.creditCode))?.value == a.creditCode, "\(a.name)") }
        #expect(try hall.database.agencies(category: .testing).count == 6)
        let food = try #require(try hall.database.catalog().items.first { $0.name == "食品生产许可" })
        #expect(try hall.database.agencyNeeds(itemCode: food.implementationCode).map(\.category) == [.testing])
    }

    @Test func aReferralSuspendsTheCaseAndTheDeliveryResumesTheClock() throws {
        let number = try hall.openCase(item: "食品生产许可")
        let before = try hall.database.caseDetail(number: number).record
        let (referral, listed) = try hall.database.referToAgencies(caseNumber: number, category: .testing, by: hall.clerk(1))
        #expect(listed.count == 6 && listed.allSatisfy { $0.category == .testing })
        #expect(referral.suspendedCase && referral.agencyID == nil)
        let suspended = try hall.database.caseDetail(number: number)
        #expect(suspended.record.state == .suspended && suspended.facts.suspension?.reason == .intermediaryService)
        // The applicant chooses; the agency delivers a week later (5 working days): the clock restarts, the deadline moves.
        _ = try hall.database.recordAgencyChoice(caseNumber: number, category: .testing, agencyID: listed[2].id, by: hall.clerk(1))
        hall.clock.set("2026-03-09T09:00:00+08:00")
        let delivered = try hall.database.recordAgencyDelivery(caseNumber: number, category: .testing, by: hall.clerk(1))
        #expect(delivered.deliveredOn == CivilDate(year: 2026, month: 3, day: 9))
        let resumed = try hall.database.caseDetail(number: number).record
        #expect(resumed.state == .accepted && resumed.suspendedWorkingDays == 5)
        #expect(try #require(resumed.promisedDue) > (try #require(before.promisedDue)))
        let rated = try hall.database.rateAgency(caseNumber: number, category: .testing, rating: 4, by: hall.clerk(1))
        #expect(rated.id == listed[2].id && rated.ratingCount == 1 && rated.ratingAverage == 4)
        #expect(throws: AgencyError.alreadyRated(case: number)) {
            try hall.database.rateAgency(caseNumber: number, category: .testing, rating: 5, by: hall.clerk(1))
        }
        let kinds = try hall.database.read {
            try String.fetchAll($0, sql: "SELECT kind FROM hall_event WHERE kind LIKE 'agency%' OR kind IN ('case_suspended', 'case_resumed') ORDER BY id")
        }
        #expect(kinds == ["agency_directory_loaded", "agency_referred", "case_suspended", "agency_chosen", "agency_delivered", "case_resumed",
                          "agency_rated"])
        let verification = try hall.database.verifyAudit()
        #expect(verification.brokenLinks.isEmpty && verification.ticketMismatches.isEmpty)
    }

    @Test func refusals() throws {
        let number = try hall.openCase(item: "食品生产许可")
        #expect(throws: AccessError.self) {
            try hall.database.referToAgencies(caseNumber: number, category: .testing, by: Actor(staff: "R01", terminal: .cli))
        }
        #expect(throws: AgencyError.categoryNotNeeded(item: try hall.database.caseDetail(number: number).record.itemCode, category: .surveying)) {
            try hall.database.referToAgencies(caseNumber: number, category: .surveying, by: hall.clerk(1))
        }
        _ = try hall.database.referToAgencies(caseNumber: number, category: .testing, by: Actor(staff: "P01", terminal: .cli))
        #expect(throws: AgencyError.alreadyReferred(case: number, category: .testing)) {
            try hall.database.referToAgencies(caseNumber: number, category: .testing, by: hall.clerk(1))
        }
        #expect(throws: AgencyError.notChosenYet(case: number)) {
            try hall.database.recordAgencyDelivery(caseNumber: number, category: .testing, by: hall.clerk(1))
        }
        let surveyor = try #require(try hall.database.agencies(category: .surveying).first)
        #expect(throws: AgencyError.agencyNotOfCategory(agency: surveyor.id, category: .testing)) {
            try hall.database.recordAgencyChoice(caseNumber: number, category: .testing, agencyID: surveyor.id, by: hall.clerk(1))
        }
        // Nobody sets the supermarket's suspension by hand: it is the referral's own step.
        let other = try hall.openCase(item: "食品生产许可")
        #expect(throws: CaseRuleError.self) { try hall.database.act(onCase: other, .suspend(.intermediaryService), by: hall.supervisor) }
    }
}
