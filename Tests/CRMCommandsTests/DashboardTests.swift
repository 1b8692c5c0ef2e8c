import Foundation
import Testing

/// `crm dashboard` on sample-workspace: a self-contained page, rendered by a real browser.
@Suite("HTML dashboard")
struct DashboardTests {
    /// Headless Chromium, where it is installed (`make deps` installs Debian's package).
    static let chromium: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    static let script = CLIHarness.repository.appendingPathComponent("Tests/scripts/render_page.py")

    static func page() throws -> (html: String, folder: String) {
        let root = try CLIHarness.copyOfSample()
        let result = CLIHarness.run(["dashboard", "dashboard.html"], in: root)
        #expect(result.status == 0)
        #expect(result.errors == "wrote dashboard.html\n")
        return (try String(contentsOfFile: root + "/dashboard.html", encoding: .utf8), root)
    }

    @Test("The page holds everything itself: no scripts, nothing fetched, every value escaped")
    func selfContained() throws {
        let (html, root) = try Self.page()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for forbidden in ["<script", "src=", "href=", "url(", "@import", "<link"] {
            #expect(!html.contains(forbidden), "the page contains \(forbidden)")
        }
        #expect(html.contains("<title>Strojservis Plzeň s.r.o. · dashboard 2026-11-22</title>"))
        #expect(html.contains("<div class=\"label\">Open complaints</div><div class=\"value\">11</div>"))
        #expect(html.contains("<div class=\"note alarm\">6 past their deadline</div>"))
        #expect(html.contains("<h2>Complaints per month</h2>"))
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count == 4)
        #expect(html.contains("Slévárna Frýdek a.s."))
    }

    @Test("Values that look like markup stay text")
    func escaping() throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(CLIHarness.run(["set", "skoda-transport", "name=<b>Škoda</b> & \"Transport\"", "--no-commit"], in: root).status == 0)
        let page = CLIHarness.run(["dashboard", "-"], in: root).output
        #expect(page.contains("&lt;b&gt;Škoda&lt;/b&gt; &amp; &quot;Transport&quot;"))
        #expect(!page.contains("<b>Škoda"))
    }

    @Test("Chromium renders it without errors, on a laptop and on a phone",
          .enabled(if: chromium != nil, "Chromium is not installed here (make deps installs it where apt can)"),
          arguments: [(1280, 900), (390, 844)])
    func rendersInBrowser(_ width: Int, _ height: Int) throws {
        let (_, root) = try Self.page()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let screenshot = root + "/dashboard-\(width).png"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, Self.chromium!, root + "/dashboard.html", screenshot, String(width), String(height)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(report["errors"] as? [String] == [])
        #expect(report["requests"] as? [String] == ["file://\(root)/dashboard.html"])
        let checks = try #require(report["checks"] as? [String: Any])
        #expect(checks["figures"] as? Int == 5)
        #expect(checks["charts"] as? Int == 3)
        #expect(checks["tables"] as? Int == 3)
        #expect(checks["scripts"] as? Int == 0)
        #expect(checks["overflows"] as? Bool == false)
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let pngWidth = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect((width - 20...width).contains(pngWidth), "the page is as wide as the window, less a scroll bar")
        #expect(png.count > 20_000)
    }

    @Test("The customers due for contact are the report's and the saved query's, a prospect with a cadence among them")
    func dueAsTheReport() throws {
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prospect = try #require(CLIHarness.run(["list", "customer", "--where", "status = prospect", "--format", "ids"], in: root)
            .output.split(separator: "\n").first.map(String.init))
        #expect(CLIHarness.run(["set", prospect, "contact-every=1d"], in: root).status == 0)
        let due = CLIHarness.run(["list", "@stale-customers", "--format", "ids"], in: root).output.split(separator: "\n")
        #expect(due.contains(Substring(prospect)))
        let page = CLIHarness.run(["dashboard", "-"], in: root).output
        #expect(page.contains("\(due.count) due for contact"), "the dashboard counts \(due.count) customers due, as the query does")
    }
}
