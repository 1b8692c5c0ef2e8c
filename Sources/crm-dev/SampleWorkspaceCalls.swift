import CRMSyntax
import CRMWorkspace

/// One call, e-mail, meeting or message with a customer.
struct SampleCall {
    var id: String
    var customer: String
    var contact: String?
    var at: CivilDateTime
    var direction: String
    var channel: String
    var duration: Int?
    var by: String
    var subject: String
    var summary: String
    var outcome: String
    var followUp: CivilDate?
    /// The day the follow-up was done: the next call to the customer, as `crm log-call` records it.
    var followUpDone: CivilDate?
    /// Part of a story (or written by hand): complaints do not take it over.
    var pinned = false
    var handStyled = false

    func record() throws -> SampleRecord {
        var list = FieldList()
        list.add("customer", customer)
        list.add("contact", contact)
        list.add("at", at)
        list.add("direction", direction)
        list.add("channel", channel)
        list.add("duration", duration)
        list.add("by", by)
        list.add("subject", subject)
        list.add("summary", summary)
        list.add("outcome", outcome)
        list.add("follow-up", followUp)
        list.add("follow-up-done", followUpDone)
        let date = at.date.description
        let folder = "calls/\(date.prefix(4))/\(date.dropFirst(5).prefix(2))"
        var record = SampleRecord(type: "call", id: id, folder: folder, fields: list.fields)
        if handStyled { record.handText = try SampleHandStyle.call.render(list.fields) }
        return record
    }
}

/// Why a call happens on its day.
private enum CallSlot {
    case regular
    /// The customer's last call, asking for a follow-up on the given day.
    case story(CivilDate)
    case newsletter
    case reminder(SampleInvoice)
    case termination
    case invoiceQuestion(SampleInvoice)
}

extension SampleGenerator {
    mutating func makeCalls() throws {
        var random = random("calls")
        for customer in customers {
            let slots = try plan(customer, &random)
            var made: [SampleCall] = []
            for (index, (day, slot)) in slots.enumerated() {
                made.append(try call(customer, on: day, slot, first: index == 0, &random))
            }
            // A follow-up is kept only when it falls before the next call, which does it, or, on
            // the last call, beyond the coming week: the follow-ups due now belong to the stories.
            for index in made.indices where !made[index].pinned {
                guard let followUp = made[index].followUp else { continue }
                let next = index + 1 < made.count ? made[index + 1].at.date : nil
                if let next, followUp > next { made[index].followUp = nil }
                if next == nil && followUp < today.adding(days: 7) { made[index].followUp = nil }
                if made[index].followUp != nil { made[index].followUpDone = next }
            }
            calls += made
        }
    }

    /// The days of a customer's calls and what each is for, in order.
    private func plan(_ customer: SampleCustomer, _ random: inout SeededRandom) throws -> [(CivilDate, CallSlot)] {
        var slots: [(CivilDate, CallSlot)] = []
        let start = customer.historyStart(today: today)
        var end = customer.activeUntil
        func weekday(_ lower: CivilDate, _ upper: CivilDate) throws -> CivilDate {
            guard let day = CivilDate.weekday(from: lower, to: upper, &random) else {
                throw SampleWorkspaceError("no weekday between \(lower) and \(upper) for a call with \(customer.id)")
            }
            return day
        }
        if customer.has(.followUpSoon) {
            let last = try weekday(today.adding(days: -8), today.adding(days: -1))
            slots.append((last, .story(try weekday(max(today, last.adding(days: 1)), today.adding(days: 6)))))
            end = last.adding(days: -1)
        } else if customer.has(.followUpOverdue) {
            let last = try weekday(today.adding(days: -28), today.adding(days: -10))
            slots.append((last, .story(min(today.adding(days: -1), last.adding(days: random.int(3...7))))))
            end = last.adding(days: -1)
        }
        if customer.status == "churned" {
            let last = try weekday(end.adding(days: -6), end)
            slots.append((last, .termination))
            end = last.adding(days: -1)
        }
        if customer.has(.optOutNewsletter) {
            slots.append((try weekday(start.adding(days: 20), end.adding(days: -30)), .newsletter))
        }
        for invoice in invoices where invoice.customer == customer.id && invoice.overdue {
            let latest = min(invoice.due.adding(days: 12), today.adding(days: -1))
            if let day = CivilDate.weekday(from: invoice.due.adding(days: 5), to: latest, &random) {
                slots.append((day, .reminder(invoice)))
            }
        }
        if let invoice = invoices.first(where: { $0.customer == customer.id && $0.handStyled }) {
            var day = today.adding(days: -1)
            while !day.isWeekday { day = day.adding(days: -1) }
            guard day > invoice.issued else { throw SampleWorkspaceError("no weekday for the question about \(invoice.number)") }
            slots.append((day, .invoiceQuestion(invoice)))
        }
        var used = Set(slots.map(\.0))
        // Customers the company works with have heard from it lately; the stale ones a good while ago.
        let recent = max(start, customer.has(.stale) ? end.adding(days: -14) : today.adding(days: -45))
        if ["lead", "prospect", "active"].contains(customer.status) && !slots.contains(where: { $0.0 >= recent }),
           let day = CivilDate.weekday(from: recent, to: end, &random) {
            slots.append((day, .regular))
            used.insert(day)
        }
        var missing = customer.plannedCalls - slots.count
        var attempts = 0
        while missing > 0 && attempts < 500 {
            attempts += 1
            guard let day = CivilDate.weekday(from: start, to: end, &random), used.insert(day).inserted else { continue }
            slots.append((day, .regular))
            missing -= 1
        }
        return slots.sorted { $0.0 < $1.0 }
    }

