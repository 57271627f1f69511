import Foundation
import Queue

/// The state machine of a case after intake, as pure rules: the facts, the action, who acts and on which day in;
/// the next facts out, or a typed refusal naming the rule. Nothing is read or written here; the store loads the
/// facts, applies, and writes the result with the action's event in one transaction.
public enum CaseTransition {
    /// A written reason's length: a paragraph of a decision letter.
    public static let reasonLimit = 500

    /// The reason as stored: trimmed, not empty, without control characters, at most `reasonLimit` characters. A
    /// refusal names the text by what it is for the action (`CaseActionKind.writtenField`: 审查意见, 延期理由…).
    public static func cleanReason(_ text: String, for kind: CaseActionKind? = nil) throws(CaseRuleError) -> String {
        let field = kind?.writtenField ?? FreeText.reason
        do {
            return try FreeText.clean(text, field: field, limit: reasonLimit)
        } catch let error as FreeTextError {
            throw .reasonInvalid(error)
        } catch {
            throw .reasonInvalid(.empty(field))
        }
    }

    public static func apply(_ action: CaseAction, to facts: CaseFacts, by actor: CaseActor, on date: CivilDate,
                             calendar: WorkingCalendar) throws(CaseRuleError) -> CaseFacts {
        let kind = action.kind
        guard action.fromStates.contains(facts.state) else { throw .illegalTransition(from: facts.state, action: kind) }
        guard !kind.roles.isDisjoint(with: actor.roles) else { throw .notPermitted(action: kind, needs: kind.roles.sorted()) }
        if let text = action.writtenReason { _ = try cleanReason(text, for: kind) }
        // The system account acts only through the sweep's rules (suspend/resume/terminate for overdue supplements).
        let bySystemOnly = actor.roles.contains(.system) && !actor.roles.contains(.supervisor)

        var next = facts
        switch action {
        case .startReview:
            if let assigned = facts.reviewerID, assigned != actor.staffID { throw .notTheReviewer(assigned: assigned) }
            next.reviewerID = actor.staffID
            next.state = .underReview

        case .submitReview:
            if let assigned = facts.reviewerID, assigned != actor.staffID { throw .notTheReviewer(assigned: assigned) }
            next.reviewerID = actor.staffID
            next.state = .underApproval

        case .approve, .reject:
            if let assigned = facts.approverID, assigned != actor.staffID { throw .notTheApprover(assigned: assigned) }
            guard facts.reviewerID != actor.staffID else { throw .reviewerCannotApprove }
            guard actor.approverLevel?.covers(facts.finalApprover) == true else {
                throw .approverLevelTooLow(needed: facts.finalApprover, has: actor.approverLevel)
            }
            next.approverID = actor.staffID
            next.decidedOn = date
            if case .approve = action { next.state = .approved } else { next.state = .notApproved }

        case .issueResult:
            // The licence waits for every 容缺 material; a refusal (不予许可) is served whatever is still missing:
            // the applicant is owed the decision and its remedies (art. 38), and nothing is granted on the gaps.
            // Only a 容缺 case waits: the applicant committed to bring them. A case accepted by art. 32 itself (the hall
            // did not decide in time) may have gaps nobody committed to fill; it was reviewed and decided as it stood.
            if facts.state == .approved, facts.tolerated, !facts.outstandingMaterials.isEmpty {
                throw .materialsOutstanding(count: facts.outstandingCount)
            }
            next.state = .resultIssued

        case .handOver:
            next.state = .handedOver

        case .acknowledge:
            next.state = .acknowledged

        case .suspend(let reason):
            if let resumed = facts.resumedOn, date < resumed { throw .dateBeforeResumption(on: date, resumedOn: resumed) }
            if reason == .supplementsOverdue {
                guard actor.roles.contains(.system) else { throw .onlyTheSweep(action: .suspend) }
                guard isSupplementOverdue(facts, on: date) else { throw .supplementsNotOverdue }
            } else if reason == .intermediaryService {
                // The supermarket's rule stops the clock at the referral (HallDatabase+Agencies), as the program's step.
                guard actor.roles.contains(.system) else { throw .onlyTheSweep(action: .suspend) }
            } else if bySystemOnly {
                throw .notPermitted(action: .suspend, needs: [.supervisor])
            }
            next.suspension = CaseSuspension(since: date, reason: reason, resumeTo: facts.state)
            next.state = .suspended

        case .resume:
            guard let suspension = facts.suspension else { throw .illegalTransition(from: facts.state, action: kind) }
            if bySystemOnly, suspension.reason != .supplementsOverdue, suspension.reason != .intermediaryService {
                throw .notPermitted(action: .resume, needs: [.supervisor])
            }
            if suspension.reason == .supplementsOverdue, !facts.outstandingMaterials.isEmpty {
                throw .materialsOutstanding(count: facts.outstandingCount)
            }
            guard date >= suspension.since else { throw .dateBeforeSuspension(on: date, since: suspension.since) }
            let stopped: Int
            do {
                stopped = try CaseClock.suspendedWorkingDays(since: suspension.since, until: date, calendar: calendar)
            } catch { throw .deadlineUnknown(error) }
            next.clock.suspendedWorkingDays += stopped
            next.state = suspension.resumeTo
            next.suspension = nil
            next.resumedOn = date

        case .extend:
            guard actor.approverLevel == .deputyDirector else { throw .extensionNeedsDeputyDirector }
            guard let days = facts.extensionAllowed, days > 0 else { throw .extensionNotAllowed }
            guard !facts.extensionUsed else { throw .extensionAlreadyUsed }
            let statutory: CivilDate
            do { statutory = try facts.clock.statutoryDeadline(calendar: calendar) } catch { throw .deadlineUnknown(error) }
            guard date <= statutory else { throw .extensionTooLate(statutoryDeadline: statutory) }
            next.extensionUsed = true
            next.clock.extensionDays = days
            // The letter tells the applicant the new deadlines (art. 42): never an extension it cannot state.
            do {
                _ = try next.clock.statutoryDeadline(calendar: calendar)
                _ = try next.clock.promisedDeadline(calendar: calendar)
            } catch { throw .extendedDeadlineUnknown(error) }

        case .supplement(let position):
            guard facts.outstandingMaterials.contains(position) else { throw .materialNotOutstanding(position: position) }
            next.outstandingMaterials.remove(position)
            next.lastSuppliedOn = date

        case .withdraw:
            next.suspension = nil
            next.state = .withdrawn

        case .terminate:
            if bySystemOnly, facts.suspension?.reason != .supplementsOverdue { throw .onlyTheSweep(action: .terminate) }
            next.suspension = nil
            next.state = .terminated
        }
        return next
    }

    /// A 容缺 case whose supplement deadline has passed (`date` is after it) with materials still outstanding.
    public static func isSupplementOverdue(_ facts: CaseFacts, on date: CivilDate) -> Bool {
        guard facts.tolerated, !facts.outstandingMaterials.isEmpty, let due = facts.supplementDeadline else { return false }
        return date > due
    }
}
