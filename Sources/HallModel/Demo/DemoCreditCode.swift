/// Valid unified social credit codes for the demo data (GB 32100): the registration kind (91 an enterprise registered
/// by market regulation, 52 a private non-enterprise unit registered by civil affairs) + the registering area + the
/// 8-character organisation body with its GB 11714 check character + the GB 32100 check character.
enum DemoCreditCode {
    static func make(registration: String = "91", area: String, body: String) -> (code: String, bodySum: Int) {
        let value = { (c: Character) -> Int in CreditCode.alphabet.firstIndex(of: c) ?? 0 }
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        let letterValue = { (c: Character) -> Int in c.wholeNumberValue ?? Int(c.asciiValue ?? 55) - 55 }
        let sum = zip(body, weights).reduce(0) { $0 + letterValue($1.0) * $1.1 }
        let check = (11 - sum % 11) % 11
        let organisationCode = body + (check == 10 ? "X" : String(check))
        let first17 = registration + area + organisationCode
        return (first17 + String(CreditCode.checkCharacter(forValues: first17.map(value))), sum)
    }
}
