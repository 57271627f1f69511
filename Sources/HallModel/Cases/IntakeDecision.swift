import Queue

/// One material of the item's checklist as the window found it.
public struct ChecklistEntry: Sendable, Hashable {
    public var status: MaterialStatus
    /// What is wrong with a defective material (required for `defective`: the notice must say it).
    public var note: String?

    public init(_ status: MaterialStatus, note: String? = nil) { self.status = status; self.note = note }
}

/// The item's material checklist at the window, one entry per material in published order (position 1 first).
public struct IntakeChecklist: Sendable, Hashable {
    public var entries: [ChecklistEntry]

    public init(_ entries: [ChecklistEntry]) { self.entries = entries }

    /// Where the window starts: a material another department shares (数据共享) is in without the applicant
    /// bringing it (`provided`); every other one is `missing` until the clerk marks it.
    public static func initial(for item: CatalogItem) -> IntakeChecklist {
        IntakeChecklist(item.materials.map { ChecklistEntry($0.source == .shared ? .provided : .missing) })
    }

    /// The entry at a 1-based position. A position outside the list reads as missing and is not written (never a
    /// trap: callers check positions against the item and say so, as `case intake` does).
    public subscript(position: Int) -> ChecklistEntry {
        get { entries.indices.contains(position - 1) ? entries[position - 1] : ChecklistEntry(.missing) }
        set { if entries.indices.contains(position - 1) { entries[position - 1] = newValue } }
    }

    /// 1-based positions of the materials not in (missing or defective).
    public var outstandingPositions: [Int] {
        entries.indices.filter { !entries[$0].status.isIn }.map { $0 + 1 }
    }
}

/// Why a refusal (不予受理, art. 32 (1)(2)): a stable key, with the clerk's free text beside it.
public enum RefusalReason: String, Codable, Sendable, Hashable, CaseIterable {
    /// The matter is not for this organ (or not for an administrative organ) to decide.
    case notThisOrgan
    /// The matter needs no administrative licence.
    case noLicenceNeeded

    public var label: Bilingual {
        switch self {
        case .notThisOrgan: Bilingual(en: "not for this organ to decide", zh: "申请事项依法不属于本行政机关职权范围")
        case .noLicenceNeeded: Bilingual(en: "needs no administrative licence", zh: "申请事项依法不需要取得行政许可")
        }
    }
}

/// Why a decision is not possible at the window now. Each one is shown beside the decision on the form.
public enum IntakeObstacle: Sendable, Hashable {
    /// The hall's platform level may not handle the item; `allowed` says where it is handled.
    case siteLevelNotAllowed(here: SiteLevel, allowed: [SiteLevel])
    /// Accept: these materials (1-based positions) are not in.
    case materialsOutstanding([Int])
    /// 容缺: these core materials are not in (a core material is never waived).
    case coreMaterialsOutstanding([Int])
    /// 容缺: the item's published list does not allow it.
    case toleranceNotAllowed
    /// 容缺: the applicant is flagged (失信).
    case applicantFlagged
    /// 容缺 and the one-time notice need something outstanding: everything is in (accept instead).
    case nothingOutstanding
    /// A defective material needs a note saying what is wrong (the notice lists it).
    case defectiveWithoutNote([Int])
    /// Deciding a "received, checking" intake: it is that already, and must now be decided.
    case alreadyPending

    var isSiteLevel: Bool { if case .siteLevelNotAllowed = self { true } else { false } }

    /// The whole refusal when the site may not handle the item: no decision but a refusal is possible here, whichever
    /// was asked for, so the message says the item is not taken in at this site at all and where it is handled.
    var siteLevelRefusal: Bilingual? {
        guard case .siteLevelNotAllowed(let here, let allowed) = self else { return nil }
        return Bilingual(
            en: "This item cannot be taken in at a \(here.label.en.lowercased()) site at all: it is handled at \(allowed.map { $0.label.en.lowercased() }.joined(separator: " or ")). Only a refusal telling the applicant where to apply is possible here.",
            zh: "本级（\(here.label.zh)）不能受理此事项，请到\(allowed.map(\.label.zh).joined(separator: "、"))办理；此处只能作出不予受理决定，告知申请人向何处申请。")
    }
    static let siteLevelFallback = Bilingual(en: "This item cannot be taken in at this site at all.", zh: "本级不受理此事项。")

