import CRMGit
import CRMInterchange
import CRMQuery
import CRMSyntax
import CRMWorkflow
import CRMWorkspace

/// `crm show ID`: one record; for a customer, the whole picture.
enum ShowCommand {
    static let format = FormatOption.record
    static let calls = Option<Limit>.limit(["--calls"], help: "How many of a customer's calls to show, newest first, or all. (default: 10)")

    static let spec = CommandSpec(
        name: "show",
        abstract: "Show one record",
        discussion: """
            For a customer, shows the whole picture: its fields, contacts, open complaints with their
            age, unpaid and overdue invoices, follow-ups still due, and the latest calls, newest first.
            For other records, their fields with referenced records named by their title, and the
            records that refer to them. --format json adds all of that under "related", each record
            in the usual JSON form. --format yaml prints the file as it is. Exits with 1 when there
            is no such record.
            """,
        arguments: [ArgumentSpec("id", help: "The record's id (its file name without .yaml), its name, or a unique start of its id.",
                                 completion: .ids)],
        options: [format.spec, calls.spec, History.at.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let workspace = try context.workspace()
        let id = invocation.arguments[0]
        let revision = try invocation[History.at]
        let index = try History.index(workspace, at: revision)
        let record = try RecordLocator.record(id, in: index, status: ExitStatus.nothingFound)
        let shownCalls = (try invocation[calls] ?? .first(CustomerPicture.latestCalls)).count
        switch chosen {
        case .json, .jsonl:
            let object = withRelated(record, index: index, today: try context.today(), calls: shownCalls)
            context.console.line(chosen == .json ? object.pretty : object.compact)
        case .yaml:
            context.console.write(try yaml(record, workspace: workspace, at: revision))
        default:
            var view = RecordView(index: index, today: try context.today(), style: context.console.style,
                                  width: context.console.width, calls: shownCalls)
            context.console.write(view.render(record))
        }
        return ExitStatus.success
    }

    /// The record in its JSON form with what the text shows beside it under `related`: for a
    /// customer its contacts, open complaints, unpaid invoices and what they come to, follow-ups,
    /// its newest `calls` calls (all when `nil`) and the other records referring to it by folder;
    /// for another record, the records referring to it by folder.
    static func withRelated(_ record: Record, index: WorkspaceIndex, today: CivilDate, calls: Int?) -> JSON {
        func list(_ records: [Record]) -> JSON { .array(records.map { RecordJSON.object($0) }) }
        var related: [(key: String, value: JSON)] = []
        if record.type == "customer" {
            let overview = CustomerOverview(customer: record, index: index, today: today)
            related = [
                (key: "contacts", value: list(overview.contacts)),
                (key: "open-complaints", value: list(overview.openComplaints)),
                (key: "unpaid-invoices", value: list(overview.unpaidInvoices)),
                (key: "owed", value: .array(overview.owed.map { .object([(key: "currency", value: .string($0.currency)),
                                                                      (key: "amount", value: .number($0.amount))]) })),
                (key: "follow-ups", value: list(overview.followUps)),
                (key: "calls", value: list(Array(overview.calls.prefix(calls ?? overview.calls.count)))),
                (key: "calls-total", value: .integer(overview.calls.count)),
            ] + overview.others.map { (key: $0.type.folder, value: list($0.records)) }
        } else {
            let referrers = index.referrers(of: record)
            related = index.schema.types.compactMap { type in
                let records = referrers.filter { $0.type == type.name }
                return records.isEmpty ? nil : (key: type.folder, value: list(records))
            }
        }
        guard case .object(let members) = RecordJSON.object(record) else { return RecordJSON.object(record) }
        return .object(members + [(key: "related", value: .object(related))])
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
