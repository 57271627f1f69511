import Foundation
import HallModel
import Queue

/// A screen that needs a person before it can load anything (the case screen) opens on this: a title bar, the shared
/// `SignInForm` in the middle, the status row (why the last attempt was refused, or that the last person signed out)
/// and the form's key bar. Pure: a submitted form is the `.signIn` effect; its caller checks it (`ScreenSignIn.check`)
/// and either leaves this screen for the signed-in one or hands the refusal back (`refused`).
public struct SignInScreen: Screen {
    public enum Effect: Sendable, Equatable {
        case signIn(staff: String, password: String)
        case quit
    }

    public private(set) var form: SignInForm
    /// The box's title and the title bar (what the person signs in to).
    public let title: Bilingual
    /// The staff number of the person bound to this OS account (signs in without a password).
    public let boundStaffID: String?
    public private(set) var status: (text: Bilingual, isError: Bool)?

    public init(title: Bilingual, boundStaffID: String?, staff: String = "", status: (text: Bilingual, isError: Bool)? = nil) {
        self.title = title; self.boundStaffID = boundStaffID; self.status = status
        form = SignInForm(staff: staff)
    }

    public var minimumSize: Size { Size(width: 80, height: 24) }

    public mutating func handle(_ key: Key) -> [Effect] {
        switch form.handle(key, boundStaffID: boundStaffID) {
        case .quit: return [.quit]
        case .submitted(let staff, let password): return [.signIn(staff: staff, password: password)]
        case .edited: return []
        }
    }

    /// The attempt was refused: the number stays, the password is cleared, and the status row says why.
    public mutating func refused(_ why: Bilingual) {
        form = SignInForm(staff: form.staff.uppercased())
        status = (why, true)
    }

    public func render(into grid: inout CellGrid, context: RenderContext) {
        let lang = context.language
        grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), role: .title)
        grid.put(" " + title.text(lang), in: Rect(x: 0, y: 0, width: grid.width - 1, height: 1), role: .title, marker: TextFitting.ellipsis)
        let body = Rect(x: 0, y: 1, width: grid.width, height: max(0, grid.height - 4))
        form.render(into: &grid, over: body, title: UIText.signInBoxTitle.text(lang), language: lang)
        if let status {
            grid.put(" " + status.text.text(lang), in: Rect(x: 0, y: grid.height - 3, width: grid.width, height: 1),
                     role: status.isError ? .statusError : .statusInfo, marker: TextFitting.ellipsis)
        }
        KeyBar.render(SignInForm.keyBarItems, into: &grid, rect: Rect(x: 0, y: grid.height - 2, width: grid.width, height: 2), language: lang)
    }
}
