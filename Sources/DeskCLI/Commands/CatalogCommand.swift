import ArgumentParser
import DeskTUI
import Foundation
import HallModel
import Queue

/// `desk catalog`: the published item list. Without a subcommand, the catalog screen.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "The published item list: screen, import, export, show, search.",
        subcommands: [CatalogScreenCommand.self, CatalogImportCommand.self, CatalogExportCommand.self,
                      CatalogShowCommand.self, CatalogSearchCommand.self],
        defaultSubcommand: CatalogScreenCommand.self)
}

/// Problems of the command line itself (files, formats, unknown codes), in both languages.
enum CatalogCommandError: UserFacingError {
    case unreadable(path: String, reason: Bilingual)
    case unwritable(path: String, reason: Bilingual)
    case noItem(code: String, suggestions: [String])

    var message: Bilingual {
        switch self {
        case .unreadable(let path, let reason):
            Bilingual(en: "Cannot read '\(path)': \(reason.en)", zh: "无法读取“\(path)”：\(reason.zh)")
        case .unwritable(let path, let reason):
            Bilingual(en: "Cannot write '\(path)': \(reason.en)", zh: "无法写入“\(path)”：\(reason.zh)")
        case .noItem(let code, let suggestions):
            suggestions.isEmpty
                ? Bilingual(en: "No item with implementation code '\(PrintableText.excerpt(code))'.",
                            zh: "没有实施编码为“\(PrintableText.excerpt(code))”的事项。")
                : Bilingual(en: "No item with implementation code '\(PrintableText.excerpt(code))'. Did you mean: \(suggestions.joined(separator: ", "))",
                            zh: "没有实施编码为“\(PrintableText.excerpt(code))”的事项。是否要找：\(suggestions.joined(separator: "、"))")
        }
    }
}

func readFile(_ path: String) throws -> Data {
    do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
        throw CatalogCommandError.unreadable(path: path, reason: FileProblem.reason(error, path: path))
    }
}

// MARK: - Screen

struct CatalogScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "The catalog screen: search as you type, read an item's published list.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var themeOption: ThemeOption
    @Option(help: "Start with this search text.") var query: String = ""

    func run() throws {
        let language = options.language
        let database = try options.openDatabase(checkingIntegrity: true)
        var feed = try CatalogIndexFeed(database: database)
        let chosen = try themeOption.load(for: database)
        try CursesTerminal.run(theme: chosen) { terminal in
            var loop = RunLoop(screen: CatalogScreen(index: feed.index, query: query), terminal: terminal, language: language)
            loop.changes = database.changeSignal()
            loop.screen.viewport = terminal.size
            try loop.run(
                watch: { screen in
                    var changed = false
                    if screen.viewport != terminal.size { screen.viewport = terminal.size; changed = true }
                    if try feed.refresh(from: database) { screen.update(index: feed.index); changed = true }
                    return changed
                },
                // Standalone, Esc on an empty search stays (a citizen at the consultation desk pressing Esc
                // once too often should not drop to the shell); q and F10 leave.
                perform: { effect, _ in effect == .quit ? .quit : .keepRunning })
        }
    }
}

// MARK: - Import

