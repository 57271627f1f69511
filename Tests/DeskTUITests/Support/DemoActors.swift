import Foundation
import HallModel

/// Who acts in the screen tests' demo halls. A staff actor is made only by authentication (outside
/// HallModel), as `desk` makes it: the bound OS account, or a staff number and password.
enum DemoActors {
    /// The OS account the test halls are seeded with: bound to S01 王芳 (clerk at window 1, supervisor, admin).
    static let osUser = "halldesk-test"

    static func seed(_ database: HallDatabase) throws { try DemoHall.seed(database, osUser: osUser) }

    /// A demo hall in a new temporary folder, its clock fixed at `now`.
    static func demoDatabase(at now: Date) throws -> HallDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halldesk-screen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try HallDatabase.open(path: folder.appendingPathComponent("hall.sqlite").path, clock: .fixed(now))
        try seed(database)
        return database
    }

    /// The kiosk device: takes tickets.
    static let kiosk = Actor.device(.kiosk, terminal: .kiosk)

    /// S01, through the bound account (no password).
    static func bound(_ database: HallDatabase, at terminal: Terminal = .cli) throws -> Actor {
        guard let actor = try database.authenticate(osUser: osUser, at: terminal) else { throw DemoActorError.notBound }
        return actor
    }

    /// The demo clerk of `window` (S01 … S08), signed in with their demo password, at that window.
    static func clerk(_ window: Int, _ database: HallDatabase) throws -> Actor {
        let id = String(format: "S%02d", window)
        return try database.authenticate(staff: id, password: "demo-" + id, at: .window(window))
    }

    enum DemoActorError: Error { case notBound }
}
