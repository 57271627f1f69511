import Foundation
import Testing

/// `desk catalog`, `desk calendar` and `desk validate` through the real binary.
@Suite struct CatalogCLITests {
    let folder: URL
    let db: String
    init() throws {
        (folder, db) = try Desk.demoHall()
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A missing file or a folder used to print Foundation's English "The operation could not be completed…".
    @Test func unreadableFilesAreExplainedInTheUsersLanguage() throws {
        let missing = folder.appendingPathComponent("missing.csv").path
        let zh = try Desk.run(["catalog", "import", missing, "--db", db, "--lang", "zh"])
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("文件不存在"), "\(zh.stderr)")
        let dir = try Desk.run(["catalog", "import", folder.path, "--db", db, "--lang", "en"])
        #expect(dir.status == 1)
        #expect(dir.stderr.contains("it is a folder, not a file"), "\(dir.stderr)")
        let calendar = try Desk.run(["calendar", "import", missing, "--db", db, "--lang", "zh"])
        #expect(calendar.status == 1)
        #expect(calendar.stderr.contains("文件不存在"), "\(calendar.stderr)")
        for r in [zh, dir, calendar] { #expect(!r.stderr.contains("operation could not"), "\(r.stderr)") }
    }

    @Test func importingABadFileExits1ListsEveryBadLineAndImportsNothing() throws {
        let bad = try file("bad.csv", """
            实施编码,事项名称,事项类型,部门编码,部门名称,承诺时限,法定时限
            C-1,甲事项,01,D1,某部门,5,20
            C-2,乙事项,99,D1,某部门,5,20
            C-3,,01,D1,某部门,30,20

            C-4,丁事项,01,D1,某部门,abc,20
            """)
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        #expect(try Desk.run(["init", "--db", fresh]).status == 0)
        let zh = try Desk.run(["catalog", "import", bad, "--db", fresh, "--lang", "zh"])
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("未导入任何内容"))
        for expected in ["第 3 行，事项类型", "第 4 行，事项名称", "第 4 行，承诺时限", "第 6 行，承诺时限"] {
            #expect(zh.stderr.contains(expected), "\(expected) in \(zh.stderr)")
        }
        let en = try Desk.run(["catalog", "import", bad, "--db", fresh, "--lang", "en", "--json"])
        #expect(en.status == 1)
        #expect(en.object["imported"] as? Bool == false)
        let issues = try #require(en.object["issues"] as? [[String: Any]])
        #expect(issues.compactMap { $0["line"] as? Int } == [3, 4, 4, 6])
        // English counts its problems in the right number.
        let one = try file("one.csv", "实施编码,事项名称,事项类型,部门编码,部门名称,承诺时限,法定时限\nC-2,乙事项,99,D1,某部门,5,20\n")
        #expect(try Desk.run(["catalog", "import", one, "--db", fresh, "--lang", "en"]).stderr.contains("has 1 problem;"))
        let search = try Desk.run(["catalog", "search", "甲事项", "--db", fresh, "--json"])
        #expect(search.object["count"] as? Int == 0)
    }

    /// With --json a refused import is one object on stdout (the import report with the usual `error` beside
    /// its issues) and nothing on stderr, as README's "Errors" promises for every command.
    @Test func aRefusedImportWithJSONIsOneObjectOnStdoutAndNothingOnStderr() throws {
        let bad = try file("bad7.csv", """
            实施编码,事项名称,事项类型,部门编码,部门名称,承诺时限,法定时限
            C-2,乙事项,99,D1,某部门,5,20
            """)
        let zh = try Desk.run(["catalog", "import", bad, "--json", "--lang", "zh", "--db", db])
        #expect(zh.status == 1)
        #expect(zh.stderr.isEmpty, "\(zh.stderr)")
        #expect(zh.stdout.split(separator: "\n").count == 1, "\(zh.stdout)")
        #expect(zh.object["imported"] as? Bool == false && zh.object["format"] as? String == "csv")
        #expect((zh.object["issues"] as? [[String: Any]])?.first?["line"] as? Int == 2)
        let error = try #require(zh.object["error"] as? [String: Any])
        #expect(error["code"] as? String == "catalog_csv" && error["status"] as? Int == 1)
        #expect((error["message"] as? String)?.hasPrefix("事项清单文件有 1 处错误") == true, "\(error)")
    }

    /// `catalog import ''` (an unset variable) is a usage error in the user's language.
    @Test func anEmptyFileNameIsAUsageErrorInChinese() throws {
        let zh = try Desk.run(["catalog", "import", "", "--lang", "zh", "--db", db])
        #expect(zh.status == 64)
        #expect(zh.stderr.contains("FILE 不能为空"), "\(zh.stderr)")
        #expect(!zh.stderr.contains("needs"), "\(zh.stderr)")
        let json = try Desk.run(["catalog", "import", " ", "--json", "--lang", "en", "--db", db])
        #expect(json.status == 64 && (json.object["error"] as? [String: Any])?["code"] as? String == "usage.invalid")
    }

    /// Pinyin typed with spaces between the syllables finds the same items.
    @Test func pinyinWithSpacesFindsTheItem() throws {
        let r = try Desk.run(["catalog", "search", "shi pin", "--json", "--db", db])
        #expect(r.status == 0)
        #expect(r.stdout.contains("食品经营许可"), "\(r.stdout)")
    }

