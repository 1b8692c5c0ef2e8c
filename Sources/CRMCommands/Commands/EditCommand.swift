import CRMChange
import CRMLocale
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// `crm edit ID`: the record in `$VISUAL`/`$EDITOR`, saved only when valid.
enum EditCommand {
    static let spec = CommandSpec(
        name: "edit",
        abstract: "Edit a record in your editor",
        discussion: """
            Opens a copy of the record in $VISUAL or $EDITOR (else vi). When the editor closes, the copy is
            checked like `crm check` checks records; on problems crm shows them and asks whether to re-open
            the editor, keep the draft or discard it. The record's file changes only when the result is
            valid. A record that does not parse can be fixed this way.
            """,
        arguments: [ArgumentSpec("id", help: "The record.", completion: .ids)],
        options: ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        try edit(invocation.arguments[0], options: ChangeFlags.options(invocation, context), context: &context)
    }

    /// The record `id` (or name) edited in the person's editor and, once valid, committed with `options`.
    static func edit(_ id: String, options: ChangeOptions, context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        var locator = RecordLocator(workspace: workspace)
        let file = try locator.file(id)
        guard let type = workspace.schema.type(named: file.type) else {
            throw CommandError.unreadableType(of: file.path)
        }
        let original: [UInt8]
        do {
            original = try RecordFile.read(file.path, root: workspace.root)
        } catch {
            throw CommandError(diagnostic: RecordFile.unreadable(file.path, error))
        }
        let before = (try? RecordDocument(parsing: original))?.values
        var session = try EditSession(context: context, locator: locator)
        guard let edited = try session.edit(original, path: file.path, type: type, before: before ?? [],
                                            context: &context) else { return ExitStatus.failed }
        guard edited.bytes != original else {
            context.console.error("\(file.id): nothing changed\n")
            return ExitStatus.success
        }
        var change = try ChangeFlags.open(workspace, options)
        let current = try? RecordFile.read(file.path, root: workspace.root)
        guard current == original else {
            throw CommandError(tr("err-changed-while-editing", ["path": file.path]), hint: tr("hint-edit-again", ["id": file.id]))
        }
        change.write(edited.bytes, to: file.path)
        try ChangeFlags.apply(&change, message: "crm: edit \(file.id)", context: &context)
        for change in RecordChanges.between(before ?? [], edited.values) {
            context.console.line("\(file.id): \(TerminalText.escaped(change.description))")
        }
        return ExitStatus.success
    }
}
