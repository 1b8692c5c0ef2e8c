import CRMInterchange
import CRMSyntax
import CRMWorkspace
import Foundation

/// Messages logged as calls: each on the customer its other party belongs to (see
/// `MailMatcher`), once (by `Message-ID`, else a digest of its headers), replies linked to the
/// call of the message they answer. Nothing is written here: `files` are what the caller writes
/// in one change, after `finish()` has checked them as `crm new` would.
public struct MailLog {
    /// Who the user is and what the command line said.
    public struct Settings: Sendable {
        /// The team's mail domains (`mail-domains:` in `.crm/config.yaml`).
        public var teamDomains: [String]
        /// The user's own address (git's `user.email`), which counts as the team's.
        public var userAddress: String?
        /// The name the user writes as `by`.
        public var userName: String?
        /// The customer and contact given on the command line, by id: they win over matching.
        public var customer: String?
        public var contact: String?
        public var outcome: String?
        /// The zone `at` is written in.
        public var zone: TimeZone

        public init(teamDomains: [String], userAddress: String?, userName: String?, customer: String? = nil, contact: String? = nil,
                    outcome: String? = nil, zone: TimeZone = .current) {
            self.teamDomains = teamDomains
            self.userAddress = userAddress
            self.userName = userName
            self.customer = customer
            self.contact = contact
            self.outcome = outcome
            self.zone = zone
        }
    }

    public enum Status: Sendable, Equatable {
        case logged
        /// Logged before, as the call with this id.
        case alreadyLogged(String)
        /// No customer matched these addresses.
        case unmatched([String])
        case rejected(String)
    }

    /// What became of one message.
    public struct Entry: Sendable {
        public var label: String
        public var status: Status
        /// The call's id (new, or the earlier one for `alreadyLogged`).
        public var id: String?
        public var customer: String?
        public var contact: String?
        public var subject: String
        public var messageID: String
        /// The call of the message this one replies to.
        public var inReplyTo: String?
        /// What was noticed on the way (an unknown charset, a missing date).
        public var notes: [String]
    }

    /// The fields the call type needs, as `.crm/types/call.yaml` writes them.
    public static let callFields: [(name: String, yaml: String)] = [
        ("direction", "direction:\n  kind: enum\n  values: [inbound, outbound]"),
        ("subject", "subject:\n  kind: text"),
        ("summary", "summary:\n  kind: long-text"),
        ("by", "by:\n  kind: text"),
        ("contact", "contact:\n  kind: reference\n  to: contact"),
        ("message-id", "message-id:\n  kind: text\n  unique: true\n  description: the e-mail's Message-ID (crm log-email), so it is logged once"),
        ("attachments", "attachments:\n  kind: list\n  of: text\n  description: file names of the e-mail's attachments (the files are not stored)"),
        ("in-reply-to", "in-reply-to:\n  kind: reference\n  to: call\n  description: the call this e-mail answers"),
    ]

    /// The fields of `callFields` the call type lacks.
    public static func missingFields(of callType: RecordType) -> [(name: String, yaml: String)] {
        callFields.filter { callType.field($0.name) == nil }
    }

    /// The error for a call type without some of `callFields`; `yaml` is what to add.
    public static func missingFieldsError(_ missing: [(name: String, yaml: String)], type: RecordType) -> ImportError {
        ImportError("the call type has no field " + missing.map { "'\($0.name)'" }.joined(separator: ", ") + ", which logged e-mail needs",
                    hint: "add " + (missing.count == 1 ? "it" : "them") + " to \(type.path); the call type `crm init` writes has them")
    }

    public private(set) var entries: [Entry] = []
    private var importer: RecordImport
    private let callType: RecordType
    private let settings: Settings
    private let now: CivilDateTime
    private let matcher: MailMatcher
    /// Every logged message's id, with its call, existing and planned.
    private var logged: [String: String] = [:]

    /// A log into `workspace`, whose call type must have every field of `callFields` and `email` among its channels.
    public init(workspace: Workspace, input: ValueInput, settings: Settings) throws(ImportError) {
        guard let callType = workspace.schema.type(named: "call") else {
            throw ImportError("this workspace has no call type", hint: "add .crm/types/call.yaml (crm init writes one)")
        }
        let missing = Self.missingFields(of: callType)
        if !missing.isEmpty { throw Self.missingFieldsError(missing, type: callType) }
        guard case .enumeration(let channels)? = callType.field("channel")?.kind, channels.contains("email") else {
            throw ImportError("the call type's channel has no value 'email'", hint: "add email to the values of channel in .crm/types/call.yaml")
        }
        self.callType = callType
        self.settings = settings
        now = input.now
        importer = try RecordImport(workspace: workspace, input: input)
        matcher = MailMatcher(records: importer.existing, teamDomains: settings.teamDomains, userAddress: settings.userAddress)
        for record in importer.existing where record.type == "call" {
            if let id = record["message-id"]?.string, !id.isEmpty { logged[id] = record.id }
        }
    }

