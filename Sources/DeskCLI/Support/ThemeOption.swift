import ArgumentParser
import DeskTUI
import HallModel

/// `--theme` for every screen: a name in themes/ (default, high-contrast, light, monochrome) or a path to a
/// .theme file; without it, the hall's setting.
struct ThemeOption: ParsableArguments {
    @Option(help: "Colour theme: a name in themes/ (default, high-contrast, light, monochrome) or a .theme file (default: the hall's setting).")
    var theme: String?

    func load(for database: HallDatabase) throws -> Theme {
        try ThemeLocator().load(theme ?? database.settings().theme)
    }
}
