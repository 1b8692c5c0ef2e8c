import CRMSyntax
import CRMWorkspace
import Foundation

/// A customer as the generator knows it: the record's fields plus what the other
/// records need (owner, status, dates, the stories it stands for).
struct SampleCustomer {
    var id: String
    var name: String
    var kind: String
    var status: String
    var segment: String
    var owner: String
    /// The e-mail and web domain of a company, such as `strojirny-novak.example.cz`.
    var domain: String
    var created: CivilDate
    /// The last day calls and invoices happen (before today for stale, inactive and churned ones).
    var activeUntil: CivilDate
    var stories: [CustomerStory]
    var plannedCalls: Int
    var fields: [Field]
    var handText: String?

    func has(_ story: CustomerStory) -> Bool { stories.contains(story) }

    /// The first day of the twelve months of history, or the day after the customer was created.
    func historyStart(today: CivilDate) -> CivilDate { max(created.adding(days: 1), today.adding(days: -365)) }
}

/// A person at a customer.
struct SampleContact {
    var id: String
    var name: String
    var customer: String
    var role: String
    var email: String
    var phone: String
    var tags: [String]
    var notes: String?
    var handStyled = false

    func record() throws -> SampleRecord {
        var list = FieldList()
        list.add("name", name)
        list.add("customer", customer)
        list.add("role", role)
        list.add("email", email)
        list.add("phone", phone)
        list.add("tags", list: tags)
        list.add("notes", notes)
        var record = SampleRecord(type: "contact", id: id, folder: "contacts", fields: list.fields)
        if handStyled { record.handText = try SampleHandStyle.contact.render(list.fields) }
        return record
    }
}

extension SampleGenerator {
    mutating func makeCustomers() throws {
        var random = random("customers")
        customers.append(try SampleHandStyle.skodaTransport(today: today))
        try claimOrFail(customers[0].id, for: "customer")
        var regNos: Set<String> = []
        for seed in CustomerSeed.all {
            let id = Slug.of(seed.name)
            try claimOrFail(id, for: "customer \(seed.name)")
            let company = seed.kind == "company"
            let domain = company ? "\(id).example.cz" : "example.cz"
            let created: CivilDate
            switch seed.status {
            case "lead": created = today.adding(days: -random.int(12...110))
            case "prospect": created = today.adding(days: -random.int(60...380))
            default: created = today.adding(days: -random.int(420...2900))
            }
            var activeUntil = today.adding(days: -1)
            if seed.stories.contains(.stale) { activeUntil = today.adding(days: -random.int(95...200)) }
            if seed.status == "inactive" { activeUntil = today.adding(days: -random.int(120...240)) }
            if seed.status == "churned" { activeUntil = today.adding(days: -random.int(150...300)) }
            var regNo: String?
            if company || seed.hasRegNo {
                repeat { regNo = Self.icoNumber(&random) } while !regNos.insert(regNo!).inserted
            }
            let owner = random.pick(Self.team)
            let email: String
            if company {
                email = (seed.segment == "public" ? "podatelna" : random.pick(["info", "obchod", "nakup", "kancelar"])) + "@" + domain
            } else {
                email = id.replacingOccurrences(of: "-", with: ".") + "@" + domain
            }
            let phone = "+420 \(seed.area ?? random.pick(PeopleData.mobilePrefixes)) \(random.int(100...999)) \(random.int(100...999))"
            var list = FieldList()
            list.add("name", seed.name)
            list.add("kind", seed.kind)
            list.add("status", seed.status)
            list.add("segment", seed.segment)
            list.add("owner", owner)
            list.add("email", email)
            list.add("phone", phone)
            list.add("website", company && random.chance(0.8) ? "https://\(seed.segment == "public" ? "www." : "")\(domain)" : nil)
            list.add("address", map: [("street", seed.street), ("city", seed.city), ("zip", seed.zip), ("country", "CZ")])
            list.add("reg-no", regNo)
            list.add("vat-id", company ? regNo.map { "CZ" + $0 } : nil)
            list.add("tags", list: seed.tags)
            list.add("created", created)
            var optOuts: [String] = []
            if seed.stories.contains(.optOutNewsletter) { optOuts.append("newsletter") }
            if seed.stories.contains(.optOutAll) { optOuts.append("all") }
            list.add("opt-outs", list: optOuts)
            list.add("notes", seed.notes)
            customers.append(SampleCustomer(
                id: id, name: seed.name, kind: seed.kind, status: seed.status, segment: seed.segment, owner: owner,
                domain: domain, created: created, activeUntil: activeUntil, stories: seed.stories,
                plannedCalls: seed.calls, fields: list.fields))
        }
    }

    mutating func makeContacts() throws {
        var random = random("contacts")
        contacts += SampleHandStyle.skodaContacts()
        for contact in contacts { try claimOrFail(contact.id, for: "contact \(contact.name)") }
        var surnames: [(String, String)] = []
        for customer in customers where customer.kind == "company" && customer.handText == nil {
            let count: Int
            switch (customer.segment, customer.status) {
            case ("enterprise", _): count = 3
            case ("public", _): count = 2
            case (_, "lead"), (_, "churned"): count = 1
            default: count = random.chance(0.6) ? 2 : 1
            }
            let roles = PeopleData.roles[customer.segment] ?? PeopleData.roles["smb"]!
            for index in 0..<count {
                let female = random.chance(0.5)
                var name = ""
                var id = ""
                repeat {
                    if surnames.isEmpty { surnames = random.shuffled(PeopleData.surnames) }
                    let surname = surnames.removeFirst()
                    name = (female ? random.pick(PeopleData.femaleFirst) : random.pick(PeopleData.maleFirst)) + " "
                        + (female ? surname.1 : surname.0)
                    id = Slug.of(name)
                } while !claim(id)
                let role = female ? roles[index].1 : roles[index].0
                var tags: [String] = []
                if index == 0 && random.chance(0.5) { tags.append("rozhoduje") }
                if role == "účetní" { tags.append("fakturace") }
                contacts.append(SampleContact(
                    id: id, name: name, customer: customer.id, role: role,
                    email: id.replacingOccurrences(of: "-", with: ".") + "@" + customer.domain,
                    phone: "+420 \(random.pick(PeopleData.mobilePrefixes)) \(random.int(100...999)) \(random.int(100...999))",
                    tags: tags, notes: random.chance(0.2) ? random.pick(PeopleData.contactNotes) : nil))
            }
        }
    }

    /// A random IČO: seven digits and the check digit (weights 8 to 2, sum mod 11).
    static func icoNumber(_ random: inout SeededRandom) -> String {
        var digits = [random.int(1...9)] + (0..<6).map { _ in random.int(0...9) }
        digits.append((11 - icoSum(digits) % 11) % 10)
        return digits.map(String.init).joined()
    }

    static func isValidICO(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == 8, text.count == 8 else { return false }
        return (11 - icoSum(Array(digits.prefix(7))) % 11) % 10 == digits[7]
    }

    private static func icoSum(_ digits: [Int]) -> Int {
        zip(digits, [8, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
