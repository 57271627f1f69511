import ArgumentParser

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure the hot paths against a raw-SQLite baseline.")
    func run() throws {}
}
