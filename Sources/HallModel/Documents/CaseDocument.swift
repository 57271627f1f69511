import Queue

/// A document as issued: its kind, its plain text (fixed width, ≤ 80 columns a line: fits an A4 page in a
/// monospaced 10-point font), its self-contained HTML page (A4 print CSS) and the SM3 digest of the text.
public struct CaseDocument: Sendable, Hashable {
    public var kind: CaseDocumentKind
    public var text: String
    public var html: String
    /// SM3 of the text's UTF-8 bytes, lower-case hex; also in the audit chain's `document_issued` event.
    public var digest: String

    /// The widest line of the plain text, in display columns.
    public static let width = 80

    /// Renders one document from the facts. Both forms come from the same blocks, so they say the same.
    public static func render(_ kind: CaseDocumentKind, _ facts: DocumentFacts) throws -> CaseDocument {
        let layout = CaseDocumentContent.blocks(kind, facts)
        let title = CaseDocumentContent.title(kind, facts)
        let text = CaseDocumentText.render(title: title, hallName: facts.hallName, blocks: layout)
        let html = CaseDocumentHTML.render(title: title, hallName: facts.hallName, blocks: layout)
        return CaseDocument(kind: kind, text: text, html: html, digest: Hex.encode(try SM3.hash(Array(text.utf8))))
    }
}

/// One piece of a document's body.
enum DocumentBlock: Sendable, Hashable {
    /// A label and its value on one line (wrapped under the value).
    case field(String, String)
    case paragraph(String)
    /// A numbered list.
    case list([String])
    /// Materials numbered as the item's published list numbers them (`catalog show`, the window's checklist and
    /// `case supplement --material N` use the same numbers), not 1, 2, 3.
    case materials([NumberedLine])
    /// Right-aligned lines (the issuing hall, the date, signatures).
    case closing([String])
    /// A new copy of the same document (承诺书: the applicant's copy, then the file's).
    case copyBreak(String)
}

/// One line of a list with its own number.
struct NumberedLine: Sendable, Hashable {
    var number: Int
    var text: String
    init(_ number: Int, _ text: String) { self.number = number; self.text = text }
}

/// The words of each document.
enum CaseDocumentContent {
    static let art32 = "《中华人民共和国行政许可法》第三十二条"

    /// Who applied for what: the first lines of every document.
    static func header(_ f: DocumentFacts) -> [DocumentBlock] {
        [
            .field("编号", f.reference),
            .field(f.applicantKind == .person ? "申请人" : "申请单位", f.applicantName),
            .field(f.applicantKind == .person ? "身份证号码" : "统一社会信用代码", f.applicantNumber),
        ] + representative(f) + [
            .field("申请事项", "\(f.itemName)（\(f.itemCode)）"),
            .field("收到材料日期", f.receivedOn.chineseText),
        ]
    }

    /// The applicant's remedies against a decision (art. 38 ¶2): administrative review within 60 days (行政复议法
    /// art. 20), a lawsuit within 6 months (行政诉讼法 art. 46), with the organs the hall's settings name. They apply to
    /// any administrative act, a licence or not. `document` is what the applicant received: 决定书, or 告知书 for a
    /// termination notice.
    static func remedies(_ f: DocumentFacts, document: String = "决定书") -> DocumentBlock {
        .paragraph("如不服本决定，可以自收到本\(document)之日起六十日内向\(f.remedies.reviewOrgan)申请行政复议，或者自收到本\(document)之日起六个月内依法向\(f.remedies.court)提起行政诉讼。")
    }

    /// The document's title: the kind's own, except where a licence's title does not fit an item that is not a
    /// licence (准予/不予办理决定书, 延长办理期限告知书).
    static func title(_ kind: CaseDocumentKind, _ f: DocumentFacts) -> String { kind.label(licence: f.isLicence).zh }

    /// "根据……的规定，" citing the item's own basis, or nothing when the catalog carries none (an item that is not a
    /// licence is not decided under the Administrative Licensing Law).
    static func ownBasis(_ f: DocumentFacts) -> String {
        f.legalBasis.isEmpty ? "" : "根据\(f.legalBasis)的规定，"
    }

    /// The refusal's reason as the decision states it: "needs no licence" for an item that is not a licence says the
    /// matter needs no handling by this procedure.
    static func refusalReason(_ f: DocumentFacts) -> String {
        guard let refusal = f.refusal else { return "" }
        if refusal == .noLicenceNeeded && !f.isLicence { return "申请事项依法不需要办理" }
        return refusal.label.zh
    }

