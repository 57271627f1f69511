import Queue

/// A published item list: the departments and their items, in published order.
public struct Catalog: Codable, Sendable, Hashable {
    public var departments: [Department]
    public var items: [CatalogItem]

    public init(departments: [Department], items: [CatalogItem]) {
        self.departments = departments
        self.items = items
    }

    public func department(code: String) -> Department? { departments.first { $0.code == code } }

    /// The department a user named on the command line: by its code, or by its exact name as in the catalog
    /// (`desk supervision set --department`, `desk cases list --department`); nil when it is neither.
    public func department(codeOrName given: String) -> Department? {
        department(code: given) ?? departments.first { $0.name == given }
    }
}

/// A broken rule of a catalog: one item's rule, or a rule across items and departments.
public struct CatalogError: UserFacingError, Hashable, Sendable {
    public enum Problem: Hashable, Sendable {
        case item(CatalogItemError)
        case duplicateItemCode(firstIndex: Int)
        case duplicateDepartmentCode(firstIndex: Int)
        case emptyDepartmentCode
        case emptyDepartmentName
        /// A department's code or name breaks a text rule (controls, length), as an item's field would.
        case departmentText(DepartmentField, CatalogItemError.Problem)
        case unknownDepartment(code: String)
        /// A material's source department is not in the catalog.
        case unknownSourceDepartment(materialIndex: Int, code: String)
        /// The item's line prefix names no service line of the hall (`known`: the hall's prefixes).
        case unknownLine(prefix: String, known: [String])
    }

    /// Index into `items` (or `departments` for department problems) and the item's code, if any.
    public var index: Int
    public var code: String
    public var problem: Problem

    public enum DepartmentField: String, Sendable, Hashable { case code, name }

    public init(index: Int, code: String, problem: Problem) {
        self.index = index
        self.code = code
        self.problem = problem
    }

    /// The field the problem is about, as a JSON path inside the item or department.
    public var fieldPath: String {
        switch problem {
        case .item(let error): error.location.path
        case .duplicateItemCode: CatalogItem.Field.implementationCode.rawValue
        case .duplicateDepartmentCode, .emptyDepartmentCode: "code"
        case .emptyDepartmentName: "name"
        case .departmentText(let field, _): field.rawValue
        case .unknownDepartment: CatalogItem.Field.departmentCode.rawValue
        case .unknownSourceDepartment(let m, _): "materials[\(m)].sourceDepartmentCode"
        case .unknownLine: CatalogItem.Field.linePrefix.rawValue
        }
    }

    public var reason: Bilingual {
        switch problem {
        case .item(let error): error.message
        case .duplicateItemCode(let first):
            Bilingual(en: "the implementation code is already used by item \(first + 1)", zh: "实施编码已被第 \(first + 1) 个事项使用")
        case .duplicateDepartmentCode(let first):
            Bilingual(en: "the department code is already used by department \(first + 1)", zh: "部门编码已被第 \(first + 1) 个部门使用")
        case .emptyDepartmentCode: Bilingual(en: "department code must not be empty", zh: "部门编码不能为空")
        case .emptyDepartmentName: Bilingual(en: "department name must not be empty", zh: "部门名称不能为空")
        case .departmentText(_, let problem): CatalogItemError(.item(.departmentCode), problem).message
        case .unknownDepartment(let code):
            Bilingual(en: "no department with code \(PrintableText.excerpt(code))", zh: "没有编码为 \(PrintableText.excerpt(code)) 的部门")
        case .unknownSourceDepartment(_, let code):
            Bilingual(en: "no department with code \(PrintableText.excerpt(code)) to share this material",
                      zh: "没有编码为 \(PrintableText.excerpt(code)) 的共享部门")
        case .unknownLine(let prefix, let known):
            Bilingual(en: "the hall has no line \(prefix) (its lines: \(known.joined(separator: ", "))); add it with 'desk line add' first",
                      zh: "大厅没有号段 \(prefix)（现有号段：\(known.joined(separator: "、"))）；请先用 desk line add 添加")
        }
    }

    public var message: Bilingual {
        let isDepartment: Bool
        switch problem {
        case .duplicateDepartmentCode, .emptyDepartmentCode, .emptyDepartmentName, .departmentText: isDepartment = true
        default: isDepartment = false
        }
        let reason = reason
        let subject = code.isEmpty ? "" : " \(PrintableText.excerpt(code, limit: CatalogItem.maxCodeLength))"
        return isDepartment
            ? Bilingual(en: "Department \(index + 1)\(subject), \(fieldPath): \(reason.en)",
                        zh: "第 \(index + 1) 个部门\(subject)，\(fieldPath)：\(reason.zh)")
            : Bilingual(en: "Item \(index + 1)\(subject), \(fieldPath): \(reason.en)",
                        zh: "第 \(index + 1) 个事项\(subject)，\(fieldPath)：\(reason.zh)")
    }
}

extension Catalog {
    /// Every broken rule: each item's own rules, unique codes, and department references.
    public func validate() -> [CatalogError] {
        var errors: [CatalogError] = []
        var departmentIndex: [String: Int] = [:]
        for (index, department) in departments.enumerated() {
            if department.code.trimmed.isEmpty { errors.append(.init(index: index, code: "", problem: .emptyDepartmentCode)) }
            if department.name.trimmed.isEmpty { errors.append(.init(index: index, code: department.code, problem: .emptyDepartmentName)) }
            for (field, text, limit) in [(CatalogError.DepartmentField.code, department.code, CatalogItem.maxCodeLength),
                                         (.name, department.name, CatalogItem.Bounds.nameLength)] {
                if PrintableText.containsControls(text, allowingLineBreaks: field == .name) {
                    errors.append(.init(index: index, code: department.code, problem: .departmentText(field, .controlCharacters)))
                } else if text.count > limit {
                    errors.append(.init(index: index, code: department.code,
                                        problem: .departmentText(field, .tooLong(length: text.count, max: limit))))
                }
            }
            if let first = departmentIndex[department.code] {
                errors.append(.init(index: index, code: department.code, problem: .duplicateDepartmentCode(firstIndex: first)))
            } else {
                departmentIndex[department.code] = index
            }
        }
        var itemIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let code = item.implementationCode
            errors += item.validate().map { CatalogError(index: index, code: code, problem: .item($0)) }
            if let first = itemIndex[code] {
                errors.append(.init(index: index, code: code, problem: .duplicateItemCode(firstIndex: first)))
            } else {
                itemIndex[code] = index
            }
            if !item.departmentCode.isEmpty, departmentIndex[item.departmentCode] == nil {
                errors.append(.init(index: index, code: code, problem: .unknownDepartment(code: item.departmentCode)))
            }
            for (m, material) in item.materials.enumerated() {
                if let source = material.sourceDepartmentCode, !source.isEmpty, departmentIndex[source] == nil {
                    errors.append(.init(index: index, code: code, problem: .unknownSourceDepartment(materialIndex: m, code: source)))
                }
            }
        }
        return errors
    }
}

extension Catalog {
    /// Items whose line prefix names no line of the hall: a ticket for them could not be issued. A hall
    /// that has no lines yet (being set up: catalog first, lines next) accepts any valid prefix.
    public func lineErrors(knownPrefixes: Set<String>) -> [CatalogError] {
        guard !knownPrefixes.isEmpty else { return [] }
        let known = knownPrefixes.sorted()
        return items.enumerated().compactMap { index, item in
            knownPrefixes.contains(item.linePrefix) ? nil
                : CatalogError(index: index, code: item.implementationCode, problem: .unknownLine(prefix: item.linePrefix, known: known))
        }
    }
}
