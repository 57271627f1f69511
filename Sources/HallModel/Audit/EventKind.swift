import Queue

/// What an event in the audit chain records. Stored by `rawValue` (a stable key, never a label);
/// figures and `audit verify` read them back by these keys.
public enum EventKind: String, CaseIterable, Codable, Sendable {
    // Tickets: the kinds `audit verify` folds to re-derive every ticket's state.
    case issue, call, recall, start, finish, noShow = "no_show", hold, resume, transfer, cancel, requeue, unserved, reopen
    /// The clerk's note on a ticket was set or cleared: it concerns a ticket but changes no state, so verify's fold passes over it.
    case ticketNote = "ticket_note"
    // Windows.
    case signIn = "sign_in", signOut = "sign_out", pause, resumeWindow = "resume_window"
    // Identity.
    case authenticated, signInFailed = "sign_in_failed", accountLocked = "account_locked"
    case screenLocked = "screen_locked", screenUnlocked = "screen_unlocked"
    case staffAdded = "staff_added", staffRolesChanged = "staff_roles_changed", staffDeactivated = "staff_deactivated"
    case staffReactivated = "staff_reactivated", passwordSet = "password_set", staffBound = "staff_bound"
    // The hall.
    case hallCreated = "hall_created", chainStarted = "chain_started", settingsChanged = "settings_changed"
    case lineAdded = "line_added", lineOpened = "line_opened", lineClosed = "line_closed", windowAdded = "window_added"
    case lineChanged = "line_changed"
    case catalogImport = "catalog_import", calendarImport = "calendar_import", dayClose = "day_close"
    // Applicants and intake (issue 9). Case events carry the case number in `detail.case` and the case's ticket.
    case applicantFlagged = "applicant_flagged", applicantUnflagged = "applicant_unflagged"
    case intakeDecided = "intake_decided", caseOpened = "case_opened", documentIssued = "document_issued"
    // A case's life after intake (issue 9), one kind per `CaseActionKind`; `detail` has the case, the day the step
    // took effect (`on`) and the written reason or opinion. `audit verify` passes over them (no ticket state).
    case caseReviewStarted = "case_review_started", caseReviewed = "case_reviewed", caseApproved = "case_approved"
    case caseRejected = "case_rejected", caseResultIssued = "case_result_issued", caseHandedOver = "case_handed_over"
    case caseAcknowledged = "case_acknowledged", caseSuspended = "case_suspended", caseResumed = "case_resumed"
    case caseExtended = "case_extended", caseSupplemented = "case_supplemented", caseWithdrawn = "case_withdrawn"
    case caseTerminated = "case_terminated"
    /// A case's deadlines left uncounted (a year without a holiday schedule) counted once the calendar could, by the
    /// sweep or a write on the case (`detail.by`); `detail` has the dates counted.
    case caseDeadlinesCounted = "case_deadlines_counted"
    /// The sweep flagged an approved 容缺 case whose materials are still out past the supplement deadline, once, for a
    /// supervisor (the decision stands; only the result waits): `detail` has the supplement deadline and the positions
    /// outstanding. No state changes (`CaseSweep.overdueFlag`).
    case caseSupplementOverdueFlagged = "case_supplement_overdue_flagged"
    // 审管联动 (issue 9): a department's or an item's supervising department and liaison set (`desk supervision set`).
    // The handover and its acknowledgement are `case_handed_over` and `case_acknowledged`, with the ledger line.
    case supervisionPairingSet = "supervision_pairing_set"
    // 代办员 (issue 10): `detail` has the job's number (`job`) and, for a job with a case, the case's number (`case`).
    // A job opened (by request, or at the window with its case: `detail.case`, `detail.agent`); assigned or reassigned
    // (`agent`, `from`, `how` = AssignmentMethod, `reason`); linked to the case filed for it; an agent's state or profile.
    case proxyJobOpened = "proxy_job_opened", proxyJobAssigned = "proxy_job_assigned"
    case proxyJobCaseLinked = "proxy_job_case_linked"
    case agentStateChanged = "agent_state_changed", agentProfileSet = "agent_profile_set"
    // Major projects (issue 10): `detail.project` is the project's number; a case added carries `detail.case`; a
    // department's joint-acceptance sign-off carries its verdict, opinion and whether it accepted the project.
    case projectCreated = "project_created", projectCaseAdded = "project_case_added", projectSignedOff = "project_signed_off"
    /// 模拟审批 recorded (`detail.item`, `detail.materials`, `detail.opinion`), and converted into a case (then the case's review events).
    case projectSimulated = "project_simulated", projectSimulationConverted = "project_simulation_converted"
    // The intermediary-service supermarket (issue 10): `detail.case`, `detail.category` (AgencyCategory's key) and the agency.
    // A referral that stops the clock is followed by `case_suspended`, a delivery that restarts it by `case_resumed`.
    case agencyReferred = "agency_referred", agencyChosen = "agency_chosen", agencyDelivered = "agency_delivered"
    case agencyRated = "agency_rated", agencyDirectoryLoaded = "agency_directory_loaded"
    // The agent's screen (issue 10): the agent has seen their inbox up to `detail.through` (an event seq).
    case agentInboxSeen = "agent_inbox_seen"
    // The material handover ledger (ledger10): one event per handover (`handover` id, `number`, `job`, `case`, `from`,
    // `from_name`, `to`, `to_name`, `lines` keyed "1", "2"…, the receipt's `digest`, checked by `audit verify`); the job
    // closed (`job`, `case_state`); a contact with the applicant (`job`, `how` = ContactMethod, `note`, `next`).
    case materialHandover = "material_handover", proxyJobClosed = "proxy_job_closed", contactLogged = "contact_logged"
    // 好差评 (rating11): a rating (`detail`: `ticket` code, `ticket_id`, `level`, `reasons` comma-separated keys, `note`,
    // `source`, `staff`; a bad review's `rectification` number, `unit` and `due`, opened in the same write). The event
    // carries no `ticket_id` column, so a ticket's history (`desk ticket show`, the clerk's screen) never shows a rating.
    case ratingRecorded = "rating_recorded"
    // 整改 (rating11): `detail.rectification` is the ZG-… number. A follow-up (`how`, `reached`, `said`); closed
    // (`outcome`, `note`); extended once (`due` from/to, `reason`); the rating appealed (`ground`, `note`) and the appeal
    // decided (`upheld`, `note`; upheld marks the rating excluded).
    case rectificationVisited = "rectification_visited", rectificationClosed = "rectification_closed"
    case rectificationExtended = "rectification_extended", ratingAppealed = "rating_appealed"
    case ratingAppealDecided = "rating_appeal_decided"
    // Complaints (complaint11, GB/T 36113): `detail.complaint` is the number (TS-…). Registered (`source`, `order` = the 12345
    // work-order number, what it is about, `due`), assigned (`handler`, `unit`, `from`), answered (`reply`, `on_time`),
    // closed (`satisfaction`). No ticket state: `audit verify` passes over them.
    case complaintRegistered = "complaint_registered", complaintAssigned = "complaint_assigned"
    case complaintAnswered = "complaint_answered", complaintClosed = "complaint_closed"
    // The supervisor's hall actions (issue 11, hallops11). A ticket moved by a supervisor is a `transfer` (`detail.from`).
    // A window's profile changed (`detail.lines` "A:1.0,B:0.5", `filter`, and `from_lines`, `from_filter`); a message sent
    // to one window (`window_id`) or to all (no window; `detail.to` "all"), with its `message` id and `text`; a message
    // read at a window (`window_id`, `staff_id`: who read it; `detail.message`).
    case windowProfileSet = "window_profile_set"
    case windowMessageSent = "window_message_sent", windowMessageRead = "window_message_read"

