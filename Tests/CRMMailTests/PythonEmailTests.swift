import CRMMail
import CRMTestSupport
import Foundation
import Testing

/// Our MIME reader against Python's `email` package (policy=default) on generated messages:
/// decoded subject and mailboxes, the body part a reader shows and its text, the attachments' names.
@Suite("Messages as Python's email package reads them")
struct PythonEmailTests {
    static func python(_ paths: [String]) throws -> [String: [String: Any]] {
        let objects = try PythonHelper.jsonLines(PythonHelper.script("python_email.py"), input: paths, needs: "python3")
        return Dictionary(objects.compactMap { object in (object["path"] as? String).map { ($0, object) } }, uniquingKeysWith: { first, _ in first })
    }

    static func lf(_ text: String) -> String { text.replacing("\r\n", with: "\n") }

    @Test("300 generated messages read as Python reads them")
    func generated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = MessageGenerator(random: SeededRandom(seed: 2047))
        var messages: [String: [UInt8]] = [:]
        for number in 1...300 {
            let path = folder.appendingPathComponent("\(number).eml").path
            let bytes = generator.message(number: number)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            messages[path] = bytes
        }
        let reference = try Self.python(messages.keys.sorted())
        #expect(reference.count == 300)
        for (path, bytes) in messages.sorted(by: { $0.key < $1.key }) {
            guard let expected = reference[path] else { continue }
            let message = try MailMessage(parsing: bytes[...])
            let name = URL(fileURLWithPath: path).lastPathComponent
            #expect(message.subject == expected["subject"] as? String, "\(name)")
            #expect(message.from.map { [$0.name, $0.address] } == expected["from"] as? [[String]], "\(name)")
            #expect(message.to.map { [$0.name, $0.address] } == expected["to"] as? [[String]], "\(name)")
            #expect(message.body?.contentType.value == expected["body-type"] as? String, "\(name)")
            #expect(message.body?.text.map(Self.lf) == (expected["body"] as? String).map(Self.lf), "\(name)")
            #expect(message.attachments == expected["attachments"] as? [String], "\(name)")
            #expect("<\(message.messageID ?? "")>" == expected["message-id"] as? String, "\(name)")
        }
    }
}
