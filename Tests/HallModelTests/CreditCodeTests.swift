import HallModel
import Queue
import Testing

@Suite struct CreditCodeTests {
    /// The example in GB 32100-2015, and codes published in business registration records.
    /// Each was checked by hand against the MOD 31 rule before being used here.
    @Test("valid codes", arguments: [
        "91350100M000100Y43", // GB 32100-2015 example
        "914403001922038216", // 华为技术有限公司
        "9144030071526726XG", // 深圳市腾讯计算机系统有限公司
        "91110108551385082Q", // 北京小米科技有限责任公司
    ])
    func validCodes(code: String) throws {
        #expect(try CreditCode(code).value == code)
    }

    @Test func standardExampleParts() throws {
        let code = try CreditCode("91350100M000100Y43")
        #expect(code.areaCode == "350100")
        let values = "91350100M000100Y4".map { CreditCode.alphabet.firstIndex(of: $0)! }
        #expect(CreditCode.checkCharacter(forValues: values) == "3")
    }

    @Test func lowerCaseAndSpacesAreNormalised() throws {
        #expect(try CreditCode(" 9144030071526726xg ").value == "9144030071526726XG")
        #expect(try CreditCode("91350100m000100y43").value == "91350100M000100Y43")
    }

    @Test func sumDivisibleBy31GivesCheckZero() {
        // 31 − 0 = 31, which wraps to 0 rather than falling off the alphabet.
        #expect(CreditCode.checkCharacter(forValues: Array(repeating: 0, count: 17)) == "0")
        #expect(throws: Never.self) { try CreditCode("000000000000000000") }
    }

    @Test("wrong length", arguments: ["", "91350100M000100Y4", "91350100M000100Y433"])
    func wrongLength(code: String) {
        #expect(throws: CreditCodeError.length(code.count)) { try CreditCode(code) }
    }

    @Test("letters outside the alphabet", arguments: [
        ("9I350100M000100Y43", 2, "I" as Character),
        ("91350100MO00100Y43", 10, "O"),
        ("91350100M000100Z43", 16, "Z"),
        ("91350100M000100Y4S", 18, "S"),
        ("91350100M000100Y4v", 18, "v"),
        ("91350100M000100Y4-", 18, "-"),
        ("91350100M00０100Y43", 12, "０"),
    ])
    func forbiddenCharacters(code: String, position: Int, found: Character) {
        #expect(throws: CreditCodeError.character(position: position, found: found)) { try CreditCode(code) }
    }

    @Test func wrongCheckCharacterSaysWhatWasExpected() {
        #expect(throws: CreditCodeError.checkCharacter(expected: "3", found: "4")) {
            try CreditCode("91350100M000100Y44")
        }
        // Two swapped characters are caught by the weights.
        #expect(throws: CreditCodeError.self) { try CreditCode("91530100M000100Y43") }
    }

    @Test func everyErrorSpeaksBothLanguages() {
        let errors: [CreditCodeError] = [
            .length(3), .character(position: 2, found: "I"), .checkCharacter(expected: "3", found: "4"),
        ]
        for error in errors {
            #expect(!error.message.en.isEmpty && !error.message.zh.isEmpty)
            #expect(error.message.en != error.message.zh)
        }
    }

    @Test func masking() throws {
        #expect(IdentifierMask.creditCode("91350100M000100Y43") == "9135**********0Y43")
        #expect(try CreditCode("9144030071526726xg").masked == "9144**********26XG")
    }
}