    /// The state a ticket is in after an event of this kind, for kinds that change one.
    public var ticketStateAfter: TicketState? {
        switch self {
        case .issue, .transfer, .requeue, .reopen: .waiting
        case .call, .recall, .resume: .called
        case .start: .serving
        case .finish: .finished
        case .noShow: .noShow
        case .hold: .held
        case .cancel: .cancelled
        case .unserved: .unserved
        default: nil
        }
    }

    /// The event a case action writes.
    public init(_ action: CaseActionKind) {
        switch action {
        case .startReview: self = .caseReviewStarted
        case .submitReview: self = .caseReviewed
        case .approve: self = .caseApproved
        case .reject: self = .caseRejected
        case .issueResult: self = .caseResultIssued
        case .handOver: self = .caseHandedOver
        case .acknowledge: self = .caseAcknowledged
        case .suspend: self = .caseSuspended
        case .resume: self = .caseResumed
        case .extend: self = .caseExtended
        case .supplement: self = .caseSupplemented
        case .withdraw: self = .caseWithdrawn
        case .terminate: self = .caseTerminated
        }
    }

    public init(_ action: TicketAction) {
        switch action {
        case .call: self = .call
        case .recall: self = .recall
        case .start: self = .start
        case .finish: self = .finish
        case .noShow: self = .noShow
        case .hold: self = .hold
        case .resume: self = .resume
        // A supervisor's move changes the line as a transfer does (`detail.from`: the state it was moved from).
        case .transfer, .move: self = .transfer
        case .cancel: self = .cancel
        case .requeue: self = .requeue
        case .dayClose: self = .unserved
        case .reopen: self = .reopen
        }
    }
}