    /// Where to apply instead (art. 32 (1)(2): 告知申请人向有关行政机关申请), for a refusal because the matter is not this
    /// organ's: the levels that handle the item when this site's level does not, else the organ the clerk named.
    static func whereToApply(_ f: DocumentFacts) -> String {
        guard f.refusal == .notThisOrgan else { return "" }
        if !f.handledAtLevels.isEmpty {
            return "本事项由\(f.handledAtLevels.map(\.label.zh).joined(separator: "、"))政务服务机构办理，请向其申请。"
        }
        var organ = Substring(f.reasonText ?? "")
        for prefix in ["请向", "应向", "向"] where organ.hasPrefix(prefix) { organ = organ.dropFirst(prefix.count); break }
        while let last = organ.last, "。．.".contains(last) { organ = organ.dropLast() }
        if organ.hasSuffix("申请") { organ = organ.dropLast(2) }
        return organ.isEmpty ? "" : "请向\(organ)申请。"
    }

    static func blocks(_ kind: CaseDocumentKind, _ f: DocumentFacts) -> [DocumentBlock] {
        let header = header(f)
        let closing = DocumentBlock.closing([f.hallName, f.issuedOn.chineseText])
        switch kind {
        case .acceptanceNotice:
            let byRule = f.isLicence ? "根据\(art32)第一款第（四）项的规定" : "按照本机关受理制度"
            let decision: [DocumentBlock] = f.deemedAccepted ? [
                .paragraph("本机关收到你（单位）提出的上述申请材料后，未在五个工作日内作出是否受理的决定或者一次告知需要补正的全部内容。\(byRule)，自收到申请材料之日起即为受理。"),
            ] + (f.outstanding.isEmpty ? [] : [
                .paragraph("收件时登记的下列材料未齐或有误，审查中将一并核对："),
                outstandingMaterials(f, grantsTolerance: false),
            ]) : [
                .paragraph(f.isLicence ? "你（单位）提出的上述申请，申请材料齐全、符合法定形式，根据\(art32)第一款第（五）项的规定，本机关决定予以受理。"
                                       : "你（单位）提出的上述申请，申请材料齐全、符合法定形式，本机关决定予以受理。"),
            ]
            return header + decision + deadlines(f) + [
                .paragraph("请凭本通知书查询办理进度。监督电话：\(phone(f))。"),
                closing,
            ]
        case .toleranceNotice:
            return header + [
                .paragraph("你（单位）提出的上述申请，核心材料齐全，下列非核心材料尚待补齐，根据本机关容缺受理制度，决定予以容缺受理。"),
                outstandingMaterials(f, grantsTolerance: true),
                .field("补齐期限", f.supplementDue.map { "\($0.chineseText)前（含当日）" } ?? "无法计算（节假日安排未导入），请向窗口确认"),
                .paragraph("审查工作同时进行；上述材料补齐前，不出具办理结果。逾期未补齐的，本机关中止办理，并书面告知；中止后仍未补齐的，依规定终止办理。"),
            ] + deadlines(f) + [
                .paragraph("监督电话：\(phone(f))。"),
                closing,
            ]
        case .commitment:
            let body: [DocumentBlock] = header + [
                .paragraph("本人（本单位）申请办理上述事项，核心材料已齐全。现承诺在\(f.supplementDue?.chineseText ?? "窗口告知的期限")前补齐下列材料，并对所提交材料的真实性负责："),
                outstandingMaterials(f, grantsTolerance: true),
                .paragraph("如逾期未补齐，同意本机关中止办理；中止后仍未补齐的，同意终止办理，由此产生的后果由本人（本单位）承担。"),
                .closing(["承诺人（签字或盖章）：", "日期：\(f.issuedOn.chineseText)", "窗口经办人：", f.hallName]),
            ]
            return [.copyBreak("第一联　申请人留存")] + body + [.copyBreak("第二联　存档")] + body
        case .oneTimeNotice:
            return header + [
                .paragraph("你（单位）提出的上述申请，申请材料不齐全或者不符合法定形式。" + (f.isLicence ? "根据\(art32)第一款第（四）项的规定，" : "")
                           + "现一次告知需要补正的全部内容如下："),
                outstandingMaterials(f, grantsTolerance: false),
                .paragraph("请按上述要求补正全部材料后再次提交。补正材料齐全、符合法定形式的，本机关予以受理。"),
                f.isLicence ? .field("法律依据", "\(art32)第一款第（四）项" + (f.legalBasis.isEmpty ? "" : "；\(f.legalBasis)"))
                            : .field("办理依据", f.legalBasis.isEmpty ? "本机关一次性告知制度" : f.legalBasis),
                .paragraph("监督电话：\(phone(f))。"),
                closing,
            ]
        case .refusalDecision:
            // Where to apply (not this organ's) replaces the clerk's particulars when they name the organ; the site's
            // level keeps them beside the reason.
            let direct = f.refusal == .notThisOrgan && f.handledAtLevels.isEmpty && !whereToApply(f).isEmpty
            let text = direct ? "" : f.reasonText.map { "（\($0)）" } ?? ""
            let clause = f.refusal == .noLicenceNeeded ? "第（一）项" : "第（二）项"
            let decide = f.isLicence ? "根据\(art32)第一款\(clause)的规定，本机关决定不予受理。" : "本机关决定不予受理。"
            return header + [
                .paragraph("经审查，你（单位）提出的上述申请，\(refusalReason(f))\(text)。\(decide)\(whereToApply(f))"),
                remedies(f),
                .paragraph("监督电话：\(phone(f))。"),
                closing,
            ]
        case .intakeReceipt:
            // Handed over (provided, corrected on the spot or defective); missing ones were not received.
            let received = f.materials.filter { $0.status != .missing }
            let within = f.decideBy.map { "于\($0.chineseText)前" } ?? "自收到申请材料之日起五个工作日内"
            return header + [
                .paragraph("本机关已收到你（单位）提交的下列申请材料共\(received.count)项，正在审查是否受理："),
                .materials(received.map { NumberedLine($0.position, "\($0.name)（\($0.form.label.zh)\($0.copies)份，\($0.status.label.zh)）") }),
                .field("决定期限", f.decideBy.map { "\($0.chineseText)前（含当日）" } ?? "收到材料之日起五个工作日（节假日安排未导入，暂无法计算日期）"),
                .paragraph("本机关将\(within)作出是否受理的决定；逾期未作出决定的，\(f.isLicence ? "根据\(art32)第一款第（四）项的规定" : "按照本机关受理制度")，自收到申请材料之日（\(f.receivedOn.chineseText)）起即为受理。"),
                .paragraph("本凭证仅证明收到上述材料，不是受理决定，请妥善保管。监督电话：\(phone(f))。"),
                closing,
            ]
        case .approvalDecision, .rejectionDecision, .extensionNotice, .suspensionNotice, .resumptionNotice, .terminationNotice,
             .serviceRecord, .supplementDeadlineNotice:
            return letterBlocks(kind, f)
        }
    }

