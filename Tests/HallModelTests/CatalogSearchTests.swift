import Foundation
import Testing
@testable import HallModel

@Suite struct CatalogSearchTests {
    let catalog = DemoCatalog.catalog
    var search: CatalogSearch { CatalogSearch(catalog) }

    private func names(_ hits: [CatalogSearch.Hit]) -> [String] { hits.map { catalog.items[$0.index].name } }

    @Test func chineseSubstringInTheMiddleOfAName() {
        let hits = search.search("经营许可")
        #expect(names(hits).contains("食品经营许可"))
        #expect(names(hits).contains("道路货物运输经营许可"))
        #expect(hits.allSatisfy { catalog.items[$0.index].name.contains("经营许可") })
    }

    @Test func namePrefixRanksBeforeSubstring() {
        let hits = search.search("食品")
        #expect(hits.first.map { catalog.items[$0.index].name.hasPrefix("食品") } == true)
        let ranks = hits.map(\.rank)
        #expect(ranks == ranks.sorted())
    }

    @Test func exactCodeFirstThenCodePrefixAndSubstring() {
        let item = catalog.items[40]
        let exact = search.search(item.implementationCode.lowercased())
        #expect(exact.first?.code == item.implementationCode)
        #expect(exact.first?.rank == .exactCode)
        let department = catalog.department(code: item.departmentCode)!
        let prefix = search.search(String(department.code.prefix(18)))
        #expect(prefix.count == catalog.items.filter { $0.departmentCode == department.code }.count)
        #expect(prefix.allSatisfy { $0.rank == .codePrefix })
        let tail = String(item.implementationCode.suffix(8))
        #expect(search.search(tail).contains { $0.code == item.implementationCode && $0.rank == .codeSubstring })
    }

    @Test func departmentNameFindsItsItems() {
        let hits = search.search("退役军人")
        #expect(!hits.isEmpty)
        #expect(hits.contains { $0.rank == .department })
    }

    @Test func fullWidthAndCaseAreFolded() {
        let items = [CatalogItem(implementationCode: "ABC-1", name: "CT 检查 Room", itemType: .publicService, departmentCode: "d")]
        let index = CatalogSearch(items: items, departments: [])
        #expect(index.search("ｃｔ").map(\.index) == [0])
        #expect(index.search("room").map(\.index) == [0])
        #expect(index.search("abc-1").first?.rank == .exactCode)
        #expect(index.search("  ").isEmpty)
    }

    /// Correctness at the size the catalog screen must handle; its speed is measured by `desk bench`
    /// (catalog_keystroke_p99), never by a timed test.
    @Test func fiveThousandItemsAreSearchedWhole() {
        var items: [CatalogItem] = []
        for copy in 0..<34 {
            for item in catalog.items {
                var clone = item
                clone.implementationCode += String(copy)
                items.append(clone)
            }
        }
        #expect(items.count >= 5_000)
        let index = CatalogSearch(items: items, departments: catalog.departments)
        let perCopy = catalog.items.filter { $0.name.contains("许可") }.count
        #expect(perCopy > 0)
        #expect(index.search("许可", limit: items.count).count == perCopy * 34)
        let last = items[items.count - 1]
        #expect(index.search(last.implementationCode).first?.code == last.implementationCode)
    }
}

/// Pinyin: full syllables and initials find Chinese names (keys built once with the index).
@Suite struct CatalogPinyinSearchTests {
    let catalog = DemoCatalog.catalog
    var search: CatalogSearch { CatalogSearch(catalog) }

    @Test(arguments: ["shipin", "spxk", "spjy", "SHIPIN", "ｓｐｊｙ", "shipinjingyingxuke", "jingying",
                      "shi pin", "Shi Pin Jing Ying", "jing  ying", "sp xk"])
    func pinyinFindsTheFoodBusinessLicence(query: String) {
        let names = search.search(query).map { catalog.items[$0.index].name }
        #expect(names.contains("食品经营许可"), "\(query): \(names)")
    }

    @Test func keysAreFullSyllablesAndTheirInitials() {
        #expect(Pinyin.keys(of: "食品经营许可") == PinyinKeys(full: "shipinjingyingxuke", initials: "spjyxk"))
        #expect(Pinyin.keys(of: "ICP许可证（第2批）") == PinyinKeys(full: "icpxukezhengdi2pi", initials: "ixkzd2p"))
    }

    @Test func ranksPutPrefixBeforeInfixBeforeSkippedInitials() {
        let hits = search.search("spjy")
        #expect(hits.first { catalog.items[$0.index].name == "食品经营许可" }?.rank == .pinyinPrefix)
        #expect(search.search("jingying").contains { $0.rank == .pinyinSubstring })
        #expect(search.search("spxk").first { catalog.items[$0.index].name == "食品经营许可" }?.rank == .pinyinInitials)
        let ranks = search.search("sp").map(\.rank)
        #expect(ranks == ranks.sorted())
    }

    /// Digits, Chinese and mixed queries are not looked up in pinyin (a code search stays a code search).
    @Test func onlyLetterQueriesUsePinyin() {
        #expect(search.search("4000010006").allSatisfy { $0.rank != .pinyinPrefix && $0.rank != .pinyinSubstring })
        #expect(search.search("食品").allSatisfy { $0.rank == .namePrefix || $0.rank == .nameSubstring })
    }
}
