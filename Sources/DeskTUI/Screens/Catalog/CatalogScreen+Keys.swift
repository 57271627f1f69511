import Queue

/// The catalog screen's key tables, one per mode: `handleList` and `handleDetail` read them, and so do the
/// key bars under the list and the sheet (`KeyBar.render`). A printable key that is no binding is typed into
/// the search field. `CatalogScreenDocTests` checks that docs/TUI.md lists every binding.
extension CatalogScreen {
    public enum ListCommand: Sendable, Equatable { case quit, quitWhenEmpty, deleteLast, clear, back, move, open }
    public enum DetailCommand: Sendable, Equatable { case quit, close, lineUp, lineDown, pageUp, pageDown, top, bottom, previous, next }

    /// Who opened the catalog: where F10 and q lead (`desk catalog`: out; over the window screen: back to it; the
    /// kiosk's service guide: q is typed into the search, Esc leaves, F10 is the kiosk's own staff key and not on the key bar).
    public enum Host: Sendable, Equatable {
        case standalone
        case window
        case kiosk

        var quitLabel: Bilingual? {
            switch self {
            case .standalone: UIText.quit
            case .window: UIText.catalogKeyToWindow
            case .kiosk: nil
            }
        }
        var quitHelp: Bilingual {
            switch self {
            case .standalone: UIText.catalogHelpQuit
            case .window: UIText.catalogHelpToWindow
            case .kiosk: UIText.kioskHelpQuit
            }
        }
        var quitWhenEmptyHelp: Bilingual {
            switch self {
            case .standalone: UIText.catalogHelpQuitWhenEmpty
            case .window: UIText.catalogHelpToWindowWhenEmpty
            case .kiosk: UIText.kioskHelpGuideSearchQ
            }
        }
    }

    public static var listKeys: KeyTable<ListCommand, CatalogScreen> {
        typealias B = KeyBinding<ListCommand, CatalogScreen>
        return KeyTable([
            B([.up, .down], .move, label: UIText.keySelect, help: UIText.catalogHelpMove),
            B([.pageUp, .pageDown, .home, .end], .move, label: nil, help: UIText.catalogHelpMove),
            B([.enter], .open, label: UIText.catalogKeyDetails, help: UIText.catalogHelpOpen),
            B([.escape], .back, label: UIText.catalogKeyClearBack, help: UIText.catalogHelpBack),
            B([.f(10)], .quit, label: { $0.host.quitLabel }, help: { $0.host.quitHelp }),
            B([.char("q")], .quitWhenEmpty, label: nil, help: { $0.host.quitWhenEmptyHelp }),
            B([.backspace], .deleteLast, label: nil, help: UIText.catalogHelpDeleteLast),
            B([.ctrl("u")], .clear, label: nil, help: UIText.catalogHelpClear),
        ])
    }

    public static var detailKeys: KeyTable<DetailCommand, CatalogScreen> {
        typealias B = KeyBinding<DetailCommand, CatalogScreen>
        return KeyTable([
            B([.up], .lineUp, label: UIText.catalogKeyScroll, help: UIText.catalogHelpScroll),
            B([.down], .lineDown, label: UIText.catalogKeyScroll, help: UIText.catalogHelpScroll),
            B([.pageUp], .pageUp, label: nil, help: UIText.catalogHelpScroll),
            B([.pageDown, .char(" ")], .pageDown, label: nil, help: UIText.catalogHelpScroll),
            B([.home], .top, label: nil, help: UIText.catalogHelpScroll),
            B([.end], .bottom, label: nil, help: UIText.catalogHelpScroll),
            B([.left], .previous, label: UIText.catalogKeyPreviousNext, help: UIText.catalogHelpPrevious),
            B([.right], .next, label: UIText.catalogKeyPreviousNext, help: UIText.catalogHelpNext),
            B([.escape], .close, label: UIText.back, help: UIText.catalogHelpClose),
            B([.backspace, .enter], .close, label: nil, help: UIText.catalogHelpClose),
            B([.f(10)], .quit, label: { $0.host.quitLabel }, help: { $0.host.quitHelp }),
            B([.char("q")], .quit, label: nil, help: { $0.host.quitHelp }),
        ])
    }
}
