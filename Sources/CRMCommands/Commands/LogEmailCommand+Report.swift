import CRMInterchange
import CRMMail
import CRMTerminal

extension LogEmailCommand {
    /// One line per message for people (unmatched and rejected ones on standard error) and a
    /// summary, or the entries for scripts.
    static func report(_ entries: [MailLog.Entry], format: OutputFormat, dryRun: Bool, _ context: inout CommandContext) {
        if ScriptOutput.write(format, objects: entries.map(json), ids: entries.filter { $0.status == .logged }.compactMap(\.id),
                              context: &context) { return }
        for entry in entries {
            let label = TerminalText.escaped(entry.label)
            switch entry.status {
            case .logged:
                let party = [entry.customer, entry.contact].compactMap { $0 }.joined(separator: ", ")
                context.console.line("\(label): " + (dryRun ? "would log" : "logged") + " \(entry.id ?? "")"
                                     + " (\(party))" + (entry.inReplyTo.map { ", a reply to \($0)" } ?? ""))
            case .alreadyLogged(let id):
                context.console.line("\(label): already logged as \(id)")
            case .unmatched(let addresses):
                context.console.error("\(label): no customer has "
                                      + (addresses.isEmpty ? "its addresses" : TerminalText.escaped(addresses.joined(separator: ", ")))
                                      + "; say which with --customer\n")
            case .rejected(let reason):
                context.console.error("\(label): not logged: \(TerminalText.escaped(reason))\n")
            }
            for note in entry.notes { context.console.error("\(label): \(TerminalText.escaped(note))\n") }
        }
        func count(_ test: (MailLog.Status) -> Bool) -> Int { entries.filter { test($0.status) }.count }
        let logged = count { $0 == .logged }
        let already = count { if case .alreadyLogged = $0 { return true } else { return false } }
        let unmatched = count { if case .unmatched = $0 { return true } else { return false } }
        let rejected = count { if case .rejected = $0 { return true } else { return false } }
        context.console.line((dryRun ? "would log " : "logged ") + "\(logged), already logged \(already), unmatched \(unmatched)"
                             + (rejected > 0 ? ", not logged \(rejected)" : ""))
    }

    static func json(_ entry: MailLog.Entry) -> JSON {
        var members: [(key: String, value: JSON)] = [("source", .string(entry.label))]
        switch entry.status {
        case .logged: members.append(("status", .string("logged")))
        case .alreadyLogged: members.append(("status", .string("already-logged")))
        case .unmatched(let addresses):
            members.append(("status", .string("unmatched")))
            members.append(("addresses", .array(addresses.map(JSON.string))))
        case .rejected(let reason):
            members.append(("status", .string("rejected")))
            members.append(("reason", .string(reason)))
        }
        members.append(("id", entry.id.map(JSON.string) ?? .null))
        members.append(("customer", entry.customer.map(JSON.string) ?? .null))
        members.append(("contact", entry.contact.map(JSON.string) ?? .null))
        members.append(("subject", .string(entry.subject)))
        members.append(("message-id", .string(entry.messageID)))
        members.append(("in-reply-to", entry.inReplyTo.map(JSON.string) ?? .null))
        members.append(("notes", .array(entry.notes.map(JSON.string))))
        return .object(members)
    }
}
