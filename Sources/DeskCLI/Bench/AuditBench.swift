import Foundation
import HallModel

/// The audit chain's measurements: verifying a long chain against SM3's raw speed on the same bytes, and
/// the deliberate cost of one password sign-in.
enum AuditBench {
    /// A hall whose chain holds `tickets` × 4 events (issue, call, start, finish), plus its set-up events.
    static func chainHall(folder: String, tickets: Int) throws -> HallDatabase {
        let database = try QueueBench.cycleHall(folder + "/audit.sqlite")
        try database.seedBenchmarkAuditChain(tickets: tickets)
        return database
    }

    struct Verification { var milliseconds: Double; var events: Int; var intact: Bool }

    static func verify(_ database: HallDatabase) throws -> Verification {
        var result: AuditVerification?
        let ms = try elapsedMilliseconds { result = try database.verifyAudit() }
        return Verification(milliseconds: ms, events: result?.events ?? 0, intact: result?.isIntact ?? false)
    }

    /// Milliseconds SM3 alone takes over the chain's bytes (each event's `prev ‖ canonical bytes`), read
    /// into memory first so only hashing is timed.
    static func rawSM3Milliseconds(_ database: HallDatabase) throws -> Double {
        var messages: [[UInt8]] = []
        try database.forEachAuditRecord { record in messages.append(record.prev + record.canonicalBytes()) }
        let sm3 = try SM3()
        var sink: UInt8 = 0
        let ms = elapsedMilliseconds { for m in messages { sink ^= sm3.digest(m)[0] } }
        if sink == 0xFF { FileHandle.standardError.write(Data()) }  // keeps the loop from being optimised away
        return ms
    }

    /// Milliseconds per password sign-in (scrypt, N = 2^15, r = 8, p = 1).
    static func signInLatencies(_ database: HallDatabase, samples: Int) throws -> [Double] {
        let admin = try QueueBench.actor(database)
        try database.addStaff(id: "PW", name: "Password", roles: [.clerk], password: "bench-password", by: admin)
        return try (0..<samples).map { _ in
            try elapsedMilliseconds { _ = try database.authenticate(staff: "PW", password: "bench-password", at: .cli) }
        }
    }
}
