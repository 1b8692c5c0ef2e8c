/// What the sample workspace shows about a customer beyond its own fields.
enum CustomerStory: Hashable {
    /// A high-severity complaint opened today and an unpaid invoice past its due date.
    case freshComplaint
    /// `opt-outs: [newsletter]`, after declining it on the phone.
    case optOutNewsletter
    /// `opt-outs: [all]`.
    case optOutAll
    /// The last call asks for a follow-up within the coming week.
    case followUpSoon
    /// The last call asked for a follow-up that is overdue.
    case followUpOverdue
    /// Active, but no call for over 90 days.
    case stale
    /// An invoice left unpaid well past its due date.
    case unpaidInvoice
    /// Pays in euros.
    case euro
}

/// The hand-picked facts of one generated customer; owners, dates, numbers and contacts
/// come from the random stream.
struct CustomerSeed {
    var name: String
    var kind = "company"
    var status: String
    var segment: String
    var street: String
    var city: String
    var zip: String
    /// The first three digits of the landline, or `nil` for a mobile phone.
    var area: String?
    var tags: [String]
    var calls: Int
    var stories: [CustomerStory] = []
    var notes: String? = nil
    /// Persons: whether they trade with an IČO.
    var hasRegNo = true
}

extension CustomerSeed {
    /// Every customer but Škoda Transport, which is written by hand.
    static let all: [CustomerSeed] = [
        CustomerSeed(name: "Strojírny Novák s.r.o.", status: "active", segment: "smb", street: "Hněvkovského 34",
                     city: "Brno", zip: "617 00", area: "543", tags: ["strojírenství", "servis"], calls: 11,
                     stories: [.freshComplaint, .unpaidInvoice],
                     notes: "Dva šroubové kompresory z roku 2019, servis každých 4000 motohodin.\nPlatí obvykle pozdě, hlídat splatnost faktur.\n"),
        CustomerSeed(name: "Pekárna Dvořák s.r.o.", status: "active", segment: "smb", street: "Lipenská 12",
                     city: "Olomouc", zip: "779 00", area: "585", tags: ["potravinářství"], calls: 6,
                     stories: [.optOutNewsletter],
                     notes: "Kompresor pro balicí linku, provoz 24/7, odstávka jen o víkendu.\nNewsletter odmítli po telefonu, nic hromadného neposílat.\n"),
        CustomerSeed(name: "Kovoobrábění Horák spol. s r.o.", status: "active", segment: "smb", street: "třída Tomáše Bati 1540",
                     city: "Zlín", zip: "760 01", area: "577", tags: ["strojírenství", "cnc"], calls: 8,
                     stories: [.followUpSoon]),
        CustomerSeed(name: "Morava Metal a.s.", status: "active", segment: "enterprise", street: "Místecká 1120/85",
                     city: "Ostrava", zip: "703 00", area: "596", tags: ["vip", "hutnictví", "key account"], calls: 14,
                     stories: [.followUpSoon, .euro],
                     notes: "Mateřská firma v Rakousku, fakturujeme v EUR.\nObjednávky jen přes nákupní portál, číslo objednávky vždy na fakturu.\n"),
        CustomerSeed(name: "Elektro Veselý v.o.s.", status: "prospect", segment: "smb", street: "Pražská třída 22",
                     city: "Hradec Králové", zip: "500 04", area: "495", tags: ["elektro"], calls: 4,
                     stories: [.followUpSoon]),
        CustomerSeed(name: "Tiskárna Marek s.r.o.", status: "active", segment: "smb", street: "Jablonecká 55",
                     city: "Liberec", zip: "460 01", area: "485", tags: ["polygrafie"], calls: 6,
                     stories: [.followUpOverdue]),
        CustomerSeed(name: "Jihočeské mlékárny a.s.", status: "active", segment: "enterprise", street: "Rudolfovská 88",
                     city: "České Budějovice", zip: "370 01", area: "387", tags: ["potravinářství", "vip"], calls: 5,
                     stories: [.stale],
                     notes: "Tři provozy, servis koordinuje vedoucí údržby v Českých Budějovicích.\n"),
        CustomerSeed(name: "Chemservis Ústí s.r.o.", status: "inactive", segment: "smb", street: "Přístavní 7",
                     city: "Ústí nad Labem", zip: "400 07", area: "475", tags: ["chemie"], calls: 3),
        CustomerSeed(name: "Technické služby Třebíč", status: "active", segment: "public", street: "Hrotovická 1142",
                     city: "Třebíč", zip: "674 01", area: "568", tags: ["veřejná zakázka"], calls: 5,
                     stories: [.followUpOverdue],
                     notes: "Objednávky nad 50 000 Kč jen přes elektronické tržiště.\n"),
        CustomerSeed(name: "Vodárenská společnost Polabí a.s.", status: "active", segment: "public", street: "Kolínská 410",
                     city: "Pardubice", zip: "530 02", area: "466", tags: ["vodárenství", "veřejná zakázka"], calls: 8),
        CustomerSeed(name: "Střední průmyslová škola Otrokovice", status: "active", segment: "public", street: "třída Spojenců 1230",
                     city: "Otrokovice", zip: "765 02", area: "577", tags: ["školství"], calls: 3,
                     stories: [.stale]),
        CustomerSeed(name: "Truhlářství Beneš s.r.o.", status: "lead", segment: "smb", street: "Budějovická 210",
                     city: "Písek", zip: "397 01", area: "382", tags: ["dřevo"], calls: 2),
        CustomerSeed(name: "Autodoprava Krejčí s.r.o.", status: "churned", segment: "smb", street: "Hradecká 1587",
                     city: "Pardubice", zip: "530 09", area: "466", tags: ["doprava"], calls: 3,
                     stories: [.unpaidInvoice],
                     notes: "Servisní smlouvu vypověděli, poslední faktura neuhrazena.\nPředáno k vymáhání.\n"),
        CustomerSeed(name: "Sklárna Nový Bor s.r.o.", status: "active", segment: "smb", street: "Wolkerova 316",
                     city: "Nový Bor", zip: "473 01", area: "487", tags: ["sklo", "export"], calls: 6,
                     stories: [.euro]),
        CustomerSeed(name: "Obalové systémy Kučera s.r.o.", status: "prospect", segment: "smb", street: "Průmyslová 2290",
                     city: "Kladno", zip: "272 01", area: "312", tags: ["obaly"], calls: 4),
        CustomerSeed(name: "Slévárna Frýdek a.s.", status: "active", segment: "enterprise", street: "Těšínská 2704",
                     city: "Frýdek-Místek", zip: "738 01", area: "558", tags: ["slévárenství", "vip"], calls: 12,
                     notes: "Prašné prostředí, filtry měnit dvakrát častěji než obvykle.\nVstup do areálu jen s průkazem, hlásit den předem.\n"),
        CustomerSeed(name: "Zemědělské družstvo Haná", status: "active", segment: "smb", street: "Olomoucká 2012",
                     city: "Prostějov", zip: "796 01", area: "582", tags: ["zemědělství"], calls: 5,
                     stories: [.stale]),
        CustomerSeed(name: "Hydraulika Brno s.r.o.", status: "lead", segment: "smb", street: "Vídeňská 117",
                     city: "Brno", zip: "619 00", area: "547", tags: ["hydraulika"], calls: 2),
        CustomerSeed(name: "Stavby Procházka a.s.", status: "prospect", segment: "enterprise", street: "Budějovická 1912/64b",
                     city: "Praha", zip: "140 00", area: "241", tags: ["stavebnictví"], calls: 5,
                     stories: [.followUpOverdue]),
        CustomerSeed(name: "Lakovna Svoboda s.r.o.", status: "active", segment: "smb", street: "Jičínská 1350",
                     city: "Mladá Boleslav", zip: "293 01", area: "326", tags: ["lakovna"], calls: 6,
                     stories: [.unpaidInvoice]),
        CustomerSeed(name: "Pila Šumava s.r.o.", status: "inactive", segment: "smb", street: "Pasovská 466",
                     city: "Vimperk", zip: "385 01", area: "388", tags: ["dřevo"], calls: 2),
        CustomerSeed(name: "Město Kopřivnice", status: "active", segment: "public", street: "Štefánikova 1163",
                     city: "Kopřivnice", zip: "742 21", area: "556", tags: ["obec", "veřejná zakázka"], calls: 4),
        CustomerSeed(name: "Pivovar Kamenný Most s.r.o.", status: "churned", segment: "smb", street: "Báňská 287",
                     city: "Most", zip: "434 01", area: "476", tags: ["potravinářství"], calls: 2),
        CustomerSeed(name: "Mlýn Hodonín s.r.o.", status: "lead", segment: "smb", street: "Brněnská 52",
                     city: "Hodonín", zip: "695 01", area: "518", tags: ["potravinářství"], calls: 1),
        CustomerSeed(name: "Energoservis Plzeň a.s.", status: "active", segment: "enterprise", street: "Zahradní 173/2",
                     city: "Plzeň", zip: "326 00", area: "377", tags: ["energetika", "key account"], calls: 11,
                     stories: [.followUpSoon]),
        CustomerSeed(name: "Textilie Náchod s.r.o.", status: "churned", segment: "smb", street: "Kladská 318",
                     city: "Náchod", zip: "547 01", area: "491", tags: ["textil"], calls: 2),
        CustomerSeed(name: "Galvanovna Kroměříž s.r.o.", status: "active", segment: "smb", street: "Hulínská 2286",
                     city: "Kroměříž", zip: "767 01", area: "573", tags: ["povrchové úpravy"], calls: 7),
        CustomerSeed(name: "Josef Kratochvíl", kind: "person", status: "active", segment: "smb", street: "Soukenická 580",
                     city: "Tábor", zip: "390 02", tags: ["zámečník", "osvč"], calls: 4, stories: [.optOutAll],
                     notes: "Živnostník, zámečnická dílna se dvěma pístovými kompresory.\nNechce žádné nabídky ani newslettery, jen servis.\n"),
        CustomerSeed(name: "Alena Pokorná", kind: "person", status: "lead", segment: "smb", street: "Brtnická 14",
                     city: "Jihlava", zip: "586 01", tags: ["autoservis"], calls: 2, hasRegNo: false),
        CustomerSeed(name: "Miroslav Čermák", kind: "person", status: "active", segment: "smb", street: "Sokolovská 95",
                     city: "Karlovy Vary", zip: "360 05", tags: ["pneuservis", "osvč"], calls: 3),
        CustomerSeed(name: "Hana Šťastná", kind: "person", status: "inactive", segment: "smb", street: "Ratibořská 40",
                     city: "Opava", zip: "746 01", tags: ["dílna"], calls: 2, hasRegNo: false),
    ]
}