    static func representative(_ f: DocumentFacts) -> [DocumentBlock] {
        guard f.representative.kind != .none else { return [] }
        let name = f.representative.name ?? ""
        return [.field(f.representative.kind.label.zh, name)]
    }

    static func deadlines(_ f: DocumentFacts) -> [DocumentBlock] {
        return [
            .field("受理日期", (f.acceptedOn ?? f.receivedOn).chineseText),
            .field("法定时限", "\(f.statutoryLimit.label.zh)，\(due(f.statutoryDue))"),
            .field("承诺时限", "\(f.promisedLimit.label.zh)，\(due(f.promisedDue))"),
        ]
    }

    static func item(_ m: DocumentFacts.Material, grantsTolerance: Bool) -> String {
        "\(m.name)（\(m.status.label.zh)，\(m.kind.label.zh)材料）：\(grantsTolerance ? m.howToSupply : m.howToSupplyWithoutTolerance)"
    }

    /// The materials not in, numbered as the item's published list numbers them, each with how to supply it; the
    /// published 容缺 note only in the documents that grant 容缺 (the 容缺 notice and the commitment).
    static func outstandingMaterials(_ f: DocumentFacts, grantsTolerance: Bool) -> DocumentBlock {
        .materials(f.outstanding.map { NumberedLine($0.position, item($0, grantsTolerance: grantsTolerance)) })
    }