    @Test(arguments: ["csv", "json"])
    func exportThenImportGivesTheSameCatalog(format: String) throws {
        let exported = folder.appendingPathComponent("catalog.\(format)").path
        let out = try Desk.run(["catalog", "export", exported, "--db", db])
        #expect(out.status == 0, "\(out.stderr)")
        let fresh = folder.appendingPathComponent("fresh-\(format).sqlite").path
        #expect(try Desk.run(["init", "--db", fresh]).status == 0)
        let imported = try Desk.run(["catalog", "import", exported, "--db", fresh, "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = try #require(imported.object["summary"] as? [String: Any])
        #expect(summary["new_items"] as? Int == 148)
        // The same bytes back, in both formats.
        for f in ["csv", "json"] {
            let a = try Desk.run(["catalog", "export", "--format", f, "--db", db])
            let b = try Desk.run(["catalog", "export", "--format", f, "--db", fresh])
            #expect(a.status == 0 && !a.stdout.isEmpty && a.stdout == b.stdout)
        }
        // Importing again updates nothing and duplicates nothing.
        let again = try Desk.run(["catalog", "import", exported, "--db", fresh, "--lang", "en"])
        #expect(again.stdout.contains("0 new, 0 updated, 148 unchanged; 148 items in the catalog"))
    }

    @Test func showAndSearchAnItem() throws {
        let search = try Desk.run(["catalog", "search", "食品经营", "--db", db, "--json"])
        let items = try #require(search.object["items"] as? [[String: Any]])
        let code = try #require(items.first?["code"] as? String)
        #expect(items.first?["name"] as? String == "食品经营许可")
        let shown = try Desk.run(["catalog", "show", code, "--db", db, "--lang", "zh"])
        #expect(shown.status == 0)
        for text in ["食品经营许可", "设定依据", "办理流程", "承诺时限", "监督电话", "终审层级", "可办层级", "核心", "容缺", "复印件"] {
            #expect(shown.stdout.contains(text), "\(text)")
        }
        let json = try Desk.run(["catalog", "show", code, "--db", db, "--json"])
        let item = try #require(json.object["item"] as? [String: Any])
        #expect((item["materials"] as? [[String: Any]])?.isEmpty == false)
        let missing = try Desk.run(["catalog", "show", "NO-SUCH", "--db", db, "--lang", "en"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("No item with implementation code 'NO-SUCH'"))
    }

    @Test func validateIDNumbers() throws {
        let valid = try Desk.run(["validate", "id", "11010519491231002X"])
        #expect(valid.status == 0)
        #expect(valid.stdout.hasPrefix("11010519491231002X"))
        let invalid = try Desk.run(["validate", "id", "110105194912310021", "--lang", "en"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.lowercased().contains("check"))
        let json = try Desk.run(["validate", "id", "110105194912310021", "--json"])
        #expect(json.object["rule"] as? String == "checkCharacter")
    }

    @Test func calendarAcrossSpringFestival2026() throws {
        let add = try Desk.run(["calendar", "add", "--from", "2026-02-12", "--working-days", "5", "--db", db, "--json"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.object["date"] as? String == "2026-02-26")
        let text = try Desk.run(["calendar", "add", "--from", "2026-02-12", "--working-days", "7", "--db", db, "--lang", "zh"])
        #expect(text.stdout.hasPrefix("2026-02-28 星期六"))
        let natural = try Desk.run(["calendar", "add", "--from", "2026-02-12", "--natural-days", "20", "--db", db, "--json"])
        #expect(natural.object["date"] as? String == "2026-03-04")
        let between = try Desk.run(["calendar", "between", "2026-02-12", "2026-03-02", "--db", db, "--json"])
        #expect(between.object["working_days"] as? Int == 8)
        let month = try Desk.run(["calendar", "show", "2026-02", "--db", db, "--lang", "zh"])
        #expect(month.stdout.contains("14班  15休"))
        #expect(month.stdout.contains("春节：放假 2026-02-15 至 2026-02-23（9 天）"))
        let monthJSON = try Desk.run(["calendar", "show", "2026-10", "--db", db, "--json"])
        let days = try #require(monthJSON.object["days"] as? [[String: Any]])
        #expect(days[0]["kind"] as? String == "holiday" && days[0]["name"] as? String == "国庆节")
        #expect(days[9]["kind"] as? String == "makeUpWorkingDay")
    }

    @Test func calendarIntoAnUnloadedYearNamesTheYearUntilItIsImported() throws {
        let refused = try Desk.run(["calendar", "add", "--from", "2026-12-20", "--working-days", "10", "--db", db, "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("holiday schedule for 2027 is not loaded"))
        let schedule = try file("2027.json", """
            {"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}
            """)
        let imported = try Desk.run(["calendar", "import", schedule, "--db", db, "--lang", "en"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2027"))
        let add = try Desk.run(["calendar", "add", "--from", "2026-12-20", "--working-days", "10", "--db", db, "--json"])
        #expect(add.object["date"] as? String == "2027-01-04")
    }
}
