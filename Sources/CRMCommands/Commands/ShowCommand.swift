import CRMGit
import CRMInterchange
import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm show ID`: one record; for a customer, the whole picture.
enum ShowCommand {
    static let format = FormatOption.record

    static let spec = CommandSpec(
        name: "show",
        abstract: "Show one record",
        discussion: """
            For a customer, shows the whole picture: its fields, contacts, open complaints with their
            age, unpaid and overdue invoices, follow-ups still due, and the latest calls, newest first.
            For other records, their fields with referenced records named by their title, and the
            records that refer to them. --format yaml prints the file as it is. Exits with 1 when there
            is no such record.
            """,
        arguments: [ArgumentSpec("id", help: "The record's id (its file name without .yaml), its name, or a unique start of its id.",
                                 completion: .ids)],
        options: [format.spec, History.at.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let workspace = try context.workspace()
        let id = invocation.arguments[0]
        let revision = try invocation[History.at]
        let index = try History.index(workspace, at: revision)
        let record = try RecordLocator.record(id, in: index, status: ExitStatus.nothingFound)
        switch chosen {
        case .json:
            context.console.line(RecordJSON.object(record).pretty)
        case .jsonl:
            context.console.line(RecordJSON.object(record).compact)
        case .yaml:
            context.console.write(try yaml(record, workspace: workspace, at: revision))
        default:
            var view = RecordView(index: index, today: try context.today(), style: context.console.style,
                                  width: context.console.width)
            context.console.write(view.render(record))
        }
        return ExitStatus.success
    }

    /// The record's file as it is, or as it was at `revision`.
    private static func yaml(_ record: Record, workspace: Workspace, at revision: String?) throws(CommandError) -> String {
        guard let revision else {
            do {
                return String(decoding: try RecordFile.read(record.path, root: workspace.root), as: UTF8.self)
            } catch {
                throw CommandError(diagnostic: RecordFile.unreadable(record.path, error))
            }
        }
        let git = try History.git(workspace)
        let bytes = try History.run { () throws(GitError) in
            try git.repository.file(git.repositoryPath(record.path), at: try git.commit(at: revision).id)
        }
        return String(decoding: bytes ?? [], as: UTF8.self)
    }
}
