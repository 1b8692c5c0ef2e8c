import CRMCommands
import Foundation
import Testing
import CRMTerminal

/// The `crm` binary on a real pseudo-terminal (`script` from util-linux, sized with `stty`, no
/// `$COLUMNS`): every line fits the terminal, and the columns people read keep their words.
@Suite("Tables on a narrow terminal")
struct TerminalWidthTests {
    static let commands: [[String]] = [
        ["agenda"], ["complaints"], ["list", "customer"], ["list", "call"], ["list", "invoice"], ["list", "complaint"],
        ["list", "contact"], ["show", "skoda-transport"], ["show", "2026-10-06-skoda-transport-8i4a"], ["report", "unpaid-invoices"],
        ["report", "calls-per-channel"], ["report", "complaints"], ["search", "kompresor"], ["types"], ["types", "customer"],
        ["duplicates"], ["queries"], ["report"],
    ]

    /// What `crm ARGUMENTS` prints on a terminal `columns` wide, and the widest line's width.
    static func onTerminal(_ arguments: [String], columns: Int, in folder: String) throws -> (text: String, widest: Int) {
        let command = "stty cols \(columns) rows 60; exec " + ([GitFixture.executable, "-C", folder] + arguments).map { "'\($0)'" }
            .joined(separator: " ")
        let result = try GitFixture.shell(["script", "-qec", command, "/dev/null"],
                                          environment: ["CRM_TODAY": CLIHarness.sampleToday, "NO_COLOR": "1", "COLUMNS": ""])
        let text = result.output.replacing("\r\n", with: "\n")
        let widest = text.split(separator: "\n").map { TerminalText.width(String($0)) }.max() ?? 0
        return (text, widest)
    }

    @Test("No line is wider than the terminal", arguments: [80, 60, 40])
    func fits(_ columns: Int) throws {
        let folder = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for arguments in Self.commands {
            let (text, widest) = try Self.onTerminal(arguments, columns: columns, in: folder)
            #expect(!text.isEmpty, "\(arguments.joined(separator: " ")) printed \(text)")
            #expect(widest <= columns, "crm \(arguments.joined(separator: " ")) at \(columns) columns:\n\(text)")
        }
    }

    @Test("At 80 columns dates, statuses and deadlines keep their words; ids give way")
    func priorities() throws {
        let folder = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let complaints = try Self.onTerminal(["complaints"], columns: 80, in: folder).text
        #expect(complaints.contains("overdue 17 days"))
        #expect(complaints.contains("in-progress"))
        #expect(complaints.contains("critical"))
        #expect(!complaints.contains("2026-10-06-skoda-transport-8i4a"))
        let agenda = try Self.onTerminal(["agenda"], columns: 80, in: folder).text
        // The optional due date gives way to the customer and the promise; when and what keep their words.
        #expect(agenda.contains("  overdue 20 days   follow-up  "), "\(agenda)")
        #expect(agenda.contains("  overdue 118 days  in touch   "), "\(agenda)")
        let invoices = try Self.onTerminal(["list", "invoice", "--limit", "5"], columns: 80, in: folder).text
        #expect(invoices.contains("1 455 375.90"))
        // On a wide terminal nothing is cut.
        let wide = try Self.onTerminal(["complaints"], columns: 250, in: folder).text
        #expect(wide.contains("2026-10-06-skoda-transport-8i4a"))
        #expect(!wide.contains("…"))
    }
}
