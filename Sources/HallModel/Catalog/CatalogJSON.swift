import Foundation
import Queue

/// One problem in a catalog JSON document, pointing at the item (or department) and field.
public struct CatalogJSONIssue: Hashable, Sendable {
    public enum Section: String, Sendable, Hashable { case document, departments, items }
    public var section: Section
    /// 0-based index in `items` or `departments`; nil for document-level problems.
    public var index: Int?
    /// The item's implementation code (or department code) when it could be read.
    public var code: String
    /// Path inside the item or department, e.g. "promisedLimit" or "materials[1].copies".
    public var field: String
    public var reason: Bilingual

    public var message: Bilingual {
        let codeText = code.isEmpty ? "" : " (\(PrintableText.excerpt(code, limit: CatalogItem.maxCodeLength)))"
        let place = index.map { "\(section.rawValue)[\($0)]\(codeText)" } ?? section.rawValue
        let fieldText = field.isEmpty ? "" : ".\(field)"
        return Bilingual(en: "\(place)\(fieldText): \(reason.en)", zh: "\(place)\(fieldText)：\(reason.zh)")
    }
}

public struct CatalogJSONError: UserFacingError, Hashable, Sendable {
    public var issues: [CatalogJSONIssue]

    public var message: Bilingual {
        let head = Bilingual(en: "The catalog JSON has \(Plural.english(issues.count, "problem")); nothing was imported.",
                             zh: "事项清单 JSON 有 \(issues.count) 处错误，未导入任何内容。")
        return Bilingual(en: ([head.en] + issues.map(\.message.en)).joined(separator: "\n"),
                         zh: ([head.zh] + issues.map(\.message.zh)).joined(separator: "\n"))
    }
}

/// `{"format":"halldesk-catalog","version":1,"departments":[...],"items":[...]}`; see docs/catalog-format.md.
public enum CatalogJSON {
    public static let format = "halldesk-catalog"
    public static let version = 1

    /// Pretty-printed with sorted keys, so the same catalog always gives the same bytes.
    public static func export(_ catalog: Catalog) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(format: format, version: version, departments: catalog.departments, items: catalog.items)
        // Encoding plain strings, numbers and arrays does not fail; C1 controls are escaped (`PrintableText`).
        guard let data = try? encoder.encode(document) else { return Data() }
        return Data(PrintableText.jsonEscapingControls(String(decoding: data, as: UTF8.self)).utf8)
    }

    /// The catalog, or every problem: undecodable items are reported one by one, then the catalog rules.
    public static func parse(_ data: Data) -> Result<Catalog, CatalogJSONError> {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: data)
        } catch {
            return .failure(CatalogJSONError(issues: [
                CatalogJSONIssue(section: .document, index: nil, code: "", field: fieldPath(of: error, droppingFirst: 0),
                                 reason: reason(for: error)),
            ]))
        }
        var issues: [CatalogJSONIssue] = []
        if envelope.format != format {
            issues.append(.init(section: .document, index: nil, code: "", field: "format",
                                reason: Bilingual(en: "expected \"\(format)\", found \"\(PrintableText.excerpt(envelope.format))\"",
                                                  zh: "应为“\(format)”，实际为“\(PrintableText.excerpt(envelope.format))”")))
        }
        if envelope.version != version {
            issues.append(.init(section: .document, index: nil, code: "", field: "version",
                                reason: Bilingual(en: "version \(envelope.version) is not supported (this program reads \(version))",
                                                  zh: "不支持版本 \(envelope.version)（本程序读取版本 \(version)）")))
        }
        for (index, slot) in envelope.departments.enumerated() {
            if let error = slot.error {
                issues.append(.init(section: .departments, index: index, code: slot.code, field: fieldPath(of: error, droppingFirst: 2),
                                    reason: reason(for: error)))
            }
        }
        for (index, slot) in envelope.items.enumerated() {
            if let error = slot.error {
                issues.append(.init(section: .items, index: index, code: slot.code, field: fieldPath(of: error, droppingFirst: 2),
                                    reason: reason(for: error)))
            }
        }
        guard issues.isEmpty else { return .failure(CatalogJSONError(issues: issues)) }

        let catalog = Catalog(departments: envelope.departments.compactMap(\.value), items: envelope.items.compactMap(\.value))
        issues = catalog.validate().map { error in
            let section: CatalogJSONIssue.Section = switch error.problem {
            case .duplicateDepartmentCode, .emptyDepartmentCode, .emptyDepartmentName, .departmentText: .departments
            default: .items
            }
            return CatalogJSONIssue(section: section, index: error.index, code: error.code, field: error.fieldPath, reason: error.reason)
        }
        return issues.isEmpty ? .success(catalog) : .failure(CatalogJSONError(issues: issues))
    }

    // MARK: Document shape

    private struct Document: Encodable {
        var format: String
        var version: Int
        var departments: [Department]
        var items: [CatalogItem]
    }

    private struct Envelope: Decodable {
        var format: String
        var version: Int
        var departments: [Slot<Department>]
        var items: [Slot<CatalogItem>]
    }

    /// Decodes one element without failing the array, so every bad element is reported.
    private struct Slot<T: Decodable>: Decodable {
        var value: T?
        var error: (any Error)?
        var code = ""

        private struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            do {
                value = try T(from: decoder)
            } catch {
                self.error = error
            }
            let keys = try? decoder.container(keyedBy: AnyKey.self)
            code = (try? keys?.decode(String.self, forKey: AnyKey(stringValue: "implementationCode")))
                ?? (try? keys?.decode(String.self, forKey: AnyKey(stringValue: "code"))) ?? ""
        }
    }

    // MARK: Decoding errors

    private static func fieldPath(of error: any Error, droppingFirst count: Int) -> String {
        guard let error = error as? DecodingError else { return "" }
        var path: [any CodingKey]
        var missing: String?
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath; missing = key.stringValue
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: path = []
        }
        var text = ""
        for key in path.dropFirst(count) {
            if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        if let missing { text += (text.isEmpty ? "" : ".") + missing }
        return text
    }

    private static func reason(for error: any Error) -> Bilingual {
        guard let error = error as? DecodingError else {
            return Bilingual(en: "not valid JSON", zh: "不是有效的 JSON")
        }
        switch error {
        case .keyNotFound: return Bilingual(en: "missing field", zh: "缺少字段")
        case .typeMismatch(let type, _): return Bilingual(en: "wrong type, expected \(type)", zh: "类型错误，应为 \(type)")
        case .valueNotFound: return Bilingual(en: "must not be null", zh: "不能为 null")
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? Bilingual(en: "not valid JSON", zh: "不是有效的 JSON")
                : Bilingual(en: "value not allowed here (unknown code?)", zh: "该值无效（未知的编码？）")
        @unknown default: return Bilingual(en: "cannot be read", zh: "无法读取")
        }
    }
}
