/// A kind of call the company has with its customers, with the words people use for it.
/// Texts may hold `{product}`, `{invoice}`, `{date}` and `{days}`, filled in per call.
struct CallScenario {
    enum Phase { case sales, service, any }

    var subject: String
    var summaries: [String]
    var outcome: String
    var direction: String
    var channels: [(String, Int)]
    /// Minutes on the phone; meetings and chats have their own.
    var minutes: ClosedRange<Int> = 2...10
    var phase: Phase
    var weight = 2
    /// Days until the follow-up the call asks for.
    var followUp: ClosedRange<Int>? = nil
    /// Needs an invoice issued in the month before the call.
    var needsInvoice = false
    /// A first call with a new customer.
    var opener = false
    /// Usually made by the technician.
    var technical = false
    /// The contact's role to prefer, such as `účetní`.
    var role: String? = nil

    func fits(_ status: String) -> Bool {
        switch phase {
        case .any: return true
        case .sales: return ["lead", "prospect", "active"].contains(status)
        case .service: return ["active", "inactive", "churned"].contains(status)
        }
    }
}

extension CallScenario {
    static let products = ["šroubový kompresor 22 kW", "šroubový kompresor 37 kW", "pístový kompresor 5,5 kW",
                           "kondenzační sušič", "adsorpční sušič", "vzdušník 500 l", "vzdušník 1000 l",
                           "olejový separátor", "tlakový spínač", "rekuperační výměník"]

