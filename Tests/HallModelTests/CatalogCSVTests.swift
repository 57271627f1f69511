import Foundation
import Testing
@testable import HallModel

@Suite struct CSVReaderTests {
    @Test func quotedFieldsWithCommasQuotesAndNewlines() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n"
        let (records, errors) = CSV.parse(text)
        #expect(errors.isEmpty)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func quotedFieldSpanningLinesReportsItsStartLine() {
        let text = "h1,h2\n\"one\ntwo\nthree\",next\nok,\"never closed\nmore\n"
        let (records, errors) = CSV.parse(text)
        #expect(records[1].fieldLines == [2, 4])
        #expect(errors == [CSVSyntaxError(line: 5, fieldIndex: 1, problem: .unterminatedQuote)])
    }

    @Test func byteOrderMarkAndLineEndingsAreAccepted() {
        let lf = CSV.parse("a,b\n1,2\n").records.map(\.fields)
        #expect(CSV.parse("\u{FEFF}a,b\r\n1,2\r\n").records.map(\.fields) == lf)
        #expect(CSV.parse("a,b\r1,2").records.map(\.fields) == lf)
    }

    @Test func writerQuotesOnlyWhenNeededAndRoundTrips() {
        let rows = [["plain", "a,b", "q\"q", "line\r\nbreak", ""]]
        let text = CSV.write(rows, byteOrderMark: false)
        #expect(text == "plain,\"a,b\",\"q\"\"q\",\"line\r\nbreak\",\r\n")
        #expect(CSV.parse(text).records.map(\.fields) == rows)
    }
}

@Suite struct CatalogCSVTests {
    private func roundTrip(_ catalog: Catalog, header: CatalogCSV.HeaderStyle = .chinese,
                           lineEnding: String = "\r\n", byteOrderMark: Bool = true) throws -> Catalog {
        let text = CatalogCSV.export(catalog, header: header, lineEnding: lineEnding, byteOrderMark: byteOrderMark)
        return try CatalogCSV.parse(text).get()
    }

    @Test func fixtureIsValid() {
        #expect(CatalogFixtures.catalog.validate().isEmpty)
    }

    @Test(arguments: [("\r\n", true), ("\n", false), ("\r\n", false), ("\n", true)])
    func exportThenImportGivesTheSameCatalog(lineEnding: String, bom: Bool) throws {
        let catalog = CatalogFixtures.catalog
        #expect(try roundTrip(catalog, lineEnding: lineEnding, byteOrderMark: bom) == catalog)
        #expect(try roundTrip(catalog, header: .keys, lineEnding: lineEnding, byteOrderMark: bom) == catalog)
    }

    @Test func departmentsOutOfItemOrderStillRoundTrip() throws {
        var catalog = CatalogFixtures.catalog
        catalog.departments.reverse()
        #expect(try roundTrip(catalog) == catalog)
    }

    @Test func exportHasOneRowPerMaterial() {
        let text = CatalogCSV.export(CatalogFixtures.catalog, byteOrderMark: false)
        let records = CSV.parse(text).records
        // header + 3 materials + 1 item without materials + 1 department without items
        #expect(records.count == 6)
        #expect(records[0].fields.first == "实施编码")
    }

