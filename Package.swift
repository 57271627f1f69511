// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "HallDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "desk", targets: ["desk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // ncursesw, wide-character build. Only DeskTUI/Backend imports it.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The system OpenSSL 3 (libcrypto): SM3 (GB/T 32905) for the audit chain, scrypt for passwords.
        .systemLibrary(
            name: "COpenSSL",
            providers: [.apt(["libssl-dev"])]
        ),
        // Pure queue domain: tickets, lines, windows, calling policy. No database, no terminal.
        .target(name: "Queue"),
        // The hall database (one AppDatabase-style owner) and the rest of the domain.
        .target(
            name: "HallModel",
            dependencies: [
                "Queue", "COpenSSL",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw SQLite API, for `audit verify`'s one hot loop (reading a million events without
                // making a Swift value of each column).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources")]
        ),
        // Screens: state + key -> state, state -> cells; ncurses only in DeskTUI/Backend.
        .target(name: "DeskTUI", dependencies: ["Queue", "HallModel", "CNcursesw"]),
        // The command line (argument parsing, JSON output, bench).
        .target(
            name: "DeskCLI",
            dependencies: [
                "Queue", "HallModel", "DeskTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(name: "desk", dependencies: ["DeskCLI"]),
        .testTarget(name: "QueueTests", dependencies: ["Queue"]),
        .testTarget(
            name: "HallModelTests",
            dependencies: ["HallModel", "Queue", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "DeskTUITests", dependencies: ["DeskTUI", "HallModel", "Queue"]),
        // Drives the real `desk` binary (CLI and through tmux); depends on it so it is built first.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["desk", "HallModel", "Queue", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
