import CRMGit
import CRMInterchange
import CRMPrivacy
import CRMSyntax
import CRMWorkspace

/// `crm privacy export|erase|stale`: what the workspace holds about a person, erasing it, and
/// the people nobody has been in touch with for long (docs/privacy.md).
enum PrivacyCommand {
    static let actions = ["export", "erase", "purge", "stale"]
    /// For people a report (export), what changes (erase) or a table (stale); for scripts the same as JSON, CSV or ids.
    static let format = FormatOption([.text, .json, .jsonl, .csv, .ids])
    static let dryRun = Flag(["--dry-run"], help: "erase: say what would change; change nothing.")
    static let yes = Flag(["--yes"], help: "purge: rewrite the history (else only tell).")
    static let push = Flag(["--push"], help: "purge: push the new branches (--force-with-lease).")
    static let olderThan = Option<String>(["--older-than"], value: "age",
                                          help: "stale: how long: 90d, 26w, 18m, 3y. (default: 3y)")

    static let spec = CommandSpec(
        name: "privacy",
        abstract: "Export or erase what crm holds about a person",
        discussion: """
            export ID: the person's record, every record that refers to them or names them
            (by name, e-mail or phone) and the history of their personal fields from git,
            as a report or --format json, for a subject access request.
            erase ID: removes the person's personal fields (the record keeps its id, kind,
            references and `erased: DATE`, so references stay valid) and replaces each
            mention of them in other records (calls, complaints, notes; comments too) by
            [erased]. One commit. --dry-run says what would change. Old commits still hold
            the data; see docs/privacy.md.
            purge ID: after erase, rewrites every commit of every branch and tag so that
            no commit, tree or blob holds the erased values, prunes the old objects and
            commits a record of the rewrite in .crm/purges/; --push pushes the rewritten
            branches (--force-with-lease). Without --yes it only says what it would
            rewrite and what teammates must do.
            stale: people not in touch for --older-than (3y), oldest first, for review.

            Fields are personal where their type says `personal: true`; a customer is a
            person when its kind is person.

            Examples:
              crm privacy export jana-novakova --format json > jana-novakova.json
              crm privacy erase jana-novakova --dry-run
              crm privacy purge jana-novakova --yes --push
              crm privacy stale --older-than 2y
            """,
        arguments: [
            ArgumentSpec("action", help: "export, erase, purge or stale.", completion: .choices(actions)),
            ArgumentSpec("id", help: "The person (a contact, or a customer of kind person).", optional: true, completion: .ids),
        ],
        options: [format.option.spec, dryRun.spec, yes.spec, push.spec, olderThan.spec] + ChangeFlags.specs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let action = invocation.arguments[0]
        guard actions.contains(action) else {
            throw UsageError("unknown action '\(action)'" + (Suggestions.closest(to: action, in: actions).map { "; did you mean '\($0)'?" } ?? ""),
                             command: spec)
        }
        let id = invocation.arguments.dropFirst().first
        if action == "stale" {
            if let id { throw UsageError("crm privacy stale takes no record (got '\(id)')", command: spec) }
            return try stale(invocation, &context)
        }
        guard let id else { throw UsageError("crm privacy \(action) needs the person's id", command: spec) }
        let workspace = try context.workspace()
        let index = WorkspaceIndex(workspace: workspace)
        let record = try RecordLocator.record(id, in: index, problems: index.problems)
        let subject = try privacy { () throws(PrivacyError) in try PrivacySubject(record, schema: workspace.schema) }
        switch action {
        case "export": return try export(subject, index: index, invocation, &context)
        case "erase": return try erase(subject, index: index, workspace: workspace, invocation, &context)
        default: return try purge(subject, workspace: workspace, invocation, &context)
        }
    }

    /// Runs `body`, its `PrivacyError` reported as crm reports errors.
    static func privacy<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PrivacyError {
            throw CommandError(error.message, hint: error.hint)
        }
    }

    private static func export(_ subject: PrivacySubject, index: WorkspaceIndex, _ invocation: Invocation,
                               _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let git = try? History.git(context.workspace())
        let access = try History.run { () throws(GitError) in try SubjectAccess(subject, index: index, git: git) }
        if ScriptOutput.write(chosen, objects: [json(access)], document: json(access),
                              ids: [subject.record.id] + access.referring.map(\.id) + access.mentions.map(\.record.id), context: &context) {
            return ExitStatus.success
        }
        context.console.write(PrivacyReport.text(access, index: index, width: context.console.width, style: context.console.style))
        return ExitStatus.success
    }

    private static func json(_ access: SubjectAccess) -> JSON {
        .object([
            ("person", RecordJSON.object(access.subject.record)),
            ("personal-fields", .array(access.subject.personalFields.map { .string($0.key) })),
            ("referring", .array(access.referring.map { RecordJSON.object($0) })),
            ("mentioned-in", .array(access.mentions.map { mention in
                .object([("record", RecordJSON.object(mention.record)), ("fields", .array(mention.fields.map(JSON.string)))])
            })),
            ("history", .array(access.history.map { change in
                .object(History.json(change.commit) + [(key: "fields", value: .array(change.fields.map(History.json)))])
            })),
        ])
    }
}
