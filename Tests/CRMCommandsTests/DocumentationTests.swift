import Foundation
import Testing

/// The examples of docs/query.md and docs/workflows.md, each run on a copy of sample-workspace:
/// every command in a `sh` block must succeed, and every `$ crm` transcript in a `text` block
/// must print what it shows.
@Suite("Documentation examples")
struct DocumentationTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var document: String
        var line: String
        /// What the transcript shows the command printing; `nil` for a bare command.
        var expected: String?

        var testDescription: String { "\(document): \(line)" }
    }

    static let documents = ["docs/query.md", "docs/workflows.md"]

    static let examples: [Example] = documents.flatMap(examples(in:))

    static func examples(in document: String) -> [Example] {
        let url = CLIHarness.repository.appendingPathComponent(document)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var examples: [Example] = []
        var block: String?
        var transcript: Example?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let finished = transcript { examples.append(finished) }
                transcript = nil
                block = block == nil ? String(line.dropFirst(3)) : nil
                continue
            }
            if block == "sh", line.hasPrefix("crm ") {
                examples.append(Example(document: document, line: line, expected: nil))
            } else if block == "text" {
                if line.hasPrefix("$ crm ") {
                    if let finished = transcript { examples.append(finished) }
                    transcript = Example(document: document, line: String(line.dropFirst(2)), expected: "")
                } else if line.isEmpty {
                    if let finished = transcript { examples.append(finished) }
                    transcript = nil
                } else {
                    transcript?.expected?.append(line + "\n")
                }
            }
        }
        return examples
    }

    /// Splits a command line as a POSIX shell does for the quoting the examples use.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current: String?
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current!.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                current = current ?? ""
            } else if character == " " {
                if let word = current { words.append(word) }
                current = nil
            } else {
                current = (current ?? "") + String(character)
            }
        }
        if let word = current { words.append(word) }
        return words
    }

    @Test("The documentation has examples to run")
    func hasExamples() {
        #expect(Self.examples(in: "docs/query.md").filter { $0.expected == nil }.count >= 60)
        #expect(Self.examples(in: "docs/query.md").contains { $0.expected != nil })
        #expect(Self.examples(in: "docs/workflows.md").count >= 15)
    }

    @Test("An example runs as documented", arguments: examples)
    func example(_ example: Example) throws {
        let arguments = Array(Self.words(example.line).dropFirst())
        let root = try CLIHarness.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = CLIHarness.run(arguments, in: root)
        if let expected = example.expected {
            #expect(result.status == 64)
            #expect(result.errors == expected)
        } else {
            #expect(result.status == 0, "\(example.line) exited \(result.status): \(result.errors)")
            #expect(!result.errors.contains("error:"), "\(example.line): \(result.errors)")
        }
    }
}
