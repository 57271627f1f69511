import ArgumentParser

public struct Desk: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "desk", abstract: "HallDesk", subcommands: [TUIDemoCommand.self])
    public init() {}
    public func run() throws {}
}
