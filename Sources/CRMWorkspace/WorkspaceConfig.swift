import CRMSyntax

/// `.crm/config.yaml`: the workspace's settings.
public struct WorkspaceConfig: Sendable, Hashable {
    /// A name for people (shown by `crm types` and reports).
    public var name: String
    /// Whether mutating commands commit their change to git.
    public var autoCommit: Bool
    /// The currency of money fields that do not name one.
    public var currency: String
    /// The language text sorts in.
    public var language: Language
    /// The team's own mail domains: mail from them is outbound (`crm log-email`).
    public var mailDomains: [String]
    /// Whether `crm check` warns about a person without a `lawful-basis` (`require-lawful-basis: true`).
    public var requiresLawfulBasis = false
    /// How often to be in touch, by customer segment or tag, and `default` for the rest
    /// (`cadence:` then indented `enterprise: 30d` lines).
    public var cadence: [String: CalendarLength] = [:]

    public static let path = ".crm/config.yaml"
    public static let knownKeys = ["name", "auto-commit", "currency", "language", "mail-domains", "require-lawful-basis", "cadence"]

    public init(name: String = "", autoCommit: Bool = true, currency: String = "CZK", language: Language = .english,
                mailDomains: [String] = []) {
        self.name = name
        self.mailDomains = mailDomains
        self.autoCommit = autoCommit
        self.currency = currency
        self.language = language
    }

    /// Reads the settings of the workspace `source` reads; a missing file gives the defaults.
    static func load(_ source: DefinitionSource) -> (WorkspaceConfig, [Diagnostic]) {
        var config = WorkspaceConfig()
        var problems: [Diagnostic] = []
        guard source.exists(path) else { return (config, problems) }
        let document: RecordDocument
        do {
            document = try RecordDocument(parsing: try source.read(path), path: path)
        } catch let error as Diagnostic {
            return (config, [error])
        } catch {
            return (config, [Diagnostic(code: "unreadable", path: path, location: nil, message: "\(error)")])
        }
        for field in document.fields {
            func problem(_ message: String, hint: String? = nil, at location: SourceLocation? = nil) {
                let location = location ?? field.valueLocation
                problems.append(Diagnostic(code: "config", path: path, location: location, message: message,
                                           hint: hint, sourceLine: document.sourceLine(location.line)))
            }
            switch field.key {
            case "name":
                config.name = field.value.string ?? ""
            case "auto-commit", "require-lawful-basis":
                let flag: Bool
                switch field.value.string {
                case "true", "yes": flag = true
                case "false", "no": flag = false
                default:
                    problem("\(field.key) is true or false")
                    continue
                }
                if field.key == "auto-commit" { config.autoCommit = flag } else { config.requiresLawfulBasis = flag }
            case "currency":
                config.currency = field.value.string ?? config.currency
            case "language":
                guard let language = field.value.string.flatMap(Language.init(rawValue:)) else {
                    problem("language is one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                config.language = language
            case "mail-domains":
                let domains = field.value.strings.map { $0.trimmingWhitespace().lowercased() }
                if let bad = domains.first(where: { !$0.contains(".") || $0.contains("@") || $0.contains(" ") }) {
                    problem("'\(bad)' is not a mail domain", hint: "write the part after @, for example: mail-domains: [firma.cz]")
                    continue
                }
                config.mailDomains = domains
            case "cadence":
                guard case .map = field.value else {
                    problem("cadence is a map of segments or tags to lengths", hint: "write `cadence:`, then indented lines such as `  enterprise: 30d`")
                    continue
                }
                for entry in field.items {
                    let key = entry.key ?? ""
                    guard let length = entry.value.string.flatMap(CalendarLength.init) else {
                        problem("cadence of '\(key)': '\(entry.value.string ?? "")' is not a length", hint: CalendarLength.hint,
                                at: entry.location)
                        continue
                    }
                    config.cadence[key] = length
                }
            default:
                problems.append(Diagnostic(.warning, code: "config", path: path, location: field.keyLocation,
                                           message: "unknown setting '\(field.key)'",
                                           hint: Suggestions.closest(to: field.key, in: knownKeys).map { "did you mean '\($0)'?" }
                                               ?? "known settings: \(knownKeys.joined(separator: ", "))",
                                           sourceLine: document.sourceLine(field.keyLocation.line)))
            }
        }
        return (config, problems)
    }
}
