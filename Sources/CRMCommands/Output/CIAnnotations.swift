import CRMInterchange
import CRMSyntax

/// Problems as CI hosts show them on a pull or merge request: GitHub Actions' workflow commands
/// and GitLab's Code Quality report. Paths are the repository's, so the host finds the file.
enum CIAnnotations {
    /// `::error file=PATH,line=L,col=C,title=crm CODE::MESSAGE`, one per problem.
    static func github(_ problems: [Diagnostic], path: (String) -> String) -> String {
        problems.map { problem in
            var properties = ["file=" + escapedProperty(path(problem.path))]
            if let location = problem.location { properties += ["line=\(location.line)", "col=\(location.column)"] }
            properties.append("title=" + escapedProperty("crm \(problem.code)"))
            let message = problem.message + (problem.hint.map { " (\($0))" } ?? "")
            return "::\(problem.severity == .error ? "error" : "warning") " + properties.joined(separator: ",") + "::" + escapedData(message) + "\n"
        }.joined()
    }

    /// GitHub's escaping of a command's message.
    static func escapedData(_ text: String) -> String {
        // "\r\n" is one Character: it is replaced before its parts.
        text.replacing("%", with: "%25").replacing("\r\n", with: "%0D%0A").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// And of a property value, which also may not hold `:` or `,`.
    static func escapedProperty(_ text: String) -> String {
        escapedData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }

    /// A Code Quality report: an array of issues with a description, check name, a fingerprint
    /// unique to the problem, a severity and the file and line.
    static func gitlab(_ problems: [Diagnostic], path: (String) -> String) -> JSON {
        var seen: [String: Int] = [:]
        return .array(problems.map { problem in
            let file = path(problem.path)
            let key = [file, problem.code, problem.message, String(problem.location?.line ?? 0)].joined(separator: "\u{0}")
            seen[key, default: 0] += 1
            return .object([
                (key: "description", value: .string(problem.message + (problem.hint.map { " (\($0))" } ?? ""))),
                (key: "check_name", value: .string("crm-" + problem.code)),
                (key: "fingerprint", value: .string(fingerprint(key + "\u{0}\(seen[key]!)"))),
                (key: "severity", value: .string(problem.severity == .error ? "major" : "minor")),
                (key: "location", value: .object([
                    (key: "path", value: .string(file)),
                    (key: "lines", value: .object([(key: "begin", value: .integer(problem.location?.line ?? 1))])),
                ])),
            ])
        })
    }

    /// 128 bits of FNV-1a, as hex: stable across runs and machines.
    static func fingerprint(_ text: String) -> String {
        var low: UInt64 = 0xCBF2_9CE4_8422_2325
        var high: UInt64 = 0x6C62_272E_07BB_0142
        for byte in text.utf8 {
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            high = (high ^ UInt64(byte) ^ (low >> 32)) &* 0x0000_0100_0000_01B3
        }
        return String(repeating: "0", count: 16 - String(high, radix: 16).count) + String(high, radix: 16)
            + String(repeating: "0", count: 16 - String(low, radix: 16).count) + String(low, radix: 16)
    }
}
