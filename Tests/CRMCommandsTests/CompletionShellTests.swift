import Foundation
import Testing

/// The completion scripts in the real shells, with the built `crm` on the PATH: bash through
/// `complete -p` and its function, zsh through `compinit` (compadd recorded), fish through
/// `complete -C`. `make deps` installs zsh and fish.
@Suite("Completion in bash, zsh and fish", .serialized)
struct CompletionShellTests {
    static func has(_ shell: String) -> Bool {
        (try? GitFixture.shell(["sh", "-c", "command -v \(shell)"]))?.status == 0
    }

    /// What each shell offers for a command line, whose last word is being typed.
    static let cases: [(line: String, expected: [String])] = [
        ("crm li", ["list"]),
        ("crm list customer --format ", ["table", "json", "jsonl", "csv", "ids", "paths"]),
        ("crm log-call skoda-transport --contact ", ["jana-dvorakova", "lenka-markova", "pavel-hruby"]),
        ("crm set skoda-transport st", ["status="]),
        ("crm list customer --fields name,ow", ["name,owner"]),
        ("crm list cus", ["customer"]),
        ("crm list customer --format js", ["json", "jsonl"]),
    ]

    static func run(_ shell: String, _ script: String) throws -> String {
        let folder = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = URL(fileURLWithPath: GitFixture.executable).deletingLastPathComponent().path
        let result = try GitFixture.shell(["sh", "-c", "cd \"$0\" && exec \"$@\"", folder, shell, "-c", script],
                                          environment: ["PATH": path + ":/usr/bin:/bin", "HOME": folder, "CRM_TODAY": CLIHarness.sampleToday])
        #expect(result.status == 0, "\(shell): \(result.errors)")
        return result.output
    }

    /// The candidates printed after each `--- LINE` marker.
    static func offered(_ output: String) -> [String: [String]] {
        var offers: [String: [String]] = [:]
        var line: String?
        for text in output.split(separator: "\n").map(String.init) {
            if text.hasPrefix("--- ") { line = String(text.dropFirst(4)); offers[line!] = []; continue }
            if let line, !text.isEmpty, text != "-S" { offers[line, default: []].append(text) }
        }
        return offers
    }

    static func expectOffers(_ offers: [String: [String]], shell: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (line, expected) in cases {
            #expect(offers[line].map { Set($0) } == Set(expected), "\(shell): \(line)", sourceLocation: sourceLocation)
        }
    }

    @Test("bash", .enabled(if: has("bash"), "bash is not installed"))
    func bash() throws {
        let lines = Self.cases.map { "t '\($0.line)'" }.joined(separator: "\n")
        let output = try Self.run("bash", """
            source <(crm completion bash)
            complete -p crm | grep -q -- '-F _crm crm' || exit 3
            t() { echo "--- $1"; COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; _crm; printf '%s\\n' "${COMPREPLY[@]}"; }
            \(lines)
            """)
        Self.expectOffers(Self.offered(output), shell: "bash")
        // bash completes only what follows the `=` it splits words at.
        let value = Self.offered(try Self.run("bash", """
            source <(crm completion bash)
            echo '--- value'; COMP_LINE='crm set skoda-transport status=ac'; COMP_POINT=${#COMP_LINE}; _crm; printf '%s\\n' "${COMPREPLY[@]}"
            """))
        #expect(value["value"] == ["active"])
    }

    @Test("zsh", .enabled(if: has("zsh"), "zsh is not installed (make deps installs it)"))
    func zsh() throws {
        let lines = Self.cases.map { "t '\($0.line)'" }.joined(separator: "\n")
        let output = try Self.run("zsh", """
            autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump"
            source <(crm completion zsh)
            (( ${+_comps[crm]} )) || exit 3
            compadd() { local -a args; args=("$@"); local i=${args[(i)--]}; print -rl -- "${(@)args[i+1,-1]}"; }
            t() { print -r -- "--- $1"; words=("${(@s: :)1}"); CURRENT=${#words}; _crm; }
            \(lines)
            """)
        Self.expectOffers(Self.offered(output), shell: "zsh")
    }

    @Test("fish", .enabled(if: has("fish"), "fish is not installed (make deps installs it)"))
    func fish() throws {
        let lines = Self.cases.map { "echo '--- \($0.line)'; complete -C '\($0.line)'" }.joined(separator: "\n")
        let output = try Self.run("fish", "crm completion fish | source\n" + lines)
        Self.expectOffers(Self.offered(output), shell: "fish")
    }
}
