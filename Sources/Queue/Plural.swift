/// An English count with its noun in the right number: `Plural.english(1, "time")` is "1 time",
/// `Plural.english(3, "time")` "3 times", `Plural.english(2, "copy", "copies")` "2 copies". Chinese needs none.
public enum Plural {
    public static func english(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
