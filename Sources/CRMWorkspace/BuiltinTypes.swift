/// The record types `crm init` writes into `.crm/types/`; teams may edit them afterwards.
/// Their field keys are the contract users, scripts and tests rely on.
public enum BuiltinTypes {
    /// How often to be in touch with a customer or a contact (docs/workflows.md).
    static let cadenceField = """
        contact-every:
          kind: text
          pattern: '[1-9][0-9]*[dwmy]'
          description: how often to be in touch (30d, 6w, 3m); crm agenda says when it is due
        """

    /// The UID of a customer's or contact's card in a vdir (docs/phones.md).
    static let uidField = """
        uid:
          kind: text
          unique: true
          description: the UID of its card on phones and in address books (crm vdir sync writes it)
        """

    /// The fields customers and contacts have for the GDPR (docs/privacy.md).
    static let privacyFields = """
        lawful-basis:
          kind: enum
          values: [consent, contract, legal-obligation, legitimate-interest]
          description: why the business may keep this person's data (GDPR article 6)
        consent:
          kind: list
          of: text
          pattern: '.+ [0-9]{4}-[0-9]{2}-[0-9]{2}'
          description: what the person agreed to, each with the day (newsletter 2026-03-01)
        erased:
          kind: date
          description: the day the person's data was erased (crm privacy erase); the record keeps its id
        """

