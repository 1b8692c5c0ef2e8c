import CRMWorkspace

/// Finds the customer (and contact) a message is with: the other party's address in contacts'
/// and customers' `email` fields (without case), else its domain among customers' e-mail and
/// website domains (free-mail domains never match by domain). The team's own addresses, by
/// domain or as the user's, decide the direction and are never the other party.
struct MailMatcher {
    /// Domains whose addresses belong to anyone: never a customer's by domain.
    static let freeMail: Set<String> = [
        "gmail.com", "googlemail.com", "seznam.cz", "email.cz", "post.cz", "centrum.cz", "atlas.cz", "volny.cz", "tiscali.cz",
        "quick.cz", "azet.sk", "zoznam.sk", "pobox.sk", "centrum.sk", "post.sk", "yahoo.com", "outlook.com", "hotmail.com",
        "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.net", "gmx.de", "gmx.com", "proton.me",
        "protonmail.com", "mail.com", "yandex.ru", "o2.cz",
    ]

    struct Party {
        var customer: String?
        var contact: String?
        var outbound: Bool
        /// The team member's address on the message: the sender of an outbound one, a recipient of an inbound one.
        var teamAddress: MailAddress?
        /// The other party's addresses, for messages.
        var addresses: [String]
        var notes: [String] = []
    }

    private var byAddress: [String: (customer: String, contact: String?)] = [:]
    private var byDomain: [String: Set<String>] = [:]
    private var contactCustomer: [String: String] = [:]
    private let teamDomains: Set<String>
    private let userAddress: String?

    init(records: [Record], teamDomains: [String], userAddress: String?) {
        self.teamDomains = Set(teamDomains.map { $0.lowercased().trimmingBlanks() })
        self.userAddress = userAddress?.lowercased()
        for record in records where record.type == "customer" {
            for address in record["email"]?.strings ?? [] {
                let normal = address.lowercased().trimmingBlanks()
                if byAddress[normal] == nil { byAddress[normal] = (record.id, nil) }
                if let domain = MailAddress(address: normal).domain.nonEmpty, !Self.freeMail.contains(domain) {
                    byDomain[domain, default: []].insert(record.id)
                }
            }
            for website in record["website"]?.strings ?? [] {
                if let host = Self.host(of: website), !Self.freeMail.contains(host) { byDomain[host, default: []].insert(record.id) }
            }
        }
        for record in records where record.type == "contact" {
            guard let customer = record["customer"]?.string, !customer.isEmpty else { continue }
            contactCustomer[record.id] = customer
            for address in record["email"]?.strings ?? [] {
                byAddress[address.lowercased().trimmingBlanks()] = (customer, record.id)
            }
        }
    }

    /// A website's host without `www.`: `https://www.acme.cz/kontakt` is `acme.cz`.
    static func host(of website: String) -> String? {
        var text = Substring(website.lowercased().trimmingBlanks())
        if let scheme = text.range(of: "://") { text = text[scheme.upperBound...] }
        text = text.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        if text.hasPrefix("www.") { text = text.dropFirst(4) }
        return text.contains(".") ? String(text) : nil
    }

    func isTeam(_ address: MailAddress) -> Bool {
        if let userAddress, address.normalized == userAddress { return true }
        return Self.domains(of: address.domain).contains { teamDomains.contains($0) }
    }

    /// `mail.acme.cz`, `acme.cz`: the domain and its parents of two labels or more.
    static func domains(of domain: String) -> [String] {
        var labels = domain.split(separator: ".")
        var domains: [String] = []
        while labels.count >= 2 {
            domains.append(labels.joined(separator: "."))
            labels.removeFirst()
        }
        return domains
    }

    func party(of message: MailMessage, customer: String?, contact: String?) -> Party {
        let from = message.from.first
        let outbound = from.map(isTeam) ?? false
        let recipients = message.to + message.cc
        let others = outbound ? recipients.filter { !isTeam($0) } : (from.map { [$0] } ?? [])
        var party = Party(outbound: outbound, teamAddress: outbound ? from : recipients.first(where: isTeam),
                          addresses: others.map(\.address))
        if let customer {
            party.customer = customer
            party.contact = contact ?? others.lazy.compactMap { byAddress[$0.normalized] }.first { $0.customer == customer }?.contact
            return party
        }
        if let contact {
            party.contact = contact
            party.customer = contactCustomer[contact]
            return party
        }
        if let match = others.lazy.compactMap({ byAddress[$0.normalized] }).first {
            party.customer = match.customer
            party.contact = match.contact
            return party
        }
        for address in others {
            guard let owners = Self.domains(of: address.domain).lazy.compactMap({ byDomain[$0] }).first else { continue }
            if owners.count == 1 {
                party.customer = owners.first
                return party
            }
            party.notes.append("\(address.domain) is the domain of several customers: " + owners.sorted().joined(separator: ", "))
        }
        return party
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
