import HallModel
import Queue

/// Drawing the intake form: a title row with the steps, the step's body, the form's message line and a
/// two-row key bar from the step's key table. Theme roles only (monochrome works); every column by
/// `DisplayWidth`, long names cut with "…".
extension IntakeForm {
    public func render(into grid: inout CellGrid, rect: Rect, language: Language) {
        let rows = rect.splitRows([.fixed(1), .fill(), .fixed(1), .fixed(2)])
        renderTitle(into: &grid, rows[0], language)
        let body = rows[1].inset(dx: 1, dy: 0)
        switch step {
        case .item: renderItem(into: &grid, body, language)
        case .applicant: renderApplicant(into: &grid, body, language)
        case .materials: renderMaterials(into: &grid, body, language)
        case .decision: renderDecision(into: &grid, body, language)
        case .details: renderDetails(into: &grid, body, language)
        case .confirm: renderConfirm(into: &grid, body, language)
        }
        if let message {
            grid.put(TextFitting.truncateAtWord(" " + message.message.text(language), to: rows[2].width), in: rows[2],
                     role: message.isError ? .statusError : .statusInfo, marker: TextFitting.ellipsis)
        }
        KeyBar.render(keys.keyBarItems(self), into: &grid, rect: rows[3], language: language)
    }

    /// " 受理 A004   1 事项 > 2 申请人 > 3 材料 > 4 决定": the step the form is on highlighted.
    private func renderTitle(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        grid.fill(rect, role: .title)
        var title = UIText.intakeTitle(setup.ticketCode).text(language)
        if let batch = setup.batch { title += " · " + UIText.intakeBatch(agent: batch.agentID, ordinal: batch.ordinal).text(language) }
        var x = grid.put(" " + title + "   ", x: rect.x, y: rect.y, role: .title, limit: rect.maxX)
        for (index, name) in UIText.intakeSteps.enumerated() {
            if index > 0 { x = grid.put(" > ", x: x, y: rect.y, role: .title, limit: rect.maxX) }
            x = grid.put(" \(index + 1) \(name.text(language)) ", x: x, y: rect.y, role: index + 1 == step.number ? .selected : .title,
                         limit: rect.maxX)
        }
    }

    private func line(_ grid: inout CellGrid, _ text: String, _ rect: Rect, _ y: Int, role: StyleRole = .normal) {
        guard y < rect.maxY else { return }
        grid.put(text, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role, marker: TextFitting.ellipsis)
    }

    /// "事项：食品经营许可（市场监管局）" on the body's first row.
    private func renderChosenItem(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        guard let item else { return }
        line(&grid, UIText.intakeItemLine(item.name, setup.index.departmentName(item.departmentCode)).text(language), rect, rect.y, role: .header)
    }

    // MARK: Step 1: the item