    static func phone(_ f: DocumentFacts) -> String { f.supervisionPhone.isEmpty ? "见大厅公示" : f.supervisionPhone }
}

/// The plain-text form. HallModel has no terminal, so no `wcwidth`: a grapheme is counted 1 column when it is
/// printable ASCII and 2 otherwise. For Chinese text that is the display width, and it is never less than it,
/// so a line laid out here never exceeds `CaseDocument.width` on a terminal or a printer (a DeskTUI test checks
/// every line with `DisplayWidth`).
enum CaseDocumentText {
    static func columns(_ c: Character) -> Int {
        if let a = c.asciiValue { return (0x20...0x7E).contains(a) ? 1 : 0 }
        return 2
    }

    /// Printable ASCII (labels, numbers, prefixes) is counted by its bytes; a text of plain scalars
    /// (`Unicode.Scalar.isPlain`) scalar by scalar; any other text grapheme by grapheme.
    static func columns(_ s: String) -> Int {
        if s.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return s.utf8.count }
        var sum = 0
        for u in s.unicodeScalars {
            guard u.isPlain else { return s.reduce(0) { $0 + columns($1) } }
            sum += u.isASCII ? 1 : 2
        }
        return sum
    }

    static func columns(_ chars: ArraySlice<Character>) -> Int { chars.reduce(0) { $0 + columns($1) } }

    /// Ends the line that starts at `start` in `out`: its trailing spaces dropped, then a line feed. A line's last
    /// byte 0x20 is a grapheme of its own (a space), so this is what dropping trailing " " characters gave.
    static func endLine(_ out: inout [UInt8], _ start: Int, _ used: Int) {
        var end = out.count
        while end > start, out[end - 1] == 0x20 { end -= 1 }
        out.removeSubrange(end...)
        out.append(0x0A)
    }

    /// Ends a closing line, right-aligned 4 columns from the edge: the padding goes in front of it.
    static func endRightAligned(_ out: inout [UInt8], _ start: Int, _ used: Int) {
        out.insert(contentsOf: repeatElement(UInt8(0x20), count: max(0, CaseDocument.width - 4 - used)), at: start)
        endLine(&out, start, used)
    }

    /// Runs of spaces by length, for the hanging indents: `String(repeating:)` on every field cost more than its layout.
    static let indents: [String] = (0...CaseDocument.width).map { String(repeating: " ", count: $0) }

    /// The document's text, written as UTF-8 bytes into one buffer: each line ended by `endLine`, the whole
    /// decoded once (string concatenation and `String(repeating:)` per line were most of a notice's layout cost).
    static func render(title: String, hallName: String, blocks: [DocumentBlock]) -> String {
        let width = CaseDocument.width
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        func spaces(_ count: Int) { out.append(contentsOf: repeatElement(UInt8(0x20), count: max(0, count))) }
        func center(_ s: String) {
            let start = out.count
            spaces((width - columns(s)) / 2)
            out.append(contentsOf: s.utf8)
            endLine(&out, start, 0)
        }
        func heading() {
            center(hallName)
            center(title)
            out.append(0x0A)
        }
        /// `wrap`'s lines, each ended by `end`.
        func wrapped(_ text: String, first: String, rest: String, end: (inout [UInt8], Int, Int) -> Void) {
            if text.isPlainText && first.isPlainText && rest.isPlainText {
                wrapPlain(text, first: first, rest: rest, into: &out, endLine: end)
            } else {
                for line in wrapByGrapheme(text, first: first, rest: rest) {
                    let start = out.count
                    out.append(contentsOf: line.utf8)
                    end(&out, start, columns(line))
                }
            }
        }
        /// A prefix on the first line, as many spaces on the others.
        func hanging(_ text: String, prefix: String) {
            let indent = columns(prefix)
            wrapped(text, first: prefix, rest: indent < indents.count ? indents[indent] : String(repeating: " ", count: indent), end: endLine)
        }
        heading()
        var first = true
        for block in blocks {
            switch block {
            case .field(let label, let value):
                hanging(value, prefix: label + "：")
            case .paragraph(let text):
                out.append(0x0A)
                wrapped(text, first: "    ", rest: "", end: endLine)
            case .list(let items):
                for (i, text) in items.enumerated() { hanging(text, prefix: "  \(i + 1). ") }
            case .materials(let items):
                for line in items { hanging(line.text, prefix: "  第\(line.number)项 ") }
            case .closing(let texts):
                out.append(0x0A)
                for text in texts { wrapped(text, first: "", rest: "", end: endRightAligned) }
            case .copyBreak(let label):
                if !first {
                    // A form feed: each copy on its own page from `lp` or any printer (the HTML breaks the page too).
                    out.append(0x0C); out.append(0x0A)
                    heading()
                }
                center(label)
            }
            first = false
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let noLineStart: Set<Character> = ["，", "。", "；", "：", "、", "）", "》", "」", "』", "”", "！", "？", ",", ".", ";", ":", ")"]
    /// Opening brackets and quotes never end a line (避尾).
    static let noLineEnd: Set<Character> = ["（", "《", "“", "「", "『", "("]

    /// Greedy wrapping by grapheme (Chinese has no spaces to break at); a run of ASCII letters and digits is
    /// not split when it fits on the next line. Texts of plain scalars (`isPlainText`: nearly every document) take
    /// `wrapPlain`, which lays out the same lines on scalars; `wrapByGrapheme` is the rule for any text.
    static func wrap(_ text: String, first: String, rest: String) -> [String] {
        text.isPlainText && first.isPlainText && rest.isPlainText ? wrapPlain(text, first: first, rest: rest) : wrapByGrapheme(text, first: first, rest: rest)
    }

    /// `wrapPlain`'s lines as strings.
    static func wrapPlain(_ text: String, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var out: [UInt8] = []
        wrapPlain(text, first: first, rest: rest, into: &out) { out, start, _ in
            lines.append(String(decoding: out[start...], as: UTF8.self))
            out.removeSubrange(start...)
        }
        return lines
    }

    /// `wrapByGrapheme` on a text, first and rest of plain scalars only, a scalar standing for its grapheme: the
    /// same steps, over the text's scalars, each line written as UTF-8 bytes at the end of `out` and ended by
    /// `endLine(&out, start, columns)` (the line is `out[start...]`, `columns` wide).
    static func wrapPlain(_ text: String, first: String, rest: String, into out: inout [UInt8],
                          endLine: (inout [UInt8], Int, Int) -> Void) {
        let width = CaseDocument.width
        let space = Unicode.Scalar(0x20)
        @inline(__always) func w(_ u: Unicode.Scalar) -> Int { u.isASCII ? 1 : 2 }
        let indent = columns(rest)
        var start = out.count, used = columns(first)
        out.append(contentsOf: first.utf8)
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            var j = i + 1
            if chars[i].isASCII && chars[i] != space {
                while j < chars.count && chars[j].isASCII && chars[j] != space { j += 1 }
            }
            var units = 0
            for k in i..<j { units += w(chars[k]) }
            if units > width - indent { j = i + 1; units = w(chars[i]) }
            if used + units > width {
                if j == i + 1 && chars[i] == space {
                    endLine(&out, start, used)
                    start = out.count; used = indent
                    out.append(contentsOf: rest.utf8)
                    i = j; continue
                }
                // The last scalar of the line: its UTF-8 start (the last byte that is not a continuation byte).
                func lastStart() -> Int? {
                    guard out.count > start else { return nil }
                    var last = out.count - 1
                    while last > start && out[last] & 0xC0 == 0x80 { last -= 1 }
                    return last
                }
                var carried: [UInt8] = [], carriedWidth = 0
                // 避头: the scalar before a closing mark moves down with it.
                if noLineStartScalars.contains(chars[i]), let last = lastStart() {
                    let cw = out.count - last == 1 ? 1 : 2
                    if used - cw > indent { carried = Array(out[last...]); carriedWidth = cw; out.removeSubrange(last...); used -= cw }
                }
                // 避尾: an opening bracket moves down with what it opens.
                while let last = lastStart(), let scalar = String(decoding: out[last...], as: UTF8.self).unicodeScalars.first,
                      noLineEndScalars.contains(scalar) {
                    let cw = out.count - last == 1 ? 1 : 2
                    guard used - cw > indent else { break }
                    carried = Array(out[last...]) + carried; carriedWidth += cw; out.removeSubrange(last...); used -= cw
                }
                endLine(&out, start, used)
                start = out.count; used = indent + carriedWidth
                out.append(contentsOf: rest.utf8)
                out.append(contentsOf: carried)
            }
            for k in i..<j { out.appendUTF8(chars[k]) }
            used += units
            i = j
        }
        endLine(&out, start, used)
    }
    static let noLineStartScalars: Set<Unicode.Scalar> = Set(noLineStart.compactMap(\.unicodeScalars.first))
    static let noLineEndScalars: Set<Unicode.Scalar> = Set(noLineEnd.compactMap(\.unicodeScalars.first))

    /// The layout rule for any text, grapheme by grapheme.
    static func wrapByGrapheme(_ text: String, first: String, rest: String) -> [String] {
        let width = CaseDocument.width
        let indent = columns(rest)
        var lines: [String] = []
        var line = first, used = columns(first)
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            // The next unit: one CJK character, or a run of ASCII non-spaces.
            var j = i + 1
            if chars[i].isASCII && chars[i] != " " {
                while j < chars.count && chars[j].isASCII && chars[j] != " " { j += 1 }
            }
            var w = columns(chars[i..<j])
            if w > width - indent {
                // A run longer than a whole line: split it where it must.
                j = i + 1; w = columns(chars[i])
            }
            if used + w > width {
                if j == i + 1 && chars[i] == " " {
                    lines.append(line)
                    line = rest; used = indent
                    i = j; continue
                }
                // Chinese punctuation never starts a line (避头): the character before it moves down with it.
                var carried = ""
                if noLineStart.contains(chars[i]), let last = line.last, columns(String(line.dropLast())) > indent {
                    carried = String(last)
                    line.removeLast()
                }
                // An opening bracket never ends a line (避尾): it moves down with what it opens.
                while let last = line.last, noLineEnd.contains(last), columns(String(line.dropLast())) > indent {
                    carried = String(last) + carried
                    line.removeLast()
                }
                lines.append(line)
                line = rest + carried; used = indent + columns(carried)
            }
            line.append(contentsOf: chars[i..<j]); used += w
            i = j
        }
        lines.append(line)
        return lines
    }
}

