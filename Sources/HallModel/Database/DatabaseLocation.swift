import Foundation

/// Where the hall database lives: `--db`, else `DESK_DB`, else `$XDG_DATA_HOME/halldesk/hall.sqlite`,
/// else `~/.local/share/halldesk/hall.sqlite`.
public enum DatabaseLocation {
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, isDefault: Bool) {
        if let option, !option.isEmpty { return (option, false) }
        if let env = environment["DESK_DB"], !env.isEmpty { return (env, false) }
        return (defaultPath(environment: environment), true)
    }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = home + "/.local/share"
        }
        return base + "/halldesk/hall.sqlite"
    }
}
