import Queue

/// A `Picker` whose title and option labels are in both languages: keys go to the picker; it is drawn in the screen's
/// language, keeping its selection. The agent's and the supervisor's screens choose with it.
public struct BilingualPicker<Value: Sendable & Equatable>: Sendable, Equatable {
    public let title: Bilingual
    public let labels: [Bilingual]
    private var picker: Picker<Value>

    public init(title: Bilingual, options: [(Bilingual, Value)]) {
        self.title = title
        labels = options.map(\.0)
        picker = Picker(title: title.zh, options: options.map { Picker<Value>.Option(label: $0.0.zh, value: $0.1) })
    }

    public var options: [Picker<Value>.Option] { picker.options }

    public mutating func handle(_ key: Key) -> Picker<Value>.Outcome { picker.handle(key) }

    /// The picker's box over `area`, in `language`, with `hint`.
    public func render(into grid: inout CellGrid, over area: Rect, language: Language, hint: String) {
        var shown = Picker(title: title.text(language),
                           options: zip(labels, picker.options).map { Picker<Value>.Option(label: $0.text(language), value: $1.value) })
        shown.list = picker.list
        shown.render(into: &grid, over: area, hint: hint)
    }
}
