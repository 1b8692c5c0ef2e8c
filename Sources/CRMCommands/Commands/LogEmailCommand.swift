import CRMInterchange
import CRMGit
import CRMMail
import CRMWorkspace
import Foundation
import CRMTerminal

/// `crm log-email [FILE|DIR...]`: e-mail from any mail client logged as calls, once each.
enum LogEmailCommand {
    static let customer = Option<String>(["--customer"], value: "id", help: "The customer, when the addresses do not tell (id or name).",
                                         completion: .ids)
    static let contact = Option<String>(["--contact"], value: "id", help: "The contact (id or name).", completion: .ids)
    static let outcome = Option<String>(["--outcome"], value: "text", help: "How it ended; declined:OFFER records an opt-out.")
    static let dryRun = Flag(["--dry-run"], help: "Say what would be logged; change nothing.")
    static let format = FormatOption([.text, .json, .jsonl, .ids])

    static let spec = CommandSpec(
        name: "log-email",
        abstract: "Log e-mail messages as calls",
        discussion: """
            Reads one message from standard input when no file is given (a mail client's pipe), or
            .eml files, mbox files and Maildir folders (cur/ and new/), told apart by their content.
            Each message becomes a call with channel email: outbound when it is from the team (an
            address in mail-domains of .crm/config.yaml, or your git user.email), else inbound; at
            from its Date in local time; its subject; a summary of its text without quoted replies,
            signature and footers; the names of its attachments; and its Message-ID.

            The customer is the one whose contact or customer e-mail is the other party's address,
            else whose e-mail or website domain is the address's (not for free-mail domains). A
            message that matches nothing is named on standard error and not logged: give it
            --customer. A message logged before (the same Message-ID) is skipped. A reply is linked
            to the call of the message it answers (in-reply-to). All calls are one commit.

            Exits with 1 when a message matched no customer, 2 when one could not be read or logged.

            Examples:
              crm log-email < message.eml
              crm log-email ~/Mail/zakaznici --dry-run
              crm log-email export.mbox --customer skoda-transport
            """,
        arguments: [ArgumentSpec("file", help: "Messages, mbox files or Maildir folders (default: standard input).", optional: true,
                                 repeating: true, completion: .files)],
        options: [customer.spec, contact.spec, outcome.spec, dryRun.spec, format.spec] + ChangeFlags.recordSpecs,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let chosen = try invocation.format(format)
        var locator = RecordLocator(workspace: workspace)
        let customerID = try invocation[customer].map { word throws(CommandError) in try locator.file(word, type: "customer").id }
        let contactID = try invocation[contact].map { word throws(CommandError) in try locator.file(word, type: "contact").id }
        let identity = UserIdentity(workspace: workspace, environment: context.environment)
        let settings = MailLog.Settings(teamDomains: workspace.config.mailDomains, userAddress: identity.email, userName: identity.name,
                                        customer: customerID, contact: contactID, outcome: try invocation[outcome],
                                        zone: context.environment["TZ"].flatMap { TimeZone(identifier: $0) } ?? .current)
        if let callType = workspace.schema.type(named: "call"), case let missing = MailLog.missingFields(of: callType), !missing.isEmpty {
            let error = MailLog.missingFieldsError(missing, type: callType)
            throw CommandError(error.message, hint: "add the fields above to \(callType.path)",
                               detail: missing.map(\.yaml).joined(separator: "\n") + "\n")
        }
        let input = try context.valueInput()
        var log = try ImportCommand.imported { () throws(ImportError) in try MailLog(workspace: workspace, input: input, settings: settings) }
        var unreadable = 0
        var items: [MailSource.Item] = []
        if invocation.arguments.isEmpty {
            items = MailSource.messages(in: try context.console.readAll(), path: "-")
        }
        for shown in invocation.arguments {
            let found = MailSource.messages(at: FileIO.absolute(shown, from: context.currentDirectory), shown: shown)
            items += found.items
            for (path, error) in found.errors {
                context.console.error("crm: cannot read \(TerminalText.escaped(path)): \(error.description)\n")
                unreadable += 1
            }
        }
        for (number, item) in items.enumerated() {
            if context.console.isErrorTerminal && items.count > 20 && number % 100 == 0 {
                context.console.error("\rreading \(number) of \(items.count) messages")
                context.console.flush()
            }
            do throws(ReadError) {
                log.add(try MailMessage(parsing: item.bytes, line: item.line), label: item.label)
            } catch {
                context.report(error.diagnostic(path: item.path, code: "mail", text: String(decoding: item.bytes.prefix(4096), as: UTF8.self)))
                log.reject(item.label, reason: error.message)
            }
        }
        if context.console.isErrorTerminal && items.count > 20 { context.console.error("\r\u{1B}[K") }
        log.finish()
        let isDryRun = invocation[dryRun]
        if !isDryRun && !log.files.isEmpty {
            var change = try ChangeFlags.open(workspace, invocation, context)
            for (path, bytes) in log.files { change.write(bytes, to: path) }
            var notes: [String] = []
            if let outcome = settings.outcome {
                for customer in Set(log.entries.filter { $0.status == .logged }.compactMap(\.customer)).sorted() {
                    if let note = try LogCallCommand.optOut(outcome, customer: customer, locator: &locator, change: &change) { notes.append(note) }
                }
            }
            let count = log.entries.filter { $0.status == .logged }.count
            try ChangeFlags.apply(&change, message: "crm: log-email \(count) \(count == 1 ? "message" : "messages")"
                                  + (invocation.arguments.count == 1 ? " from \(StagedFiles.name(of: invocation.arguments[0]))" : ""),
                                  context: &context)
            for note in notes { context.console.error(TerminalText.escaped(note) + "\n") }
        }
        report(log.entries, format: chosen, dryRun: isDryRun, &context)
        let problems = unreadable + log.entries.filter { if case .rejected = $0.status { return true } else { return false } }.count
        let unmatched = log.entries.filter { if case .unmatched = $0.status { return true } else { return false } }.count
        return problems > 0 ? ExitStatus.failed : unmatched > 0 ? ExitStatus.nothingFound : ExitStatus.success
    }
}
