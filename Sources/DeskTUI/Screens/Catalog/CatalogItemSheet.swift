import HallModel
import Queue

/// Everything of one item's published list, laid out as lines of a given width: the catalog screen's
/// detail view draws it, and `desk catalog show` prints it, so both always show the same.
public struct CatalogItemSheet: Sendable {
    /// One line: pieces of text, each with its role.
    public struct Line: Sendable, Hashable {
        public var segments: [Segment]
        public var text: String { segments.map(\.text).joined() }
        init(_ segments: [Segment]) { self.segments = segments }
        init(_ text: String, _ role: StyleRole = .normal) { segments = [Segment(text: text, role: role)] }
    }

    public struct Segment: Sendable, Hashable {
        public var text: String
        public var role: StyleRole
    }

    public let lines: [Line]

    public init(item: CatalogItem, departmentName: (String) -> String, language: Language, width: Int) {
        var lines: [Line] = []
        let t = { (b: Bilingual) in b.text(language) }
        let fields: [(Bilingual, String)] = [
            (UIText.sheetCode, item.implementationCode),
            (UIText.sheetType, "\(item.itemType.code) \(t(item.itemType.label))"),
            (UIText.sheetDepartment, departmentName(item.departmentCode)
                + (language == .zh ? "（\(item.departmentCode)）" : " (\(item.departmentCode))")),
            (UIText.sheetLegalBasis, item.legalBasis.isEmpty ? t(UIText.sheetNone) : item.legalBasis),
            (UIText.sheetConditions, item.conditions.isEmpty ? t(UIText.sheetNone) : item.conditions),
            (UIText.sheetProcess, item.processSteps.isEmpty ? t(UIText.sheetNone)
                : item.processSteps.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n")),
            (UIText.sheetStatutory, item.statutoryExtension.map { t(UIText.sheetExtension(item.statutoryLimit, extension: $0)) }
                ?? t(item.statutoryLimit.label)),
            (UIText.sheetPromised, t(item.promisedLimit.label)),
            (UIText.sheetFee, item.fee.map { t(UIText.sheetFeeAmount($0.yuanText, basis: $0.basis)) } ?? t(UIText.sheetFree)),
            (UIText.sheetVisits, t(UIText.sheetVisitCount(item.visitsRequired))),
            (UIText.sheetOnline, t(item.online ? UIText.yes : UIText.no)),
            (UIText.sheetPhone, item.supervisionPhone.isEmpty ? t(UIText.sheetNone) : item.supervisionPhone),
            (UIText.sheetApprover, t(item.finalApprover.label)),
            (UIText.sheetLevels, item.sortedSiteLevels.map { t($0.label) }.joined(separator: language == .zh ? "、" : ", ")),
            (UIText.sheetTolerance, t(item.toleranceAllowed ? UIText.sheetToleranceAllowed : UIText.sheetToleranceNotAllowed)),
            (UIText.sheetLine, item.linePrefix),
        ]
        let labelWidth = fields.map { DisplayWidth.of(t($0.0)) }.max()! + 2
        let valueWidth = max(10, width - labelWidth)
        for (label, value) in fields {
            for (n, part) in TextFitting.wrap(value, to: valueWidth).enumerated() {
                let head = n == 0 ? TextFitting.pad(t(label), to: labelWidth) : String(repeating: " ", count: labelWidth)
                lines.append(Line([Segment(text: head, role: .muted), Segment(text: part, role: .normal)]))
            }
        }

        lines.append(Line(""))
        guard !item.materials.isEmpty else {
            lines.append(Line(t(UIText.sheetNoMaterials), .header))
            self.lines = lines
            return
        }
        lines.append(Line(t(UIText.sheetMaterialsHeading(item.materials.count, core: item.coreMaterials.count,
                                                          tolerable: item.tolerableMaterials.count)), .header))
        let numberWidth = String(item.materials.count).count + 2
        let kindWidth = MaterialKind.allCases.map { DisplayWidth.of(t($0.label)) }.max()! + 1
        let formWidth = MaterialForm.allCases.map { DisplayWidth.of(t($0.label)) }.max()! + 1
        let copiesWidth = item.materials.map { DisplayWidth.of(t(UIText.sheetCopies($0.copies))) }.max()! + 1
        let indent = numberWidth + kindWidth + formWidth + copiesWidth
        let nameWidth = max(10, width - indent)
        for (i, m) in item.materials.enumerated() {
            var extras: [String] = []
            if m.blankFormAvailable { extras.append(t(UIText.sheetBlankForm)) }
            if m.sampleAvailable { extras.append(t(UIText.sheetSample)) }
            let nameText = ([m.name] + extras).joined(separator: " ")
            let nameLines = TextFitting.wrap(nameText, to: nameWidth)
            lines.append(Line([
                Segment(text: TextFitting.pad("\(i + 1).", to: numberWidth), role: .normal),
                Segment(text: TextFitting.pad(t(m.kind.label), to: kindWidth), role: m.kind == .core ? .ok : .warning),
                Segment(text: TextFitting.pad(t(m.form.label), to: formWidth), role: .normal),
                Segment(text: TextFitting.pad(t(UIText.sheetCopies(m.copies)), to: copiesWidth), role: .normal),
                Segment(text: nameLines[0], role: .normal),
            ]))
            var more = nameLines.dropFirst().map { ($0, StyleRole.normal) }
            var sharedBy: Bilingual?
            if m.source == .shared, let code = m.sourceDepartmentCode {
                let sentence = UIText.sheetSharedBy(departmentName(code))
                sharedBy = sentence
                more += TextFitting.wrap(t(sentence), to: nameWidth).map { ($0, .muted) }
            }
            // A note that only says what the lines above already say (the sharing sentence, the name) is not repeated.
            let note = m.notes.trimmingCharacters(in: .whitespacesAndNewlines)
            if !note.isEmpty, note != m.name, note != sharedBy?.zh, note != sharedBy?.en {
                more += TextFitting.wrap(t(UIText.sheetNotes) + m.notes, to: nameWidth).map { ($0, .muted) }
            }
            for (text, role) in more {
                lines.append(Line([Segment(text: String(repeating: " ", count: indent), role: .normal), Segment(text: text, role: role)]))
            }
        }
        self.lines = lines
    }

    /// The sheet as plain text, one line per line, trailing spaces removed.
    public var plainText: String {
        lines.map { line in
            var text = line.text
            while text.last == " " { text.removeLast() }
            return text
        }.joined(separator: "\n")
    }
}
