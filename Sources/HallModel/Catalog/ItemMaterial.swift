/// One line of an item's material checklist, as published.
public struct ItemMaterial: Codable, Sendable, Hashable {
    public var name: String
    public var kind: MaterialKind
    public var form: MaterialForm
    /// How many copies (份数); at least 1.
    public var copies: Int
    /// A blank form can be downloaded or printed at the window (空白表格).
    public var blankFormAvailable: Bool
    /// A filled-in sample is available (示例样表).
    public var sampleAvailable: Bool
    public var source: MaterialSource
    /// The department that shares the material; set exactly when `source == .shared`.
    public var sourceDepartmentCode: String?
    public var notes: String

    public init(
        name: String,
        kind: MaterialKind = .core,
        form: MaterialForm = .original,
        copies: Int = 1,
        blankFormAvailable: Bool = false,
        sampleAvailable: Bool = false,
        source: MaterialSource = .applicant,
        sourceDepartmentCode: String? = nil,
        notes: String = ""
    ) {
        self.name = name
        self.kind = kind
        self.form = form
        self.copies = copies
        self.blankFormAvailable = blankFormAvailable
        self.sampleAvailable = sampleAvailable
        self.source = source
        self.sourceDepartmentCode = sourceDepartmentCode
        self.notes = notes
    }

    /// Field names as stored (JSON keys, future column names).
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case name, kind, form, copies, blankFormAvailable, sampleAvailable, source, sourceDepartmentCode, notes
    }
}
