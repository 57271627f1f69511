import Queue

/// One row of a screen's key table: the keys, the command they give, what the key bar and the help say, and
/// when the command applies. A screen's `handle`, its key bar and its help overlay are all read from the
/// same table, so they cannot disagree (and a test checks the screen's doc against it).
///
/// `Context` is what the labels and the predicate look at, usually the screen itself.
public struct KeyBinding<Command: Sendable & Equatable, Context> {
    public var keys: [Key]
    public var command: Command
    /// Short, for the key bar ("叫号"); nil (or a label that is nil in this context): not in the key bar (it is in the help).
    public var label: ((Context) -> Bilingual?)?
    /// One line for the help overlay.
    public var help: (Context) -> Bilingual
    /// False: the key bar dims it. The key still reaches the screen, so the engine can say why it cannot
    /// be done now ("no ticket at the window").
    public var isEnabled: (Context) -> Bool
    /// Left out of the key bar first when it is too narrow (it stays in the help).
    public var optional: Bool
    /// Listed in the help only while this holds (a key of a passing situation, such as the window's pending
    /// intakes, keeps the help within 24 rows the rest of the time). Default: always.
    public var inHelp: (Context) -> Bool = { _ in true }

    public init(_ keys: [Key], _ command: Command, label: Bilingual?, help: Bilingual, optional: Bool = false,
                enabled: @escaping (Context) -> Bool = { _ in true }) {
        self.init(keys, command, label: label.map { l in { (_: Context) -> Bilingual? in l } }, help: { _ in help }, optional: optional,
                  enabled: enabled)
    }

    public init(_ keys: [Key], _ command: Command, label: ((Context) -> Bilingual?)?, help: @escaping (Context) -> Bilingual,
                optional: Bool = false, enabled: @escaping (Context) -> Bool = { _ in true }) {
        self.keys = keys; self.command = command; self.label = label; self.help = help; self.optional = optional; self.isEnabled = enabled
    }

    /// The keys as the key bar, the help and the docs write them: each `Key.displayName`, a run of three or
    /// more consecutive digits as a range ("1-9").
    public var keyNames: [String] {
        var names: [String] = [], run: [Int] = []
        func flush() {
            if run.count >= 3, let first = run.first, let last = run.last { names.append("\(first)-\(last)") } else { names += run.map(String.init) }
            run = []
        }
        for key in keys {
            guard case .char(let c) = key, c.isASCII, let digit = c.wholeNumberValue else {
                flush()
                names.append(key.displayName)
                continue
            }
            if let last = run.last, last + 1 != digit { flush() }
            run.append(digit)
        }
        flush()
        return names
    }

    /// "n/F2" for the key bar, "n  F2" for the help, "n" when the bar is short of room.
    public var barKeys: String { keyNames.joined(separator: "/") }
    public var helpKeys: String { keyNames.joined(separator: "  ") }
    public var compactKeys: String { keyNames.first ?? "" }
}

/// A screen's (or a mode's) key bindings, in the order the key bar and the help show them.
public struct KeyTable<Command: Sendable & Equatable, Context> {
    public var bindings: [KeyBinding<Command, Context>]

    public init(_ bindings: [KeyBinding<Command, Context>]) { self.bindings = bindings }

    /// The command `key` gives, if any (enabled or not: see `KeyBinding.isEnabled`).
    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// One item per labelled binding; consecutive bindings with the same label (and state) make one item, so
    /// Up and Down, two commands, read "Up/Down 滚动".
    public func keyBarItems(_ context: Context) -> [KeyBarItem] {
        var items: [KeyBarItem] = []
        for binding in bindings {
            guard let label = binding.label?(context) else { continue }
            let item = KeyBarItem(keys: binding.barKeys, compactKeys: binding.compactKeys, label: label, enabled: binding.isEnabled(context),
                                  optional: binding.optional)
            if let last = items.last, last.label == item.label, last.enabled == item.enabled, last.optional == item.optional {
                items[items.count - 1].keys += "/" + item.keys
            } else {
                items.append(item)
            }
        }
        return items
    }

    public func helpRows(_ context: Context) -> [(keys: String, text: Bilingual)] {
        bindings.filter { $0.inHelp(context) }.map { ($0.helpKeys, $0.help(context)) }
    }
}

/// One item of a key bar: "n/F2 叫号".
public struct KeyBarItem: Sendable, Equatable {
    public var keys: String
    public var compactKeys: String
    public var label: Bilingual
    public var enabled: Bool
    /// Left out, before the key names are shortened, when the bar is too narrow for everything.
    public var optional: Bool

    public init(keys: String, compactKeys: String? = nil, label: Bilingual, enabled: Bool = true, optional: Bool = false) {
        self.keys = keys; self.compactKeys = compactKeys ?? keys; self.label = label; self.enabled = enabled; self.optional = optional
    }
}

/// The key bar at the bottom of a screen: items left to right over its rows; dimmed (`.muted`) when not
/// enabled. Full key names ("n/F2") when everything fits; else without the optional items; else the first
/// key alone ("n").
public enum KeyBar {
    public static func render(_ all: [KeyBarItem], into grid: inout CellGrid, rect: Rect, language: Language) {
        let essential = all.filter { !$0.optional }
        let choices = [(all, false), (essential, false), (all, true), (essential, true)]
        guard let (items, compact, places) = choices.lazy.compactMap({ items, compact in
            layout(items, rect, language, compact: compact).map { (items, compact, $0) }
        }).first else { return }
        for (item, place) in zip(items, places) {
            let x = grid.put(compact ? item.compactKeys : item.keys, x: place.x, y: place.y, role: item.enabled ? .keyHint : .muted)
            grid.put(" " + item.label.text(language), x: x, y: place.y, role: item.enabled ? .normal : .muted, limit: rect.maxX)
        }
    }

    /// Where each item goes, left to right over the rows of `rect`; nil when they do not all fit.
    static func layout(_ items: [KeyBarItem], _ rect: Rect, _ language: Language, compact: Bool) -> [(x: Int, y: Int)]? {
        var x = rect.x + 1, y = rect.y
        var places: [(x: Int, y: Int)] = []
        for item in items {
            let width = (compact ? item.compactKeys : item.keys).displayWidth + 1 + item.label.text(language).displayWidth
            if x + width > rect.maxX - 1 && x > rect.x + 1 {
                y += 1
                x = rect.x + 1
            }
            guard y < rect.maxY, x + width <= rect.maxX - 1 else { return nil }
            places.append((x, y))
            x += width + 2
        }
        return places
    }
}

extension Key {
    /// How the key is written in key bars, help and docs: "n", "F2", "Esc", "PgUp", "Ctrl-U".
    public var displayName: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .f(let n): return "F" + String(n)
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .resize: return "Resize"
        }
    }
}
