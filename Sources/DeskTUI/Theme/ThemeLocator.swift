import Foundation
import Queue

/// Finds a theme by the name given to `--theme`:
/// 1. a `themes` folder found walking up from the executable (a checkout or an install prefix),
/// 2. `$XDG_DATA_HOME/halldesk/themes` (default `~/.local/share/halldesk/themes`),
/// 3. the built-in copies of `default` and `monochrome`, so `desk` works anywhere.
/// A name with a "/" or ending in ".theme" is read as a path.
public struct ThemeLocator: Sendable {
    public var searchDirectories: [URL]

    public init(searchDirectories: [URL]) { self.searchDirectories = searchDirectories }

    /// The standard search path for this process.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String? = Bundle.main.executablePath) {
        var directories: [URL] = []
        if let executablePath, let found = Self.themesFolder(above: URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()) {
            directories.append(found)
        }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            directories.append(URL(fileURLWithPath: xdg).appendingPathComponent("halldesk/themes"))
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append(URL(fileURLWithPath: home).appendingPathComponent(".local/share/halldesk/themes"))
        }
        self.init(searchDirectories: directories)
    }

    /// Loads the theme called `name`, or throws a `UserFacingError`.
    public func load(_ name: String) throws -> Theme {
        if name.contains("/") || name.hasSuffix(".theme") {
            let url = URL(fileURLWithPath: name)
            return try Self.read(url, name: url.deletingPathExtension().lastPathComponent)
        }
        for directory in searchDirectories {
            let url = directory.appendingPathComponent(name + ".theme")
            if FileManager.default.fileExists(atPath: url.path) { return try Self.read(url, name: name) }
        }
        if let text = BuiltInThemes.all[name] {
            return try ThemeParser.parse(text, name: name, source: "built-in \(name)")
        }
        throw ThemeNotFound(name: name, available: available())
    }

    /// Every theme name that `load` would find.
    public func available() -> [String] {
        var names = Set(BuiltInThemes.all.keys)
        for directory in searchDirectories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files where file.hasSuffix(".theme") { names.insert(String(file.dropLast(6))) }
        }
        return names.sorted()
    }

    static func read(_ url: URL, name: String) throws -> Theme {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ThemeUnreadable(path: url.path)
        }
        return try ThemeParser.parse(text, name: name, source: url.path)
    }

    /// The nearest `themes` folder in `start`'s ancestors that holds `.theme` files.
    static func themesFolder(above start: URL) -> URL? {
        var directory = start.deletingLastPathComponent()
        while directory.path != "/" && !directory.path.isEmpty {
            let candidate = directory.appendingPathComponent("themes")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: candidate.path)) ?? []
            if files.contains(where: { $0.hasSuffix(".theme") }) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}

public struct ThemeNotFound: UserFacingError, Equatable {
    public var name: String
    public var available: [String]
    public var message: Bilingual {
        let list = available.joined(separator: ", ")
        return Bilingual(en: "no theme named '\(name)' (available: \(list))", zh: "没有名为 '\(name)' 的主题（可用：\(list)）")
    }
}

public struct ThemeUnreadable: UserFacingError, Equatable {
    public var path: String
    public var message: Bilingual {
        Bilingual(en: "cannot read theme file \(path)", zh: "无法读取主题文件 \(path)")
    }
}
