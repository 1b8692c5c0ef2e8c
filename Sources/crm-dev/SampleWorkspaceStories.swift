import CRMSyntax
import CRMWorkspace

/// Checks what the schema cannot: the conventions of the generated data (valid IČO,
/// calls on weekdays in business hours, complaint due dates, coverage of every enum value)
/// and the four demo stories; returns the lines that name the records behind the stories.
struct SampleStories {
    let generator: SampleGenerator
    private var today: CivilDate { generator.today }

    init(_ generator: SampleGenerator) {
        self.generator = generator
    }

    func check() throws -> [String] {
        var problems: [String] = []
        func require(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { problems.append(message()) }
        }
        let team = SampleGenerator.team
        let customers = generator.customers, calls = generator.calls, complaints = generator.complaints
        let invoices = generator.invoices, deals = generator.deals, contacts = generator.contacts

        require(customers.count >= 27, "only \(customers.count) customers")
        require(contacts.count >= 40, "only \(contacts.count) contacts")
        require(calls.count >= 150, "only \(calls.count) calls")
        require(complaints.count >= 25, "only \(complaints.count) complaints")
        for customer in customers where customer.handText == nil {
            let regNo = customer.fields["reg-no"]?.string
            if let regNo { require(SampleGenerator.isValidICO(regNo), "\(customer.id): invalid IČO \(regNo)") }
            if customer.kind == "company" {
                require(regNo != nil && customer.fields["vat-id"]?.string == "CZ" + regNo!, "\(customer.id): vat-id is not CZ + IČO")
            }
            require(team.contains(customer.owner), "\(customer.id): owner \(customer.owner) is not on the team")
        }
        require(Set(customers.map(\.status)) == ["lead", "prospect", "active", "inactive", "churned"], "not every customer status")
        let customerIDs = Dictionary(customers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let contactOwner = Dictionary(contacts.map { ($0.id, $0.customer) }, uniquingKeysWith: { first, _ in first })
        let callCustomer = Dictionary(calls.map { ($0.id, $0.customer) }, uniquingKeysWith: { first, _ in first })

        for call in calls {
            let day = call.at.date
            require(day.isWeekday && (450...1020).contains(call.at.seconds / 60), "\(call.id): not in business hours on a weekday")
            require(day >= today.adding(days: -365) && day < today, "\(call.id): not in the 12 months before today")
            require(day > customerIDs[call.customer]!.created, "\(call.id): before the customer was created")
            require(team.contains(call.by), "\(call.id): by \(call.by) is not on the team")
            require(call.id.hasPrefix("\(day)-\(call.customer)-") && call.id.count == "\(day)-\(call.customer)-".count + 4,
                    "\(call.id): id is not YYYY-MM-DD-customer-xxxx")
            require(call.contact.map { contactOwner[$0] == call.customer } ?? true, "\(call.id): contact of another customer")
            require(call.followUp.map { $0 > day } ?? true, "\(call.id): follow-up before the call")
        }
        require(Set(calls.map(\.channel)) == ["phone", "email", "meeting", "sms", "chat", "letter", "social", "web"],
                "not every call channel: \(Set(calls.map(\.channel)).sorted())")
        require(Set(calls.map(\.direction)) == ["inbound", "outbound"], "not both directions")
        let channelCounts = Dictionary(grouping: calls, by: \.channel).mapValues(\.count)
        require(channelCounts.allSatisfy { $0.key == "phone" || $0.value < channelCounts["phone", default: 0] },
                "phone is not the most used channel")
        require(calls.filter { ($0.subject + $0.summary).lowercased().contains("faktur") }.count >= 3, "too few calls about invoices")

        for complaint in complaints {
            let open = complaint.status == "open" || complaint.status == "in-progress"
            require(!complaint.owner.isEmpty, "\(complaint.id): no owner")
            require(open == (complaint.closed == nil && complaint.resolution == nil), "\(complaint.id): closed or resolution do not match the status")
            require(complaint.closed.map { $0 >= complaint.opened && $0 < today } ?? true, "\(complaint.id): closed before opened")
            require(complaint.opened <= today, "\(complaint.id): opened in the future")
            require(complaint.calls.allSatisfy { callCustomer[$0] == complaint.customer }, "\(complaint.id): calls of another customer")
            require(complaint.contact.map { contactOwner[$0] == complaint.customer } ?? true, "\(complaint.id): contact of another customer")
        }
        require(Set(complaints.map(\.status)) == ["open", "in-progress", "resolved", "rejected"], "not every complaint status")
        require(Set(complaints.map(\.severity)) == ["low", "normal", "high", "critical"], "not every complaint severity")
        let pastDue = complaints.filter { ($0.status == "open" || $0.status == "in-progress") && $0.due < today }
        require(pastDue.count >= 2, "too few complaints past due")
        require(complaints.filter { !$0.calls.isEmpty }.count >= 3, "too few complaints list their calls")

        for invoice in invoices {
            require(invoice.due >= invoice.issued && invoice.issued < today, "\(invoice.number): due before issued")
            require(invoice.paid.map { $0 >= invoice.issued && $0 < today } ?? true, "\(invoice.number): paid before issued")
        }
        let overdue = invoices.filter { $0.paid == nil && $0.due < today }
        require(overdue.count >= 2 && invoices.contains { $0.paid == nil && $0.due >= today }, "too few unpaid invoices")
        require(invoices.contains { $0.currency == "EUR" }, "no invoice in EUR")
        require(Set(deals.map(\.stage)) == ["lead", "qualified", "proposal", "negotiation", "won", "lost"], "not every deal stage")

        // The stories.
        var lines: [String] = []
        let fresh = complaints.filter { $0.opened >= today.adding(days: -1) && $0.status == "open" && $0.severity == "high" }
            .compactMap { complaint in overdue.first { $0.customer == complaint.customer }.map { (complaint, $0) } }
        require(!fresh.isEmpty, "story 1: no customer with a fresh complaint and an overdue invoice")
        lines += fresh.map { "1. fresh complaint and overdue invoice: \($0.0.customer) (complaint \($0.0.id), invoice \($0.1.id), due \($0.1.due))" }

        let optOuts = customers.map { ($0.id, $0.fields["opt-outs"]?.list ?? []) }
        let declined = optOuts.filter { $0.1.contains("newsletter") || $0.1.contains("overdraft") }
        let all = optOuts.filter { $0.1.contains("all") }
        require(!declined.isEmpty && !all.isEmpty, "story 2: no opt-outs")
        lines += (declined + all).map { "2. opt-outs \($0.1): \($0.0)" }

        let byCustomer = Dictionary(grouping: calls, by: \.customer)
        let open = calls.filter { call in
            call.followUp != nil && !(byCustomer[call.customer] ?? []).contains { $0.at > call.at }
        }
        let soon = open.filter { $0.followUp! >= today && $0.followUp! < today.adding(days: 7) }
        let late = open.filter { $0.followUp! < today }
        require(soon.count >= 3, "story 3: only \(soon.count) follow-ups in the coming week")
        require(late.count >= 2, "story 3: only \(late.count) overdue follow-ups")
        lines += (soon + late).sorted { $0.followUp! < $1.followUp! }.map {
            "3. follow-up \($0.followUp!)\($0.followUp! < today ? " (overdue)" : ""): \($0.id)"
        }

        let stale = customers.filter { customer in
            guard customer.status == "active", let last = byCustomer[customer.id]?.map(\.at.date).max() else { return false }
            return last < today.adding(days: -90)
        }
        require(stale.count >= 2, "story 4: only \(stale.count) active customers without a call for 90 days")
        lines += stale.map { customer in
            "4. no call for \(byCustomer[customer.id]!.map(\.at.date).max()!.days(to: today)) days: \(customer.id)"
        }

        guard problems.isEmpty else {
            throw SampleWorkspaceError("the sample data breaks its conventions:\n" + problems.map { "  " + $0 }.joined(separator: "\n"))
        }
        return lines
    }
}