    private mutating func call(_ customer: SampleCustomer, on day: CivilDate, _ slot: CallSlot, first: Bool,
                               _ random: inout SeededRandom) throws -> SampleCall {
        var invoice: SampleInvoice?
        var followUp: CivilDate?
        let scenario: CallScenario
        switch slot {
        case .regular, .story:
            let recent = invoices.last { $0.customer == customer.id && $0.issued < day && $0.issued >= day.adding(days: -30) }
            var pool = CallScenario.pool.filter { $0.fits(customer.status) && (!$0.needsInvoice || recent != nil) }
            if customer.has(.optOutAll) { pool = pool.filter { $0.phase == .service && $0.direction == "inbound" } }
            if case .story = slot { pool = pool.filter { $0.followUp != nil && !$0.needsInvoice } }
            if first && ["lead", "prospect"].contains(customer.status) && pool.contains(where: \.opener) {
                pool = pool.filter(\.opener)
            }
            scenario = random.weighted(pool.map { ($0, $0.weight) })
            if scenario.needsInvoice { invoice = recent }
            if case .story(let day) = slot { followUp = day } else if let range = scenario.followUp {
                followUp = day.adding(days: random.int(range))
            }
        case .newsletter: scenario = .newsletter
        case .reminder(let overdue): scenario = .reminder; invoice = overdue
        case .termination: scenario = .termination
        case .invoiceQuestion(let question): scenario = .invoiceQuestion; invoice = question
        }
        let channel = random.weighted(scenario.channels)
        var minute = random.int(450...1005)
        var duration: Int?
        switch channel {
        case "phone": duration = random.int(scenario.minutes)
        case "meeting": duration = random.int(2...8) * 15; minute = random.pick([540, 600, 630, 780, 840])
        case "chat": duration = random.int(3...15)
        default: break
        }
        var by = random.chance(0.65) ? teamOwner(of: customer.id, &random) : random.pick(Self.team)
        if scenario.technical && random.chance(0.7) { by = Self.technician }
        var contact: String?
        let people = contacts(of: customer.id)
        if let role = scenario.role, let match = people.first(where: { $0.role.contains(role) }), random.chance(0.8) {
            contact = match.id
        } else if !people.isEmpty && random.chance(0.75) {
            contact = random.pick(people).id
        }
        var handStyled = false
        if case .invoiceQuestion = slot {
            (by, contact, handStyled) = ("lucie", "jana-dvorakova", true)
        }
        var id = ""
        repeat { id = "\(day)-\(customer.id)-\(random.suffix(4))" } while !claim(id)
        var pinned = handStyled
        switch slot {
        case .regular: break
        default: pinned = true
        }
        return SampleCall(
            id: id, customer: customer.id, contact: contact, at: CivilDateTime(date: day, seconds: minute * 60),
            direction: scenario.direction, channel: channel, duration: duration, by: by,
            subject: fill(scenario.subject, day: day, invoice: invoice, &random),
            summary: fill(random.pick(scenario.summaries), day: day, invoice: invoice, &random),
            outcome: scenario.outcome, followUp: followUp, pinned: pinned, handStyled: handStyled)
    }

    /// The scenario's text with its placeholders filled in.
    private func fill(_ text: String, day: CivilDate, invoice: SampleInvoice?, _ random: inout SeededRandom) -> String {
        guard text.contains("{") else { return text }
        var later = day.adding(days: random.int(2...8))
        while !later.isWeekday { later = later.adding(days: 1) }
        return text
            .replacing("{product}", with: random.pick(CallScenario.products))
            .replacing("{invoice}", with: invoice?.number ?? "")
            .replacing("{date}", with: later.czech)
            .replacing("{days}", with: String(invoice.map { $0.due.days(to: day) } ?? 0))
    }
}