struct CatalogImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import items with their materials from CSV or JSON (all or nothing; items are updated by implementation code).",
        discussion: """
            The format is chosen by the file's extension (.csv, .json), else by its content. The provincial \
            platform's published-list export (columns department, name, itemCode, taskType, deptCode…) is recognised \
            and loaded too. See docs/catalog-format.md.
            """)
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The catalog file.") var file: String
    @Flag(help: "Make the stored catalog exactly the file's: items not in the file are removed.") var replace = false
    @Flag(help: "Print one JSON object.") var json = false

    enum Format: String { case csv, json, provincial }

    func validate() throws {
        // `desk catalog import ''` (an unset shell variable) is a usage error, not a system error code.
        try UsageError.rejectBlank(file, "FILE")
    }

    func run() throws {
        let language = options.language
        let data = try readFile(file)
        let format = Self.format(path: file, data: data)
        let catalog: Catalog
        let failure: (any UserFacingError, [IssueJSON])?
        switch format {
        case .json:
            switch CatalogJSON.parse(data) {
            case .success(let c): catalog = c; failure = nil
            case .failure(let e):
                catalog = Catalog(departments: [], items: [])
                failure = (e, e.issues.map {
                    IssueJSON(item: $0.index, code: $0.code.isEmpty ? nil : $0.code, field: $0.field, reason: $0.reason.text(language))
                })
            }
        case .csv, .provincial:
            switch format == .csv ? CatalogCSV.parse(data: data) : CatalogSampleImport.parse(data: data) {
            case .success(let c): catalog = c; failure = nil
            case .failure(let e):
                catalog = Catalog(departments: [], items: [])
                failure = (e, e.issues.map { IssueJSON(line: $0.line, column: $0.column, reason: $0.reason.text(language)) })
            }
        }
        if let (error, issues) = failure {
            // With --json the report is the whole answer: stdout only (README, "Errors"), the issues listed
            // and the usual `error` object beside them, so a script reading either finds it.
            guard json else { throw error }
            try Output.json(ImportJSON(imported: false, format: format.rawValue, summary: nil, issues: issues,
                                       error: ErrorReport(error)?.body(language)))
            throw ExitCode(DeskExit.refused)
        }
        let database = try options.openDatabase()
        let summary = try database.importCatalog(catalog, mode: replace ? .replace : .merge,
                                                 source: try ImportSource(name: URL(fileURLWithPath: file).lastPathComponent, bytes: data),
                                                 by: try options.actor(database))
        if json {
            try Output.json(ImportJSON(imported: true, format: format.rawValue, summary: summary, issues: []))
        } else {
            let removed = replace ? Bilingual(en: ", \(summary.removedItems) removed", zh: "，删除 \(summary.removedItems) 项") : nil
            Output.line(Bilingual(
                en: "Imported \(file): \(summary.newItems) new, \(summary.updatedItems) updated, \(summary.unchangedItems) unchanged\(removed?.en ?? ""); \(Plural.english(summary.totalItems, "item")) in the catalog.",
                zh: "已导入 \(file)：新增 \(summary.newItems) 项，更新 \(summary.updatedItems) 项，未变 \(summary.unchangedItems) 项\(removed?.zh ?? "")；清单现有 \(summary.totalItems) 项。"
            ).text(language))
        }
    }

    static func format(path: String, data: Data) -> Format {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        let text = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
        let looksJSON = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.first == "{"
        if ext == "json" || (ext != "csv" && looksJSON) { return .json }
        return CatalogSampleImport.recognizes(text) ? .provincial : .csv
    }

    /// A CSV issue has a line and column; a JSON issue an item index, code and field path.
    struct IssueJSON: Encodable {
        var line: Int? = nil
        var column: String? = nil
        var item: Int? = nil
        var code: String? = nil
        var field: String? = nil
        var reason: String
    }

    struct ImportJSON: Encodable {
        var imported: Bool
        var format: String
        var summary: CatalogImportSummary?
        var issues: [IssueJSON]
        var error: ErrorReport.Body? = nil
    }
}

// MARK: - Export

struct CatalogExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the catalog as CSV (for spreadsheets) or JSON, to FILE or stdout.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "csv or json (default: from FILE's extension, else csv).") var format: String?
    @Argument(help: "Output file (default: stdout).") var file: String?

    func validate() throws {
        if let format, !["csv", "json"].contains(format.lowercased()) {
            throw UsageError(en: "--format must be csv or json, not '\(format)'", zh: "--format 只能是 csv 或 json，不能是“\(format)”。")
        }
    }

    func run() throws {
        let chosen = format?.lowercased() ?? (file.map { URL(fileURLWithPath: $0).pathExtension.lowercased() == "json" ? "json" : "csv" } ?? "csv")
        let catalog = try options.openDatabase().catalog()
        let data = chosen == "json" ? CatalogJSON.export(catalog) + Data("\n".utf8) : CatalogCSV.exportData(catalog)
        guard let file else {
            try Output.raw(data)
            return
        }
        do { try data.write(to: URL(fileURLWithPath: file), options: .atomic) } catch {
            throw CatalogCommandError.unwritable(path: file, reason: FileProblem.reason(error, path: file))
        }
        Output.line(Bilingual(en: "Exported \(Plural.english(catalog.items.count, "item")) of \(Plural.english(catalog.departments.count, "department")) to \(file).",
                              zh: "已导出 \(catalog.departments.count) 个部门的 \(catalog.items.count) 个事项到 \(file)。")
            .text(options.language))
    }
}

