import Queue

/// The catalog screen's key tables, one per mode: `handleList` and `handleDetail` read them. A printable key
/// that is no binding is typed into the search field.
extension CatalogScreen {
    public enum ListCommand: Sendable, Equatable { case quit, quitWhenEmpty, deleteLast, clear, back, move, open }
    public enum DetailCommand: Sendable, Equatable { case quit, close, lineUp, lineDown, pageUp, pageDown, top, bottom, previous, next }

    public static var listKeys: KeyTable<ListCommand, CatalogScreen> {
        typealias B = KeyBinding<ListCommand, CatalogScreen>
        return KeyTable([
            B([.f(10)], .quit, label: UIText.quit, help: UIText.catalogHelpQuit),
            B([.char("q")], .quitWhenEmpty, label: nil, help: UIText.catalogHelpQuitWhenEmpty),
            B([.backspace], .deleteLast, label: nil, help: UIText.catalogHelpDeleteLast),
            B([.ctrl("u")], .clear, label: nil, help: UIText.catalogHelpClear),
            B([.escape], .back, label: nil, help: UIText.catalogHelpBack),
            B([.up, .down, .pageUp, .pageDown, .home, .end], .move, label: nil, help: UIText.catalogHelpMove),
            B([.enter], .open, label: nil, help: UIText.catalogHelpOpen),
        ])
    }

    public static var detailKeys: KeyTable<DetailCommand, CatalogScreen> {
        typealias B = KeyBinding<DetailCommand, CatalogScreen>
        return KeyTable([
            B([.f(10), .char("q")], .quit, label: UIText.quit, help: UIText.catalogHelpQuit),
            B([.escape, .backspace, .enter], .close, label: nil, help: UIText.catalogHelpClose),
            B([.up], .lineUp, label: nil, help: UIText.catalogHelpScroll),
            B([.down], .lineDown, label: nil, help: UIText.catalogHelpScroll),
            B([.pageUp], .pageUp, label: nil, help: UIText.catalogHelpScroll),
            B([.pageDown, .char(" ")], .pageDown, label: nil, help: UIText.catalogHelpScroll),
            B([.home], .top, label: nil, help: UIText.catalogHelpScroll),
            B([.end], .bottom, label: nil, help: UIText.catalogHelpScroll),
            B([.left], .previous, label: nil, help: UIText.catalogHelpPrevious),
            B([.right], .next, label: nil, help: UIText.catalogHelpNext),
        ])
    }
}
