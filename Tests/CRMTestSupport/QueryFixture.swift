import Foundation
import CRMWorkspace

/// A small CRM for query tests: 5 customers, 3 contacts, 6 calls, 5 complaints, 4 invoices,
/// dated around 2026-11-22 (a Sunday).
public enum QueryFixture {
    public static let today = CivilDate("2026-11-22")!

    public static let files: [String: String] = [
        ".crm/types/invoice.yaml": """
            type:
              folder: invoices
              title: number
            number:
              kind: text
              required: true
            customer:
              kind: reference
              to: customer
            issued:
              kind: date
            due:
              kind: date
            amount:
              kind: money
            currency:
              kind: enum
              values: [CZK, EUR]
            paid:
              kind: date

            """,
        "customers/acme.yaml": """
            name: Acme Plzeň s.r.o.
            kind: company
            status: active
            segment: enterprise
            owner: jana
            email: info@acme.cz
            address:
              city: Plzeň
              zip: 301 00
            tags: [vip, partner]
            created: 2020-01-15
            opt-outs: [newsletter]

            """,
        "customers/beta.yaml": "name: Beta Brno a.s.\nstatus: prospect\nsegment: smb\nowner: petr\naddress:\n  city: Brno\ntags: [partner]\ncreated: 2026-10-01\n",
        "customers/gama.yaml": "name: Gama Ostrava\nstatus: active\nsegment: smb\nowner: jana\naddress:\n  city: Ostrava\ncreated: 2025-06-30\n",
        "customers/delta.yaml": "name: Delta Praha\nstatus: churned\nsegment: enterprise\nowner: martin\naddress:\n  city: Praha\ntags: [vip]\ncreated: 2019-03-03\nopt-outs: [all]\n",
        "customers/eva.yaml": "name: Eva Nováková\nkind: person\nstatus: lead\nowner: petr\naddress:\n  city: Plzeň\ncreated: 2026-11-20\n",
        "contacts/jan.yaml": "name: Jan Novák\ncustomer: acme\nrole: ředitel\nemail: jan@acme.cz\n",
        "contacts/pavla.yaml": "name: Pavla Dvořáková\ncustomer: acme\nrole: nákupčí\n",
        "contacts/ota.yaml": "name: Ota Beran\ncustomer: beta\nrole: technik\n",
        "calls/2026/11/c1.yaml": "customer: acme\ncontact: jan\nat: 2026-11-20T10:00\ndirection: inbound\nchannel: phone\nduration: 12\nby: jana\nsubject: Faktura za servis\nfollow-up: 2026-11-25\n",
        "calls/2026/10/c2.yaml": "customer: acme\ncontact: pavla\nat: 2026-10-15T14:30\ndirection: outbound\nchannel: email\nby: petr\nsubject: Nabídka kompresoru\nsummary: Poslat ceník a fakturu.\n",
        "calls/2026/11/c3.yaml": "customer: beta\ncontact: ota\nat: 2026-11-02T09:00\ndirection: outbound\nchannel: meeting\nduration: 60\nby: petr\nsubject: Prohlídka provozu\nfollow-up: 2026-11-10\n",
        "calls/2026/06/c4.yaml": "customer: delta\nat: 2026-06-01T11:00\ndirection: inbound\nchannel: phone\nduration: 5\nby: martin\nsubject: Reklamace dodávky\n",
        "calls/2025/12/c5.yaml": "customer: beta\nat: 2025-12-30T16:00\ndirection: outbound\nchannel: sms\nby: petr\nsubject: Připomínka schůzky\n",
        "calls/2026/11/c6.yaml": "customer: acme\ncontact: jan\nat: 2026-11-22T08:15\ndirection: inbound\nchannel: chat\nduration: 3\nby: jana\nsubject: Dotaz na stav opravy\n",
        "complaints/x1.yaml": "customer: acme\nopened: 2026-11-21\nstatus: open\nseverity: high\nsubject: Únik oleje\nowner: jana\ndue: 2026-11-24\ncalls: [c6]\n",
        "complaints/x2.yaml": "customer: acme\nopened: 2026-09-01\nstatus: resolved\nseverity: normal\nsubject: Hluk\nresolution: Vyměněno\nclosed: 2026-09-05\n",
        "complaints/x3.yaml": "customer: beta\nopened: 2026-11-05\nstatus: in-progress\nseverity: critical\nsubject: Nefunkční sušič\nowner: petr\ndue: 2026-11-06\n",
        "complaints/x4.yaml": "customer: delta\nopened: 2026-05-20\nstatus: rejected\nseverity: low\nsubject: Cena\nclosed: 2026-05-25\n",
        "complaints/x5.yaml": "customer: delta\nopened: 2026-11-01\nstatus: open\nseverity: normal\nsubject: Pozdní dodání\n",
        "invoices/i1.yaml": "number: FV-1\ncustomer: acme\nissued: 2026-10-01\ndue: 2026-10-15\namount: 12000\n",
        "invoices/i2.yaml": "number: FV-2\ncustomer: acme\nissued: 2026-11-01\ndue: 2026-11-30\namount: 5000.50\npaid:\n",
        "invoices/i3.yaml": "number: FV-3\ncustomer: beta\nissued: 2026-09-01\ndue: 2026-09-15\namount: 20000\npaid: 2026-09-10\n",
        "invoices/i4.yaml": "number: FV-4\ncustomer: delta\nissued: 2026-01-10\ndue: 2026-01-24\namount: 1500\ncurrency: EUR\n",
    ]
}