// MARK: - Show and search

struct CatalogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Everything of one item's published list.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The item's implementation code.") var code: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let database = try options.openDatabase()
        let index = try database.catalogIndex()
        guard let item = index.item(code: code) ?? index.item(code: code.uppercased()) else {
            let suggestions = index.matches(code, limit: 5).map { "\($0.item.implementationCode) \($0.item.name)" }
            throw CatalogCommandError.noItem(code: code, suggestions: suggestions)
        }
        let department = index.departmentName(item.departmentCode)
        if json {
            struct Out: Encodable { var item: CatalogItem; var departmentName: String }
            try Output.json(Out(item: item, departmentName: department))
            return
        }
        let sheet = CatalogItemSheet(item: item, departmentName: index.departmentName, language: options.language,
                                     width: terminalWidth())
        Output.line(item.name)
        Output.line(sheet.plainText)
    }
}

struct CatalogSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find items by name (Chinese or ASCII, any part), code or department.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Search text.") var text: String
    @Option(help: "At most this many results.") var limit: Int = 50
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let language = options.language
        let matches = try options.openDatabase().searchCatalog(text: text, limit: max(1, limit))
        if json {
            struct Hit: Encodable {
                var code: String, name: String, departmentCode: String, departmentName: String, itemType: String
                var promisedLimit: TimeLimit, statutoryLimit: TimeLimit, toleranceAllowed: Bool, linePrefix: String, rank: String
            }
            struct Out: Encodable { var query: String; var count: Int; var items: [Hit] }
            try Output.json(Out(query: text, count: matches.count, items: matches.map {
                Hit(code: $0.item.implementationCode, name: $0.item.name, departmentCode: $0.item.departmentCode,
                    departmentName: $0.departmentName, itemType: $0.item.itemType.code, promisedLimit: $0.item.promisedLimit,
                    statutoryLimit: $0.item.statutoryLimit, toleranceAllowed: $0.item.toleranceAllowed,
                    linePrefix: $0.item.linePrefix, rank: "\($0.rank)")
            }))
            return
        }
        guard !matches.isEmpty else {
            Output.error(Bilingual(en: "No item matches '\(PrintableText.excerpt(text))'.",
                                   zh: "没有与“\(PrintableText.excerpt(text))”匹配的事项。").text(language))
            throw ExitCode(DeskExit.refused)
        }
        let codeWidth = matches.map { $0.item.implementationCode.displayWidth }.max() ?? 0
        let nameWidth = min(40, matches.map { $0.item.name.displayWidth }.max() ?? 0)
        let departmentWidth = min(24, matches.map { $0.departmentName.displayWidth }.max() ?? 0)
        for match in matches {
            let item = match.item
            let tolerance = item.toleranceAllowed ? UIText.catalogToleranceMark.text(language) : ""
            let line = TextFitting.pad(item.implementationCode, to: codeWidth) + "  "
                + TextFitting.pad(item.name, to: nameWidth, marker: "~") + "  "
                + TextFitting.pad(match.departmentName, to: departmentWidth, marker: "~") + "  "
                + TextFitting.pad(UIText.shortTypeLabel(item.itemType).text(language), to: 8) + "  "
                + TextFitting.pad(CatalogScreen.limits(item, language), to: 8) + "  " + tolerance
            Output.line(line.trimmingCharacters(in: .whitespaces))
        }
    }
}

/// Width for printed sheets: $COLUMNS when set, else 100.
func terminalWidth() -> Int {
    ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).map { max(60, $0) } ?? 100
}
