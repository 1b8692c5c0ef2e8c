/// A workspace for keeping in touch, as of 2026-11-22: cadences by segment, tag and default in
/// the settings, a record's own `contact-every`, a churned customer, and calls resetting them.
public enum CadenceFixture {
    public static let files = [
        ".crm/config.yaml": "name: test\ncadence:\n  enterprise: 30d\n  vip: 2w\n  default: 6m\n",
        "customers/alfa.yaml": "name: Alfa a.s.\nstatus: active\nsegment: enterprise\nowner: jana\ncreated: 2026-01-10\n",
        "customers/beta.yaml": "name: Beta s.r.o.\nstatus: active\nsegment: enterprise\ntags: [vip]\nowner: petr\n",
        "customers/gama.yaml": "name: Gama v.o.s.\nstatus: prospect\ncontact-every: 3m\nowner: jana\ncreated: 2026-05-01\n",
        "customers/delta.yaml": "name: Delta k.s.\nstatus: churned\nsegment: enterprise\n",
        "customers/epsilon.yaml": "name: Epsilon s.r.o.\nstatus: lead\nowner: eva\ncreated: 2026-10-01\n",
        "contacts/jana-mala.yaml": "name: Jana Malá\ncustomer: alfa\ncontact-every: 1w\n",
        "calls/2026/11/2026-11-01-alfa-a1a1.yaml": "customer: alfa\ncontact: jana-mala\nat: 2026-11-01T10:00\nsubject: Servis\n",
        "calls/2026/11/2026-11-12-beta-b1b1.yaml": "customer: beta\nat: 2026-11-12T10:00\nsubject: Nabídka\n",
    ]
}