    /// Plans the call for one message (or notes why there is none).
    public mutating func add(_ message: MailMessage, label: String) {
        let messageID = message.messageID ?? Self.digest(message)
        var entry = Entry(label: label, status: .logged, subject: message.subject, messageID: messageID, notes: [])
        if let earlier = logged[messageID] {
            entry.status = .alreadyLogged(earlier)
            entry.id = earlier
            entries.append(entry)
            return
        }
        let party = matcher.party(of: message, customer: settings.customer, contact: settings.contact)
        guard let customer = party.customer else {
            entry.status = .unmatched(party.addresses)
            entry.notes = party.notes
            entries.append(entry)
            return
        }
        entry.customer = customer
        entry.contact = party.contact
        entry.notes = party.notes
        for parent in message.parents where entry.inReplyTo == nil { entry.inReplyTo = logged[parent] }
        var fields = [
            Field(key: "customer", value: .string(customer)),
            Field(key: "channel", value: .string("email")),
            Field(key: "direction", value: .string(party.outbound ? "outbound" : "inbound")),
            Field(key: "message-id", value: .string(messageID)),
        ]
        if let contact = party.contact { fields.append(Field(key: "contact", value: .string(contact))) }
        if let instant = message.date {
            let local = MailDate.local(instant, in: settings.zone)
            fields.append(Field(key: "at", value: .string(CivilDateTime(date: local.date, seconds: local.seconds / 60 * 60).description)))
        } else {
            fields.append(Field(key: "at", value: .string(now.description)))
            entry.notes.append("no Date header: logged at now")
        }
        let by = party.teamAddress.map { $0.normalized == settings.userAddress?.lowercased() ? settings.userName ?? $0.localPart : $0.localPart }
            ?? settings.userName
        if let by { fields.append(Field(key: "by", value: .string(by))) }
        if !entry.subject.isEmpty { fields.append(Field(key: "subject", value: .string(entry.subject))) }
        if let body = message.body {
            if let charset = body.unknownCharset { entry.notes.append("charset '\(charset)' is not known: the text was read as UTF-8 or Windows-1250") }
            let text = body.text ?? MailCharset.guess(body.decoded)
            let summary = MailSummary.summary(of: body.contentType.value == "text/html" ? HTMLText.text(text) : text)
            if !summary.isEmpty { fields.append(Field(key: "summary", value: .string(summary))) }
        }
        let attachments = message.attachments
        if !attachments.isEmpty { fields.append(Field(key: "attachments", value: .list(attachments))) }
        if let inReplyTo = entry.inReplyTo { fields.append(Field(key: "in-reply-to", value: .string(inReplyTo))) }
        if let outcome = settings.outcome { fields.append(Field(key: "outcome", value: .string(outcome))) }
        if let id = importer.add(RecordImport.Item(label: label, type: callType, id: nil, fields: fields), key: nil) {
            entry.id = id
            logged[messageID] = id
        } else if case .rejected(let reason)? = importer.outcomes.last?.kind {
            entry.status = .rejected(reason)
        }
        entries.append(entry)
    }

    /// Notes a message that could not be read.
    public mutating func reject(_ label: String, reason: String) {
        entries.append(Entry(label: label, status: .rejected(reason), subject: "", messageID: "", notes: []))
    }

    /// Checks the planned calls as `crm new` would; a call that fails is rejected, with the reason.
    public mutating func finish() {
        importer.validate()
        let reasons = Dictionary(importer.outcomes.compactMap { outcome -> (String, String)? in
            if case .rejected(let reason) = outcome.kind, let id = outcome.id { return (id, reason) }
            return nil
        }, uniquingKeysWith: { first, _ in first })
        let planned = Set(importer.files.map { RecordFile(path: $0.path, type: "call").id })
        for index in entries.indices where entries[index].status == .logged {
            guard let id = entries[index].id, !planned.contains(id) else { continue }
            entries[index].status = .rejected(reasons[id] ?? "it does not pass the check")
        }
    }

    /// The call files to write, after `finish()`.
    public var files: [(path: String, bytes: [UInt8])] { importer.files }

    /// A stable id for a message without `Message-ID`: a digest of its From, To, Date and Subject.
    static func digest(_ message: MailMessage) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for name in ["from", "to", "cc", "date", "subject"] {
            for byte in Array(name.utf8) + [0x3A] + (message.headers.field(name)?.raw ?? []) + [0x0A] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        return "digest-" + String(hash, radix: 16)
    }
}