    @Test func dataBytesWithBOMImport() throws {
        let data = CatalogCSV.exportData(CatalogFixtures.catalog)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try CatalogCSV.parse(data: data).get() == CatalogFixtures.catalog)
    }

    @Test func continuationRowsMayLeaveItemColumnsEmpty() throws {
        let text = """
        implementation_code,item_name,item_type,department_code,department_name,tolerance_allowed,material_name,material_kind
        X1,食品经营许可,1,D1,区市场监督管理局,是,申请书,核心
        X1,,,,,,场所平面图,容缺
        X1,食品经营许可,,,,,承诺书,
        """
        let catalog = try CatalogCSV.parse(text).get()
        #expect(catalog.departments == [Department(code: "D1", name: "区市场监督管理局")])
        #expect(catalog.items.count == 1)
        let item = catalog.items[0]
        #expect(item.itemType == .licensing)
        #expect(item.materials.map(\.name) == ["申请书", "场所平面图", "承诺书"])
        #expect(item.materials.map(\.kind) == [.core, .tolerable, .core])
        // Defaults for the columns that are not in the file.
        #expect(item.statutoryLimit == TimeLimit(20) && item.promisedLimit == TimeLimit(20))
        #expect(item.allowedSiteLevels == [.district] && item.linePrefix == "A" && item.finalApprover == .sectionChief)
    }

    @Test func everyBadRowIsReportedWithLineAndColumn() {
        let text = """
        实施编码,事项名称,事项类型,部门编码,部门名称,法定时限,承诺时限,容缺受理,业务线,材料名称,材料类别,份数
        A1,食品经营许可,01,D1,区市场监督管理局,20,5,否,A,申请书,核心,1
        A1,,,,,,,,,场所平面图,容缺,1
        A2,,99,D1,,abc,5,是,a1,"申请书
        第二行",核心,0
        A3,建筑工程施工许可,01,D2,区住建局,10,12,否,C,申请表,核心,1
        ,孤立的材料行,,,,,,,,,,
        A1,另一个名称,,,,,,,,承诺书,,1
        """
        guard case .failure(let error) = CatalogCSV.parse(text) else {
            Issue.record("a bad file must not import")
            return
        }
        let found = Set(error.issues.map { "\($0.line):\($0.column)" })
        let expected: Set<String> = [
            "3:材料类别",       // tolerable material on an item without 容缺
            "4:事项名称",       // empty name
            "4:事项类型",       // 99 is not a type
            "4:法定时限",       // abc
            "4:业务线",         // a1 → A1 is not letters only
            "4:份数",           // 0 copies (the field starts on line 4)
            "4:容缺受理",       // 容缺 allowed but nothing tolerable
            "6:承诺时限",       // 12 > 10
            "7:实施编码",       // a row without a code
            "8:事项名称",       // continuation row contradicts line 2
        ]
        #expect(found == expected, "\(error.issues.map(\.message.en))")
        #expect(error.issues.map(\.line) == error.issues.map(\.line).sorted())
        for issue in error.issues {
            #expect(!issue.reason.en.isEmpty && !issue.reason.zh.isEmpty)
        }
        #expect(error.message.zh.contains("未导入"))
    }

    /// A row with fewer fields than the header would update an item with its later columns empty: refused.
    @Test func aShortRowIsAnErrorLikeALongOne() {
        let text = """
        实施编码,事项名称,事项类型,部门编码,部门名称,法定时限,承诺时限,容缺受理,业务线,材料名称,材料类别,份数
        A1,食品经营许可,01,D1,区市场监督管理局,20,5,否,A,申请书,核心,1
        A2,建筑工程施工许可,01,D2,区住建局
        """
        guard case .failure(let error) = CatalogCSV.parse(text) else {
            Issue.record("a short row must not import")
            return
        }
        #expect(error.issues.map { "\($0.line):\($0.column)" } == ["3:#6"], "\(error.issues.map(\.message.en))")
        #expect(error.issues.first?.reason.en == "this row has 5 fields; the header has 12")
    }

    @Test func unknownAndMissingColumnsAreReported() {
        let text = "实施编码,事项名称,颜色\nA1,x,red\n"
        guard case .failure(let error) = CatalogCSV.parse(text) else {
            Issue.record("must fail")
            return
        }
        let columns = Set(error.issues.map(\.column))
        #expect(columns.isSuperset(of: ["颜色", "事项类型", "部门编码", "部门名称"]))
        #expect(error.issues.allSatisfy { $0.line == 1 })
    }

    @Test func sharedMaterialFromAnUndeclaredDepartmentIsReported() {
        let text = """
        implementation_code,item_name,item_type,department_code,department_name,material_name,source_department_code
        A1,x,01,D1,dept,营业执照,NOPE
        """
        guard case .failure(let error) = CatalogCSV.parse(text) else {
            Issue.record("must fail")
            return
        }
        #expect(error.issues.map(\.column) == ["source_department_code"])
    }
}
