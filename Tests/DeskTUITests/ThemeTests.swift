import Foundation
import Testing
@testable import DeskTUI

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    static func file(_ name: String) throws -> String {
        try String(contentsOf: themesFolder.appendingPathComponent(name + ".theme"), encoding: .utf8)
    }

    /// A complete theme body, with `line` put first so its line number is known.
    static func theme(startingWith line: String) -> String {
        ([line] + StyleRole.allCases.map { "\($0.rawValue) = default default | none" }).joined(separator: "\n")
    }

    @Test func parsesAGoodTheme() throws {
        let theme = try ThemeParser.parse(Self.file("default"), name: "default", source: "default.theme")
        #expect(theme.borders == .lines)
        #expect(theme[.title] == RoleStyle(foreground: .indexed(7), background: .indexed(4), attributes: .bold, monochrome: [.reverse, .bold]))
        #expect(theme[.muted].foreground == .indexed(245))
        #expect(theme[.normal].background == .terminalDefault)
    }

    @Test(arguments: ["default", "monochrome", "high-contrast", "light"])
    func everyShippedThemeParses(name: String) throws {
        let theme = try ThemeParser.parse(Self.file(name), name: name, source: name)
        #expect(theme.styles.count == StyleRole.allCases.count)
        // bigDigit is drawn as spaces: without reverse it would be invisible.
        #expect(theme[.bigDigit].monochrome.contains(.reverse))
    }

    @Test func builtInCopiesEqualTheFiles() throws {
        #expect(BuiltInThemes.defaultTheme == (try Self.file("default")))
        #expect(BuiltInThemes.monochrome == (try Self.file("monochrome")))
    }

    @Test(arguments: [
        ("title white blue", ThemeError.Problem.syntax),
        ("titel = white blue | bold", .unknownRole("titel")),
        ("title = pruple blue | bold", .unknownColour("pruple")),
        ("title = white color256 | bold", .unknownColour("color256")),
        ("title = white blue blink | bold", .unknownAttribute("blink")),
        ("title = white blue bold", .missingMonochrome),
        ("title = white blue bold |", .missingMonochrome),
        ("title = white | bold", .missingColours),
        ("borders = double", .unknownBorders("double")),
    ])
    func badLineNamesFileLineAndProblem(line: String, problem: ThemeError.Problem) {
        let text = "# a comment\n\n" + Self.theme(startingWith: line)
        #expect(throws: ThemeError(source: "bad.theme", line: 3, problem: problem)) {
            try ThemeParser.parse(text, name: "bad", source: "bad.theme")
        }
    }

    @Test func duplicateAndMissingRoles() {
        let duplicate = Self.theme(startingWith: "normal = red default | none")
        #expect(throws: ThemeError(source: "t", line: 2, problem: .duplicateRole("normal"))) {
            try ThemeParser.parse(duplicate, name: "t", source: "t")
        }
        #expect(throws: ThemeError(source: "t", line: nil, problem: .missingRole("title"))) {
            try ThemeParser.parse("normal = default default | none", name: "t", source: "t")
        }
    }

    @Test func errorMessageIsBilingualAndNamesTheLine() {
        let error = ThemeError(source: "/x/bad.theme", line: 7, problem: .unknownColour("pruple"))
        #expect(error.message.en.hasPrefix("theme file /x/bad.theme, line 7: unknown colour 'pruple'"))
        #expect(error.message.zh.hasPrefix("主题文件 /x/bad.theme 第 7 行：未知的颜色 'pruple'"))
    }

    @Test func coloursFoldOntoSmallTerminals() {
        #expect(ThemeColor.indexed(245).reduced(toColors: 256) == .indexed(245))
        #expect(ThemeColor.indexed(245).reduced(toColors: 8) == .indexed(7))
        #expect(ThemeColor.indexed(9).reduced(toColors: 8) == .indexed(1))
        #expect(ThemeColor.indexed(196).reduced(toColors: 8) == .indexed(1)) // pure red
        #expect(ThemeColor.indexed(24).reduced(toColors: 8) == .indexed(4))  // dark blue
        #expect(ThemeColor.indexed(242).reduced(toColors: 8) == .indexed(0)) // light theme's muted stays dark
        #expect(ThemeColor.indexed(153).reduced(toColors: 8) == .indexed(7))
        #expect(ThemeColor.terminalDefault.reduced(toColors: 8) == .terminalDefault)
    }

    @Test func locatorFindsFilesThenBuiltIns() throws {
        let locator = ThemeLocator(searchDirectories: [Self.themesFolder])
        #expect(try locator.load("light").name == "light")
        #expect(locator.available().contains("high-contrast"))
        let nowhere = ThemeLocator(searchDirectories: [])
        #expect(try nowhere.load("monochrome") == (try locator.load("monochrome")))
        #expect(throws: ThemeNotFound(name: "light", available: ["default", "monochrome"])) { try nowhere.load("light") }
        #expect(try nowhere.load(Self.themesFolder.appendingPathComponent("light.theme").path).name == "light")
    }

    @Test func locatorWalksUpFromTheExecutable() {
        let fakeExecutable = Self.themesFolder.deletingLastPathComponent().appendingPathComponent(".build-x/debug/desk")
        #expect(ThemeLocator.themesFolder(above: fakeExecutable)?.standardized == Self.themesFolder.standardized)
        let locator = ThemeLocator(environment: ["XDG_DATA_HOME": "/data"], executablePath: "/nonexistent/bin/desk")
        #expect(locator.searchDirectories.map(\.path) == ["/data/halldesk/themes"])
    }
}
