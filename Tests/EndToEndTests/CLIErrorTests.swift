import Foundation
import Testing

/// Failures in the user's language, with a stable code in JSON; completions that know the hall.
@Suite struct CLIErrorTests {
    let folder: URL
    let db: String
    init() throws { (folder, db) = try Desk.demoHall() }

    /// ArgumentParser's parse errors (unknown option, missing value, bad value) are translated; exit 64.
    @Test func parserErrorsSpeakTheUsersLanguage() throws {
        let unknown = try Desk.run(["ticket", "issue", "--line", "A", "--colour", "--db", db], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("未知选项“--colour”"), "\(unknown.stderr)")
        #expect(!unknown.stderr.contains("Unknown option"), "\(unknown.stderr)")
        let missing = try Desk.run(["ticket", "issue", "--db", db, "--lang", "zh", "--line"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("选项“--line <line>”缺少取值"), "\(missing.stderr)")
        let bad = try Desk.run(["ticket", "issue", "--line", "A", "--priority", "vip", "--lang", "zh", "--db", db])
        #expect(bad.status == 64 && bad.stderr.contains("“vip”不是“--priority"), "\(bad.stderr)")
        #expect(bad.stderr.contains("可选：normal、elderly、disabled、military、pregnant、green。"), "\(bad.stderr)")
        let required = try Desk.run(["ticket", "call", "--lang", "zh", "--db", db])
        #expect(required.status == 64 && required.stderr.contains("缺少必需的参数“--window"), "\(required.stderr)")
        // Our own usage checks too.
        let lang = try Desk.run(["queue", "--lang", "fr", "--db", db], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(lang.status == 64 && lang.stderr.contains("--lang 只能是 zh 或 en"), "\(lang.stderr)")
        // English stays ArgumentParser's, with the usage.
        let english = try Desk.run(["ticket", "issue", "--line", "A", "--colour", "--db", db])
        #expect(english.status == 64 && english.stderr.contains("Unknown option '--colour'") && english.stderr.contains("Usage:"), "\(english.stderr)")
    }

    /// With --json every failure is one object on stdout with a stable code; the exit statuses stay.
    @Test func withJSONAnErrorIsOneObject() throws {
        func error(_ r: Desk.Result) -> [String: Any] { r.object["error"] as? [String: Any] ?? [:] }
        let usage = try Desk.run(["ticket", "issue", "--line", "A", "--colour", "--json", "--db", db])
        #expect(usage.status == 64)
        #expect(error(usage)["code"] as? String == "usage.unknown_option", "\(usage.stdout)")
        #expect((error(usage)["message"] as? String)?.contains("--colour") == true)
        #expect(error(usage)["status"] as? Int == 64)
        #expect(usage.stderr.isEmpty, "\(usage.stderr)")
        let refused = try Desk.run(["ticket", "issue", "--line", "Q", "--json", "--lang", "zh", "--db", db])
        #expect(refused.status == 1)
        #expect(error(refused)["code"] as? String == "queue.unknown_line", "\(refused.stdout)")
        #expect(error(refused)["message"] as? String == "没有号段“Q”。")
        let missing = try Desk.run(["queue", "--json", "--db", folder.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 4 && error(missing)["code"] as? String == "hall_database.not_found", "\(missing.stdout)")
        let typo = try Desk.run(["tickets", "--json"])
        #expect(typo.status == 64 && error(typo)["code"] as? String == "usage.unknown_command", "\(typo.stdout)")
        // Nothing waiting is not an error: `null` and 3, as before.
        let none = try Desk.run(["ticket", "call", "--window", "2", "--json", "--db", db])
        #expect(none.status == 3 && none.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "null")
    }

    /// SQLite's and Foundation's English never reaches a Chinese message.
    @Test func systemErrorsAreTranslated() throws {
        // A folder given as the database: SQLite says "unable to open database file".
        let asFolder = try Desk.run(["queue", "--lang", "zh", "--db", folder.path])
        #expect(asFolder.status == 4)
        #expect(asFolder.stderr.contains("这是一个目录"), "\(asFolder.stderr)")
        let words = asFolder.stderr.replacingOccurrences(of: folder.path, with: "").replacingOccurrences(of: "desk: ", with: "").split { !$0.isLetter || !$0.isASCII }
        #expect(words.filter { $0.count > 1 }.isEmpty, "English in: \(asFolder.stderr)")
    }

    /// `--lang` completes to its values, `--line` to the hall's prefixes, `--window` to its window numbers.
    @Test func completionsKnowTheHall() throws {
        let script = try Desk.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0 && script.stdout.contains("complete -o filenames -F"), "\(script.stderr)")
        #expect(script.stdout.contains("-W 'en'$'\\n''zh'"), "no --lang values")
        #expect(script.stdout.contains("---completion ticket issue -- --line"), "no custom --line completion")
        let lines = try Desk.run(["---completion", "ticket", "issue", "--", "--line", "4", "0", "ticket", "issue", "--db", db, "--line", ""])
        #expect(lines.status == 0, "\(lines.stderr)")
        let prefixes: Set<String> = Set(lines.stdout.split(separator: "\n").map(String.init))
        #expect(prefixes.isSuperset(of: ["A", "B", "C"]), "\(lines.stdout)")
        let windows = try Desk.run(["---completion", "ticket", "call", "--", "--window", "4", "0", "ticket", "call", "--db", db, "--window", ""])
        let numbers: [String] = windows.stdout.split(separator: "\n").map(String.init)
        #expect(numbers == (1...8).map { String($0) }, "\(windows.stdout)")
        let zsh = try Desk.run(["--generate-completion-script", "zsh"])
        #expect(zsh.status == 0)
    }
}
