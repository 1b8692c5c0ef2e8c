import CRMTestSupport
import Foundation
import Testing
@testable import CRMSyntax

/// A value as PyYAML's BaseLoader returns it, decoded from the helper script's JSON.
indirect enum ReferenceValue: Equatable {
    case string(String)
    case list([ReferenceValue])
    case map([String: ReferenceValue])

    init?(json: Any) {
        switch json {
        case let text as String: self = .string(text)
        case let items as [Any]:
            var values: [ReferenceValue] = []
            for item in items {
                guard let value = ReferenceValue(json: item) else { return nil }
                values.append(value)
            }
            self = .list(values)
        case let object as [String: Any]:
            var values: [String: ReferenceValue] = [:]
            for (key, item) in object {
                guard let value = ReferenceValue(json: item) else { return nil }
                values[key] = value
            }
            self = .map(values)
        default: return nil
        }
    }

    init(_ value: Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .list(let items): self = .list(items.map(ReferenceValue.string))
        case .map(let entries):
            self = .map(Dictionary(entries.map { ($0.key, ReferenceValue($0.value)) }, uniquingKeysWith: { $1 }))
        }
    }

    init(_ fields: [Field]) {
        self = .map(Dictionary(fields.map { ($0.key, ReferenceValue($0.value)) }, uniquingKeysWith: { $1 }))
    }
}

/// Runs PyYAML's BaseLoader over files through `Tests/scripts/pyyaml_values.py`.
enum PyYAML {
    /// The value of each file, or `nil` where PyYAML refuses it.
    static func load(_ files: [URL]) throws -> [URL: ReferenceValue?] {
        let objects = try PythonHelper.jsonLines(PythonHelper.script("pyyaml_values.py"), input: files.map(\.path), needs: "python3 and PyYAML")
        var results: [URL: ReferenceValue?] = [:]
        for object in objects {
            guard let path = object["path"] as? String else { continue }
            let url = URL(fileURLWithPath: path)
            if object["error"] != nil {
                results[url] = .some(nil)
            } else if let value = object["value"], !(value is NSNull), !(value as? String == "") {
                results[url] = .some(ReferenceValue(json: value))
            } else {
                results[url] = .some(.map([:]))
            }
        }
        return results
    }
}

@Suite("Differential test against PyYAML's BaseLoader")
struct DifferentialTests {
    @Test("Generated records read as PyYAML reads them")
    func generatedRecords() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-differential-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = RecordTextGenerator(seed: 20261122)
        var files: [URL: [UInt8]] = [:]
        for index in 0..<900 {
            let url = directory.appendingPathComponent("record-\(index).yaml")
            let bytes = Array(generator.record().utf8)
            try Data(bytes).write(to: url)
            files[url] = bytes
        }
        let reference = try PyYAML.load(Array(files.keys))
        var accepted = 0
        var reader = RecordReader()
        for (url, bytes) in files.sorted(by: { $0.key.path < $1.key.path }) {
            let expected = try #require(reference[url], "no PyYAML result for \(url.lastPathComponent)")
            let ours = Result { () throws(Diagnostic) in try reader.read(bytes, path: url.lastPathComponent) }
            switch (ours, expected) {
            case (.success(let document), .some(let value)):
                accepted += 1
                #expect(ReferenceValue(document.values) == value, "\(url.lastPathComponent):\n\(String(decoding: bytes, as: UTF8.self))")
            case (.success, .none):
                Issue.record("we accept what PyYAML refuses: \(url.lastPathComponent):\n\(String(decoding: bytes, as: UTF8.self))")
            case (.failure, _):
                break
            }
        }
        #expect(accepted >= 500, "only \(accepted) of \(files.count) generated records were accepted")
    }

    @Test("The accepted-input table agrees with PyYAML")
    func acceptedTable() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-accepted-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [URL: AcceptedCase] = [:]
        for (index, example) in acceptedCases.enumerated() {
            let url = directory.appendingPathComponent("case-\(index).yaml")
            try Data(example.input.utf8).write(to: url)
            files[url] = example
        }
        let reference = try PyYAML.load(Array(files.keys))
        for (url, example) in files {
            let expected = reference[url] ?? nil
            #expect(expected == ReferenceValue(example.fields), "\(example.testDescription)")
        }
    }
}
