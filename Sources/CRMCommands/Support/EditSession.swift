#if canImport(Glibc)
import Glibc
#endif
import CRMSyntax
import CRMWorkspace

/// Opens a record in `$VISUAL`/`$EDITOR` (else `vi`) on a temporary copy, and checks it when the
/// editor closes; on problems, offers to re-open it, keep the draft or discard it. The record's
/// own file is never touched here: the caller writes the result only when it is valid.
struct EditSession {
    let environment: [String: String]
    var locator: RecordLocator

    init(context: CommandContext, locator: RecordLocator) {
        environment = context.environment
        self.locator = locator
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
                var parsed = try RecordDocument(parsing: bytes, path: path)
                var validator = RecordValidator(index: locator.referenceIndex())
                var found = validator.validate(parsed, as: type).filter { $0.severity == .error }
                if found.isEmpty, let lifecycle = Lifecycle(type: type) {
                    do {
                        try lifecycle.apply(before: before, to: &parsed, today: today)
                    } catch {
                        found.append(lifecycle.diagnostic(error, in: parsed))
                    }
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
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let arguments = ["/bin/sh", "-c", editor + " \"$1\"", "crm-edit", path]
        var pid = pid_t()
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environ = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environ.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else { throw CommandError("cannot run the editor '\(editor)': \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exit = (status >> 8) & 0xFF
        if status & 0x7F != 0 || exit != 0 {
            throw CommandError("the editor '\(editor)' failed (exit status \(exit)); nothing was changed",
                               hint: "your draft is in \(path); set $VISUAL or $EDITOR to an editor that works")
        }
    }
}
