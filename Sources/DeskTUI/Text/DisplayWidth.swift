#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Queue

/// The one display-width function of HallDesk. Everything that lays out text asks here.
///
/// Width is per grapheme (Swift `Character`): the widest of its scalars by `wcwidth` under a
/// UTF-8 `LC_CTYPE`, so a base letter with combining marks is 1 and a Chinese character is 2.
/// Controls are 0 and are left out of the grid.
///
/// Why `wcwidth` and not our own table: ncurses positions the cursor with the same glibc
/// `wcwidth`, so the grid and the terminal agree on every column. To be independent of the
/// process locale (tests run under "C", where `wcwidth("中")` is -1), we ask through a private
/// `C.UTF-8` locale object installed per call with `uselocale`, which is per thread and leaves
/// the process locale alone. If no UTF-8 locale can be loaded at all, a small East Asian
/// Wide/Fullwidth table stands in.
public enum DisplayWidth {
    /// Columns one grapheme takes: 0 (control, lone combining mark), 1 or 2.
    public static func of(_ character: Character) -> Int {
        // Fast path: printable ASCII is the common case on every screen.
        if let ascii = character.asciiValue { return (0x20...0x7E).contains(ascii) ? 1 : 0 }
        return withUTF8CType { graphemeWidth(character) }
    }

    /// Columns a whole string takes.
    public static func of(_ text: String) -> Int {
        // Fast path: an all-ASCII string is one column per printable byte (controls, "\r\n" too, are 0),
        // with no locale switch and no grapheme breaking.
        var printable = 0
        for byte in text.utf8 {
            if byte >= 0x80 { return withUTF8CType { text.reduce(0) { $0 + graphemeWidth($1) } } }
            if byte >= 0x20, byte < 0x7F { printable += 1 }
        }
        return printable
    }

    /// True for graphemes that must never reach the grid (C0/C1 controls, DEL, lone formats).
    public static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy(PrintableText.isControl)
    }

    // MARK: - Internals

    private static func graphemeWidth(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return (0x20...0x7E).contains(ascii) ? 1 : 0 }
        var widest = 0
        for scalar in character.unicodeScalars {
            let w = scalarWidth(scalar)
            if w > widest { widest = w }
        }
        return widest
    }

    private static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        if utf8Locale != nil, let wcwidth = systemWcwidth {
            let w = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
            return max(0, min(2, w))
        }
        return FallbackWidthTable.width(of: scalar)
    }

    /// Runs `body` with this thread's LC_CTYPE set to UTF-8, restoring the previous one.
    private static func withUTF8CType<T>(_ body: () -> T) -> T {
        guard let locale = utf8Locale else { return body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }

    /// glibc's `wcwidth`. Swift's Glibc module is built without `_XOPEN_SOURCE`, which hides the
    /// declaration, so we look the symbol up in the already-loaded C library instead.
    private static let systemWcwidth: (@convention(c) (wchar_t) -> Int32)? = {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()

    /// A read-only locale object, created once. `nonisolated(unsafe)`: it is written only by the
    /// lazy static initialiser (which Swift runs once, thread-safely) and glibc locale objects
    /// may be used from any thread once created.
    nonisolated(unsafe) private static let utf8Locale: locale_t? = {
        let mask = Int32(1 << LC_CTYPE)
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if let locale = newlocale(mask, name, nil) { return locale }
        }
        return nil
    }()
}

/// Used only when the system has no UTF-8 locale: East Asian Wide/Fullwidth blocks are 2,
/// combining marks and formats 0, the rest 1.
enum FallbackWidthTable {
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        return wide.contains { $0.contains(scalar.value) } ? 2 : 1
    }
}
