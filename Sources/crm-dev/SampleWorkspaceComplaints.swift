import CRMSyntax
import CRMWorkspace

/// A complaint and how it was handled.
struct SampleComplaint {
    var id: String
    var customer: String
    var contact: String?
    var opened: CivilDate
    var status: String
    var severity: String
    var channel: String
    var subject: String
    var description: String
    var owner: String
    var resolution: String?
    var closed: CivilDate?
    var calls: [String]

    /// Days to handle a complaint of each severity.
    static func daysToHandle(_ severity: String) -> Int {
        switch severity {
        case "critical": return 1
        case "high": return 3
        case "low": return 30
        default: return 10
        }
    }

    var due: CivilDate { opened.adding(days: Self.daysToHandle(severity)) }

    func record() throws -> SampleRecord {
        var list = FieldList()
        list.add("customer", customer)
        list.add("contact", contact)
        list.add("opened", opened)
        list.add("status", status)
        list.add("severity", severity)
        list.add("channel", channel)
        list.add("subject", subject)
        list.add("description", description)
        list.add("owner", owner)
        list.add("due", due)
        list.add("resolution", resolution)
        list.add("closed", closed)
        list.add("calls", list: calls)
        return SampleRecord(type: "complaint", id: id, folder: "complaints", fields: list.fields)
    }
}

extension SampleGenerator {
    mutating func makeComplaints() throws {
        var random = random("complaints")
        var themes = random.shuffled(ComplaintTheme.all)
        func nextTheme() -> ComplaintTheme {
            if themes.isEmpty { themes = random.shuffled(ComplaintTheme.all) }
            return themes.removeFirst()
        }
        // The fresh one: opened today, high severity, at the customer who also owes an invoice.
        for customer in customers where customer.has(.freshComplaint) {
            try addComplaint(customer: customer.id, opened: today, status: "open", severity: "high", channel: "web",
                             theme: ComplaintTheme.all[0], call: nil, &random)
        }
        for spec in ComplaintSpec.all {
            let open = spec.status == "open" || spec.status == "in-progress"
            let eligible = customers.filter { customer in
                let count = complaints.filter { $0.customer == customer.id }.count
                return count < 2 && (open ? customer.status == "active" && !customer.has(.stale)
                    : customer.status != "lead" && customer.status != "prospect")
            }
            let eligibleIDs = Set(eligible.map(\.id))
            let window = today.adding(days: -spec.ago.upperBound)...today.adding(days: -spec.ago.lowerBound)
            let candidates = calls.indices.filter {
                !calls[$0].pinned && eligibleIDs.contains(calls[$0].customer) && window.contains(calls[$0].at.date)
            }
            if spec.link, !candidates.isEmpty {
                let index = random.pick(candidates)
                try addComplaint(customer: calls[index].customer, opened: calls[index].at.date, status: spec.status,
                                 severity: spec.severity, channel: nil, theme: nextTheme(), call: index, &random)
            } else {
                let fitting = eligible.filter {
                    max(window.lowerBound, $0.historyStart(today: today)) <= min(window.upperBound, $0.activeUntil)
                }
                guard !fitting.isEmpty else { throw SampleWorkspaceError("no customer for a \(spec.status) complaint") }
                let customer = random.pick(fitting)
                let lower = max(window.lowerBound, customer.historyStart(today: today))
                let opened = lower.adding(days: random.int(0...lower.days(to: min(window.upperBound, customer.activeUntil))))
                try addComplaint(customer: customer.id, opened: opened, status: spec.status, severity: spec.severity,
                                 channel: random.pick(["web", "email", "email", "phone"]), theme: nextTheme(), call: nil, &random)
            }
        }
    }

    /// Adds a complaint; a linked call becomes the one in which it was reported, and a later
    /// call of the same customer, if there is one soon after, the one that settled it.
    private mutating func addComplaint(customer: String, opened: CivilDate, status: String, severity: String,
                                       channel: String?, theme: ComplaintTheme, call: Int?,
                                       _ random: inout SeededRandom) throws {
        let owner = random.chance(0.4) ? Self.technician : teamOwner(of: customer, &random)
        var linked: [String] = []
        var channel = channel ?? "phone"
        var contact = random.chance(0.7) ? contacts(of: customer).first?.id : nil
        if let call {
            if !["phone", "email", "meeting"].contains(calls[call].channel) {
                calls[call].channel = "phone"
                calls[call].duration = random.int(4...12)
            }
            calls[call].direction = "inbound"
            calls[call].subject = "Reklamace: \(theme.subject)"
            calls[call].summary = theme.description + "Založena reklamace, řeší \(owner.prefix(1).uppercased() + owner.dropFirst()).\n"
            calls[call].outcome = "complaint"
            calls[call].followUp = nil
            calls[call].pinned = true
            channel = calls[call].channel
            contact = calls[call].contact ?? contact
            linked.append(calls[call].id)
        }
        var resolution: String?
        var closed: CivilDate?
        if status == "resolved" || status == "rejected" {
            resolution = status == "resolved" ? theme.resolution : theme.rejection
            let settling = calls.indices.first {
                calls[$0].customer == customer && !calls[$0].pinned && calls[$0].at.date > opened
                    && calls[$0].at.date <= opened.adding(days: 20)
            }
            if let settling, call != nil {
                calls[settling].direction = "outbound"
                calls[settling].subject = "Vyřízení reklamace: \(theme.subject)"
                calls[settling].summary = resolution!
                calls[settling].outcome = status == "resolved" ? "done" : "complaint-rejected"
                calls[settling].followUp = nil
                calls[settling].pinned = true
                linked.append(calls[settling].id)
                closed = calls[settling].at.date
            } else {
                closed = min(today.adding(days: -1), opened.adding(days: random.int(1...25)))
            }
        }
        var id = ""
        repeat { id = "\(opened)-\(customer)-\(random.suffix(4))" } while !claim(id)
        complaints.append(SampleComplaint(
            id: id, customer: customer, contact: contact, opened: opened, status: status, severity: severity,
            channel: channel, subject: theme.subject, description: theme.description, owner: owner,
            resolution: resolution, closed: closed, calls: linked))
    }
}
