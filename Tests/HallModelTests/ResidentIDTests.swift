import HallModel
import Queue
import Testing

private let today = CivilDate(year: 2026, month: 3, day: 15)!

@Suite struct ResidentIDTests {
    @Test("the two worked examples of GB 11643-1999", arguments: [
        ("11010519491231002X", CivilDate(year: 1949, month: 12, day: 31)!, ResidentID.Sex.female),
        ("440524188001010014", CivilDate(year: 1880, month: 1, day: 1)!, ResidentID.Sex.male),
    ])
    func standardExamples(number: String, birth: CivilDate, sex: ResidentID.Sex) throws {
        let id = try ResidentID(number, today: today)
        #expect(id.value == number)
        #expect(id.birthDate == birth)
        #expect(id.sex == sex)
        #expect(id.areaCode == String(number.prefix(6)))
    }

    @Test func lowerCaseXAndSurroundingSpacesAreNormalised() throws {
        #expect(try ResidentID(" 11010519491231002x\n", today: today).value == "11010519491231002X")
    }

    @Test func checkCharacterFollowsMod11_2() {
        let digits = "11010519491231002".map { Int(String($0))! }
        #expect(ResidentID.checkCharacter(forDigits: digits) == "X")
    }

    @Test func fifteenDigitNumberIsUpgradedToEighteen() throws {
        let id = try ResidentID("110105491231002", today: today)
        #expect(id.value == "11010519491231002X")
        #expect(id.birthDate == CivilDate(year: 1949, month: 12, day: 31)!)
        #expect(id.sex == .female)
        // Sequence 001 ends odd: male, and the check character is recomputed (not X).
        let male = try ResidentID("440524800101001", today: today)
        #expect(male.value == "440524198001010013")
        #expect(male.sex == .male)
    }

    @Test("wrong length", arguments: ["", "1101051949123100", "11010519491231002X1", "1101051949123"])
    func wrongLength(number: String) {
        #expect(throws: ResidentIDError.length(number.count)) { try ResidentID(number, today: today) }
    }

    @Test func characterErrorsNameThePosition() {
        #expect(throws: ResidentIDError.character(position: 7, found: "A")) {
            try ResidentID("110105A9491231002X", today: today)
        }
        // X is allowed only as the check character.
        #expect(throws: ResidentIDError.character(position: 17, found: "X")) {
            try ResidentID("1101051949123100XX", today: today)
        }
        #expect(throws: ResidentIDError.character(position: 18, found: "Y")) {
            try ResidentID("11010519491231002Y", today: today)
        }
        // Full-width digits are not digits here.
        #expect(throws: ResidentIDError.character(position: 1, found: "１")) {
            try ResidentID("１1010519491231002X", today: today)
        }
        #expect(throws: ResidentIDError.character(position: 15, found: "x")) {
            try ResidentID("11010549123100x", today: today)
        }
    }

    @Test func areaCodeZeroIsRejected() {
        // Check character computed for the zero area so only the area rule fails.
        let digits = "00000019491231002".map { Int(String($0))! }
        let number = "00000019491231002" + String(ResidentID.checkCharacter(forDigits: digits))
        #expect(throws: ResidentIDError.areaCode) { try ResidentID(number, today: today) }
    }

    @Test func birthDateMustBeReal() {
        #expect(throws: ResidentIDError.birthDate(year: 1949, month: 2, day: 30)) {
            try ResidentID(Self.withCheck("11010519490230002"), today: today)
        }
        #expect(throws: ResidentIDError.birthDate(year: 1949, month: 13, day: 1)) {
            try ResidentID(Self.withCheck("11010519491301002"), today: today)
        }
        // 1900 was not a leap year; 2000 was.
        #expect(throws: ResidentIDError.birthDate(year: 1900, month: 2, day: 29)) {
            try ResidentID("110105000229002", today: today)
        }
        #expect(throws: Never.self) { try ResidentID(Self.withCheck("11010520000229002"), today: today) }
    }

    @Test func birthDateMayNotBeInTheFuture() throws {
        let tomorrow = today.adding(days: 1)
        #expect(throws: ResidentIDError.birthDateInFuture(tomorrow, today: today)) {
            try ResidentID(Self.withCheck("11010520260316002"), today: today)
        }
        // Born today is fine.
        _ = try ResidentID(Self.withCheck("11010520260315002"), today: today)
    }

    @Test func wrongCheckCharacterSaysWhatWasExpected() {
        #expect(throws: ResidentIDError.checkCharacter(expected: "X", found: "9")) {
            try ResidentID("110105194912310029", today: today)
        }
        #expect(throws: ResidentIDError.checkCharacter(expected: "4", found: "X")) {
            try ResidentID("44052418800101001x", today: today)
        }
    }

    @Test func everyErrorSpeaksBothLanguages() {
        let errors: [ResidentIDError] = [
            .length(3), .character(position: 3, found: "a"), .character(position: 18, found: "a"), .areaCode,
            .birthDate(year: 1949, month: 2, day: 30), .birthDateInFuture(today, today: today),
            .checkCharacter(expected: "X", found: "9"),
        ]
        for error in errors {
            #expect(!error.message.en.isEmpty && !error.message.zh.isEmpty)
            #expect(error.message.en != error.message.zh)
        }
        #expect(ResidentIDError.checkCharacter(expected: "X", found: "9").message.zh.contains("X"))
    }

    @Test func masking() throws {
        #expect(IdentifierMask.residentID("11010519491231002X") == "1101**********002X")
        #expect(try ResidentID("11010519491231002x", today: today).masked == "1101**********002X")
        // Invalid or short input is still masked, never shown.
        #expect(IdentifierMask.residentID("12345678") == "********")
        #expect(IdentifierMask.residentID("110105491231002") == "1101*******1002")
    }

    @Test("name masking", arguments: [
        ("张三丰", "张*丰"), ("张三", "张*"), ("欧阳娜娜", "欧**娜"), ("王", "*"), ("", ""), (" 李四 ", "李*"),
        // The ideographic space is trimmed like the ASCII one; a text of plain scalars is masked scalar by scalar,
        // any other grapheme by grapheme: a combining mark, an emoji with its modifier and a tab stay whole.
        ("\u{3000}欧阳娜娜\u{3000}", "欧**娜"), ("Zoe\u{308}", "Z*e\u{308}"), ("Zoe\u{308} ", "Z*e\u{308}"),
        ("王👍🏽", "王*"), ("\t王五六\t", "王*六"), ("\u{00A0}王五六", "王*六"),
    ])
    func nameMasking(name: String, masked: String) {
        #expect(IdentifierMask.name(name) == masked)
    }

    /// Completes 17 digits with their correct check character, so a test exercises one rule at a time.
    static func withCheck(_ first17: String) -> String {
        first17 + String(ResidentID.checkCharacter(forDigits: first17.map { Int(String($0))! }))
    }
}
