import Foundation
import Testing
import CRMSyntax
@testable import CRMLocale

@Suite struct CatalogTests {
    /// Keys only the translations have: English uses the name itself (a field, a type, a
    /// command's own abstract).
    static let namePrefixes = ["heading_", "type_", "section_", "abstract_", "option--"]
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: Language.allCases)
    func everyCatalogReads(language: Language) throws {
        let catalog = try Catalog(parsing: Catalogs.bytes(language), path: Catalogs.path(language), language: language)
        #expect(!catalog.entries.isEmpty)
        #expect(Set(catalog.keys).count == catalog.keys.count, "a key appears twice")
    }

    @Test(arguments: [Language.czech, .slovak])
    func everyMessageHasItsTranslation(language: Language) {
        let english = Catalogs.catalog(.english)
        let translation = Catalogs.catalog(language)
        for key in english.keys {
            guard let entry = translation.entries[key], let original = english.entries[key] else {
                Issue.record("\(Catalogs.path(language)): '\(key)' has no translation")
                continue
            }
            #expect(entry.placeholders == original.placeholders,
                    "\(Catalogs.path(language)): '\(key)' has placeholders \(entry.placeholders), English has \(original.placeholders)")
            if case .plural = original {
                guard case .plural(let forms) = entry else {
                    Issue.record("\(Catalogs.path(language)): '\(key)' needs plural forms")
                    continue
                }
                #expect(Set(forms.keys) == Set(language.pluralCategories), "\(Catalogs.path(language)): '\(key)' has forms \(forms.keys.map(\.rawValue).sorted())")
            } else {
                #expect(entry == .text(entry.text ?? ""), "\(Catalogs.path(language)): '\(key)' is a text in English")
            }
        }
        for key in translation.keys where english.entries[key] == nil {
            #expect(Self.namePrefixes.contains { key.hasPrefix($0) }, "\(Catalogs.path(language)): '\(key)' is not an English message")
        }
    }

    @Test func englishPluralsHaveOneAndOther() {
        for (key, entry) in Catalogs.catalog(.english).entries {
            if case .plural(let forms) = entry {
                #expect(Set(forms.keys) == [.one, .other], "'\(key)'")
            }
        }
    }

    /// Every `tr("key"` in crm's sources names an English message, so none shows as its key.
    @Test func everyMessageTheCodeAsksForExists() throws {
        let english = Catalogs.catalog(.english)
        let sources = Self.repository.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var asked = 0
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for key in Self.literalKeys(in: text) {
                asked += 1
                #expect(english.entries[key] != nil, "\(file.lastPathComponent): tr(\"\(key)\") is not in en.yaml")
            }
        }
        #expect(asked > 20)
    }

    static func literalKeys(in text: String) -> [String] {
        var keys: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: "tr(\"") {
            let after = rest[range.upperBound...]
            guard let close = after.firstIndex(of: "\"") else { break }
            let before = rest[..<range.lowerBound].last
            if before.map({ !$0.isLetter && !$0.isNumber }) ?? true { keys.append(String(after[..<close])) }
            rest = after[close...]
        }
        return keys
    }

    static let badCatalogs: [(String, String, Int, Int)] = [
        ("day:\n  one: a\n  several: b\n", "invalid-plural", 1, 1),
        ("ok: yes\nlist:\n  - a\n", "invalid-message", 2, 1),
        ("day:\n  one:\n    deeper: x\n", "unsupported", 3, 5),
        ("ok: \"a\"\nok: \"b\"\n", "duplicate-key", 2, 1),
    ]

    @Test(arguments: badCatalogs)
    func aBadCatalogIsAnErrorAtItsLine(text: String, code: String, line: Int, column: Int) {
        #expect {
            try Catalog(parsing: Array(text.utf8), path: "cs.yaml", language: .czech)
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.code == code && diagnostic.path == "cs.yaml"
                && diagnostic.location?.line == line && diagnostic.location?.column == column
        }
    }
}

extension CatalogEntry {
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
