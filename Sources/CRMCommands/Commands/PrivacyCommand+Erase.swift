import CRMChange
import CRMInterchange
import CRMPrivacy
import CRMWorkspace
import CRMTerminal

extension PrivacyCommand {
    /// `crm privacy erase ID [--dry-run]`: plans the erasure under the workspace lock, says
    /// what it changes, and makes it one commit.
    static func erase(_ subject: PrivacySubject, index: WorkspaceIndex, workspace: Workspace, _ invocation: Invocation,
                      _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let preview = invocation[dryRun]
        var change = try ChangeFlags.open(workspace, invocation, context)
        let today = try context.today()
        let erasure = try privacy { () throws(PrivacyError) in
            try Erasure(subject, index: index, root: workspace.root, today: today)
        }
        let objects = erasure.edits.map { edit -> JSON in
            .object([("id", .string(edit.record.id)), ("path", .string(edit.record.path)),
                     ("change", .string(edit.record.id == subject.record.id ? "erased" : "scrubbed")),
                     ("fields", .array(edit.fields.map(JSON.string)))])
        }
        if !preview {
            for edit in erasure.edits { change.write(edit.bytes, to: edit.record.path) }
            try ChangeFlags.apply(&change, message: "crm: privacy erase \(subject.record.id)\n\n"
                                  + "Personal data removed; mentions in \(erasure.edits.count - 1) other records replaced by [erased].",
                                  context: &context)
        }
        if ScriptOutput.write(chosen, objects: objects, ids: erasure.edits.map(\.record.id), context: &context) { return ExitStatus.success }
        let would = preview ? "would " : ""
        for edit in erasure.edits {
            let fields = edit.fields.joined(separator: ", ")
            if edit.record.id == subject.record.id {
                context.console.line(TerminalText.escaped("\(edit.record.path): \(would)remove \(fields.isEmpty ? "nothing" : fields); "
                                                          + "\(would)mark erased: \(today)"))
            } else {
                context.console.line(TerminalText.escaped("\(edit.record.path): \(would)replace the mentions in "
                                                          + "\(fields.isEmpty ? "comments" : fields) by \(PersonMention.replacement)"))
            }
        }
        let others = erasure.edits.count - 1
        context.console.line(preview ? "nothing changed (--dry-run)"
                             : "erased \(subject.record.id); \(others) other \(others == 1 ? "record" : "records") scrubbed")
        return ExitStatus.success
    }

    /// `crm privacy stale [--older-than AGE]`: the people last in touch before the cut-off.
    static func stale(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let age = try invocation[olderThan] ?? "3y"
        let today = try context.today()
        guard let cutoff = StalePeople.cutoff(age, today: today) else {
            throw UsageError("--older-than takes a length such as 90d, 26w, 18m or 3y, not '\(age)'", command: spec)
        }
        let workspace = try context.workspace()
        let index = WorkspaceIndex(workspace: workspace)
        let stale = StalePeople(index: index, before: cutoff)
        let status = History.status(found: !stale.people.isEmpty, problems: index.problems)
        let objects = stale.people.map { person -> JSON in
            .object([("id", .string(person.record.id)), ("type", .string(person.record.type)),
                     ("name", .string(index.title(of: person.record))),
                     ("last-contact", person.lastContact.map { .string($0.description) } ?? .null),
                     ("never-contacted", .bool(person.neverContacted))])
        }
        if ScriptOutput.write(chosen, objects: objects, ids: stale.people.map(\.record.id), context: &context) { return status }
        guard !stale.people.isEmpty else {
            context.console.error("no one last in touch before \(cutoff)\n")
            return status
        }
        let rows = stale.people.map { person in
            [person.record.id, person.record.type, index.title(of: person.record),
             person.lastContact.map { $0.description + (person.neverContacted ? " (created)" : "") } ?? "never",
             person.record["owner"]?.string ?? index.record(person.record["customer"]?.string ?? "")?["owner"]?.string ?? ""]
        }
        context.console.write(TableRenderer(headers: ["id", "type", "name", "last contact", "owner"], rows: rows, optional: [4])
            .render(width: context.console.width, style: context.console.style))
        context.console.line("\(rows.count) \(rows.count == 1 ? "person" : "people") last in touch before \(cutoff)")
        context.console.line("keep them with a lawful basis, or erase them: crm privacy erase ID")
        return status
    }
}
