import CRMAccounting
import CRMChange
import CRMInterchange
import CRMWorkspace
import CRMTerminal

extension ImportCommand {
    /// `crm import isdoc|bank FILE...`: invoices from the accounting program, payments from the bank.
    static func accounting(_ format: Format, _ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        let input = try context.valueInput()
        var importer = try imported { () throws(ImportError) in try RecordImport(workspace: workspace, input: input) }
        let invoiceType = try imported { () throws(ImportError) in try InvoiceImport.invoiceType(in: workspace.schema) }
        var sources: [(shown: String, path: String)] = []
        for shown in invocation.arguments.dropFirst() {
            let path = FileIO.absolute(shown, from: context.currentDirectory)
            if format == .isdoc && FileIO.isDirectory(path) {
                for name in (DirectoryWalker.names(in: path) ?? []).sorted() where name.lowercased().hasSuffix(".isdoc") || name.lowercased().hasSuffix(".isdocx") {
                    sources.append((shown + "/" + name, path + "/" + name))
                }
            } else {
                sources.append((shown, path))
            }
        }
        var problems = 0
        var attention = 0
        // Only statements pay invoices: the index of symbols and applied references is built for them alone.
        var payments = format == .bank ? PaymentImport(importer: importer, type: invoiceType) : nil
        for source in sources {
            let bytes: [UInt8]
            do {
                bytes = try AccountingFiles.read(source.path, environment: context.environment)
            } catch {
                context.console.error("crm: cannot read \(TerminalText.escaped(source.shown)): \(error.description)\n")
                problems += 1
                continue
            }
            do throws(ReadError) {
                if format == .isdoc {
                    let invoice = try ISDOCInvoice(parsing: bytes)
                    switch InvoiceImport.add(invoice, label: source.shown, source: StagedFiles.name(of: source.shown), type: invoiceType,
                                             createCustomers: invocation[createCustomers], into: &importer) {
                    case .planned: break
                    case .unknownCustomer(let party):
                        context.console.error("\(TerminalText.escaped(source.shown)): invoice \(TerminalText.escaped(invoice.number)): "
                                              + "no customer is \(TerminalText.escaped(party)); --create-customers creates it\n")
                        attention += 1
                    case .rejected(let reason):
                        context.console.error("\(TerminalText.escaped(source.shown)): rejected: \(TerminalText.escaped(reason))\n")
                        problems += 1
                    }
                } else {
                    for statement in try AccountingFiles.statements(bytes) {
                        for transaction in statement.transactions {
                            payments?.apply(transaction, label: "\(source.shown):\(transaction.line)", into: &importer)
                        }
                    }
                }
            } catch {
                context.report(error.diagnostic(path: source.shown, code: format.rawValue, text: String(decoding: bytes, as: UTF8.self)))
                problems += 1
            }
        }
        importer.validate()
        let isDryRun = invocation[dryRun]
        let created = importer.outcomes.filter { $0.kind == .created }.count
        let updated = importer.outcomes.filter { if case .updated = $0.kind { return true } else { return false } }.count
        let rejected = Set(importer.outcomes.compactMap { outcome -> String? in
            if case .rejected = outcome.kind { return outcome.label } else { return nil }
        })
        problems += rejected.count
        let name = invocation.arguments.count == 2 ? StagedFiles.name(of: invocation.arguments[1]) : "\(sources.count) files"
        let message: String
        if format == .isdoc {
            report(importer.outcomes, dryRun: isDryRun, &context)
            message = "crm: import isdoc \(name) (\(created) new, \(updated) updated)"
            context.console.line((isDryRun ? "would create " : "created ") + "\(created), " + (isDryRun ? "update " : "updated ")
                                 + "\(updated), left \(importer.outcomes.count - created - updated - rejected.count) unchanged"
                                 + ", rejected \(rejected.count), customer not found \(attention)")
        } else {
            let counts = BankReport.write(payments?.entries ?? [], rejected: rejected, dryRun: isDryRun, &context)
            attention += counts.unmatched + counts.overpaid
            message = "crm: import bank \(name) (\(counts.paid) paid, \(counts.partly) partly paid)"
        }
        if !isDryRun && !importer.files.isEmpty {
            var change = try ChangeFlags.open(workspace, invocation, context)
            for (file, bytes) in importer.files { change.write(bytes, to: file) }
            try ChangeFlags.apply(&change, message: message, context: &context)
        }
        return problems > 0 ? ExitStatus.failed : attention > 0 ? ExitStatus.nothingFound : ExitStatus.success
    }
}
