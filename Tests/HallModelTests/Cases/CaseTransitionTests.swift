import Testing
@testable import HallModel

private func d(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The state machine of a case: every state × action, 一审一核, extension, 容缺 and reasons.
@Suite struct CaseTransitionTests {
    let calendar: WorkingCalendar
    init() throws { calendar = try WorkingCalendar.bundled() }

    static let accepted = d("2026-03-02")
    static func facts(_ state: CaseState = .accepted, outstanding: Set<Int> = [], finalApprover: ApproverLevel = .sectionChief,
                      allowing extensionDays: Int? = 10) -> CaseFacts {
        CaseFacts(state: state, clock: CaseClock(acceptedOn: accepted, statutoryLimit: TimeLimit(20), promisedLimit: TimeLimit(10)),
                  tolerated: !outstanding.isEmpty, outstandingMaterials: outstanding,
                  supplementDeadline: outstanding.isEmpty ? nil : d("2026-03-09"), finalApprover: finalApprover,
                  extensionAllowed: extensionDays,
                  suspension: state == .suspended ? CaseSuspension(since: d("2026-03-03"), reason: .hearing, resumeTo: .underReview) : nil)
    }

    static let clerk = CaseActor(staffID: "C1", roles: [.clerk])
    static let reviewer = CaseActor(staffID: "R1", roles: [.reviewer])
    static let chief = CaseActor(staffID: "A1", roles: [.approver], approverLevel: .sectionChief)
    static let deputy = CaseActor(staffID: "A2", roles: [.approver], approverLevel: .deputyDirector)
    static let supervisor = CaseActor(staffID: "S1", roles: [.supervisor])
    static let liaison = CaseActor(staffID: "L1", roles: [.liaison])
    static let sweep = CaseActor.system("SYS")
    /// Holds every role a person can, at the highest level: only the state decides.
    static let everyone = CaseActor(staffID: "X", roles: [.clerk, .reviewer, .approver, .supervisor], approverLevel: .deputyDirector)

    static func sample(_ kind: CaseActionKind) -> CaseAction {
        switch kind {
        case .startReview: .startReview
        case .submitReview: .submitReview(opinion: "材料齐全，符合条件")
        case .approve: .approve(reason: "符合法定条件")
        case .reject: .reject(reason: "不符合第十二条规定的条件")
        case .issueResult: .issueResult
        case .handOver: .handOver
        case .acknowledge: .acknowledge
        case .suspend: .suspend(.hearing)
        case .resume: .resume
        case .extend: .extend(reason: "需现场核查")
        case .supplement: .supplement(materialPosition: 2)
        case .withdraw: .withdraw(reason: "申请人书面撤回")
        case .terminate: .terminate(reason: "申请人死亡")
        }
    }

    /// The allowed (state, action) pairs, written out, and where each one leads.
    static let allowed: [CaseState: [CaseActionKind: CaseState]] = [
        .accepted: [.startReview: .underReview, .suspend: .suspended, .extend: .accepted, .supplement: .accepted,
                    .withdraw: .withdrawn, .terminate: .terminated],
        .underReview: [.submitReview: .underApproval, .suspend: .suspended, .extend: .underReview, .supplement: .underReview,
                       .withdraw: .withdrawn, .terminate: .terminated],
        .underApproval: [.approve: .approved, .reject: .notApproved, .suspend: .suspended, .extend: .underApproval,
                         .supplement: .underApproval, .withdraw: .withdrawn, .terminate: .terminated],
        .approved: [.issueResult: .resultIssued, .supplement: .approved],
        .notApproved: [.issueResult: .resultIssued, .supplement: .notApproved],
        .resultIssued: [.handOver: .handedOver],
        .handedOver: [.acknowledge: .acknowledged],
        .acknowledged: [:],
        .suspended: [.resume: .underReview, .supplement: .suspended, .withdraw: .withdrawn, .terminate: .terminated],
        .withdrawn: [:],
        .terminated: [:],
    ]

    @Test func everyStateTimesEveryAction() throws {
        for state in CaseState.allCases {
            let table = try #require(Self.allowed[state])
            #expect(Set(CaseActionKind.allCases.filter { $0.fromStates.contains(state) }) == Set(table.keys), "\(state)")
            for kind in CaseActionKind.allCases {
                let facts = Self.facts(state, outstanding: kind == .supplement ? [2] : [])
                let result = Result { () throws(CaseRuleError) in
                    try CaseTransition.apply(Self.sample(kind), to: facts, by: Self.everyone, on: d("2026-03-04"), calendar: calendar)
                }
                if let to = table[kind] {
                    #expect((try? result.get())?.state == to, "\(state) --\(kind)--> \(to): \(result)")
                } else {
                    #expect(throws: CaseRuleError.illegalTransition(from: state, action: kind)) { try result.get() }
                }
            }
        }
    }

    @Test func theMainPathWithOneReviewAndOneApproval() throws {
        var f = Self.facts()
        f = try CaseTransition.apply(.startReview, to: f, by: Self.reviewer, on: d("2026-03-03"), calendar: calendar)
        #expect(f.reviewerID == "R1")
        f = try CaseTransition.apply(.submitReview(opinion: "同意"), to: f, by: Self.reviewer, on: d("2026-03-04"), calendar: calendar)
        f = try CaseTransition.apply(.approve(reason: "符合条件"), to: f, by: Self.chief, on: d("2026-03-05"), calendar: calendar)
        #expect(f.state == .approved && f.approverID == "A1" && f.decidedOn == d("2026-03-05"))
        #expect(try f.resultDeadline(calendar: calendar) == d("2026-03-19"))
        f = try CaseTransition.apply(.issueResult, to: f, by: Self.clerk, on: d("2026-03-06"), calendar: calendar)
        f = try CaseTransition.apply(.handOver, to: f, by: Self.clerk, on: d("2026-03-06"), calendar: calendar)
        f = try CaseTransition.apply(.acknowledge, to: f, by: Self.liaison, on: d("2026-03-09"), calendar: calendar)
        #expect(f.state == .acknowledged && f.state.isFinal)
    }

    @Test func eachActionNeedsItsRole() throws {
        let cases: [(CaseActionKind, CaseState, CaseActor, [Role])] = [
            (.startReview, .accepted, Self.clerk, [.reviewer]),
            (.submitReview, .underReview, Self.chief, [.reviewer]),
            (.approve, .underApproval, Self.reviewer, [.approver]),
            (.reject, .underApproval, Self.clerk, [.approver]),
            (.extend, .underReview, Self.supervisor, [.approver]),
            (.issueResult, .approved, Self.reviewer, [.clerk]),
            (.handOver, .resultIssued, Self.deputy, [.clerk]),
            (.handOver, .resultIssued, Self.liaison, [.clerk]),
            (.acknowledge, .handedOver, Self.clerk, [.liaison, .supervisor]),
            (.supplement, .accepted, Self.reviewer, [.clerk]),
            (.withdraw, .accepted, Self.supervisor, [.clerk]),
            (.suspend, .underReview, Self.clerk, [.supervisor, .system]),
            (.resume, .suspended, Self.reviewer, [.supervisor, .system]),
            (.terminate, .accepted, Self.deputy, [.supervisor, .system]),
        ]
        for (kind, state, actor, needs) in cases {
            #expect(throws: CaseRuleError.notPermitted(action: kind, needs: needs)) {
                try CaseTransition.apply(Self.sample(kind), to: Self.facts(state, outstanding: [2]), by: actor, on: d("2026-03-04"),
                                         calendar: calendar)
            }
        }
    }

    @Test func reviewerAndApproverAreDifferentPeople() throws {
        let both = CaseActor(staffID: "RA", roles: [.reviewer, .approver], approverLevel: .deputyDirector)
        var f = try CaseTransition.apply(.startReview, to: Self.facts(), by: both, on: d("2026-03-03"), calendar: calendar)
        f = try CaseTransition.apply(.submitReview(opinion: "同意"), to: f, by: both, on: d("2026-03-03"), calendar: calendar)
        #expect(throws: CaseRuleError.reviewerCannotApprove) {
            try CaseTransition.apply(.approve(reason: "同意"), to: f, by: both, on: d("2026-03-04"), calendar: calendar)
        }
        #expect(throws: CaseRuleError.reviewerCannotApprove) {
            try CaseTransition.apply(.reject(reason: "不同意"), to: f, by: both, on: d("2026-03-04"), calendar: calendar)
        }
        // Another reviewer cannot take over an assigned review.
        var assigned = Self.facts(.underReview)
        assigned.reviewerID = "R2"
        #expect(throws: CaseRuleError.notTheReviewer(assigned: "R2")) {
            try CaseTransition.apply(.submitReview(opinion: "同意"), to: assigned, by: Self.reviewer, on: d("2026-03-04"), calendar: calendar)
        }
        var assignedApprover = Self.facts(.underApproval)
        assignedApprover.approverID = "A2"
        #expect(throws: CaseRuleError.notTheApprover(assigned: "A2")) {
            try CaseTransition.apply(.approve(reason: "同意"), to: assignedApprover, by: Self.chief, on: d("2026-03-04"), calendar: calendar)
        }
    }

    @Test func theApproversLevelCoversTheItems() throws {
        let deputyItem = Self.facts(.underApproval, finalApprover: .deputyDirector)
        #expect(throws: CaseRuleError.approverLevelTooLow(needed: .deputyDirector, has: .sectionChief)) {
            try CaseTransition.apply(.approve(reason: "同意"), to: deputyItem, by: Self.chief, on: d("2026-03-04"), calendar: calendar)
        }
        let noLevel = CaseActor(staffID: "A9", roles: [.approver])
        #expect(throws: CaseRuleError.approverLevelTooLow(needed: .sectionChief, has: nil)) {
            try CaseTransition.apply(.reject(reason: "不符"), to: Self.facts(.underApproval), by: noLevel, on: d("2026-03-04"), calendar: calendar)
        }
        #expect(try CaseTransition.apply(.approve(reason: "同意"), to: deputyItem, by: Self.deputy, on: d("2026-03-04"), calendar: calendar).state == .approved)
        #expect(try CaseTransition.apply(.approve(reason: "同意"), to: Self.facts(.underApproval), by: Self.deputy, on: d("2026-03-04"), calendar: calendar).state == .approved)
    }

    @Test func everyDecisionNeedsAWrittenReason() throws {
        let empties: [(CaseAction, CaseState)] = [
            (.submitReview(opinion: "  "), .underReview), (.approve(reason: ""), .underApproval), (.reject(reason: "\n"), .underApproval),
            (.extend(reason: ""), .underReview), (.withdraw(reason: " "), .accepted), (.terminate(reason: ""), .accepted),
        ]
        // Each refusal names the text by what it is for the action (审查意见, 决定理由, 延期理由, 撤回理由, 终止理由), not "原因".
        for (action, state) in empties {
            let field = try #require(action.kind.writtenField)
            #expect(throws: CaseRuleError.reasonInvalid(.empty(field))) {
                try CaseTransition.apply(action, to: Self.facts(state), by: Self.everyone, on: d("2026-03-04"), calendar: calendar)
            }
        }
        #expect(CaseRuleError.reasonInvalid(.empty(FreeText.reviewOpinion)).message.zh == "审查意见不能为空。")
        #expect(CaseRuleError.reasonInvalid(.empty(FreeText.extensionReason)).message.en == "The reason for the extension may not be empty.")
        #expect(Set(empties.compactMap { $0.0.kind.writtenField?.zh }) == ["审查意见", "决定理由", "延期理由", "撤回理由", "终止理由"])
        #expect(throws: CaseRuleError.reasonInvalid(.controlCharacters(FreeText.decisionReason))) {
            try CaseTransition.apply(.reject(reason: "不符\u{1b}[2J"), to: Self.facts(.underApproval), by: Self.everyone, on: d("2026-03-04"),
                                     calendar: calendar)
        }
        #expect(try CaseTransition.cleanReason("  符合条件 ") == "符合条件")
    }

    @Test func extensionOnceByADeputyDirectorWhenTheItemAllowsOne() throws {
        let on = d("2026-03-10")
        #expect(throws: CaseRuleError.extensionNeedsDeputyDirector) {
            try CaseTransition.apply(.extend(reason: "现场核查"), to: Self.facts(.underReview), by: Self.chief, on: on, calendar: calendar)
        }
        #expect(throws: CaseRuleError.extensionNotAllowed) {
            try CaseTransition.apply(.extend(reason: "现场核查"), to: Self.facts(.underReview, allowing: nil), by: Self.deputy, on: on, calendar: calendar)
        }
        let extended = try CaseTransition.apply(.extend(reason: "现场核查"), to: Self.facts(.underReview), by: Self.deputy, on: on, calendar: calendar)
        #expect(extended.extensionUsed && extended.clock.extensionDays == 10)
        #expect(try extended.clock.statutoryDeadline(calendar: calendar) == d("2026-04-14"))
        #expect(throws: CaseRuleError.extensionAlreadyUsed) {
            try CaseTransition.apply(.extend(reason: "再次"), to: extended, by: Self.deputy, on: on, calendar: calendar)
        }
        // 20 working days from 2 Mar end on 30 Mar: an extension on 31 Mar is too late.
        #expect(throws: CaseRuleError.extensionTooLate(statutoryDeadline: d("2026-03-30"))) {
            try CaseTransition.apply(.extend(reason: "现场核查"), to: Self.facts(.underReview), by: Self.deputy, on: d("2026-03-31"), calendar: calendar)
        }
        var unloaded = Self.facts(.underReview)
        unloaded.clock.acceptedOn = d("2026-12-10")
        #expect(throws: CaseRuleError.deadlineUnknown(.scheduleNotLoaded(year: 2027))) {
            try CaseTransition.apply(.extend(reason: "现场核查"), to: unloaded, by: Self.deputy, on: d("2026-12-11"), calendar: calendar)
        }
    }

    @Test func aRefusalIsServedWhateverIsStillMissing() throws {
        let f = Self.facts(.notApproved, outstanding: [2, 5])
        let next = try CaseTransition.apply(.issueResult, to: f, by: Self.clerk, on: d("2026-03-04"), calendar: calendar)
        #expect(next.state == .resultIssued)
        #expect(next.outstandingMaterials == [2, 5])
    }

    @Test func theResultWaitsForEveryMaterial() throws {
        var f = Self.facts(.approved, outstanding: [2, 5])
        #expect(throws: CaseRuleError.materialsOutstanding(count: 2)) {
            try CaseTransition.apply(.issueResult, to: f, by: Self.clerk, on: d("2026-03-04"), calendar: calendar)
        }
        #expect(throws: CaseRuleError.materialNotOutstanding(position: 3)) {
            try CaseTransition.apply(.supplement(materialPosition: 3), to: f, by: Self.clerk, on: d("2026-03-04"), calendar: calendar)
        }
        f = try CaseTransition.apply(.supplement(materialPosition: 2), to: f, by: Self.clerk, on: d("2026-03-04"), calendar: calendar)
        f = try CaseTransition.apply(.supplement(materialPosition: 5), to: f, by: Self.clerk, on: d("2026-03-04"), calendar: calendar)
        #expect(f.outstandingCount == 0)
        #expect(try CaseTransition.apply(.issueResult, to: f, by: Self.clerk, on: d("2026-03-05"), calendar: calendar).state == .resultIssued)
        // Accepted by art. 32 itself with gaps (not 容缺: nobody committed to fill them): decided as it stood, served.
        var deemed = Self.facts(.approved, outstanding: [2])
        deemed.tolerated = false
        deemed.supplementDeadline = nil
        #expect(try CaseTransition.apply(.issueResult, to: deemed, by: Self.clerk, on: d("2026-03-05"), calendar: calendar).state == .resultIssued)
        // Review proceeds while materials are outstanding.
        #expect(try CaseTransition.apply(.startReview, to: Self.facts(outstanding: [2]), by: Self.reviewer, on: d("2026-03-03"), calendar: calendar).state == .underReview)
    }

    @Test func suspensionAndResumptionCountTheStoppedDays() throws {
        var f = Self.facts(.underApproval)
        f = try CaseTransition.apply(.suspend(.expertReview), to: f, by: Self.supervisor, on: d("2026-03-04"), calendar: calendar)
        #expect(f.state == .suspended && f.suspension == CaseSuspension(since: d("2026-03-04"), reason: .expertReview, resumeTo: .underApproval))
        #expect(throws: CaseRuleError.dateBeforeSuspension(on: d("2026-03-03"), since: d("2026-03-04"))) {
            try CaseTransition.apply(.resume, to: f, by: Self.supervisor, on: d("2026-03-03"), calendar: calendar)
        }
        #expect(throws: CaseRuleError.notPermitted(action: .resume, needs: [.supervisor])) {
            try CaseTransition.apply(.resume, to: f, by: Self.sweep, on: d("2026-03-11"), calendar: calendar)
        }
        f = try CaseTransition.apply(.resume, to: f, by: Self.supervisor, on: d("2026-03-11"), calendar: calendar)
        #expect(f.state == .underApproval && f.suspension == nil && f.clock.suspendedWorkingDays == 5)
        #expect(try f.clock.statutoryDeadline(calendar: calendar) == d("2026-04-07"))
    }

    @Test func onlyTheSweepSuspendsForOverdueSupplements() throws {
        let f = Self.facts(.underReview, outstanding: [2]) // supplements due 9 Mar
        #expect(throws: CaseRuleError.onlyTheSweep(action: .suspend)) {
            try CaseTransition.apply(.suspend(.supplementsOverdue), to: f, by: Self.supervisor, on: d("2026-03-10"), calendar: calendar)
        }
        #expect(throws: CaseRuleError.supplementsNotOverdue) {
            try CaseTransition.apply(.suspend(.supplementsOverdue), to: f, by: Self.sweep, on: d("2026-03-09"), calendar: calendar)
        }
        #expect(throws: CaseRuleError.notPermitted(action: .suspend, needs: [.supervisor])) {
            try CaseTransition.apply(.suspend(.hearing), to: f, by: Self.sweep, on: d("2026-03-10"), calendar: calendar)
        }
        #expect(throws: CaseRuleError.onlyTheSweep(action: .terminate)) {
            try CaseTransition.apply(.terminate(reason: "逾期"), to: f, by: Self.sweep, on: d("2026-03-10"), calendar: calendar)
        }
        let suspended = try CaseTransition.apply(.suspend(.supplementsOverdue), to: f, by: Self.sweep, on: d("2026-03-10"), calendar: calendar)
        #expect(throws: CaseRuleError.materialsOutstanding(count: 1)) {
            try CaseTransition.apply(.resume, to: suspended, by: Self.supervisor, on: d("2026-03-11"), calendar: calendar)
        }
    }

    @Test func everyRefusalIsBilingual() {
        let errors: [CaseRuleError] = [
            .illegalTransition(from: .accepted, action: .approve), .notPermitted(action: .approve, needs: [.approver]),
            .notTheReviewer(assigned: "R2"), .notTheApprover(assigned: "A2"), .reviewerCannotApprove,
            .approverLevelTooLow(needed: .deputyDirector, has: .sectionChief), .approverLevelTooLow(needed: .sectionChief, has: nil),
            .reasonInvalid(.empty(FreeText.reason)), .extensionNotAllowed, .extensionAlreadyUsed, .extensionNeedsDeputyDirector,
            .extensionTooLate(statutoryDeadline: d("2026-03-30")), .materialsOutstanding(count: 2), .materialNotOutstanding(position: 3),
            .supplementsNotOverdue, .onlyTheSweep(action: .suspend), .dateBeforeSuspension(on: d("2026-03-03"), since: d("2026-03-04")),
            .supplementDaysTooMany(requested: 8, allowed: 5), .deadlineUnknown(.scheduleNotLoaded(year: 2027)),
        ]
        for error in errors {
            #expect(!error.message.en.isEmpty && !error.message.zh.isEmpty && error.message.en != error.message.zh)
        }
        #expect(CaseActionKind.allCases.map(\.rawValue) == ["startReview", "submitReview", "approve", "reject", "issueResult", "handOver",
                                                            "acknowledge", "suspend", "resume", "extend", "supplement", "withdraw", "terminate"])
    }
}
