import CRMInterchange
import CRMMerge
import CRMSyntax
import CRMWorkspace

/// `crm duplicates [TYPE]`: likely duplicate customers and contacts, with the evidence.
enum DuplicatesCommand {
    static let threshold = Option<Double>(OptionSpec(["--threshold"], value: "score", help: "The lowest score reported, from 0 to 1. (default: 0.6)")) {
        text, command throws(UsageError) in
        guard let value = Double(text), (0...1).contains(value) else {
            throw UsageError("--threshold takes a score from 0 to 1, not '\(text)'", command: command)
        }
        return value
    }
    static let format = FormatOption.rows

    static let spec = CommandSpec(
        name: "duplicates",
        abstract: "Find records that are likely the same customer or person",
        discussion: """
            Compares customers and contacts (or the records of TYPE) by registration number, e-mail,
            phone (601 111 222 and +420 601 111 222 alike) and name (without case, diacritics, legal
            suffixes such as s.r.o., a.s., GmbH or Ltd., and word order), and lists each likely pair
            with a score from 0 to 1 and the evidence. Merge a pair with `crm merge KEEP DROP`.
            Exits with 1 when it finds none.

            Examples:
              crm duplicates
              crm duplicates contact --threshold 0.8
            """,
        arguments: [ArgumentSpec("type", help: "Only records of this type.", optional: true, completion: .types)],
        options: [threshold.spec, format.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let chosen = try invocation.format(format)
        let threshold = try invocation[self.threshold] ?? 0.6
        let workspace = try context.workspace()
        let types = try invocation.arguments.first.map { [try RecordPresentation.type(named: $0, in: workspace.schema)] }
            ?? workspace.schema.types.filter { ["customer", "contact"].contains($0.name) }
        let index = WorkspaceIndex(workspace: workspace, types: types)
        var pairs: [(type: String, pair: DuplicateFinder.Pair)] = []
        for type in types {
            let candidates = index.records(ofType: type.name).map { DuplicateFinder.Candidate(record: $0, type: type) }
            pairs += DuplicateFinder(threshold: threshold).pairs(in: candidates).map { (type.name, $0) }
        }
        let objects = pairs.map { item in
            JSON.object([(key: "type", value: .string(item.type)), (key: "first", value: .string(item.pair.first)),
                         (key: "second", value: .string(item.pair.second)), (key: "score", value: .number(item.pair.score)),
                         (key: "evidence", value: .array(item.pair.evidence.map(JSON.string)))])
        }
        let status = History.status(found: !pairs.isEmpty, problems: index.problems)
        if ScriptOutput.write(chosen, objects: objects, ids: pairs.map(\.pair.second), context: &context) { return status }
        if !pairs.isEmpty {
            let rows = pairs.map { item in
                [twoPlaces(item.pair.score), item.type, item.pair.first, item.pair.second, item.pair.evidence.joined(separator: "; ")]
            }
            context.console.write(TableRenderer(headers: ["score", "type", "record", "likely the same as", "evidence"], rows: rows)
                .render(width: context.console.width, style: context.console.style))
        } else {
            context.console.error("no likely duplicates" + (threshold == 0.6 ? "" : " scoring \(threshold) or more") + "\n")
        }
        return status
    }

    /// `0.75`, `1.00`.
    private static func twoPlaces(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
    }
}
