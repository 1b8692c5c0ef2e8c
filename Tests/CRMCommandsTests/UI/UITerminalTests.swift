import Foundation
import Testing

/// `crm ui` as a person uses it: the real binary in a tmux window on a copy of
/// sample-workspace in git, driven by keys, the screen read with `capture-pane` and compared
/// with golden screens; what it changes is checked in the files and in git.
@Suite("crm ui in tmux", .serialized, .enabled(if: TmuxSession.isInstalled, "tmux is not installed (make deps installs it)"))
struct UITerminalTests {
    /// Starts `crm ui` on `fixture`; the shell then prints the exit status and the terminal's mode.
    static func start(_ fixture: GitFixture, columns: Int = 100, rows: Int = 30, environment: [String: String] = [:]) throws -> TmuxSession {
        let script = fixture.root + ".ui.sh"
        try """
            "$CRM_BIN" -C "$CRM_ROOT" ui
            echo EXIT=$?
            stty -a | tr ' ' '\\n' | grep -x -e '-*icanon' -e '-*echo' | tr '\\n' ' '
            echo
            sleep 600
            """.write(toFile: script, atomically: true, encoding: .utf8)
        // English and colors unless a test asks otherwise, whatever the machine's own settings.
        let variables = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8", "NO_COLOR": "", "EDITOR": "false",
                         "CRM_BIN": GitFixture.executable, "CRM_ROOT": fixture.root]
        return try TmuxSession("sh " + script, columns: columns, rows: rows,
                               environment: fixture.environment.merging(variables) { $1 }.merging(environment) { $1 })
    }

    /// True when the shell after crm found the terminal in its usual mode.
    static func restored(_ screen: String) -> Bool {
        screen.split(separator: "\n").contains("icanon echo")
    }

    /// Presses `q` `pages` times (once per page opened) and expects crm to end well, leaving
    /// the terminal as it found it.
    static func quit(_ session: TmuxSession, pages: Int = 1) throws {
        for _ in 0..<pages { try session.send("q") }
        let after = try session.screen(showing: "EXIT=")
        #expect(after.contains("EXIT=0"), "\(after)")
        #expect(restored(after), "the terminal was not restored:\n\(after)")
    }

    static func expectGolden(_ name: String, _ screen: String) throws {
        let (matches, stored) = try Golden.matches(name, screen)
        #expect(matches, "golden \(name).txt differs:\n--- expected\n\(stored)\n--- actual\n\(screen)")
    }

    @Test("Start, search, open, back, agenda, keys, resize to 80×24, quit")
    func walk() throws {
        let fixture = try GitFixture(copyOfSample: ())
        let session = try Self.start(fixture)
        try Self.expectGolden("ui-start", try session.screen(showing: "Customers (32)"))
        try session.send("/")
        try session.send("plzen", literally: true)
        try Self.expectGolden("ui-search", try session.screen(showing: "/plzen ("))
        try session.send("Enter")
        try session.send("Enter")
        try Self.expectGolden("ui-picture", try session.screen(showing: "Contacts ("))
        try session.send("Escape")
        _ = try session.screen(showing: "/plzen (")
        try session.send("Escape")
        _ = try session.screen(showing: "Customers (32)")
        try session.send("a")
        try Self.expectGolden("ui-agenda", try session.screen(showing: "Overdue ("))
        try session.resize(columns: 80, rows: 24)
        try Self.expectGolden("ui-agenda-80x24", try session.screen(showing: "Overdue ("))
        try session.send("c")
        try Self.expectGolden("ui-complaints-80x24", try session.screen(showing: "Open complaints (11)"))
        try session.send("?")
        try Self.expectGolden("ui-keys-80x24", try session.screen(showing: "these keys"))
        try Self.quit(session, pages: 4)
    }

    @Test("A call logged through the form is in a file and a commit")
    func logCall() throws {
        let fixture = try GitFixture(copyOfSample: ())
        let session = try Self.start(fixture)
        _ = try session.screen(showing: "Customers (32)")
        try session.send("l")
        _ = try session.screen(showing: "Log a call: Alena Pokorná")
        try session.send("phone", literally: true)
        try session.send("Tab")
        try session.send("Nabídka servisní smlouvy", literally: true)
        try session.send("Tab")
        try session.send("offer-sent", literally: true)
        try session.send("Tab")
        try session.send("+7d", literally: true)
        try Self.expectGolden("ui-log-call-form", try session.screen(showing: "+7d"))
        try session.send("Enter")
        _ = try session.screen(showing: "2026-11-22-alena-pokorna-")
        let log = try fixture.git("log", "-1", "--format=%s", "--name-only")
        #expect(log.hasPrefix("crm: log-call alena-pokorna 2026-11-22-alena-pokorna-"), "\(log)")
        let path = try #require(log.split(separator: "\n").first { $0.hasPrefix("calls/") }.map(String.init))
        let call = try fixture.read(path)
        for line in ["customer: alena-pokorna", "channel: phone", "subject: Nabídka servisní smlouvy", "outcome: offer-sent",
                     "follow-up: 2026-11-29"] {
            #expect(call.contains(line + "\n"), "\(path) lacks '\(line)':\n\(call)")
        }
        #expect(try fixture.git("status", "--porcelain").isEmpty)
        try Self.quit(session)
    }

    @Test("e edits the selected record through the editor, checked and committed")
    func edit() throws {
        let fixture = try GitFixture(copyOfSample: ())
        let session = try Self.start(fixture, environment: ["EDITOR": "sed -i s/^segment:.smb/segment:\\ enterprise/"])
        _ = try session.screen(showing: "Customers (32)")
        try session.send("e")
        _ = try session.screen(showing: "alena-pokorna: saved and committed")
        #expect(try fixture.read("customers/alena-pokorna.yaml").contains("segment: enterprise\n"))
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: edit alena-pokorna\n")
        _ = try session.screen(showing: "enterprise")
        try Self.quit(session)
    }

    @Test("s on a complaint offers only its workflow's moves, and asks what closing takes")
    func setThroughTheWorkflow() throws {
        let fixture = try GitFixture(copyOfSample: ())
        let session = try Self.start(fixture)
        _ = try session.screen(showing: "Customers (32)")
        try session.send("c")
        _ = try session.screen(showing: "Open complaints (11)")
        try session.send("s")
        _ = try session.screen(showing: "Set a field of 2026-10-06-skoda-transport-8i4a")
        for _ in 0..<3 { try session.send("j") }
        try session.send("Enter")
        try Self.expectGolden("ui-set-status", try session.screen(showing: "Set status"))
        try session.send("Enter")
        _ = try session.screen(showing: "resolution:")
        try session.send("Technik přijel, omluva přijata", literally: true)
        try session.send("Enter")
        _ = try session.screen(showing: "in-progress → resolved")
        let complaint = try fixture.read("complaints/2026-10-06-skoda-transport-8i4a.yaml")
        #expect(complaint.contains("status: resolved\n") && complaint.contains("resolution: Technik přijel, omluva přijata\n")
                && complaint.contains("closed: 2026-11-22\n"), "\(complaint)")
        #expect(try fixture.git("status", "--porcelain").isEmpty)
        try Self.quit(session, pages: 2)
    }

    @Test("d marks the selected follow-up done, and the agenda no longer lists it")
    func markDone() throws {
        let fixture = try GitFixture(copyOfSample: ())
        let session = try Self.start(fixture)
        _ = try session.screen(showing: "Customers (32)")
        try session.send("a")
        _ = try session.screen(showing: "Overdue (12)")
        for _ in 0..<3 { try session.send("j") }
        _ = try session.screen(showing: "▸   2026-10-30-ti")
        try session.send("d")
        _ = try session.screen(showing: "Overdue (11)")
        let call = try fixture.read("calls/2026/10/2026-10-30-tiskarna-marek-bwu5.yaml")
        #expect(call.contains("follow-up-done: 2026-11-22\n"), "\(call)")
        #expect(try fixture.git("log", "-1", "--format=%s") == "crm: done 2026-10-30-tiskarna-marek-bwu5\n")
        #expect(try fixture.git("status", "--porcelain").isEmpty)
        try Self.quit(session, pages: 2)
    }

    @Test("Colors only with NO_COLOR unset", arguments: [("", true), ("1", false)])
    func colors(noColor: String, colored: Bool) throws {
        let fixture = try GitFixture(copyOfSample: ())
        let session = try Self.start(fixture, environment: ["NO_COLOR": noColor, "TERM": "xterm-256color"])
        _ = try session.screen(showing: "Customers (32)")
        let styled = try session.captureStyled()
        #expect(styled.contains("\u{1B}[") == colored, "\(styled.debugDescription)")
        try Self.quit(session)
    }

    @Test("In Czech the interface speaks Czech")
    func czech() throws {
        let fixture = try GitFixture(copyOfSample: ())
        let session = try Self.start(fixture, columns: 80, rows: 24, environment: ["LANG": "cs_CZ.UTF-8"])
        try Self.expectGolden("cs-ui-start-80x24", try session.screen(showing: "(32)"))
        try session.send("?")
        try Self.expectGolden("cs-ui-keys-80x24", try session.screen(showing: "tyto klávesy"))
        try Self.quit(session, pages: 2)
    }

    @Test("A change on disk shows within a second, the selection kept")
    func liveUpdate() throws {
        let fixture = try GitFixture(copyOfSample: ())
        let session = try Self.start(fixture)
        _ = try session.screen(showing: "Customers (32)")
        try session.send("j")
        _ = try session.screen(showing: "▸ auto  Autodoprava")
        let changed = try fixture.execute([GitFixture.executable, "-C", fixture.root, "set", "autodoprava-krejci", "status=active"])
        #expect(changed.status == 0, "\(changed.errors)")
        let screen = try session.screen(showing: "active    smb         lucie   Pardubice")
        #expect(screen.contains("▸ auto  Autodoprava Krejčí s.r.o.            active"), "\(screen)")
        try Self.quit(session)
    }

    @Test("The terminal is restored when crm ui is interrupted, terminated or crashes", arguments: ["INT", "TERM", "SEGV"])
    func restoresOnSignals(signal: String) throws {
        let fixture = try GitFixture(copyOfSample: ())
        let session = try Self.start(fixture)
        _ = try session.screen(showing: "Customers (32)")
        let shell = try session.panePID()
        let crm = try fixture.run(["pgrep", "-P", shell]).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try fixture.run(["kill", "-\(signal)", crm])
        let after = try session.screen(showing: "EXIT=")
        #expect(Self.restored(after), "the terminal was not restored:\n\(after)")
        #expect(!after.contains("Customers (32)"), "the interface is still on the screen:\n\(after)")
    }

    @Test("Without a terminal crm ui refuses, saying why")
    func refusesWithoutATerminal() throws {
        let fixture = try GitFixture(copyOfSample: ())
        let result = try fixture.execute([GitFixture.executable, "-C", fixture.root, "ui"])
        #expect(result.status == 2)
        #expect(result.errors.contains("crm: error: crm ui needs a terminal: standard input and output are not a terminal"), "\(result.errors)")
        #expect(result.output.isEmpty)
    }
}