    private func renderItem(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        guard rect.height >= 4 else { return }
        let label = UIText.intakeSearch.text(language)
        let x = grid.put(label, x: rect.x, y: rect.y, role: .muted, limit: rect.maxX)
        // The count, and the time-limit column's legend (as the catalog screen has it) when it fits.
        let legend = UIText.catalogLimitsLegend.text(language) + "  "
        var count = UIText.intakeResultCount(results.count).text(language)
        if rect.width - x - 24 - count.displayWidth >= legend.displayWidth { count = legend + count }
        let countX = rect.maxX - count.displayWidth
        query.render(into: &grid, rect: Rect(x: x, y: rect.y, width: max(0, min(30, countX - x - 2)), height: 1), focused: true)
        grid.put(count, x: countX, y: rect.y, role: .muted, limit: rect.maxX)

        // The catalog list's columns: name | department | promised/statutory | 容缺.
        let limitWidth = 9, toleranceWidth = 6
        let departmentWidth = min(16, rect.width / 5)
        let nameWidth = max(8, rect.width - departmentWidth - limitWidth - toleranceWidth - 3)
        func row(_ y: Int, _ cells: [String], role: StyleRole) {
            var cx = rect.x
            for (text, width) in zip(cells, [nameWidth, departmentWidth, limitWidth, toleranceWidth]) {
                cx = grid.put(text, x: cx, y: y, width: min(width, max(0, rect.maxX - cx)), role: role, marker: TextFitting.ellipsis)
                cx = grid.put(" ", x: cx, y: y, role: role, limit: rect.maxX)
            }
        }
        row(rect.y + 1, [UIText.catalogColumnName, UIText.catalogColumnDepartment, UIText.catalogColumnLimits, UIText.catalogColumnTolerance]
            .map { $0.text(language) }, role: .header)
        var list = resultList
        list.pageSize = max(1, rect.height - 3)
        for (offset, index) in list.visibleRange.enumerated() {
            let candidate = setup.index.items[results[index]]
            let role: StyleRole = index == list.selected ? .selected : (siteObstacle(candidate) == nil ? .normal : .muted)
            row(rect.y + 2 + offset, [candidate.name, setup.index.departmentName(candidate.departmentCode), CatalogScreen.limits(candidate, language),
                                      candidate.toleranceAllowed ? UIText.catalogToleranceMark.text(language) : ""], role: role)
        }
        if results.isEmpty { line(&grid, UIText.intakeNoItem.text(language), rect, rect.y + 2, role: .muted) }
        // Below the list: where the selected item is handled when not here, else its materials.
        if let selected = selectedItem {
            if let obstacle = siteObstacle(selected) {
                line(&grid, obstacle.message.text(language), rect, rect.maxY - 1, role: .warning)
            } else {
                line(&grid, UIText.intakeItemSummary(selected.materials.count, selected.materials.filter { $0.kind == .core }.count)
                    .text(language), rect, rect.maxY - 1, role: .muted)
            }
        }
    }

    // MARK: Step 2: the applicant

