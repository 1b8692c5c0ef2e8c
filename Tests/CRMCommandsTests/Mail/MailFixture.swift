import Foundation
import Testing

/// A workspace of two customers and their contacts for `crm log-email`, the team at
/// strojservis.example.cz, and the real-looking messages the tests log.
enum MailFixture {
    static let files = [
        ".crm/config.yaml": "name: test\nauto-commit: true\ncurrency: CZK\nlanguage: cs\nmail-domains: [strojservis.example.cz]\n",
        "customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\nemail: info@acme.example.cz\nwebsite: https://www.acme.example.cz/kontakt\n",
        "customers/beta.yaml": "name: Beta a.s.\nstatus: active\nwebsite: http://beta.example.cz\n",
        "customers/novak.yaml": "name: Jan Novák\nkind: person\nstatus: active\nemail: jan.novak@seznam.cz\n",
        "contacts/jana-dvorakova.yaml": "name: Jana Dvořáková\ncustomer: acme\nemail: Jana.Dvorakova@acme.example.cz\n",
        "contacts/petr-hruby.yaml": "name: Petr Hrubý\ncustomer: beta\nemail: petr.hruby@gmail.com\n",
    ]

    /// A fixture with the user's git address set, as a teammate's would be.
    static func workspace() throws -> GitFixture {
        let fixture = try GitFixture(files: files)
        try fixture.git("config", "user.email", "martin@strojservis.example.cz")
        fixture.environment["TZ"] = "Europe/Prague"
        return fixture
    }

    /// The call file a log-email run wrote for `id`.
    static func call(_ id: String, in fixture: GitFixture) throws -> String {
        let path = try fixture.git("ls-files", "calls").split(separator: "\n").first { $0.hasSuffix("/\(id).yaml") }
        return try fixture.read(String(try #require(path)))
    }

    /// Writes `text` with CRLF line endings, as mail programs save messages.
    static func write(_ text: String, to path: String, in fixture: GitFixture, crlf: Bool = true) throws {
        let url = URL(fileURLWithPath: fixture.root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((crlf ? text.replacing("\n", with: "\r\n") : text).utf8).write(to: url)
    }
}
