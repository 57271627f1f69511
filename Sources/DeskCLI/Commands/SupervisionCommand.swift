import ArgumentParser
import Foundation
import HallModel
import Queue

/// `desk supervision set|list`: 审管联动 — which department supervises a department's (or one item's) decisions, and
/// the liaison there who acknowledges each handover.
struct SupervisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervision", abstract: "审管联动: the supervising department and liaison of each department or item (admin sets them).",
        subcommands: [SupervisionSetCommand.self, SupervisionListCommand.self])
}

struct SupervisionPairingJSON: Encodable {
    var scope: String, code: String, name: String?, supervisor: String, liaison: String, liaisonName: String?
    init(_ row: SupervisionPairingRow) {
        scope = row.pairing.scope.rawValue; code = row.pairing.code; name = row.name; supervisor = row.pairing.supervisor
        liaison = row.pairing.liaisonID; liaisonName = row.liaisonName
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scope, forKey: .scope); try c.encode(code, forKey: .code); try c.encode(name, forKey: .name)
        try c.encode(supervisor, forKey: .supervisor); try c.encode(liaison, forKey: .liaison); try c.encode(liaisonName, forKey: .liaisonName)
    }
    private enum CodingKeys: String, CodingKey { case scope, code, name, supervisor, liaison, liaisonName }
}

enum SupervisionText {
    static func line(_ row: SupervisionPairingRow, language: Language) -> String {
        tableRow([row.pairing.scope.label.text(language), row.name ?? row.pairing.code, row.pairing.supervisor,
                  row.pairing.liaisonID + " " + (row.liaisonName ?? "")], widths: [11, 26, 30, 13])
    }
}

struct SupervisionSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Pair a department (all its items) or one item with its supervising department and liaison (admin).",
        discussion: """
            An item's own pairing wins over its department's. The liaison is a staff member with the liaison role \
            (desk staff add L23 --name … --roles liaison). Example: desk supervision set --department 区市场监督管理局 \
            --supervisor 区市场监管综合行政执法大队 --liaison L01
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "A department: its code or its name as in the catalog.") var department: String?
    @Option(help: "An item's implementation code.") var item: String?
    @Option(help: "The supervising department's name.") var supervisor: String
    @Option(help: "The liaison's staff number.") var liaison: String
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard (department == nil) != (item == nil) else {
            throw UsageError(en: "Give either --department or --item.", zh: "须给出 --department 或 --item 之一。")
        }
        try UsageError.rejectBlank(department, "--department")
        try UsageError.rejectBlank(item, "--item")
    }

    func run() throws {
        let database = try options.openDatabase()
        let actor = try options.actor(database)
        let pairing: SupervisionPairing
        if let item {
            pairing = SupervisionPairing(scope: .item, code: item, supervisor: supervisor, liaisonID: liaison)
        } else {
            let given = department ?? ""
            let code = try database.catalog().department(codeOrName: given)?.code ?? given
            pairing = SupervisionPairing(scope: .department, code: code, supervisor: supervisor, liaisonID: liaison)
        }
        try database.setSupervisionPairing(pairing, by: actor)
        guard let row = try database.supervisionPairings().first(where: { $0.pairing.scope == pairing.scope && $0.pairing.code == pairing.code })
        else { return }
        if json { try Output.json(SupervisionPairingJSON(row)) } else { Output.line(SupervisionText.line(row, language: options.language)) }
    }
}

struct SupervisionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every pairing: departments, then items, with the supervising department and the liaison.")
    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let rows = try options.openDatabase().supervisionPairings()
        if json {
            struct Body: Encodable { var pairings: [SupervisionPairingJSON] }
            try Output.json(Body(pairings: rows.map(SupervisionPairingJSON.init)))
            return
        }
        let language = options.language
        Output.line(tableRow([Bilingual(en: "Scope", zh: "范围"), Bilingual(en: "Department or item", zh: "部门或事项"),
                              Bilingual(en: "Supervised by", zh: "监管部门"), Bilingual(en: "Liaison", zh: "联络员")].map { $0.text(language) },
                             widths: [11, 26, 30, 13]))
        for row in rows { Output.line(SupervisionText.line(row, language: language)) }
    }
}