/// The HTML form: one self-contained page (no outside resources), A4 print CSS, every text escaped.
enum CaseDocumentHTML {
    static func escape(_ s: String) -> String {
        // Most texts have nothing to escape: no copy then.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static let style = """
        @page { size: A4; margin: 25mm 20mm; }
        body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.8; max-width: 170mm; margin: 0 auto; }
        h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
        .hall { text-align: center; font-size: 14pt; margin: 0; }
        .field { margin: 0; }
        .field .label { font-weight: normal; }
        p { text-indent: 2em; margin: 2mm 0; }
        ol { margin: 2mm 0 2mm 2em; }
        .closing { text-align: right; margin-top: 8mm; }
        .closing div { margin: 1mm 0; }
        .copy { text-align: center; font-weight: bold; margin: 2mm 0; }
        .break { page-break-before: always; break-before: page; }
        """

    /// The page's body is written as UTF-8 bytes into one buffer (a string interpolated and appended per block cost
    /// more than the text layout), then set into the page once.
    static func render(title: String, hallName: String, blocks: [DocumentBlock]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        func put(_ s: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
        func text(_ s: String) { out.append(contentsOf: escape(s).utf8) }
        func heading() { put("<p class=\"hall\">"); text(hallName); put("</p>\n<h1>"); text(title); put("</h1>\n") }
        heading()
        var first = true
        for block in blocks {
            switch block {
            case .field(let label, let value):
                put("<div class=\"field\"><span class=\"label\">"); text(label); put("：</span>"); text(value); put("</div>\n")
            case .paragraph(let paragraph):
                put("<p>"); text(paragraph); put("</p>\n")
            case .list(let items):
                put("<ol>\n")
                for item in items { put("<li>"); text(item); put("</li>\n") }
                put("</ol>\n")
            case .materials(let items):
                put("<ol>\n")
                for item in items {
                    put("<li value=\""); out.append(contentsOf: String(item.number).utf8); put("\">"); text(item.text); put("</li>\n")
                }
                put("</ol>\n")
            case .closing(let texts):
                put("<div class=\"closing\">")
                for line in texts { put("<div>"); text(line); put("</div>") }
                put("</div>\n")
            case .copyBreak(let label):
                if !first {
                    put("<div class=\"break\"></div>\n")
                    heading()
                }
                put("<div class=\"copy\">"); text(label); put("</div>\n")
            }
            first = false
        }
        let body = String(decoding: out, as: UTF8.self)
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}