/// Names and roles of the people at customers.
enum PeopleData {
    static let maleFirst = ["Jan", "Petr", "Tomáš", "Jiří", "Josef", "Pavel", "Jaroslav", "Zdeněk", "Michal", "Lukáš",
                            "Karel", "Radek", "Ondřej", "Vladimír", "David", "Roman", "Milan", "Aleš", "Libor", "Vojtěch"]
    static let femaleFirst = ["Eva", "Hana", "Kateřina", "Petra", "Lenka", "Martina", "Veronika", "Markéta", "Zuzana",
                              "Ivana", "Monika", "Tereza", "Jitka", "Dagmar", "Simona", "Michaela", "Renata", "Blanka"]
    /// Surnames, masculine and feminine.
    static let surnames: [(String, String)] = [
        ("Novotný", "Novotná"), ("Svoboda", "Svobodová"), ("Černý", "Černá"), ("Procházka", "Procházková"),
        ("Kučera", "Kučerová"), ("Veselý", "Veselá"), ("Němec", "Němcová"), ("Pospíšil", "Pospíšilová"),
        ("Hájek", "Hájková"), ("Jelínek", "Jelínková"), ("Král", "Králová"), ("Růžička", "Růžičková"),
        ("Fiala", "Fialová"), ("Sedláček", "Sedláčková"), ("Doležal", "Doležalová"), ("Zeman", "Zemanová"),
        ("Kolář", "Kolářová"), ("Navrátil", "Navrátilová"), ("Urban", "Urbanová"), ("Vaněk", "Vaňková"),
        ("Blažek", "Blažková"), ("Kříž", "Křížová"), ("Kovář", "Kovářová"), ("Bartoš", "Bartošová"),
        ("Vlček", "Vlčková"), ("Polák", "Poláková"), ("Musil", "Musilová"), ("Šimek", "Šimková"),
        ("Konečný", "Konečná"), ("Holub", "Holubová"), ("Štěpánek", "Štěpánková"), ("Kadlec", "Kadlecová"),
        ("Richter", "Richterová"), ("Matoušek", "Matoušková"), ("Říha", "Říhová"), ("Ševčík", "Ševčíková"),
    ]
    /// Roles by segment, masculine and feminine, the decision maker first.
    static let roles: [String: [(String, String)]] = [
        "smb": [("jednatel", "jednatelka"), ("technik", "technička"), ("účetní", "účetní")],
        "enterprise": [("nákupčí", "nákupčí"), ("vedoucí údržby", "vedoucí údržby"), ("účetní", "účetní")],
        "public": [("ředitel", "ředitelka"), ("technik", "technička"), ("účetní", "účetní")],
    ]
    static let mobilePrefixes = ["601", "602", "603", "604", "605", "606", "607", "608", "720", "721", "724", "725",
                                 "731", "732", "733", "736", "737", "739", "770", "773", "774", "775", "776", "777"]
    static let contactNotes = [
        "Preferuje e-mail, telefon jen v naléhavých případech.\n",
        "K zastižení nejlépe ráno mezi 7 a 9.\n",
        "Každý srpen na dovolené, zastupuje kolega z údržby.\n",
        "Mluví i německy, nabídky chce v PDF.\n",
        "Nový v pozici od jara, předchůdce odešel ke konkurenci.\nZatím se rozhoduje s jednatelem.\n",
    ]
}