    static let pool: [CallScenario] = [
        CallScenario(subject: "Objednávka filtrů a oleje", summaries: [
            "Objednali sadu filtrů a 20 l oleje. Expedice zítra, doprava zdarma.",
            "Objednávka filtrů na příští servis.\nPotvrzeno e-mailem, dodání do 5 pracovních dnů.\n",
        ], outcome: "done", direction: "inbound", channels: [("phone", 3), ("email", 3), ("web", 1)], phase: .service, weight: 3),
        CallScenario(subject: "Termín pravidelného servisu", summaries: [
            "Domluven pravidelný servis na {date}, technik Martin, asi 3 hodiny.",
            "Servis po 4000 motohodinách domluven na {date} od 7:00.\nPotřebují, aby technik přivezl i nový separátor.\n",
        ], outcome: "done", direction: "outbound", channels: [("phone", 4), ("email", 1)], phase: .service, weight: 3,
        technical: true),
        CallScenario(subject: "Porucha kompresoru", summaries: [
            "Kompresor se odstavuje s chybou přehřátí. Technik vyjede {date} ráno.",
            "Nenabíhá {product}, na displeji chyba E07.\nDoporučeno vyčistit chladič, když to nepomůže, přijede technik.\n",
        ], outcome: "callback", direction: "inbound", channels: [("phone", 5), ("chat", 1)], minutes: 4...15,
        phase: .service, weight: 2, followUp: 1...3, technical: true, role: "údržb"),
        CallScenario(subject: "Zpráva po servisu", summaries: [
            "Zaslán servisní protokol a doporučení: výměna ložisek motoru do 6 měsíců.",
            "Poslán protokol ze servisu.\nÚnik na rozvodu v hale B, doporučena oprava.\n",
        ], outcome: "done", direction: "outbound", channels: [("email", 1)], phase: .service, technical: true),
        CallScenario(subject: "Dotaz na fakturu {invoice}", summaries: [
            "Účetní se ptala na fakturu {invoice}: chybí číslo objednávky. Poslána opravená faktura.",
            "Nesouhlasí částka na faktuře {invoice} s nabídkou.\nVysvětleno, že v nabídce nebyla doprava. Zákazník souhlasí.\n",
        ], outcome: "done", direction: "inbound", channels: [("phone", 3), ("email", 3)], minutes: 2...6,
        phase: .service, weight: 3, needsInvoice: true, role: "účetní"),
        CallScenario(subject: "Revize tlakové nádoby", summaries: [
            "Blíží se revize vzdušníku. Revizní technik domluven na {date} dopoledne.",
        ], outcome: "done", direction: "outbound", channels: [("phone", 1)], phase: .service, technical: true),
        CallScenario(subject: "Dotaz na dodací lhůtu", summaries: [
            "Ptali se na termín dodání: {product}. Potvrzeno dodání {date} do 12:00.",
        ], outcome: "done", direction: "inbound", channels: [("email", 2), ("chat", 2), ("phone", 1)], phase: .any),
        CallScenario(subject: "Školení obsluhy", summaries: [
            "Školení dvou nových pracovníků obsluhy, zápis podepsán.\nPříště probrat i údržbu sušiče.\n",
        ], outcome: "done", direction: "outbound", channels: [("meeting", 1)], phase: .service, weight: 1, technical: true),
        CallScenario(subject: "Nabídka servisní smlouvy", summaries: [
            "Představena servisní smlouva s garancí příjezdu do 24 hodin. Chtějí si to rozmyslet.",
            "Servisní smlouva: zajímá je paušál včetně filtrů.\nPošleme dvě varianty, rozhodnou se na poradě vedení.\n",
        ], outcome: "callback", direction: "outbound", channels: [("phone", 3), ("meeting", 1)], minutes: 10...30,
        phase: .any, followUp: 5...14),
        CallScenario(subject: "Nabídka prodloužené záruky", summaries: [
            "Nabídli jsme prodlouženou záruku: {product}. Nemají zájem, rozpočet na letošek je vyčerpaný.",
        ], outcome: "declined:extended-warranty", direction: "outbound", channels: [("phone", 1)], phase: .service, weight: 1),
        CallScenario(subject: "Podklady k fakturaci", summaries: [
            "Poslali číslo objednávky, fakturu vystavíme po dodání.",
            "Chtějí fakturu rozdělit na dvě střediska.\nÚčetní pošle přesné názvy středisek.\n",
        ], outcome: "done", direction: "inbound", channels: [("email", 1)], phase: .service, role: "účetní"),
        CallScenario(subject: "Připomínka příjezdu technika", summaries: [
            "Připomenut zítřejší příjezd technika v 7:30.",
        ], outcome: "done", direction: "outbound", channels: [("sms", 1)], phase: .service, weight: 2, technical: true),
        CallScenario(subject: "Dotaz přes Facebook", summaries: [
            "Na Facebooku se ptali, jestli servisujeme i starší pístové kompresory. Odpovězeno, poslán kontakt na technika.",
        ], outcome: "done", direction: "inbound", channels: [("social", 1)], phase: .service, weight: 1),
        CallScenario(subject: "Spokojenost po servisu", summaries: [
            "Krátký telefonát po servisu, zákazník spokojen, bez připomínek.",
        ], outcome: "done", direction: "outbound", channels: [("phone", 1)], minutes: 2...5, phase: .service),
        CallScenario(subject: "Dotaz na pronájem kompresoru", summaries: [
            "Přes LinkedIn se ptali na pronájem kompresoru na 3 měsíce. Poslána nabídka pronájmu.",
        ], outcome: "offer-sent", direction: "inbound", channels: [("social", 1)], phase: .any, weight: 1, followUp: 5...10),
        CallScenario(subject: "Objednávka náhradních dílů", summaries: [
            "Objednali {product}, dodání {date} dopoledne.",
            "Objednávka: {product} a sada těsnění.\nPotvrzeno, expedice {date} odpoledne.\n",
        ], outcome: "done", direction: "inbound", channels: [("phone", 2), ("email", 2)], phase: .service, weight: 2),
        CallScenario(subject: "Ceník servisu na příští rok", summaries: [
            "Poštou zaslán nový ceník servisních prací, zdražení o 4 %.",
        ], outcome: "done", direction: "outbound", channels: [("letter", 1)], phase: .service, weight: 1),
        CallScenario(subject: "Poptávka z webu", summaries: [
            "Poptávka z webového formuláře: hledají {product} do nové haly. Domluven telefonát.",
        ], outcome: "callback", direction: "inbound", channels: [("web", 3), ("email", 1)], phase: .sales, weight: 1,
        followUp: 1...4, opener: true),
        CallScenario(subject: "Představení firmy", summaries: [
            "Úvodní telefonát, představení servisu kompresorů. Zájem o schůzku.",
            "Představili jsme servis a pronájem kompresorů.\nZatím mají smlouvu s konkurencí do konce roku.\n",
        ], outcome: "callback", direction: "outbound", channels: [("phone", 1)], minutes: 5...15, phase: .sales, weight: 1,
        followUp: 3...10, opener: true),
        CallScenario(subject: "Nabídka na nový kompresor", summaries: [
            "Poslána nabídka: {product}, platnost 30 dní.",
            "Probrány požadavky na tlak a průtok.\nPoslána nabídka: {product} včetně instalace.\n",
        ], outcome: "offer-sent", direction: "outbound", channels: [("phone", 2), ("email", 2)], minutes: 5...20,
        phase: .sales, weight: 2, followUp: 7...14),
        CallScenario(subject: "Prohlídka kompresorovny", summaries: [
            "Prohlídka kompresorovny a měření spotřeby vzduchu.\nÚniky na rozvodech odhadujeme na 15 %.\nPřipravíme nabídku na opravu rozvodů.\n",
        ], outcome: "offer-sent", direction: "outbound", channels: [("meeting", 1)], phase: .sales, weight: 1,
        followUp: 7...14, technical: true),
        CallScenario(subject: "Jednání o ceně", summaries: [
            "Jednání o slevě při odběru dvou kusů. Požadují 8 %, nabídli jsme 5 %.",
        ], outcome: "callback", direction: "outbound", channels: [("meeting", 2), ("phone", 2)], minutes: 10...25,
        phase: .sales, weight: 1, followUp: 3...10),
        CallScenario(subject: "Odpověď na nabídku", summaries: [
            "Nabídku odmítli, vybrali levnějšího dodavatele.",
            "Na nabídku zatím nereagují, rozpočet schválí až v lednu.",
        ], outcome: "declined", direction: "inbound", channels: [("email", 2), ("phone", 1)], phase: .sales, weight: 1),
        CallScenario(subject: "Dotaz na cenu sušiče", summaries: [
            "Přes chat na webu se ptali na cenu: {product}. Poslán orientační ceník.",
        ], outcome: "offer-sent", direction: "inbound", channels: [("chat", 1)], minutes: 3...12, phase: .sales, weight: 1),
    ]