    /// Type name and file text, in the order `crm init` writes them.
    public static let files: [(name: String, text: String)] = [
        ("customer", """
            # A company or a person the business sells to.
            type:
              folder: customers
              title: name
              columns: [name, status, segment, owner, address.city]
              description: A company or a person the business sells to
            name:
              kind: text
              personal: true
              required: true
              aliases: [Název, Název firmy, Firma, Obchodní jméno, Obchodní firma, Company, Company name, Organization]
            kind:
              kind: enum
              values: [company, person]
              default: company
            status:
              kind: enum
              values: [lead, prospect, active, inactive, churned]
              default: lead
              aliases: [Stav]
            segment:
              kind: text
              description: for example smb, enterprise or public
            owner:
              kind: text
              description: who looks after the customer (a git user name)
              aliases: [Vlastník, Obchodník, Account manager]
            email:
              kind: email
              personal: true
              aliases: [E-mail, Mail, E-mailová adresa, Email address]
            phone:
              kind: phone
              personal: true
              aliases: [Telefon, Tel., Mobil, Telephone, Mobile]
            website:
              kind: url
              aliases: [Web, WWW, Webové stránky, Web site]
            address:
              kind: map
              fields: [street, city, zip, country]
              aliases: [Ulice > street, Adresa > street, Město > city, Obec > city, Town > city, PSČ > zip, Postal code > zip, Země > country, Stát > country]
            reg-no:
              kind: text
              pattern: '[0-9]{8}'
              description: IČO, the Czech company registration number
              unique: true
              aliases: [IČO, ICO, IČ, Reg. no, Registration number, Company ID]
            vat-id:
              kind: text
              pattern: '[A-Z]{2}[0-9A-Z]{2,12}'
              description: DIČ, the VAT number (CZ12345678)
              unique: true
              aliases: [DIČ, DIC, IČ DPH, VAT, VAT ID, VAT number]
            tags:
              kind: list
              of: text
              aliases: [Štítky, Labels]
            created:
              kind: date
              default: today
            opt-outs:
              kind: list
              of: text
              description: offers never to make to this customer again, or `all` for no marketing at all
            \(cadenceField)
            \(uidField)
            \(privacyFields)
            notes:
              kind: long-text
              personal: true
              aliases: [Poznámka, Poznámky, Note, Comments]

            """),
        ("contact", """
            # A person at a customer.
            type:
              folder: contacts
              title: name
              columns: [name, customer, role, email, phone]
              description: A person at a customer
            name:
              kind: text
              personal: true
              required: true
              aliases: [Jméno, Jméno a příjmení, Kontakt, Kontaktní osoba, Full name, Contact]
            customer:
              kind: reference
              to: customer
              aliases: [Firma, Společnost, Zákazník, Company, Customer, Organization]
            role:
              kind: text
              aliases: [Funkce, Pozice, Job title, Position]
            email:
              kind: email
              personal: true
              unique: true
              aliases: [E-mail, Mail, E-mailová adresa, Email address]
            phone:
              kind: phone
              personal: true
              aliases: [Telefon, Tel., Mobil, Telephone, Mobile]
            tags:
              kind: list
              of: text
              aliases: [Štítky, Labels]
            \(cadenceField)
            \(uidField)
            \(privacyFields)
            notes:
              kind: long-text
              personal: true
              aliases: [Poznámka, Poznámky, Note, Comments]

            """),
        ("call", """
            # One contact with a customer, whatever the channel: a phone call, an e-mail, a meeting.
            type:
              folder: calls
              title: subject
              columns: [at, customer, channel, by, subject]
              description: One contact with a customer, whatever the channel
              id: dated
              subfolders: month
            customer:
              kind: reference
              to: customer
              required: true
            contact:
              kind: reference
              to: contact
            at:
              kind: datetime
              required: true
              default: now
            direction:
              kind: enum
              values: [inbound, outbound]
            channel:
              kind: enum
              values: [phone, email, meeting, sms, chat, letter, social, web]
              default: phone
            duration:
              kind: number
              unit: minutes
            by:
              kind: text
              description: who took or made the call (a git user name)
            subject:
              kind: text
            summary:
              kind: long-text
              personal: true
            outcome:
              kind: text
            follow-up:
              kind: date
              description: when to get back to the customer
            follow-up-done:
              kind: date
              description: when the follow-up was done (crm done); a later call to the customer also counts
            message-id:
              kind: text
              unique: true
              description: the e-mail's Message-ID (crm log-email), so it is logged once
            attachments:
              kind: list
              of: text
              description: file names of the e-mail's attachments (the files are not stored)
            in-reply-to:
              kind: reference
              to: call
              description: the call this e-mail answers

            """),
        ("complaint", """
            # A complaint and how it was handled.
            type:
              folder: complaints
              title: subject
              columns: [opened, customer, severity, status, owner, subject]
              description: A complaint and how it was handled
              id: dated
            customer:
              kind: reference
              to: customer
              required: true
            contact:
              kind: reference
              to: contact
            opened:
              kind: date
              required: true
              default: today
            status:
              kind: enum
              values: [open, in-progress, resolved, rejected]
              default: open
              # The changes crm allows; resolving or rejecting needs a resolution and stamps `closed`.
              transitions: [open > in-progress, open > rejected, in-progress > resolved, in-progress > rejected, resolved > open]
              closing: [resolved, rejected]
              closing-requires: [resolution]
              closing-stamp: closed
            severity:
              kind: enum
              values: [low, normal, high, critical]
              default: normal
            channel:
              kind: enum
              values: [phone, email, meeting, sms, chat, letter, social, web]
            subject:
              kind: text
              required: true
            description:
              kind: long-text
            owner:
              kind: text
            due:
              kind: date
              description: when it must be resolved; set from the service level when it opens
              # Days to resolve by severity, counted from `opened` (or from reopening).
              service-level: [critical 1d, high 3d, normal 10d, low 30d]
              service-level-by: severity
              service-level-from: opened
            resolution:
              kind: long-text
            closed:
              kind: date
              description: when it was resolved or rejected
            calls:
              kind: list
              of: reference
              to: call

            """),
        ("invoice", """
            # An invoice issued to a customer: from the accounting program (crm import isdoc), paid
            # from the bank's statements (crm import bank), or typed.
            type:
              folder: invoices
              title: number
              columns: [number, customer, issued, due, amount, currency, paid]
              description: An invoice issued to a customer
            number:
              kind: text
              required: true
              unique: true
              aliases: [Číslo, Číslo faktury, Invoice number]
            customer:
              kind: reference
              to: customer
              required: true
              aliases: [Odběratel, Zákazník]
            issued:
              kind: date
              aliases: [Vystaveno, Datum vystavení]
            due:
              kind: date
              aliases: [Splatnost, Datum splatnosti]
            amount:
              kind: money
              required: true
              description: what the customer is to pay, VAT included (negative for a credit note)
              aliases: [Částka, Celkem, K úhradě]
            currency:
              kind: text
              pattern: '[A-Z]{3}'
              description: the ISO 4217 code; the workspace's currency when empty
              aliases: [Měna]
            variable-symbol:
              kind: text
              pattern: '[0-9]{1,10}'
              unique: true
              description: the variable symbol payments carry, by which crm import bank finds the invoice
              aliases: [VS, Variabilní symbol]
            paid:
              kind: date
              description: when it was paid in full; empty while unpaid
              aliases: [Uhrazeno]
            paid-amount:
              kind: money
              description: what has been paid so far, when it was paid in parts
            payments:
              kind: list
              of: text
              description: the bank references of the payments applied (crm import bank), so none is applied twice
            original:
              kind: reference
              to: invoice
              description: the invoice a credit note corrects
            uuid:
              kind: text
              unique: true
              description: the ISDOC document's UUID
            source:
              kind: text
              description: where it was imported from

            """),
    ]
}
