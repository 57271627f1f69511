import Queue

/// Everything a document issued at the window says, gathered by the intake write. Documents are official
/// Chinese texts (they are not translated): what the applicant takes home and the file keeps.
public struct DocumentFacts: Sendable, Hashable {
    public struct Material: Sendable, Hashable {
        public var position: Int
        public var name: String
        public var kind: MaterialKind
        public var form: MaterialForm
        public var copies: Int
        public var blankFormAvailable: Bool
        /// The published list's note on the material (how to get it, who shares it).
        public var notes: String
        public var status: MaterialStatus
        /// What is wrong with a defective material.
        public var problem: String?

        /// How to supply it, as the one-time notice and the 容缺 notice say: form and copies, the blank form,
        /// the published note, and what to correct.
        public var howToSupply: String {
            var parts = ["提交\(form.label.zh)\(copies)份"]
            if blankFormAvailable { parts.append("空白表格和示例样表可在窗口领取或在网上下载") }
            if !notes.isEmpty { parts.append(notes) }
            if status == .defective, let problem, !problem.isEmpty { parts.insert("存在问题：\(problem)，请补正后重新提交", at: 0) }
            return parts.joined(separator: "；")
        }

        /// How to supply it in a document that does not grant 容缺 (the one-time notice, a suspension or termination,
        /// the art. 32 conversion's acceptance): the published note is left out when it speaks of 容缺 ("可容缺受理，须在
        /// 承诺期限内补齐"), which that document does not grant.
        public var howToSupplyWithoutTolerance: String {
            guard Self.speaksOfTolerance(notes) else { return howToSupply }
            var plain = self
            plain.notes = ""
            return plain.howToSupply
        }

        /// What marks a published note as one about 容缺 acceptance.
        public static let toleranceMarker = "容缺"
        /// A published note about 容缺 acceptance: said only where 容缺 is granted.
        public static func speaksOfTolerance(_ notes: String) -> Bool { notes.contains(toleranceMarker) }
    }

    public var hallName: String
    public var issuedOn: CivilDate
    /// The case number, or for a decision without a case the intake's registration number (登记号).
    public var reference: String
    public var applicantName: String
    public var applicantKind: ApplicantKind
    /// Masked (docs/SECURITY.md): the full number stays in the database.
    public var applicantNumber: String
    public var representative: Representative
    public var itemName: String
    public var itemCode: String
    /// The item's type: a licence (01) is decided under the Administrative Licensing Law, any other type by its own
    /// basis, and its documents say so (`CaseDocumentContent`, docs/cases.md "Documents of items that are not licences").
    public var itemType: ItemType = .licensing
    public var legalBasis: String
    public var supervisionPhone: String
    public var receivedOn: CivilDate
    public var acceptedOn: CivilDate?
    public var statutoryLimit: TimeLimit
    public var promisedLimit: TimeLimit
    /// nil: unknown (a year without a holiday schedule): the document says so instead of guessing.
    public var statutoryDue: CivilDate?
    public var promisedDue: CivilDate?
    public var supplementDue: CivilDate?
    /// The day a 补齐材料期限告知书 told `supplementDue` (a date counted late); nil: told at the window, in the commitment.
    public var supplementToldOn: CivilDate? = nil
    /// The whole checklist, in published order.
    public var materials: [Material]
    public var refusal: RefusalReason?
    public var reasonText: String?
    /// Accepted by art. 32 (4) itself: a "received, checking" intake not decided within 5 working days counts as
    /// accepted from the day the materials arrived; the notice says so, and lists what was not in.
    public var deemedAccepted = false
    /// "Received, checking": the last day the window decides (art. 32); nil: cannot be counted yet (the year's
    /// holiday schedule is not loaded), and the receipt says five working days instead of a date.
    public var decideBy: CivilDate?
    /// The platform levels that handle the item when this site's level does not (empty: handled here). A refusal
    /// because the site's level does not handle the item tells the applicant where to apply (art. 32 (1)(2)).
    public var handledAtLevels: [SiteLevel] = []
    /// The organs the remedies name (hall settings `remedy_review_organ`, `remedy_court`).
    public var remedies = Remedies()
    /// A decision letter's particulars (nil for the documents issued at the window).
    public var letter: LetterFacts?

    /// Where the applicant may seek administrative review and sue (art. 38 ¶2).
    public struct Remedies: Sendable, Hashable {
        public var reviewOrgan = HallSettings.defaultRemedyReviewOrgan
        public var court = HallSettings.defaultRemedyCourt
        public init(reviewOrgan: String = HallSettings.defaultRemedyReviewOrgan, court: String = HallSettings.defaultRemedyCourt) {
            self.reviewOrgan = reviewOrgan; self.court = court
        }
    }

    /// What a letter issued with a case action says beyond the case itself.
    public struct LetterFacts: Sendable, Hashable {
        /// The day of the action (the decision, the extension, the suspension…).
        public var actedOn: CivilDate
        /// The written reason of the decision, extension or termination.
        public var reason: String?
        /// The case's state after the action, and for a result the decision served.
        public var decision: CaseState?
        /// 送达期限 (art. 44), for an approval.
        public var resultDue: CivilDate?
        public var extensionDays: Int = 0
        public var suspension: SuspensionReason?
        /// An overdue 容缺 supplement: the last day of the grace period before termination (nil: cannot be counted).
        public var graceDue: CivilDate?
        /// A resumption: the day the suspension it ends began, and the working days it stopped the clock.
        public var suspendedSince: CivilDate?
        public var stoppedWorkingDays: Int = 0
        public init(actedOn: CivilDate, reason: String? = nil, decision: CaseState? = nil, resultDue: CivilDate? = nil,
                    extensionDays: Int = 0, suspension: SuspensionReason? = nil, graceDue: CivilDate? = nil,
                    suspendedSince: CivilDate? = nil, stoppedWorkingDays: Int = 0) {
            self.actedOn = actedOn; self.reason = reason; self.decision = decision; self.resultDue = resultDue
            self.extensionDays = extensionDays; self.suspension = suspension; self.graceDue = graceDue
            self.suspendedSince = suspendedSince; self.stoppedWorkingDays = stoppedWorkingDays
        }
    }

    /// A licence (item type 01): the documents cite the Administrative Licensing Law. Any other type of item (给付, 确认,
    /// 公共服务…) is not decided under that law: its documents cite the item's own basis, or none.
    public var isLicence: Bool { itemType == .licensing }

    /// The materials not in (missing or defective), in published order.
    public var outstanding: [Material] { materials.filter { !$0.status.isIn } }
}

extension CivilDate {
    /// 2026年3月2日, as official documents write dates.
    public var chineseText: String { "\(year)年\(month)月\(day)日" }
}
