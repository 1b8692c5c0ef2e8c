/// Realistic CRM records of a small Czech B2B company, generated from a seed so that
/// every run and machine sees the same corpus: customers, calls and complaints as
/// people write them (addresses, tags, notes in `|` blocks, diacritics).
struct RecordCorpus {
    enum Kind: CaseIterable {
        case customer
        case call
        case complaint
    }

    private var random: SeededRandom
    /// Calls and complaints are dated over this many years up to 2026, as a team that has kept
    /// its records for years has them, so folders hold about as many files at any size.
    private let years: Int
    private static let firstNames = ["Jan", "Petr", "Jana", "Eva", "Tomáš", "Lucie", "Martin", "Kateřina", "Jiří", "Zuzana"]
    private static let lastNames = ["Novák", "Svoboda", "Dvořák", "Černá", "Procházka", "Kučerová", "Veselý", "Horák", "Němcová", "Marek"]
    private static let companies = ["Strojírny", "Pekárna", "Elektro", "Stavby", "Doprava", "Tiskárna", "Účetnictví", "Zámečnictví"]
    private static let places = ["Plzeň", "Brno", "Praha", "Ostrava", "Olomouc", "Liberec", "České Budějovice", "Hradec Králové", "Ústí nad Labem", "Zlín"]
    private static let streets = ["Dlouhá", "Nádražní", "Husova", "Masarykova", "Palackého", "Školní", "Zahradní", "Žižkova"]
    private static let subjects = ["Dotaz na fakturu", "Objednávka náhradních dílů", "Reklamace dodávky", "Prodloužení smlouvy",
                                   "Nabídka servisu", "Změna kontaktní osoby", "Zpožděná platba", "Technická podpora"]
    private static let sentences = ["Zákazník žádá o zaslání nové nabídky.", "Domluvena schůzka v příštím týdnu.",
                                    "Faktura č. 2026-118 je po splatnosti, slíbil úhradu do pátku.",
                                    "Dodávka dorazila poškozená, fotky poslány e-mailem.", "Chce slevu 5 % při odběru nad 100 ks.",
                                    "Kontaktní osoba odchází, nový kontakt: Ing. Marek.", "Spokojenost se servisem, bez připomínek."]

    init(seed: UInt64, years: Int = 1) {
        random = SeededRandom(seed: seed)
        self.years = max(1, years)
    }

    /// The `index`-th record's kind in the 10% customers, 70% calls, 20% complaints mix.
    static func kind(of index: Int) -> Kind {
        switch index % 10 {
        case 0: return .customer
        case 1, 2: return .complaint
        default: return .call
        }
    }

    /// A generated record: its text, and where a workspace keeps it.
    struct Generated {
        var text: String
        var id: String
        /// The folder under the workspace (`calls/2026/03`).
        var folder: String
    }

    mutating func record(_ kind: Kind, index: Int, customers: Int) -> Generated {
        switch kind {
        case .customer:
            return Generated(text: customer(index), id: Self.customerID(index), folder: "customers")
        case .call:
            let owner = random.int(0..<max(1, customers))
            let day = date(year: year())
            return Generated(text: call(customer: owner, on: day), id: "\(day)-\(Self.customerID(owner))-\(random.suffix(4))",
                             folder: "calls/\(day.prefix(4))/\(day.dropFirst(5).prefix(2))")
        case .complaint:
            let owner = random.int(0..<max(1, customers))
            let day = date(year: year())
            return Generated(text: complaint(customer: owner, on: day), id: "\(day)-\(Self.customerID(owner))-\(random.suffix(4))",
                             folder: "complaints/\(day.prefix(4))")
        }
    }

    static func customerID(_ index: Int) -> String { "customer-\(index)" }

    /// A year within the corpus's span (always 2026 for a one-year corpus, drawing nothing).
    private mutating func year() -> Int {
        years == 1 ? 2026 : 2026 - random.int(0..<years)
    }

    private mutating func date(year: Int = 2026) -> String {
        "\(year)-" + twoDigits(random.int(1..<13)) + "-" + twoDigits(random.int(1..<29))
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Indented lines of a `|` block, one sentence each.
    private mutating func paragraph(lines: Int) -> String {
        (0..<lines).map { _ in "  " + random.pick(Self.sentences) }.joined(separator: "\n")
    }

    private mutating func person() -> String { random.pick(Self.firstNames) + " " + random.pick(Self.lastNames) }

    private mutating func customer(_ index: Int) -> String {
        let company = random.pick(Self.companies) + " " + random.pick(Self.lastNames)
        let city = random.pick(Self.places)
        return """
            name: \(company) s.r.o.
            kind: company
            status: \(random.pick(["lead", "prospect", "active", "active", "active", "inactive", "churned"]))
            segment: \(random.pick(["smb", "enterprise", "public"]))
            owner: \(random.pick(["jan", "eva", "petr"]))
            email: info@\(index).example.cz
            phone: +420 \(random.int(600..<800)) \(random.int(100..<1000)) \(random.int(100..<1000))
            address:
              street: \(random.pick(Self.streets)) \(random.int(1..<200))
              city: \(city)
              zip: '\(random.int(100..<800)) \(twoDigits(random.int(0..<100)))'
            reg-no: '\(random.int(10_000_000..<99_999_999))'
            tags: [\(random.pick(["vip", "partner", "key account", "new"])), \(random.pick(["\"služby\"", "výroba", "obchod"]))]
            created: \(date(year: 2025))
            notes: |
            \(paragraph(lines: 3))

            """
    }

    private mutating func call(customer: Int, on day: String) -> String {
        """
        customer: \(Self.customerID(customer))
        at: \(day)T\(twoDigits(random.int(7..<19))):\(twoDigits(random.int(0..<60)))
        direction: \(random.pick(["inbound", "outbound"]))
        channel: \(random.pick(["phone", "phone", "email", "meeting", "sms", "chat"]))
        duration: \(random.int(1..<60))
        by: \(random.pick(["jan", "eva", "petr"]))
        subject: \(random.pick(Self.subjects))
        summary: |
        \(paragraph(lines: 2 + random.int(0..<3)))
        outcome: \(random.pick(["done", "callback", "offer-sent", "declined"]))
        follow-up: \(date())  # \(person())

        """
    }

    private mutating func complaint(customer: Int, on day: String) -> String {
        let status = random.pick(["open", "in-progress", "resolved", "rejected"])
        return """
        customer: \(Self.customerID(customer))
        opened: \(day)
        status: \(status)\(["resolved", "rejected"].contains(status) ? "\nclosed: \(day)" : "")
        severity: \(random.pick(["low", "normal", "normal", "high", "critical"]))
        channel: \(random.pick(["phone", "email", "web"]))
        subject: "\(random.pick(Self.subjects)): \(random.pick(Self.places))"
        description: |
        \(paragraph(lines: 2 + random.int(0..<3)))
        owner: \(random.pick(["jan", "eva", "petr"]))
        due: \(date())
        resolution: |
        \(paragraph(lines: 1 + random.int(0..<2)))
        calls: []

        """
    }
}
