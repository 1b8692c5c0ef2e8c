import CRMLocale
import CRMQuery
import CRMSyntax
import CRMWorkspace
import CRMTerminal

/// The text form of `crm show`: a record's fields, and what refers to it. A customer gets
/// its whole picture: contacts, open complaints, unpaid invoices, follow-ups and latest calls.
struct RecordView {
    let index: WorkspaceIndex
    let today: CivilDate
    let style: Style
    let width: Int?
    /// How many of a customer's calls to show, newest first; all when `nil`.
    let calls: Int?
    /// True where the ids are what a line opens (`crm ui`): its tables keep them.
    var keepsIdentifiers = false
    private var text = ""

    init(index: WorkspaceIndex, today: CivilDate, style: Style, width: Int?, calls: Int? = CustomerPicture.latestCalls) {
        self.index = index
        self.today = today
        self.style = style
        self.width = width
        self.calls = calls
    }

    mutating func render(_ record: Record) -> String {
        text = ""
        let title = TerminalText.escaped(index.title(of: record))
        text += style.bold(title) + "\n"
        let identity = "\(record.type) \(TerminalText.escaped(record.id))"
        let place = TerminalText.escaped(record.path)
        let fits = width.map { TerminalText.width(identity + " · " + place) <= $0 } ?? true
        let lines = fits ? [identity + " · " + place] : TerminalText.wrapped(identity, to: width ?? Int.max) + TerminalText.wrapped(place, to: width ?? Int.max)
        text += lines.map(style.dim).joined(separator: "\n") + "\n\n"
        fields(of: record)
        let referrers = index.referrers(of: record)
        if record.type == "customer" {
            for part in CustomerPicture(index: index, today: today).sections(for: record, calls: calls) {
                section(part)
            }
        } else {
            for type in index.schema.types where referrers.contains(where: { $0.type == type.name }) {
                let records = referrers.filter { $0.type == type.name }
                section(Section(title: tr("referring-records", ["type": Translation.current.text("section_" + type.folder, default: type.name.capitalizedFirst)]),
                                                table: table(for: type, records: records, referred: record.type),
                                                count: records.count,
                                                summary: nil))
            }
        }
        return text
    }

    private mutating func fields(of record: Record) {
        let type = index.schema.type(named: record.type)
        let keyWidth = record.fields.map { TerminalText.width($0.key) }.max() ?? 0
        for field in record.fields {
            let label = TerminalText.padded(field.key, to: keyWidth)
            let definition = type?.field(field.key)
            let indent = String(repeating: " ", count: keyWidth + 4)
            var lines = valueLines(field.value, kind: definition?.kind)
            if let width, width > indent.count + 10, case .string = field.value {
                lines = lines.flatMap { TerminalText.wrapped($0, to: width - indent.count) }
            }
            text += "  " + style.dim(label) + "  " + (lines.first ?? "") + "\n"
            for line in lines.dropFirst() { text += indent + line + "\n" }
        }
    }

    private func valueLines(_ value: Value, kind: FieldKind?) -> [String] {
        switch value {
        case .string(let string):
            if kind?.referencedType != nil, !string.isEmpty { return [referenceText(string)] }
            let lines = TerminalText.escaped(string, keepLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false)
            var result = lines.map(String.init)
            while result.count > 1 && result.last == "" { result.removeLast() }
            return result
        case .list(let items):
            if kind?.referencedType != nil { return items.map(referenceText) }
            return [TerminalText.escaped(items.joined(separator: ", "))]
        case .map(let entries):
            let keyWidth = entries.map { TerminalText.width($0.key) }.max() ?? 0
            return entries.map { style.dim(TerminalText.padded($0.key, to: keyWidth)) + "  "
                + TerminalText.escaped(RecordPresentation.inline($0.value)) }
        }
    }

    /// `Škoda Transport a.s. (skoda-transport)`, or the id and a warning when it does not exist.
    private func referenceText(_ id: String) -> String {
        guard let target = index.record(id) else { return TerminalText.escaped(id) + " " + style.yellow("(" + tr("not-found") + ")") }
        return TerminalText.escaped(index.title(of: target)) + " " + style.dim("(\(id))")
    }

    /// The records as a table of their type's columns, leaving out references to `referred` (the
    /// record they are shown under), and aligning numbers and money right.
    func table(for type: RecordType, records: [Record], referred: String? = nil) -> TableRenderer {
        let paths = type.columns.compactMap { try? ColumnSpec($0, type: type, schema: index.schema, today: today) }
            .filter { referred == nil || $0.kind.referencedType != referred }
        let rows = zip(records, RecordPresentation.cells(paths, of: records, index: index)).map { [$0.id] + $1 }
        let numeric = Set(paths.indices.filter { paths[$0].kind == .number || paths[$0].kind == .money }.map { $0 + 1 })
        return TableRenderer(headers: ["id"] + paths.map(\.text), rows: rows, rightAligned: numeric)
    }

    private mutating func section(_ section: Section) {
        var section = section
        section.table.keepsIdentifiers = keepsIdentifiers
        text += "\n" + section.render(width: width, style: style)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
