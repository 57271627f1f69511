import ArgumentParser
import Foundation
import HallModel
import Queue

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create or migrate the hall database; --demo seeds the demo hall.")

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Seed a demo hall: five service lines, eight windows, clerks and a supervisor.") var demo = false
    @Flag(help: "Delete an existing database first (its data is lost).") var force = false

    func run() throws {
        let language = options.language
        let (path, _) = DatabaseLocation.resolve(option: options.db)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if options.db == nil { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        if force {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        let database = try HallDatabase.open(path: path, clock: try HallClock.fromEnvironment())
        if demo { try DemoHall.seed(database) }
        Output.line(Bilingual(en: "Hall database ready: \(path)\(demo ? " (demo hall)" : "")",
                              zh: "大厅数据库已就绪：\(path)\(demo ? "（演示大厅）" : "")").text(language))
    }
}

