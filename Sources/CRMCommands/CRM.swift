#if canImport(Glibc)
import Glibc
#endif
import CRMChange
import CRMLocale
import CRMWorkspace
import CRMTerminal

/// The `crm` command line: reads the arguments, runs the command, and returns the exit status
/// (`ExitStatus`: 0 done or found, 1 nothing found or problems found, 2 could not do all it
/// was asked, 64 usage error).
public enum CRM {
    public static let version = "0.1.0"

    /// Every subcommand, in the order `crm help` lists them.
    public static let commands: [CommandSpec] = [
        InitCommand.spec, ListCommand.spec, ShowCommand.spec, SearchCommand.spec, ReportCommand.spec, QueriesCommand.spec,
        AgendaCommand.spec, ComplaintsCommand.spec, CampaignCommand.spec, DashboardCommand.spec, UICommand.spec, CheckCommand.spec, TypesCommand.spec,
        NewCommand.spec, LogCallCommand.spec, LogEmailCommand.spec, DoneCommand.spec, SetCommand.spec, UnsetCommand.spec, ItemCommand.add,
        ItemCommand.remove, EditCommand.spec,
        RemoveCommand.spec, MoveCommand.spec, ImportCommand.spec, ExportCommand.spec, DuplicatesCommand.spec, MergeCommand.spec, StatusCommand.spec, CommitCommand.spec, LogCommand.spec, BlameCommand.spec,
        DiffCommand.spec, SyncCommand.spec, CloneCommand.spec, ResolveCommand.spec, SetupGitCommand.spec, HookCommand.spec, PrivacyCommand.spec, VdirCommand.spec, LanguageServerCommand.spec, MergeFileCommand.spec, CompletionCommand.spec, CompleteCommand.spec,
    ]

    /// Runs `crm` with the process's arguments and environment, and exits.
    public static func main() -> Never {
        var environment: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        var context = CommandContext(console: .standard(environment: environment), environment: environment,
                                     currentDirectory: FileIO.currentDirectory())
        let status = run(Array(CommandLine.arguments.dropFirst()), context: &context)
        context.console.flush()
        exit(status)
    }

    /// Runs one command line against `context`; output goes to its console, for people in the
    /// language its environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    public static func run(_ arguments: [String], context: inout CommandContext) -> Int32 {
        Translation.$current.withValue(Translation.of(environment: context.environment)) {
            runCommand(arguments, context: &context)
        }
    }

    private static func runCommand(_ arguments: [String], context: inout CommandContext) -> Int32 {
        let help = HelpFormatter(commands: commands)
        do {
            switch try ArgumentReader(commands: commands).read(arguments) {
            case .version:
                context.console.line("crm \(version)")
                return 0
            case .help(let command):
                context.console.write(command.map(help.command) ?? help.root())
                return 0
            case .run(let invocation, let workspace, let noCache):
                context.workspaceOption = workspace
                context.noCache = context.noCache || noCache
                let recovers = invocation.command.name != MergeFileCommand.spec.name
                if recovers { recover(&context) }
                defer { if recovers { recover(&context) } }
                return try invocation.command.run(invocation, &context)
            }
        } catch let error as UsageError {
            let style = context.console.errorStyle
            var text = "crm: " + style.boldRed("error:") + " " + TerminalText.escaped(error.message) + "\n"
            if let command = error.command {
                text += "usage: \(command.usage)\n  See 'crm \(command.name) --help' for more information.\n"
            } else {
                text += "usage: crm [-C <dir>] <subcommand>\n  See 'crm help' for more information.\n"
            }
            context.console.error(text)
            return ExitStatus.usage
        } catch let error as CommandError {
            for problem in error.problems { context.report(problem) }
            if let detail = error.detail, !detail.isEmpty {
                context.console.error(TerminalText.escaped(detail, keepLineBreaks: true) + (detail.hasSuffix("\n") ? "" : "\n"))
            }
            if !error.isProblemOnly { fail(error.message, hint: error.hint, context: &context) }
            return error.status
        } catch {
            fail("\(error)", hint: nil, context: &context)
            return ExitStatus.failed
        }
    }

    /// Finishes or undoes a change a crm command left half-way in the workspace, saying what it did.
    static func recover(_ context: inout CommandContext) {
        guard let root = try? Workspace.locate(explicit: context.workspaceOption, environment: context.environment,
                                                currentDirectory: context.currentDirectory) else { return }
        for note in ChangeRecovery.recover(root: root, environment: context.environment) { warn(note, context: &context) }
    }

    /// `crm: error: message` and a hint line, on standard error.
    static func fail(_ message: String, hint: String?, context: inout CommandContext) {
        let style = context.console.errorStyle
        var text = "crm: " + style.boldRed("error:") + " " + TerminalText.escaped(message, keepLineBreaks: true) + "\n"
        if let hint { text += style.cyan("hint:") + " " + TerminalText.escaped(hint) + "\n" }
        context.console.error(text)
    }

    /// `crm: warning: message` on standard error; the command goes on.
    static func warn(_ message: String, context: inout CommandContext) {
        let style = context.console.errorStyle
        context.console.error("crm: " + style.boldYellow("warning:") + " " + TerminalText.escaped(message, keepLineBreaks: true) + "\n")
    }
}
