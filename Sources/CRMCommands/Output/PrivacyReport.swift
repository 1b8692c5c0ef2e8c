import CRMPrivacy
import CRMWorkspace
import CRMTerminal

/// `crm privacy export ID` for people: the person's data, the records that refer to or name
/// them, and the history of their personal fields, in sections fitted to the terminal.
enum PrivacyReport {
    static func text(_ access: SubjectAccess, index: WorkspaceIndex, width: Int?, style: Style) -> String {
        let person = access.subject.record
        var text = style.bold(TerminalText.escaped("\(index.title(of: person)) (\(person.type) \(person.id), \(person.path))")) + "\n\n"
        let shown = Set(PersonalFields.of(access.subject.type).map(\.key) + [PersonalFields.lawfulBasis, PersonalFields.consent,
                                                                                PersonalFields.erased])
        let fields = person.fields.filter { shown.contains($0.key) && !$0.value.isEmpty }
        text += Section(title: "Personal data", table: TableRenderer(
            headers: ["field", "value"], rows: fields.map { [$0.key, RecordPresentation.inline($0.value)] }), count: fields.count)
            .render(width: width, style: style) + "\n"
        text += Section(title: "Records referring to them", table: TableRenderer(
            headers: ["id", "type", "title"], rows: access.referring.map { [$0.id, $0.type, index.title(of: $0)] }),
                        count: access.referring.count).render(width: width, style: style) + "\n"
        text += Section(title: "Records naming them", table: TableRenderer(
            headers: ["id", "type", "fields"], rows: access.mentions.map { [$0.record.id, $0.record.type, $0.fields.joined(separator: ", ")] }),
                        count: access.mentions.count).render(width: width, style: style) + "\n"
        let rows = access.history.flatMap { change in
            change.fields.map { [History.date(change.commit.author), change.commit.author.name, change.commit.shortID, $0.description] }
        }
        text += Section(title: "Changes to their personal data", table: TableRenderer(
            headers: ["date", "author", "commit", "change"], rows: rows), count: access.history.count)
            .render(width: width, style: style)
        return text
    }
}
