import Queue

/// Why the terminal could not be opened.
public enum TerminalError: UserFacingError, Equatable {
    case termUnset
    case unknownTerminal(String)
    /// The terminal cannot move its cursor (TERM=dumb, no `cup` in terminfo): no screen can be drawn on it.
    case cannotAddressCursor(String)
    case notATerminal
    case noUTF8Locale(String)

    public var message: Bilingual {
        switch self {
        case .termUnset:
            return Bilingual(en: "TERM is not set: cannot tell what terminal this is (try TERM=xterm-256color)",
                             zh: "未设置 TERM 环境变量，无法识别终端类型（可尝试 TERM=xterm-256color）")
        case .unknownTerminal(let name):
            return Bilingual(en: "unknown terminal type '\(name)' (check TERM, e.g. TERM=xterm-256color)",
                             zh: "未知的终端类型 '\(name)'（请检查 TERM，例如 TERM=xterm-256color）")
        case .cannotAddressCursor(let name):
            return Bilingual(en: "terminal type '\(name)' cannot position the cursor, so the screens cannot be drawn (use a full terminal, e.g. TERM=xterm-256color)",
                             zh: "终端类型 '\(name)' 无法定位光标，界面无法显示（请使用完整的终端，例如 TERM=xterm-256color）")
        case .notATerminal:
            return Bilingual(en: "standard input and output must be a terminal for the screens",
                             zh: "界面需要在终端中运行（标准输入和输出必须是终端）")
        case .noUTF8Locale(let codeset):
            return Bilingual(en: "the locale's character set is \(codeset), and no UTF-8 locale is installed (install C.UTF-8 or set LANG=zh_CN.UTF-8)",
                             zh: "当前区域设置的字符集是 \(codeset)，且系统没有 UTF-8 区域设置（请安装 C.UTF-8 或设置 LANG=zh_CN.UTF-8）")
        }
    }
}
