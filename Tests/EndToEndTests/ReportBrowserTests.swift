import Foundation
import Testing

/// The HTML report looked at in a real browser: headless Chromium (the system package) takes an A4-sized screenshot
/// (794×1123 CSS pixels: A4 at 96 dpi) of the page `desk report daily --format html` wrote, and the PNG must exist,
/// have that size and not be blank (far larger than the same browser's screenshot of an empty page: a white PNG
/// compresses to almost nothing). It also prints the page to PDF (A4 pagination). Skipped, saying so, without Chromium.
@Suite(.enabled(if: Chromium.path != nil, "chromium is not installed (apt-get install chromium): the HTML report is not looked at"))
struct ReportBrowserTests {

    /// Runs Chromium headless on `page`, with `output` as its extra arguments; true when it ended with status 0.
    static func chromium(_ page: String, _ output: [String]) throws -> Bool {
        guard let chromium = Chromium.path else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                       "--user-data-dir=" + URL(fileURLWithPath: page).deletingLastPathComponent().appendingPathComponent("chromium-profile").path]
            + output + ["file://" + page]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// The width and height of a PNG, from its IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func u32(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (u32(16), u32(20))
    }

    @Test func theHtmlReportRendersInChromiumAsAnA4PageThatIsNotBlank() throws {
        let (folder, db) = try ReportCLITests.hall()
        let page = folder.appendingPathComponent("report.html").path
        let r = try Desk.run(["report", "daily", "--date", "2026-02-12", "--format", "html", "--output", page, "--lang", "zh", "--db", db],
                             environment: ReportCLITests.later)
        #expect(r.status == 0, "\(r.stderr)")
        let blankPage = folder.appendingPathComponent("blank.html").path
        try Data("<!DOCTYPE html><html><body></body></html>".utf8).write(to: URL(fileURLWithPath: blankPage))

        let shot = folder.appendingPathComponent("report.png").path, blankShot = folder.appendingPathComponent("blank.png").path
        #expect(try Self.chromium(page, ["--screenshot=" + shot, "--window-size=794,1123"]))
        #expect(try Self.chromium(blankPage, ["--screenshot=" + blankShot, "--window-size=794,1123"]))
        let png = try Data(contentsOf: URL(fileURLWithPath: shot)), blank = try Data(contentsOf: URL(fileURLWithPath: blankShot))
        let size = try #require(Self.pngSize(png))
        #expect(size.width == 794 && size.height == 1123, "\(size)")
        #expect(png.count > 10 * blank.count && png.count > 30_000, "report \(png.count) bytes, blank page \(blank.count) bytes")

        // Printed: A4 pages ("/MediaBox [0 0 595.92 842.88]" or so: 210 × 297 mm in points).
        let pdf = folder.appendingPathComponent("report.pdf").path
        #expect(try Self.chromium(page, ["--print-to-pdf=" + pdf, "--no-pdf-header-footer"]))
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        #expect(text.hasPrefix("%PDF"))
        let boxes = text.components(separatedBy: "/MediaBox [0 0 ").dropFirst().map { $0.prefix(while: { $0 != "]" }) }
        #expect(!boxes.isEmpty && boxes.allSatisfy { box in
            let v = box.split(separator: " ").compactMap { Double($0) }
            return v.count == 2 && abs(v[0] - 595) < 2 && abs(v[1] - 842) < 2
        }, "\(boxes)")
    }
}

/// The system's Chromium, if installed.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
