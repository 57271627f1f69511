import Testing
@testable import HallModel
import Queue

/// The intake decision rule (art. 32; 容缺受理), pure: every decision, possible or not and why.
@Suite struct IntakeDecisionTests {
    /// Materials 1–2 core, 3–4 tolerable; 容缺 allowed; district and town centres.
    static let item = CatalogItem(
        implementationCode: "T1", name: "企业设立登记", itemType: .licensing, departmentCode: "D",
        statutoryLimit: TimeLimit(20), promisedLimit: TimeLimit(5), allowedSiteLevels: [.district, .townCenter], toleranceAllowed: true,
        materials: [ItemMaterial(name: "申请书"), ItemMaterial(name: "章程"),
                    ItemMaterial(name: "任职文件", kind: .tolerable), ItemMaterial(name: "住所证明", kind: .tolerable)])

    func assess(_ statuses: [MaterialStatus], notes: [Int: String] = [:], item: CatalogItem = item, flagged: Bool = false,
                site: SiteLevel = .district) -> IntakeAssessment {
        let entries = statuses.enumerated().map { ChecklistEntry($1, note: notes[$0 + 1]) }
        return IntakeDecision.assess(item: item, checklist: IntakeChecklist(entries), applicantFlagged: flagged, siteLevel: site)
    }

    @Test func everythingInAcceptsOnlyAcceptRefuseAndPending() {
        let a = assess([.provided, .corrected, .provided, .provided])
        #expect(a.possible == [.accept, .refuse, .pending])
        #expect(a.obstacles(to: .tolerate) == [.nothingOutstanding])
        #expect(a.obstacles(to: .notice) == [.nothingOutstanding])
    }

    @Test func aCoreMaterialMissingLeavesOnlyTheNotice() {
        let a = assess([.provided, .missing, .missing, .provided])
        #expect(a.possible == [.notice, .refuse, .pending])
        #expect(a.obstacles(to: .accept) == [.materialsOutstanding([2, 3])])
        #expect(a.obstacles(to: .tolerate) == [.coreMaterialsOutstanding([2])])
        #expect(a.outstanding == [2, 3])
    }

    @Test func onlyTolerableMissingAllowsToleranceWhenTheItemAllowsAndTheApplicantIsNotFlagged() {
        #expect(assess([.provided, .provided, .missing, .defective], notes: [4: "未盖章"]).possible == [.tolerate, .notice, .refuse, .pending])
        var strict = Self.item
        strict.toleranceAllowed = false
        #expect(assess([.provided, .provided, .missing, .provided], item: strict).obstacles(to: .tolerate) == [.toleranceNotAllowed])
        #expect(assess([.provided, .provided, .missing, .provided], flagged: true).obstacles(to: .tolerate) == [.applicantFlagged])
    }

    @Test func aDefectiveMaterialNeedsItsNote() {
        let a = assess([.provided, .provided, .provided, .defective], notes: [4: "  "])
        #expect(a.obstacles(to: .notice) == [.defectiveWithoutNote([4])])
        #expect(a.obstacles(to: .tolerate) == [.defectiveWithoutNote([4])])
        #expect(a.isPossible(.refuse) && a.isPossible(.pending))
    }

    @Test func aSiteLevelTheItemDoesNotAllowRefusesAcceptanceAndSaysWhere() {
        let a = assess([.provided, .provided, .provided, .provided], site: .villageStation)
        let obstacle = IntakeObstacle.siteLevelNotAllowed(here: .villageStation, allowed: [.district, .townCenter])
        #expect(a.obstacles(to: .accept) == [obstacle])
        // The one reason for each, even with every material in: never "every material is in: accept" here.
        #expect(a.obstacles(to: .tolerate) == [obstacle] && a.obstacles(to: .notice) == [obstacle])
        // Nor a notice promising acceptance once complete, nor "received, checking" (art. 32 would accept it here):
        // only the refusal, which tells the applicant where to apply.
        #expect(assess([.provided, .missing, .provided, .provided], site: .villageStation).obstacles(to: .notice) == [obstacle])
        #expect(a.obstacles(to: .pending) == [obstacle])
        #expect(a.possible == [.refuse])
        #expect(obstacle.message.zh == "本级（村站）不能受理此事项，请到区级、镇街中心办理")
        #expect(assess([.provided, .provided, .provided, .provided], site: .townCenter).isPossible(.accept))
    }

    /// Deciding a "received, checking" intake: pending is shown impossible, with its reason, like every other decision.
    @Test func pendingIsNoDecisionForAnIntakeAlreadyPending() {
        let checklist = IntakeChecklist([.provided, .missing, .provided, .provided].map { ChecklistEntry($0) })
        let a = IntakeDecision.assess(item: Self.item, checklist: checklist, applicantFlagged: false, siteLevel: .district, deciding: true)
        #expect(a.obstacles(to: .pending) == [.alreadyPending])
        #expect(a.possible == [.notice, .refuse])   // material 2 is core: no 容缺
        #expect(IntakeDecision.assess(item: Self.item, checklist: checklist, applicantFlagged: false, siteLevel: .district).isPossible(.pending))
    }

    @Test func aShortChecklistCountsTheRestMissing() {
        #expect(assess([.provided, .provided]).obstacles(to: .accept) == [.materialsOutstanding([3, 4])])
    }

    @Test func theInitialChecklistHasSharedMaterialsIn() {
        var item = Self.item
        item.materials[1].source = .shared
        #expect(IntakeChecklist.initial(for: item).entries.map(\.status) == [.missing, .provided, .missing, .missing])
    }
}

@Suite struct IntakeChecklistTests {
    @Test func aPositionOutsideTheListReadsMissingAndIsNotWritten() {
        var checklist = IntakeChecklist([ChecklistEntry(.provided)])
        checklist[2] = ChecklistEntry(.provided)
        checklist[0] = ChecklistEntry(.provided)
        #expect(checklist.entries == [ChecklistEntry(.provided)])
        #expect(checklist[5] == ChecklistEntry(.missing) && checklist[1] == ChecklistEntry(.provided))
    }
}
