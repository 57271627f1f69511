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
}

/// A broken rule of a catalog: one item's rule, or a rule across items and departments.
public struct CatalogError: UserFacingError, Hashable, Sendable {
    public enum Problem: Hashable, Sendable {
        case item(CatalogItemError)
        case duplicateItemCode(firstIndex: Int)
        case duplicateDepartmentCode(firstIndex: Int)
        case emptyDepartmentCode
        case emptyDepartmentName
        case unknownDepartment(code: String)
        /// A material's source department is not in the catalog.
        case unknownSourceDepartment(materialIndex: Int, code: String)
    }

    /// Index into `items` (or `departments` for department problems) and the item's code, if any.
    public var index: Int
    public var code: String
    public var problem: Problem

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
        case .unknownDepartment: CatalogItem.Field.departmentCode.rawValue
        case .unknownSourceDepartment(let m, _): "materials[\(m)].sourceDepartmentCode"
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
        case .unknownDepartment(let code):
            Bilingual(en: "no department with code \(code)", zh: "没有编码为 \(code) 的部门")
        case .unknownSourceDepartment(_, let code):
            Bilingual(en: "no department with code \(code) to share this material", zh: "没有编码为 \(code) 的共享部门")
        }
    }

    public var message: Bilingual {
        let isDepartment: Bool
        switch problem {
        case .duplicateDepartmentCode, .emptyDepartmentCode, .emptyDepartmentName: isDepartment = true
        default: isDepartment = false
        }
        let reason = reason
        let subject = code.isEmpty ? "" : " \(code)"
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
