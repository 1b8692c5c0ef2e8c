import CRMSyntax
import CRMWorkspace

/// The customers an offer may go to, and their contacts, leaving out every customer who said
/// no: an `opt-outs` entry naming the offer or `all`, or a call whose outcome is
/// `declined:OFFER`. What is learnt in one conversation changes the next campaign.
public struct Campaign: Sendable {
    /// One person to reach: a contact of a selected customer, or the customer itself when it
    /// has no contacts.
    public struct Recipient: Sendable {
        public var customer: Record
        public var contact: Record?

        public var name: String { (contact ?? customer)["name"]?.string ?? "" }
        public var email: String { contact?["email"]?.string ?? customer["email"]?.string ?? "" }
        public var phone: String { contact?["phone"]?.string ?? customer["phone"]?.string ?? "" }
    }

    /// A customer left out, and why.
    public struct Exclusion: Sendable {
        public var customer: Record
        public var reason: String
    }

    public let offer: String
    public let recipients: [Recipient]
    public let exclusions: [Exclusion]
    /// How many customers the selection kept.
    public let customers: Int

    /// Selects from the customers at `positions` of `index`.
    public init(offer: String, positions: [Int], index: WorkspaceIndex) {
        self.offer = offer
        var recipients: [Recipient] = []
        var exclusions: [Exclusion] = []
        var customers = 0
        for position in positions {
            let customer = index.records[position]
            if let reason = Self.refusal(of: customer, offer: offer, index: index) {
                exclusions.append(Exclusion(customer: customer, reason: reason))
                continue
            }
            customers += 1
            let contacts = index.referrerPositions(of: position).map { index.records[$0] }
                .filter { $0.type == "contact" && $0["customer"]?.string == customer.id }
            if contacts.isEmpty {
                recipients.append(Recipient(customer: customer, contact: nil))
            } else {
                recipients += contacts.map { Recipient(customer: customer, contact: $0) }
            }
        }
        self.recipients = recipients
        self.exclusions = exclusions
        self.customers = customers
    }

    /// Why `customer` must not get `offer`, or `nil` when it may.
    public static func refusal(of customer: Record, offer: String, index: WorkspaceIndex) -> String? {
        let wanted = TextFold.fold(offer)
        let optOuts = customer["opt-outs"]?.strings.map(TextFold.fold) ?? []
        if optOuts.contains("all") { return "opted out of all contact" }
        if optOuts.contains(wanted) { return "opted out of \(offer)" }
        guard let position = index.position(of: customer.id) else { return nil }
        for other in index.referrerPositions(of: position) {
            let call = index.records[other]
            guard call.type == "call", let outcome = call["outcome"]?.string,
                  let declined = Self.declinedOffer(in: outcome), TextFold.fold(declined) == wanted else { continue }
            let day = call["at"]?.string.map { String($0.prefix(10)) } ?? ""
            return "declined \(offer) on a call on \(day)"
        }
        return nil
    }

    /// `newsletter` for a call outcome `declined:newsletter`.
    public static func declinedOffer(in outcome: String) -> String? {
        let trimmed = outcome.trimmingWhitespace()
        guard trimmed.lowercased().hasPrefix("declined:") else { return nil }
        let offer = trimmed.dropFirst("declined:".count).trimmingWhitespace()
        return offer.isEmpty ? nil : offer
    }

    /// The reasons and how many customers each left out, most common first.
    public var exclusionCounts: [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for exclusion in exclusions {
            let reason = exclusion.reason.hasPrefix("declined") ? "declined \(offer) on a call" : exclusion.reason
            counts[reason, default: 0] += 1
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    }
}