    /// The call in which a customer declined the newsletter (before the opt-out was recorded).
    static let newsletter = CallScenario(subject: "Nabídka newsletteru", summaries: [
        "Nabídli jsme zasílání novinek a akčních nabídek e-mailem.\nNemají zájem, nechtějí žádné hromadné e-maily.\n",
    ], outcome: "declined:newsletter", direction: "outbound", channels: [("phone", 1)], minutes: 2...5, phase: .any)

    static let reminder = CallScenario(subject: "Upomínka: faktura {invoice} po splatnosti", summaries: [
        "Faktura {invoice} je {days} dní po splatnosti.\nÚčetní slíbila úhradu do konce týdne.\n",
    ], outcome: "callback", direction: "outbound", channels: [("phone", 1)], minutes: 2...6, phase: .any, role: "účetní")

    static let termination = CallScenario(subject: "Výpověď servisní smlouvy", summaries: [
        "Doporučeným dopisem vypověděli servisní smlouvu ke konci měsíce.\nDůvod: přecházejí na vlastní údržbu.\n",
    ], outcome: "declined", direction: "inbound", channels: [("letter", 1)], phase: .any)

    /// Škoda Transport's question about last week's invoice (written by hand).
    static let invoiceQuestion = CallScenario(subject: "Dotaz na fakturu {invoice}: chybí číslo objednávky", summaries: [
        "Paní Dvořáková volala kvůli faktuře {invoice}.\nChybí na ní číslo objednávky 4500012345, bez něj ji nezaúčtují.\nLucie poslala opravenou fakturu e-mailem.\n",
    ], outcome: "done", direction: "inbound", channels: [("phone", 1)], minutes: 6...6, phase: .any)
}
