import Foundation
import Queue

/// A broken published-list rule, located at an item field or at a field of one of its materials.
public struct CatalogItemError: UserFacingError, Hashable, Sendable {
    public enum Location: Hashable, Sendable {
        case item(CatalogItem.Field)
        case material(index: Int, ItemMaterial.Field)

        /// "promisedLimit" or "materials[2].copies" (0-based index, as in JSON).
        public var path: String {
            switch self {
            case .item(let field): field.rawValue
            case .material(let index, let field): "materials[\(index)].\(field.rawValue)"
            }
        }
    }

    public enum Problem: Hashable, Sendable {
        case empty
        case tooLong(length: Int, max: Int)
        case containsWhitespace
        case containsListSeparator
        case negative
        case extensionNotPositive
        case promisedExceedsStatutory(promised: Int, statutory: Int)
        case feeNotPositive
        case feeBasisMissing
        case badPhone
        case noSiteLevels
        case badLinePrefix
        case feeTooLarge
        case tolerableWithoutTolerance
        case toleranceWithoutCoreMaterial
        case toleranceWithoutTolerableMaterial
        case copiesBelowOne
        case sharedWithoutDepartment
        case departmentWithoutSharing
        case duplicateMaterial(name: String)
        /// A control character or NUL: a terminal would obey it (clear the screen, retitle it) instead of showing it.
        case controlCharacters
        /// A number outside `CatalogItem.Bounds` (the same for CSV and JSON).
        case outOfRange(ClosedRange<Int>)
        /// Too many entries in a list (materials, process steps).
        case tooMany(count: Int, max: Int)
    }

    public var location: Location
    public var problem: Problem

    public init(_ location: Location, _ problem: Problem) {
        self.location = location
        self.problem = problem
    }

    public var message: Bilingual {
        switch problem {
        case .empty: Bilingual(en: "must not be empty", zh: "不能为空")
        case .tooLong(let length, let max):
            Bilingual(en: "is \(length) characters long; at most \(max) allowed", zh: "长度为 \(length) 个字符，最多 \(max) 个")
        case .containsWhitespace: Bilingual(en: "must not contain spaces or line breaks", zh: "不能包含空格或换行")
        case .containsListSeparator:
            Bilingual(en: "a step must not contain \"|\" (it separates steps)", zh: "步骤中不能包含“|”（它用于分隔步骤）")
        case .negative: Bilingual(en: "must not be negative", zh: "不能为负数")
        case .extensionNotPositive: Bilingual(en: "an extension must be at least 1 day", zh: "延长时限至少为 1 天")
        case .promisedExceedsStatutory(let promised, let statutory):
            Bilingual(en: "promised limit \(promised) exceeds the statutory limit \(statutory)",
                      zh: "承诺时限 \(promised) 超过法定时限 \(statutory)")
        case .feeNotPositive: Bilingual(en: "a fee must be more than 0", zh: "收费金额必须大于 0")
        case .feeBasisMissing: Bilingual(en: "a fee needs its legal basis", zh: "收费须写明收费依据")
        case .badPhone:
            Bilingual(en: "a phone number may contain only digits, spaces, - + ( ) and at most 32 characters",
                      zh: "电话号码只能包含数字、空格和 - + ( )，最多 32 个字符")
        case .noSiteLevels: Bilingual(en: "at least one site level is required", zh: "至少需要一个可办层级")
        case .badLinePrefix: Bilingual(en: "must be 1 or 2 capital letters A–Z, not I or O", zh: "必须是 1 到 2 个大写字母 A–Z（不用 I 和 O）")
        case .feeTooLarge:
            Bilingual(en: "a fee is at most \(Fee(amountFen: CatalogItem.Bounds.maxFeeFen, basis: "").yuanText) yuan",
                      zh: "收费金额最多 \(Fee(amountFen: CatalogItem.Bounds.maxFeeFen, basis: "").yuanText) 元")
        case .tolerableWithoutTolerance:
            Bilingual(en: "the item does not allow deficiency-tolerant acceptance, so every material must be core",
                      zh: "该事项不允许容缺受理，所有材料都必须是核心材料")
        case .toleranceWithoutCoreMaterial:
            Bilingual(en: "deficiency-tolerant acceptance needs at least one core material",
                      zh: "容缺受理至少需要一项核心材料")
        case .toleranceWithoutTolerableMaterial:
            Bilingual(en: "deficiency-tolerant acceptance is allowed but no material is tolerable",
                      zh: "允许容缺受理，但没有可容缺的材料")
        case .copiesBelowOne: Bilingual(en: "at least 1 copy", zh: "份数至少为 1")
        case .sharedWithoutDepartment:
            Bilingual(en: "a shared material must name the department that shares it", zh: "共享材料须写明共享部门")
        case .departmentWithoutSharing:
            Bilingual(en: "only a shared material names a source department", zh: "只有共享材料才填写共享部门")
        case .duplicateMaterial(let name):
            Bilingual(en: "material \"\(PrintableText.excerpt(name))\" is listed twice", zh: "材料“\(PrintableText.excerpt(name))”重复列出")
        case .controlCharacters:
            Bilingual(en: "must not contain control characters (escape sequences, NUL, tabs)",
                      zh: "不能包含控制字符（转义序列、NUL、制表符等）")
        case .outOfRange(let range):
            Bilingual(en: "must be between \(range.lowerBound) and \(range.upperBound)",
                      zh: "必须在 \(range.lowerBound) 到 \(range.upperBound) 之间")
        case .tooMany(let count, let max):
            Bilingual(en: "has \(count) entries; at most \(max) allowed", zh: "共 \(count) 项，最多 \(max) 项")
        }
    }
}