    public var message: Bilingual {
        func list(_ positions: [Int]) -> String { positions.map(String.init).joined(separator: ", ") }
        switch self {
        case .siteLevelNotAllowed(let here, let allowed):
            return Bilingual(
                en: "not handled at a \(here.label.en.lowercased()) site; handled at: \(allowed.map { $0.label.en.lowercased() }.joined(separator: ", "))",
                zh: "本级（\(here.label.zh)）不能受理此事项，请到\(allowed.map(\.label.zh).joined(separator: "、"))办理")
        case .materialsOutstanding(let p):
            return Bilingual(en: "materials not in: \(list(p))", zh: "材料未齐：第 \(list(p)) 项")
        case .coreMaterialsOutstanding(let p):
            return Bilingual(en: "core materials not in: \(list(p))", zh: "核心材料未齐：第 \(list(p)) 项")
        case .toleranceNotAllowed:
            return Bilingual(en: "the item does not allow acceptance with deficiency", zh: "此事项不适用容缺受理")
        case .applicantFlagged:
            return Bilingual(en: "the applicant is flagged for bad credit", zh: "申请人已被列为失信主体")
        case .nothingOutstanding:
            return Bilingual(en: "every material is in: accept", zh: "材料已齐全，应予受理")
        case .defectiveWithoutNote(let p):
            return Bilingual(en: "say what is wrong with material \(list(p))", zh: "请注明第 \(list(p)) 项材料的问题")
        case .alreadyPending:
            return Bilingual(en: "it is already received, checking: decide it now", zh: "已是“材料已收，审查中”，现须作出决定")
        }
    }
}

/// For each decision, whether it is possible now and, if not, why: what the intake form shows at every moment.
public struct IntakeAssessment: Sendable, Hashable {
    /// Empty for a possible decision. Every decision has an entry.
    public let obstacles: [IntakeDecisionKind: [IntakeObstacle]]
    /// 1-based positions of the materials not in.
    public let outstanding: [Int]

    public func isPossible(_ kind: IntakeDecisionKind) -> Bool { obstacles[kind]?.isEmpty ?? false }
    public func obstacles(to kind: IntakeDecisionKind) -> [IntakeObstacle] { obstacles[kind] ?? [] }
    /// The possible decisions, in `IntakeDecisionKind.allCases` order.
    public var possible: [IntakeDecisionKind] { IntakeDecisionKind.allCases.filter(isPossible) }
}

/// The intake decision rule (Administrative Licensing Law art. 32; the bureau's 容缺受理 rules). Pure.
public enum IntakeDecision {
    /// - accept: the site level allows the item and every material is in;
    /// - tolerate (容缺): the site level allows it, the item allows 容缺, every core material is in, something
    ///   (tolerable) is outstanding, the applicant is not flagged, and every defective material has a note;
    /// - notice (一次性告知): the site level allows the item, something is missing or defective, and every defective
    ///   material has a note (a notice promises acceptance once the materials are complete: a site that cannot
    ///   accept the item must not promise it);
    /// - pending ("received, checking"): the site level allows the item (art. 32 would turn it into an acceptance);
    /// - refuse (不予受理): always possible (its reason and particulars are asked for) — at a site that does not
    ///   handle the item it is the decision, telling the applicant where to apply (art. 32 (2)).
    /// A checklist shorter than the item's list counts the absent entries as missing.
    /// `deciding`: the intake is a "received, checking" one being decided: pending again is not a decision.
    public static func assess(item: CatalogItem, checklist: IntakeChecklist, applicantFlagged: Bool,
                              siteLevel: SiteLevel, deciding: Bool = false) -> IntakeAssessment {
        let statuses = item.materials.indices.map { $0 < checklist.entries.count ? checklist.entries[$0] : ChecklistEntry(.missing) }
        let outstanding = statuses.indices.filter { !statuses[$0].status.isIn }.map { $0 + 1 }
        let coreOutstanding = outstanding.filter { item.materials[$0 - 1].kind == .core }
        let unnoted = statuses.indices.filter {
            statuses[$0].status == .defective && (statuses[$0].note ?? "").trimmingWhitespace().isEmpty
        }.map { $0 + 1 }

        var site: [IntakeObstacle] = []
        if !item.allowedSiteLevels.contains(siteLevel) {
            site.append(.siteLevelNotAllowed(here: siteLevel, allowed: item.sortedSiteLevels))
        }
        // "Every material is in: accept" only where accepting is possible: at a site that does not handle the item it
        // would send the clerk towards a decision the site cannot make.
        let complete = outstanding.isEmpty && site.isEmpty
        var accept = site
        if !outstanding.isEmpty { accept.append(.materialsOutstanding(outstanding)) }

        var tolerate = site
        if !item.toleranceAllowed { tolerate.append(.toleranceNotAllowed) }
        if !coreOutstanding.isEmpty { tolerate.append(.coreMaterialsOutstanding(coreOutstanding)) }
        if complete { tolerate.append(.nothingOutstanding) }
        if applicantFlagged { tolerate.append(.applicantFlagged) }
        if !unnoted.isEmpty { tolerate.append(.defectiveWithoutNote(unnoted)) }

        var notice = site
        if complete { notice.append(.nothingOutstanding) }
        if !unnoted.isEmpty { notice.append(.defectiveWithoutNote(unnoted)) }

        return IntakeAssessment(obstacles: [.accept: accept, .tolerate: tolerate, .notice: notice, .refuse: [], .pending: deciding ? site + [.alreadyPending] : site],
                                outstanding: outstanding)
    }
}
