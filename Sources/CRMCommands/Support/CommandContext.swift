#if canImport(Glibc)
import Glibc
#endif
import CRMSyntax
import CRMWorkspace

/// What a command runs with: where output goes, the environment, the working folder,
/// the workspace named on the command line, and today's date.
public struct CommandContext: Sendable {
    public var console: Console
    public let environment: [String: String]
    public let currentDirectory: String
    /// From `-C`/`--workspace`.
    public var workspaceOption: String?
    /// From `--no-cache` (or `$CRM_NO_CACHE`): read every record file, and leave the cache alone.
    public var noCache = false

    public init(console: Console, environment: [String: String], currentDirectory: String) {
        self.console = console
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The workspace: from `-C`, `$CRM_WORKSPACE` or the nearest folder holding `.crm/`.
    public func workspace() throws(CommandError) -> Workspace {
        do {
            let root = try Workspace.locate(explicit: workspaceOption, environment: environment,
                                            currentDirectory: currentDirectory)
            var workspace = Workspace(root: root)
            let variable = environment["CRM_NO_CACHE"] ?? ""
            workspace.usesCache = !noCache && (variable.isEmpty || variable == "0")
            return workspace
        } catch {
            throw CommandError(error.description, hint: error.hint)
        }
    }

    /// Today: `$CRM_TODAY` (`YYYY-MM-DD`) when set, so output is reproducible, else the local date.
    public func today() throws(CommandError) -> CivilDate {
        if let text = environment["CRM_TODAY"], !text.isEmpty {
            guard let date = CivilDate(text) else {
                throw CommandError("CRM_TODAY is '\(text)', not a date", hint: "set it as YYYY-MM-DD, or unset it")
            }
            return date
        }
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CivilDate(dayNumber: now / 86_400)
    }

    /// Now: `$CRM_NOW` (`YYYY-MM-DDTHH:MM`) when set, else the local time on today's date.
    public func now() throws(CommandError) -> CivilDateTime {
        if let text = environment["CRM_NOW"], !text.isEmpty {
            guard let moment = CivilDateTime(text) else {
                throw CommandError("CRM_NOW is '\(text)', not a date and time", hint: "set it as YYYY-MM-DDTHH:MM, or unset it")
            }
            return moment
        }
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return CivilDateTime(date: try today(), seconds: Int(parts.tm_hour) * 3600 + Int(parts.tm_min) * 60)
    }

    /// Reads values people type, relative to today and now.
    public func valueInput() throws(CommandError) -> ValueInput {
        ValueInput(today: try today(), now: try now())
    }

    /// Writes a diagnostic to standard error, rendered for people.
    public mutating func report(_ diagnostic: Diagnostic) {
        console.error(DiagnosticRenderer(style: console.errorStyle).render(diagnostic))
    }
}
