import Foundation

/// The rows of a benchmark run: each figure with its unit, target, and baseline ratio where there is one.
struct BenchReport: Encodable {
    struct Machine: Encodable {
        var cores: Int
        var memoryGiB: Double
        var system: String
        static var current: Machine {
            var u = utsname()
            uname(&u)
            let release = withUnsafeBytes(of: u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return Machine(cores: ProcessInfo.processInfo.activeProcessorCount,
                           memoryGiB: (Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824 * 10).rounded() / 10,
                           system: "Linux \(release)")
        }
    }
    struct Row: Encodable {
        var key: String
        var label: String
        var value: Double
        var unit: String
        var baseline: Double?
        /// Engine cost ÷ baseline cost (> 1: slower than the baseline).
        var ratio: Double?
        var target: String
        /// nil when the row has no numeric target.
        var meetsTarget: Bool?
    }

    var machine: Machine
    var quick: Bool
    var durability = ""
    var rows: [Row] = []

    init(machine: Machine, quick: Bool) { self.machine = machine; self.quick = quick }

    mutating func add(_ key: String, _ label: String, _ value: Double, unit: String, baseline: Double? = nil, target: String,
                      higherIsBetter: Bool = false, limitRatio: Double? = nil, limit: Double? = nil) {
        var ratio: Double?
        if let baseline, baseline > 0, value > 0 { ratio = higherIsBetter ? baseline / value : value / baseline }
        var meets: Bool?
        if let limitRatio, let ratio { meets = ratio <= limitRatio }
        if let limit { meets = value <= limit }
        rows.append(Row(key: key, label: label, value: (value * 1000).rounded() / 1000, unit: unit,
                        baseline: baseline.map { ($0 * 1000).rounded() / 1000 }, ratio: ratio.map { ($0 * 100).rounded() / 100 },
                        target: target, meetsTarget: meets))
    }

    func printTable() {
        print("HallDesk bench\(quick ? " (quick sizes: not comparable)" : "") — \(machine.cores) cores, \(machine.memoryGiB) GiB, \(machine.system)")
        print("durability: \(durability)")
        for r in rows {
            let base = r.baseline.map { "  baseline \(format($0))  ratio \(format(r.ratio ?? 0))×" } ?? ""
            let verdict = r.meetsTarget.map { $0 ? "  ok" : "  MISSED" } ?? ""
            print(pad(r.label, 58) + pad(format(r.value), 11) + pad(r.unit, 9) + base + "  target " + r.target + verdict)
        }
    }

    private func format(_ v: Double) -> String { String(format: "%.3f", v) }
}
