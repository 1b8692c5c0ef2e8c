import CRMLocale
import CRMTerminal

/// `crm ui`: the workspace in a full-screen terminal interface.
enum UICommand {
    static let spec = CommandSpec(
        name: "ui",
        abstract: "Browse and change the workspace in a full-screen terminal interface",
        discussion: """
            Starts on the customers. / searches as you type (case and diacritics ignored, as crm search);
            Enter opens the selected customer's whole picture (as crm show) and, from there, its contacts,
            calls, complaints, invoices and deals; a opens the agenda, c the open complaints by urgency,
            r the reports. Escape goes back; q goes back, and quits from the first page; ? lists the keys.
            Arrows, PgUp/PgDn, Home/End and j/k/g/G move.

            e edits the selected record in $VISUAL or $EDITOR (as crm edit), l logs a call with the
            selected customer (as crm log-call), s sets a field (an enum offers its values, a complaint
            only the moves its workflow allows; as crm set), d marks a follow-up done (as crm done).
            Each change is checked and committed like the command's.

            The screen follows the files: what a sync or another window changes shows within a second.
            Colors only on a terminal that has them and with NO_COLOR unset; the language follows
            LC_ALL, LC_MESSAGES and LANG.
            """,
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let terminal: Terminal
        do {
            terminal = try Terminal(environment: context.environment)
        } catch {
            let reason: String
            if case .notATerminal = error { reason = tr("ui-not-a-terminal") } else { reason = error.description }
            throw CommandError(tr("err-ui-terminal", ["reason": reason]), hint: tr("hint-ui-terminal"), status: ExitStatus.failed)
        }
        var app = try UIApp(context: context, terminal: terminal)
        return try app.run()
    }
}
