import HallModel
import Queue

/// A day given as an option (`--date`, `--next`, `--on`, `--from`): YYYY-MM-DD, else a usage error (exit 64) naming the
/// option, in both languages.
enum DateOption {
    static func parse(_ text: String?, option: String) throws -> CivilDate? {
        guard let text else { return nil }
        guard let day = try? CivilDate(parsing: text) else {
            throw UsageError(en: "\(option) is YYYY-MM-DD, not '\(PrintableText.excerpt(text))'.",
                             zh: "\(option) 格式为 YYYY-MM-DD，不能是“\(PrintableText.excerpt(text))”。")
        }
        return day
    }
}