extension CatalogItem {
    /// Every broken rule of this item on its own (catalog-wide rules are in `Catalog.validate()`).
    public func validate() -> [CatalogItemError] {
        var errors: [CatalogItemError] = []
        func fail(_ field: Field, _ problem: CatalogItemError.Problem) { errors.append(.init(.item(field), problem)) }

        if implementationCode.isEmpty { fail(.implementationCode, .empty) }
        if implementationCode.count > Self.maxCodeLength {
            fail(.implementationCode, .tooLong(length: implementationCode.count, max: Self.maxCodeLength))
        }
        if implementationCode.contains(where: { $0.isWhitespace }) { fail(.implementationCode, .containsWhitespace) }
        else if PrintableText.containsControls(implementationCode) { fail(.implementationCode, .controlCharacters) }
        if name.trimmed.isEmpty { fail(.name, .empty) }
        if departmentCode.trimmed.isEmpty { fail(.departmentCode, .empty) }
        if processSteps.contains(where: { $0.trimmed.isEmpty }) { fail(.processSteps, .empty) }
        if processSteps.contains(where: { $0.contains(Self.listSeparator) }) { fail(.processSteps, .containsListSeparator) }
        if processSteps.count > Bounds.processSteps { fail(.processSteps, .tooMany(count: processSteps.count, max: Bounds.processSteps)) }
        let texts: [(Field, String, Int, Bool)] = [
            (.name, name, Bounds.nameLength, true), (.departmentCode, departmentCode, Self.maxCodeLength, false),
            (.legalBasis, legalBasis, Bounds.textLength, true), (.conditions, conditions, Bounds.textLength, true),
            // The step with controls if any, else the longest.
            (.processSteps, processSteps.first { PrintableText.containsControls($0) } ?? processSteps.max { $0.count < $1.count } ?? "",
             Bounds.nameLength, false),
            (.fee, fee?.basis ?? "", Bounds.textLength, true),
        ]
        for (field, text, limit, multiLine) in texts {
            if PrintableText.containsControls(text, allowingLineBreaks: multiLine) { fail(field, .controlCharacters) }
            else if text.count > limit { fail(field, .tooLong(length: text.count, max: limit)) }
        }
        if !Bounds.days.contains(statutoryLimit.count) { fail(.statutoryLimit, statutoryLimit.count < 0 ? .negative : .outOfRange(Bounds.days)) }
        if let ext = statutoryExtension, !Bounds.extensionDays.contains(ext) {
            fail(.statutoryExtension, ext < 1 ? .extensionNotPositive : .outOfRange(Bounds.extensionDays))
        }
        if !Bounds.days.contains(promisedLimit.count) { fail(.promisedLimit, promisedLimit.count < 0 ? .negative : .outOfRange(Bounds.days)) }
        if promisedLimit.unit == statutoryLimit.unit, promisedLimit.count > statutoryLimit.count {
            fail(.promisedLimit, .promisedExceedsStatutory(promised: promisedLimit.count, statutory: statutoryLimit.count))
        }
        if let fee {
            if fee.amountFen <= 0 { fail(.fee, .feeNotPositive) }
            else if fee.amountFen > Bounds.maxFeeFen { fail(.fee, .feeTooLarge) }
            if fee.basis.trimmed.isEmpty { fail(.fee, .feeBasisMissing) }
        }
        if !Bounds.visits.contains(visitsRequired) { fail(.visitsRequired, visitsRequired < 0 ? .negative : .outOfRange(Bounds.visits)) }
        if !Self.isValidPhone(supervisionPhone) { fail(.supervisionPhone, .badPhone) }
        if allowedSiteLevels.isEmpty { fail(.allowedSiteLevels, .noSiteLevels) }
        if !Self.isValidLinePrefix(linePrefix) { fail(.linePrefix, .badLinePrefix) }
        if toleranceAllowed, !materials.isEmpty {
            if !materials.contains(where: { $0.kind == .core }) { fail(.toleranceAllowed, .toleranceWithoutCoreMaterial) }
            if !materials.contains(where: { $0.kind == .tolerable }) { fail(.toleranceAllowed, .toleranceWithoutTolerableMaterial) }
        }
        if materials.count > Bounds.materials { fail(.materials, .tooMany(count: materials.count, max: Bounds.materials)) }

        var seen: Set<String> = []
        for (index, material) in materials.enumerated() {
            func failMaterial(_ field: ItemMaterial.Field, _ problem: CatalogItemError.Problem) {
                errors.append(.init(.material(index: index, field), problem))
            }
            let name = material.name.trimmed
            if PrintableText.containsControls(material.name, allowingLineBreaks: true) { failMaterial(.name, .controlCharacters) }
            else if name.count > Bounds.nameLength { failMaterial(.name, .tooLong(length: name.count, max: Bounds.nameLength)) }
            if name.isEmpty { failMaterial(.name, .empty) }
            else if !seen.insert(name).inserted { failMaterial(.name, .duplicateMaterial(name: name)) }
            if material.kind == .tolerable, !toleranceAllowed { failMaterial(.kind, .tolerableWithoutTolerance) }
            if material.copies < 1 { failMaterial(.copies, .copiesBelowOne) }
            else if !Bounds.copies.contains(material.copies) { failMaterial(.copies, .outOfRange(Bounds.copies)) }
            if PrintableText.containsControls(material.notes, allowingLineBreaks: true) { failMaterial(.notes, .controlCharacters) }
            else if material.notes.count > Bounds.textLength {
                failMaterial(.notes, .tooLong(length: material.notes.count, max: Bounds.textLength))
            }
            if let source = material.sourceDepartmentCode, PrintableText.containsControls(source) {
                failMaterial(.sourceDepartmentCode, .controlCharacters)
            }
            let sourceDepartment = material.sourceDepartmentCode?.trimmed ?? ""
            if material.source == .shared, sourceDepartment.isEmpty { failMaterial(.sourceDepartmentCode, .sharedWithoutDepartment) }
            if material.source == .applicant, material.sourceDepartmentCode != nil {
                failMaterial(.sourceDepartmentCode, .departmentWithoutSharing)
            }
        }
        return errors
    }

    public var isValid: Bool { validate().isEmpty }

    /// The ticket lines' own rule (`TicketCode.validatePrefix`: 1–2 letters, never I or O), in capitals.
    static func isValidLinePrefix(_ prefix: String) -> Bool {
        (try? TicketCode.validatePrefix(prefix)) == prefix
    }

    static func isValidPhone(_ phone: String) -> Bool {
        phone.count <= 32 && phone.allSatisfy { $0.isASCIIDigit || " -+()".contains($0) }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