    private func renderApplicant(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        renderChosenItem(into: &grid, rect, language)
        guard rect.height >= 4 else { return }
        var x = grid.put(UIText.intakeApplicantKind.text(language), x: rect.x, y: rect.y + 2, role: .muted, limit: rect.maxX)
        for kind in ApplicantKind.allCases {
            x = grid.put(" " + kind.label.text(language) + " ", x: x, y: rect.y + 2, role: kind == applicantKind ? .selected : .muted,
                         limit: rect.maxX) + 1
        }
        applicantForm.render(into: &grid, rect: Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: rect.height - 4), language: language)
        // Below the fields (two rows each): who acts for the applicant, and the proxy agent chosen.
        let y = rect.y + 4 + applicantForm.fields.count * 2 + 1
        guard y < rect.maxY else { return }
        x = grid.put(UIText.intakeRepresentative.text(language), x: rect.x, y: y, role: .muted, limit: rect.maxX)
        for kind in RepresentativeKind.allCases {
            x = grid.put(" " + kind.label.text(language) + " ", x: x, y: y, role: kind == representativeKind ? .selected : .muted,
                         limit: rect.maxX) + 1
        }
        if representativeKind == .proxyAgent, setup.agents.indices.contains(agentIndex), y + 1 < rect.maxY {
            let agent = setup.agents[agentIndex]
            line(&grid, UIText.intakeProxyAgent(agent.id, agent.name, of: agentIndex + 1, setup.agents.count).text(language), rect, y + 1)
        }
    }

    // MARK: Step 3: the materials, with the decisions live

    private func renderMaterials(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        renderChosenItem(into: &grid, rect, language)
        let decisions = IntakeDecisionKind.allCases.count + 1
        guard rect.height >= decisions + 3 else { return }
        let kindWidth = UIText.intakeMaterialKinds.map { $0.text(language).displayWidth }.max() ?? 4
        let listRect = Rect(x: rect.x + kindWidth + 1, y: rect.y + 1, width: rect.width - kindWidth - 1,
                            height: Self.checklistRows(body: rect.height))
        var list = checklist.list
        list.pageSize = max(1, listRect.height)
        if let item {
            for (offset, index) in list.visibleRange.enumerated() where item.materials.indices.contains(index) {
                let kind = item.materials[index].kind == .core ? UIText.intakeMaterialKinds[0] : UIText.intakeMaterialKinds[1]
                grid.put(kind.text(language), x: rect.x, y: listRect.y + offset, width: kindWidth,
                         role: item.materials[index].kind == .core ? .normal : .muted)
            }
        }
        checklist.render(into: &grid, rect: listRect, language: language)
        renderPossibleDecisions(into: &grid, Rect(x: rect.x, y: rect.maxY - decisions, width: rect.width, height: decisions), language)
    }

    /// "可作的决定" and one row per decision: possible, or why not.
    private func renderPossibleDecisions(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        guard let assessment else { return }
        line(&grid, UIText.intakePossibleDecisions.text(language), rect, rect.y, role: .header)
        let labelWidth = IntakeDecisionKind.allCases.map { $0.label.text(language).displayWidth }.max() ?? 8
        for (offset, kind) in IntakeDecisionKind.allCases.enumerated() {
            let y = rect.y + 1 + offset
            guard y < rect.maxY else { return }
            let possible = assessment.isPossible(kind)
            var x = grid.put("  " + kind.label.text(language), x: rect.x, y: y, width: labelWidth + 2, role: possible ? .ok : .muted)
            x = grid.put("  ", x: x, y: y, limit: rect.maxX)
            grid.put(Self.why(kind, assessment, language, width: rect.maxX - x, more: UIText.intakeMoreObstaclesOnTab),
                     in: Rect(x: x, y: y, width: max(0, rect.maxX - x), height: 1), role: possible ? .ok : .muted)
        }
    }

    /// Why a decision is not possible, in `width` columns: the whole obstacles that fit, then "+N more" (`more`,
    /// saying where the rest are listed) for the ones that do not; the first one cut at a word when even it does not.
    static func why(_ kind: IntakeDecisionKind, _ assessment: IntakeAssessment, _ language: Language, width: Int,
                    more: (Int) -> Bilingual) -> String {
        let texts = assessment.obstacles(to: kind).map { $0.message.text(language) }
        let separator = language == .zh ? "；" : "; "
        let joined = texts.isEmpty ? UIText.intakePossible.text(language) : texts.joined(separator: separator)
        guard DisplayWidth.of(joined) > width, !texts.isEmpty else { return joined }
        for shown in stride(from: texts.count - 1, through: 1, by: -1) {
            let candidate = texts.prefix(shown).joined(separator: separator) + more(texts.count - shown).text(language)
            if DisplayWidth.of(candidate) <= width { return candidate }
        }
        let tail = texts.count > 1 ? more(texts.count - 1).text(language) : ""
        return TextFitting.truncateAtWord(texts[0], to: max(1, width - DisplayWidth.of(tail))) + tail
    }

    // MARK: Step 4: the decision

    private func renderDecision(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        renderChosenItem(into: &grid, rect, language)
        guard let assessment, rect.height >= 3 else { return }
        if let applicant {
            line(&grid, UIText.intakeApplicantLine(applicant.name, applicant.kind.masked(applicant.idNumber)).text(language), rect, rect.y + 1)
        }
        let labelWidth = IntakeDecisionKind.allCases.map { $0.label.text(language).displayWidth }.max() ?? 8
        for (offset, kind) in IntakeDecisionKind.allCases.enumerated() {
            let y = rect.y + 3 + offset * 2
            guard y < rect.maxY else { return }
            let possible = assessment.isPossible(kind)
            let selected = offset == decisionList.selected
            let role: StyleRole = selected ? .selected : (possible ? .normal : .muted)
            var x = grid.put(" \(offset + 1) " + kind.label.text(language), x: rect.x, y: y, width: labelWidth + 3, role: role)
            x = grid.put("  ", x: x, y: y, limit: rect.maxX)
            grid.put(Self.why(kind, assessment, language, width: rect.maxX - x, more: UIText.intakeMoreObstaclesBelow),
                     in: Rect(x: x, y: y, width: max(0, rect.maxX - x), height: 1), role: possible ? .ok : .warning)
        }
        // Below the decisions: every obstacle to the selected one, each on its own lines (none is ever cut off).
        let kind = IntakeDecisionKind.allCases[decisionList.selected]
        let obstacles = assessment.obstacles(to: kind)
        var y = rect.y + 3 + IntakeDecisionKind.allCases.count * 2
        guard !obstacles.isEmpty, y < rect.maxY else { return }
        line(&grid, UIText.intakeObstaclesTo(kind.label).text(language), rect, y, role: .header)
        y += 1
        for obstacle in obstacles {
            for (n, part) in TextFitting.wrap(obstacle.message.text(language), to: rect.width - 4).enumerated() where y < rect.maxY {
                line(&grid, (n == 0 ? "  · " : "    ") + part, rect, y, role: .warning)
                y += 1
            }
        }
    }

    // MARK: The particulars and the confirmation

    private func renderDetails(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        renderChosenItem(into: &grid, rect, language)
        guard rect.height >= 6 else { return }
        if decision == .tolerate {
            let x = grid.put(UIText.intakeSupplementDays.text(language), x: rect.x, y: rect.y + 2, role: .muted, limit: rect.maxX)
            supplementDays.render(into: &grid, rect: Rect(x: x, y: rect.y + 2, width: 3, height: 1), focused: true)
            let unitEnd = grid.put(UIText.intakeSupplementDaysUnit.text(language), x: x + 3, y: rect.y + 2, role: .muted, limit: rect.maxX)
            // The note after the unit where it fits (a wide screen, Chinese), else whole on the row below.
            let note = UIText.intakeSupplementDaysNote(setup.supplementDaysCap).text(language)
            if unitEnd + DisplayWidth.of(note) <= rect.maxX {
                grid.put(note, x: unitEnd, y: rect.y + 2, role: .muted, limit: rect.maxX)
            } else {
                grid.put(note, x: rect.x + 2, y: rect.y + 3, role: .muted, limit: rect.maxX)
            }
            renderOutstanding(into: &grid, Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: rect.height - 4), language)
        } else {
            line(&grid, UIText.intakeRefusalReason.text(language), rect, rect.y + 2, role: .muted)
            for (offset, reason) in RefusalReason.allCases.enumerated() {
                line(&grid, " \(offset + 1) " + reason.label.text(language), rect, rect.y + 3 + offset,
                     role: offset == refusalList.selected ? .selected : .normal)
            }
            let y = rect.y + 4 + RefusalReason.allCases.count
            let x = grid.put(UIText.intakeRefusalText.text(language), x: rect.x, y: y, role: .muted, limit: rect.maxX)
            refusalText.render(into: &grid, rect: Rect(x: x, y: y, width: max(0, rect.maxX - x), height: 1), focused: true)
        }
    }

    /// The materials not in, each with its mark and note: what the notice will list.
    private func renderOutstanding(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        guard let item, let assessment, rect.height > 0 else { return }
        line(&grid, UIText.intakeOutstanding(assessment.outstanding.count).text(language), rect, rect.y, role: .header)
        for (offset, position) in assessment.outstanding.enumerated() where rect.y + 1 + offset < rect.maxY {
            let row = checklist.rows[position - 1]
            line(&grid, "  " + UIText.intakeOutstandingRow(position, item.materials[position - 1].name, row.mark.status.label, note: row.note)
                .text(language), rect, rect.y + 1 + offset)
        }
    }

    private func renderConfirm(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        renderChosenItem(into: &grid, rect, language)
        guard let decision, let item, rect.height >= 6 else { return }
        var y = rect.y + 1
        if let applicant {
            line(&grid, UIText.intakeApplicantLine(applicant.name, applicant.kind.masked(applicant.idNumber)).text(language), rect, y)
            y += 1
        }
        line(&grid, UIText.intakeDecisionLine(decision.label).text(language), rect, y, role: .highlight)
        y += 1
        switch decision {
        case .tolerate:
            line(&grid, UIText.intakeSupplementLine(Int(supplementDays.text) ?? 0, promised: item.promisedLimit.label)
                .text(language), rect, y)
            y += 1
        case .refuse:
            line(&grid, UIText.intakeRefusalLine(RefusalReason.allCases[refusalList.selected].label, refusalText.text).text(language), rect, y)
            y += 1
        case .accept, .notice, .pending: break
        }
        y += 1
        if decision == .tolerate || decision == .notice {
            renderOutstanding(into: &grid, Rect(x: rect.x, y: y, width: rect.width, height: max(0, rect.maxY - y - 2)), language)
        }
        line(&grid, UIText.intakeConfirmHint(decision).text(language), rect, rect.maxY - 1, role: .highlight)
    }
}
