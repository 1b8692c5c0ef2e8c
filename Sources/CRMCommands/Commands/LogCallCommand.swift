import CRMGit
import CRMChange
import CRMLocale
import CRMSyntax
import CRMWorkflow
import CRMWorkspace
import CRMTerminal

/// `crm log-call CUSTOMER`: records a call (or any contact) while still on the phone.
enum LogCallCommand {
    static let contact = Option<String>(["--contact"], value: "id", help: "The contact spoken to (id or name); a contact of the customer.",
                                        completion: .contacts)
    static let by = Option<String>(["--by"], value: "name", help: "Who made or took it. (default: you)")
    /// Each call field that has an option of its own, with the option.
    static let fields: [(field: String, option: Option<String>)] = [
        ("contact", contact),
        ("channel", Option(["--channel"], value: "channel", help: "phone, email, meeting, ... (default: the schema's)")),
        ("direction", Option(["--direction"], value: "direction", help: "inbound or outbound.")),
        ("subject", Option(["--subject"], value: "text", help: "What it was about.")),
        ("summary", Option(["--summary"], value: "text", help: "What was said.")),
        ("outcome", Option(["--outcome"], value: "text", help: "How it ended; declined:OFFER records an opt-out.")),
        ("follow-up", Option(["--follow-up"], value: "date", help: "When to get back to the customer (+7d, tomorrow, 2026-12-01).")),
        ("duration", Option(["--duration"], value: "minutes", help: "How long it took.")),
        ("at", Option(["--at"], value: "datetime", help: "When it happened. (default: now)")),
        ("by", by),
    ]

    static let spec = CommandSpec(
        name: "log-call",
        abstract: "Record a call with a customer",
        discussion: """
            Creates a call for CUSTOMER with at set to now and by set to you ($CRM_USER, else git config
            crm.user, else your git e-mail's name), and prints its id. The call does the follow-ups
            promised on the customer's earlier calls: they get follow-up-done, in the same commit.

            An outcome of declined:OFFER also adds OFFER to the customer's opt-outs, in the same commit,
            so the next campaign leaves them out.

            Examples:
              crm log-call skoda-transport --subject 'Price list for 2027' --follow-up +7d
              crm log-call skoda-transport --contact jana-dvorakova --channel email --outcome declined:newsletter
            """,
        arguments: [ArgumentSpec("customer", help: "The customer's id or name.", completion: .ids)],
        options: fields.map(\.option.spec) + [NewCommand.edit.spec] + ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        var given: [(field: String, value: String)] = []
        for (field, option) in fields {
            if let value = try invocation[option] { given.append((field, value)) }
        }
        return try log(invocation.arguments[0], given, editing: invocation[NewCommand.edit],
                       options: ChangeFlags.options(invocation, context), context: &context)
    }

    /// Logs a call with the customer `word` (id or name) with the call fields `given` (`contact`
    /// by id or name), committed with `options`; prints the call's id.
    static func log(_ word: String, _ given: [(field: String, value: String)], editing: Bool, options: ChangeOptions,
                    context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        guard let callType = workspace.schema.type(named: "call") else {
            throw CommandError.noType("call")
        }
        var locator = RecordLocator(workspace: workspace)
        let customer = try locator.file(word, type: "customer").id
        var values = [(field: "customer", value: customer)] + given.filter { $0.field != "contact" }
        if let word = given.first(where: { $0.field == "contact" })?.value {
            let id = try contactID(word, of: customer, locator: &locator)
            let owner = try locator.document(id).document["customer"]?.string ?? ""
            guard owner.isEmpty || owner == customer else {
                throw CommandError(tr("err-other-contact", ["id": id, "owner": owner, "customer": customer]),
                                   hint: tr("hint-its-contacts", ["customer": customer]))
            }
            values.append(("contact", id))
        }
        if !given.contains(where: { $0.field == "by" }), callType.field("by") != nil,
           let me = UserIdentity(workspace: workspace, environment: context.environment).name {
            values.append(("by", me))
        }
        guard let draft = try NewCommand.prepare(type: callType, assignments: [], extra: values, editing: editing,
                                                 locator: &locator, context: &context) else { return ExitStatus.failed }
        var change = try ChangeFlags.open(workspace, options)
        var notes: [String] = []
        if let outcome = draft.document["outcome"]?.string, let target = draft.document["customer"]?.string,
           let note = try optOut(outcome, customer: target, locator: &locator, change: &change) {
            notes.append(note)
        }
        for (id, date) in try answeredFollowUps(by: draft, in: workspace, callType: callType) {
            let (file, original) = try locator.document(id)
            var document = original
            let position = callType.position(forNewField: "follow-up-done", in: document)
            try RecordEdit.apply { () throws(RecordEditError) in try document.set("follow-up-done", to: .string(date), at: position) }
            change.write(document.bytes, to: file.path)
            notes.append("\(id): + follow-up-done: \(date)")
        }
        try NewCommand.write(draft, to: &change)
        try ChangeFlags.apply(&change, message: "crm: log-call \(customer) \(draft.id)", context: &context)
        context.console.line(draft.id)
        for note in notes { context.console.error(TerminalText.escaped(note) + "\n") }
        return ExitStatus.success
    }

    /// For an outcome of `declined:OFFER`: OFFER added to the customer's opt-outs in `change`;
    /// returns what changed, for people.
    static func optOut(_ outcome: String, customer: String, locator: inout RecordLocator,
                       change: inout WorkspaceChange) throws -> String? {
        guard let offer = Campaign.declinedOffer(in: outcome) else { return nil }
        let (file, original) = try locator.document(customer)
        guard let type = locator.workspace.schema.type(named: file.type) else { throw CommandError.unreadableType(of: file.path) }
        var document = original
        try SetCommand.addOptOut(offer, to: &document, type: type)
        guard document.bytes != original.bytes else { return nil }
        change.write(document.bytes, to: file.path)
        return "\(customer): + opt-outs: \(offer)"
    }

    /// The contact `word` names: its id, else a name that the customer's contacts (or, failing
    /// those, all contacts) have just once.
    private static func contactID(_ word: String, of customer: String, locator: inout RecordLocator) throws(CommandError) -> String {
        if locator.type(of: word) == "contact" { return word }
        let index = WorkspaceIndex(workspace: locator.workspace)
        let own = index.referrers(of: index.record(customer) ?? Record(id: customer, type: "customer", path: "", fields: []))
            .filter { $0.type == "contact" }
        if case .found(let record) = RecordNaming.find(word, in: WorkspaceIndex(schema: index.schema, records: own), type: "contact") {
            return record.id
        }
        return try RecordLocator.record(word, in: index, type: "contact").id
    }

    /// The customer's earlier calls whose follow-up is still open, which the new call does, with
    /// the day it does them.
    private static func answeredFollowUps(by draft: NewCommand.Draft, in workspace: Workspace,
                                          callType: RecordType) throws(CommandError) -> [(String, String)] {
        guard callType.field("follow-up-done") != nil, let customer = draft.document["customer"]?.string,
              let at = draft.document["at"]?.string.flatMap(CivilDateTime.init) else { return [] }
        let index = WorkspaceIndex(workspace: workspace, types: [callType])
        return index.records(ofType: callType.name).compactMap { call in
            guard call["customer"]?.string == customer, !(call["follow-up"]?.isEmpty ?? true), call["follow-up-done"]?.isEmpty ?? true,
                  let earlier = call["at"]?.string.flatMap(CivilDateTime.init), earlier < at else { return nil }
            return (call.id, at.date.description)
        }
    }
}
