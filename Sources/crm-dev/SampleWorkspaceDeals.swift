import CRMSyntax
import CRMWorkspace

/// A sales opportunity.
struct SampleDeal {
    var id: String
    var customer: String
    var title: String
    var stage: String
    var value: Int
    var probability: Int
    var closeDate: CivilDate
    var owner: String

    func record() -> SampleRecord {
        var list = FieldList()
        list.add("customer", customer)
        list.add("title", title)
        list.add("stage", stage)
        list.add("value", value)
        list.add("probability", probability)
        list.add("close-date", closeDate)
        list.add("owner", owner)
        return SampleRecord(type: "deal", id: id, folder: "deals", fields: list.fields)
    }
}

extension SampleGenerator {
    /// What the company sells: the title, the short slug of its id, the usual value in CZK.
    private static let offers: [(String, String, ClosedRange<Int>)] = [
        ("Šroubový kompresor 37 kW", "kompresor-37kw", 420_000...690_000),
        ("Šroubový kompresor 22 kW s frekvenčním měničem", "kompresor-22kw", 280_000...460_000),
        ("Servisní smlouva na rok 2027", "servis-2027", 48_000...180_000),
        ("Modernizace kompresorovny", "modernizace-kompresorovny", 850_000...2_400_000),
        ("Kondenzační sušiče, 2 ks", "susice", 96_000...180_000),
        ("Rozvod stlačeného vzduchu – hala C", "rozvod-hala-c", 210_000...520_000),
        ("Rekuperace tepla z kompresorů", "rekuperace-tepla", 150_000...380_000),
        ("Pronájem kompresoru na sezónu", "pronajem-kompresoru", 36_000...90_000),
        ("Výměna vzdušníku 1000 l", "vymena-vzdusniku", 48_000...85_000),
        ("Monitoring spotřeby vzduchu", "monitoring-spotreby", 65_000...140_000),
        ("Generální oprava pístového kompresoru", "generalni-oprava", 45_000...120_000),
    ]

    /// The stages of the sample's deals, every one at least twice.
    private static let stages = ["lead", "lead", "lead", "qualified", "qualified", "qualified", "qualified",
                                 "proposal", "proposal", "proposal", "proposal", "proposal",
                                 "negotiation", "negotiation", "negotiation", "won", "won", "won", "won",
                                 "lost", "lost", "lost"]

    private static func statuses(for stage: String) -> [String] {
        switch stage {
        case "lead": return ["lead", "prospect"]
        case "qualified", "proposal", "negotiation": return ["prospect", "active"]
        case "won": return ["active"]
        default: return ["prospect", "active", "inactive", "churned"]
        }
    }

    mutating func makeDeals() throws {
        var random = random("deals")
        var offers: [(String, String, ClosedRange<Int>)] = []
        for stage in Self.stages {
            let eligible = customers.filter { customer in
                Self.statuses(for: stage).contains(customer.status) && !customer.has(.optOutAll)
                    && deals.filter { $0.customer == customer.id }.count < 2
            }
            guard !eligible.isEmpty else { throw SampleWorkspaceError("no customer for a deal in stage \(stage)") }
            let customer = random.pick(eligible)
            // Offers go round before one repeats; persons buy only the smaller ones.
            var offer: (String, String, ClosedRange<Int>)
            repeat {
                if offers.isEmpty { offers = random.shuffled(Self.offers) }
                offer = offers.removeFirst()
            } while (customer.kind == "person" && offer.2.upperBound > 200_000) || !claim("\(customer.id)-\(offer.1)")
            let probability: Int
            switch stage {
            case "lead": probability = 10
            case "qualified": probability = random.pick([20, 30])
            case "proposal": probability = random.pick([40, 50, 60])
            case "negotiation": probability = random.pick([70, 80])
            case "won": probability = 100
            default: probability = 0
            }
            let closeDate: CivilDate
            if stage == "won" || stage == "lost" {
                let earliest = max(customer.created.adding(days: 20), today.adding(days: -300))
                closeDate = earliest.adding(days: random.int(0...max(0, earliest.days(to: today) - 5)))
            } else {
                closeDate = today.adding(days: random.int(10...150))
            }
            deals.append(SampleDeal(
                id: "\(customer.id)-\(offer.1)", customer: customer.id, title: offer.0, stage: stage,
                value: random.int(offer.2) / 1000 * 1000, probability: probability, closeDate: closeDate,
                owner: teamOwner(of: customer.id, &random)))
        }
    }
}
