#if canImport(Glibc)
import Glibc
#endif
import CRMCheck
import CRMLocale
import CRMSyntax
import CRMWorkspace

/// Opens a record in `$VISUAL`/`$EDITOR` (else `vi`, on a terminal) on a temporary copy, and
/// checks it with `WorkspaceCheck` when the editor closes; on problems, offers to re-open it,
/// keep the draft or discard it. The record's own file is never touched here: the caller writes
/// the result only when it is valid.
struct EditSession {
    let environment: [String: String]
    var locator: RecordLocator
    /// The editor's command, run through the shell.
    let editor: String

    /// A session with the person's editor; without `$VISUAL` or `$EDITOR`, `vi` when crm runs on
    /// a terminal, else an error (a `vi` without a terminal would wait for ever).
    init(context: CommandContext, locator: RecordLocator) throws(CommandError) {
        environment = context.environment
        self.locator = locator
        if let chosen = [context.environment["VISUAL"], context.environment["EDITOR"]].compactMap({ $0 })
            .first(where: { !$0.trimmingWhitespace().isEmpty }) {
            editor = chosen
        } else if context.console.isTerminal && (context.console.sink == .memory || isatty(0) == 1) {
            editor = "vi"
        } else {
            throw CommandError(tr("err-no-editor"), hint: tr("hint-no-editor"))
        }
    }

    /// The edited record once it is valid; `nil` when the person discards it or keeps the draft.
    /// `bytes` need not parse: editing is how a broken record gets fixed. The type's lifecycle
    /// checks the change from `before` (`nil` for a new record) and adds its stamps.
    mutating func edit(_ bytes: [UInt8], path: String, type: RecordType, before: [Field]?,
                       context: inout CommandContext) throws(CommandError) -> RecordDocument? {
        let today = try context.today()
        let folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let name = path.split(separator: "/").last.map(String.init) ?? "\(type.name).yaml"
        let draft = "\(folder)/crm-\(getpid())-\(name.hasSuffix(".yaml") ? name : type.name + ".yaml")"
        do {
            try AtomicFile.write(bytes, to: draft)
        } catch {
            throw CommandError(error.description)
        }
        while true {
            try runEditor(on: draft)
            let bytes: [UInt8]
            do {
                bytes = try FileIO.read(draft)
            } catch {
                throw CommandError("the draft \(draft) is gone: \(error.reason)")
            }
            let problems: [Diagnostic]
            var edited: RecordDocument?
            do {
                // The workflow first (its change of state, and the stamps it writes), then the
                // record as it will be written.
                var parsed = try RecordDocument(parsing: bytes, path: path)
                var found: [Diagnostic] = []
                if let lifecycle = Lifecycle(type: type) {
                    do {
                        try lifecycle.apply(before: before, to: &parsed, today: today)
                    } catch {
                        found.append(lifecycle.diagnostic(error, in: parsed))
                    }
                }
                if found.isEmpty {
                    found = WorkspaceCheck(locator.workspace).changes([ChangedFile(path: path, bytes: parsed.bytes, before: nil)])
                        .filter { $0.severity == .error && $0.path == path && $0.code != "duplicate-id" }
                }
                problems = found
                edited = parsed
            } catch {
                problems = [error]
            }
            if problems.isEmpty, let edited {
                unlink(draft)
                return edited
            }
            let renderer = DiagnosticRenderer(style: context.console.errorStyle)
            for problem in problems { context.console.error(renderer.render(problem)) }
            context.console.error("The record has \(plural(problems.count, "problem")). [r]e-open the editor, [k]eep the draft, or [d]iscard it? ")
            switch context.console.readLine()?.trimmingWhitespace().lowercased().first {
            case "r":
                continue
            case "d":
                unlink(draft)
                context.console.error("Discarded; nothing was changed.\n")
                return nil
            default:
                context.console.error("Kept the draft in \(draft); nothing was changed.\n")
                return nil
            }
        }
    }

    /// Runs the editor on `path` with the terminal, as git does: through the shell, so that an
    /// editor with arguments (`code --wait`) works.
    private func runEditor(on path: String) throws(CommandError) {
        let arguments = ["/bin/sh", "-c", editor + " \"$1\"", "crm-edit", path]
        var pid = pid_t()
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environ = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environ.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else { throw CommandError("cannot run the editor '\(editor)': \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        _ = SystemCall.failure { waitpid(pid, &status, 0) }
        let exit = (status >> 8) & 0xFF
        if status & 0x7F != 0 || exit != 0 {
            throw CommandError(tr("err-editor-failed", ["editor": editor, "status": String(exit)]),
                               hint: tr("hint-editor-failed", ["path": path]))
        }
    }
}
