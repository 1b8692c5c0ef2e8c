import CRMQuery
import CRMSyntax
import CRMWorkspace

/// `crm show ID`: one record; for a customer, the whole picture.
enum ShowCommand {
    static let formats = ["text", "json", "yaml"]

    static let spec = CommandSpec(
        name: "show",
        abstract: "Show one record",
        discussion: """
            For a customer, shows the whole picture: its fields, contacts, open complaints with their
            age, unpaid and overdue invoices, follow-ups still due, and the latest calls, newest first.
            For other records, their fields with referenced records named by their title, and the
            records that refer to them. --format yaml prints the file as it is.
            """,
        arguments: [ArgumentSpec("id", help: "The record's id (its file name without .yaml).", completion: .ids)],
        options: [
            OptionSpec(["--format"], value: "format", help: "text, json or yaml. (default: text)",
                       completion: .choices(formats)),
        ],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let format = try invocation.choice("format", formats, default: "text")
        let workspace = try context.workspace()
        let id = invocation.arguments[0]
        let index = WorkspaceIndex(workspace: workspace)
        guard let record = index.record(id) else {
            let close = index.closestIDs(to: id)
            let hint = close.isEmpty
                ? "`crm search WORDS` finds records by their content"
                : "did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?"
            throw CommandError("no record '\(id)'", hint: hint)
        }
        switch format {
        case "json":
            context.console.line(RecordPresentation.json(record).pretty)
        case "yaml":
            let bytes: [UInt8]
            do {
                bytes = try FileIO.read(workspace.absolute(record.path))
            } catch {
                throw CommandError(error.description)
            }
            context.console.write(String(decoding: bytes, as: UTF8.self))
        default:
            var view = RecordView(index: index, today: try context.today(), style: context.console.style,
                                  width: context.console.width)
            context.console.write(view.render(record))
        }
        return 0
    }
}
