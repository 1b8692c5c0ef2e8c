/// What customers complain about, how the complaint is described, and how it ends.
struct ComplaintTheme {
    var subject: String
    var description: String
    var resolution: String
    var rejection: String
}

/// The status, severity and age of each complaint of the sample.
struct ComplaintSpec {
    var status: String
    var severity: String
    /// Days before today it was opened.
    var ago: ClosedRange<Int>
    /// Opened by one of the customer's calls, which it then lists.
    var link = false
}

extension ComplaintTheme {
    static let all: [ComplaintTheme] = [
        ComplaintTheme(subject: "Únik oleje z kompresoru po servisu",
                       description: "Po pravidelném servisu uniká olej pod kompresorem.\nZákazník poslal fotky, hladina oleje klesá asi o litr týdně.\n",
                       resolution: "Vyměněno těsnění olejového filtru, které bylo při servisu špatně usazeno.\nOprava zdarma v rámci reklamace.\n",
                       rejection: "Olej unikal z poškozené hadice mimo rozsah naší dodávky.\nNabídli jsme opravu za běžnou cenu.\n"),
        ComplaintTheme(subject: "Hlučné ložisko motoru",
                       description: "Od minulého týdne hlučí motor kompresoru, hluk sílí při rozběhu.\n",
                       resolution: "Ložisko motoru vyměněno v záruce, měření vibrací v normě.\n",
                       rejection: "Ložisko je opotřebené provozem nad rámec doporučených motohodin, záruka se nevztahuje.\n"),
        ComplaintTheme(subject: "Neúplná dodávka filtrů",
                       description: "V zásilce chybí dva vzduchové filtry, dodací list je uvádí.\n",
                       resolution: "Chybějící filtry doposlány expresně, dorazily druhý den.\n",
                       rejection: "Podle fotografie balíku byla zásilka úplná, filtry byly ve druhé krabici.\n"),
        ComplaintTheme(subject: "Chybně účtovaná doprava na faktuře",
                       description: "Na faktuře je účtovaná doprava, která měla být podle nabídky zdarma.\n",
                       resolution: "Vystaven opravný daňový doklad na dopravu, zákazník souhlasí.\n",
                       rejection: "Doprava zdarma platila jen pro objednávky nad 20 000 Kč, tato byla nižší.\n"),
        ComplaintTheme(subject: "Pozdní příjezd servisního technika",
                       description: "Technik přijel o tři hodiny později, výroba stála.\nZákazník chce kompenzaci.\n",
                       resolution: "Omluva, sleva 10 % z ceny výjezdu na příští fakturu.\n",
                       rejection: "Termín byl posunut na žádost zákazníka, viz e-mail z předchozího dne.\n"),
        ComplaintTheme(subject: "Porucha řídicí jednotky po aktualizaci",
                       description: "Po aktualizaci firmwaru se kompresor náhodně odstavuje.\nNa displeji chyba komunikace.\n",
                       resolution: "Nahrána opravená verze firmwaru, kompresor běží bez výpadků týden.\n",
                       rejection: "Výpadky způsobuje kolísání napětí v síti zákazníka, doporučen stabilizátor.\n"),
        ComplaintTheme(subject: "Sušič nedosahuje rosného bodu",
                       description: "Ve stlačeném vzduchu je voda, sušič hlásí vysoký rosný bod.\n",
                       resolution: "Vyčištěn kondenzátor a doplněno chladivo, rosný bod v normě.\n",
                       rejection: "Sušič je poddimenzovaný pro současnou spotřebu vzduchu, doporučena výměna.\n"),
        ComplaintTheme(subject: "Poškozený kryt při dodání",
                       description: "Kompresor dorazil s promáčklým krytem, obal byl roztržený.\nFotky a zápis od dopravce v příloze.\n",
                       resolution: "Kryt vyměněn, škodu uplatňujeme u dopravce.\n",
                       rejection: "Zásilka byla převzata bez výhrad, dopravce škodu neuznal.\n"),
        ComplaintTheme(subject: "Opakovaná chyba E07 – přehřátí",
                       description: "Kompresor se v odpoledních hodinách odstavuje s chybou E07.\nV kompresorovně je přes 35 °C.\n",
                       resolution: "Doplněn odtahový ventilátor a vyčištěn chladič, chyba se neopakuje.\n",
                       rejection: "Příčinou je nedostatečné větrání kompresorovny, které není součástí dodávky.\n"),
        ComplaintTheme(subject: "Netěsný pojistný ventil vzdušníku",
                       description: "Pojistný ventil na vzdušníku syčí i pod nastaveným tlakem.\n",
                       resolution: "Pojistný ventil vyměněn a přezkoušen, protokol zaslán.\n",
                       rejection: "Ventil byl seřízen neoprávněnou osobou, plomba porušena.\n"),
        ComplaintTheme(subject: "Servisní protokol neodpovídá provedené práci",
                       description: "V protokolu je výměna separátoru, ta se ale podle obsluhy nedělala.\nNa faktuře je separátor účtován.\n",
                       resolution: "Chyba v protokolu, separátor účtován omylem.\nVystaven dobropis.\n",
                       rejection: "Separátor byl vyměněn, starý díl jsme zákazníkovi ukázali na fotografii.\n"),
        ComplaintTheme(subject: "Kompresor nenabíhá po výpadku proudu",
                       description: "Po výpadku proudu kompresor sám nenaběhl, ráno nebyl vzduch pro linku.\n",
                       resolution: "Zapnut automatický restart po výpadku, obsluha proškolena.\n",
                       rejection: "Automatický restart má zákazník vypnutý na vlastní žádost kvůli bezpečnosti.\n"),
        ComplaintTheme(subject: "Dodán jiný typ olejového separátoru",
                       description: "Místo objednaného separátoru přišel jiný typ, nepasuje na kompresor.\n",
                       resolution: "Separátor vyměněn za správný typ, doprava na naše náklady.\n",
                       rejection: "Dodán typ podle objednávky zákazníka, chyba byla v objednávce.\n"),
        ComplaintTheme(subject: "Vysoká spotřeba elektřiny po výměně motoru",
                       description: "Od výměny motoru ukazuje elektroměr o pětinu vyšší spotřebu.\n",
                       resolution: "Opraveno nastavení frekvenčního měniče, spotřeba se vrátila na původní hodnotu.\n",
                       rejection: "Spotřeba odpovídá vyššímu odběru vzduchu v novém provozu, kompresor je v pořádku.\n"),
    ]
}

extension ComplaintSpec {
    /// Every status and severity; open and in-progress ones both before and past their due date.
    static let all: [ComplaintSpec] = [
        ComplaintSpec(status: "open", severity: "critical", ago: 2...4),
        ComplaintSpec(status: "open", severity: "high", ago: 6...12),
        ComplaintSpec(status: "open", severity: "normal", ago: 14...25, link: true),
        ComplaintSpec(status: "open", severity: "normal", ago: 2...6),
        ComplaintSpec(status: "open", severity: "low", ago: 5...20),
        ComplaintSpec(status: "in-progress", severity: "critical", ago: 5...9, link: true),
        ComplaintSpec(status: "in-progress", severity: "high", ago: 1...2),
        ComplaintSpec(status: "in-progress", severity: "normal", ago: 15...30, link: true),
        ComplaintSpec(status: "in-progress", severity: "normal", ago: 3...7),
        ComplaintSpec(status: "in-progress", severity: "low", ago: 40...60),
        ComplaintSpec(status: "resolved", severity: "low", ago: 30...330, link: true),
        ComplaintSpec(status: "resolved", severity: "normal", ago: 30...330, link: true),
        ComplaintSpec(status: "resolved", severity: "normal", ago: 30...330),
        ComplaintSpec(status: "resolved", severity: "high", ago: 30...330, link: true),
        ComplaintSpec(status: "resolved", severity: "critical", ago: 30...330, link: true),
        ComplaintSpec(status: "resolved", severity: "normal", ago: 30...330),
        ComplaintSpec(status: "resolved", severity: "low", ago: 30...330),
        ComplaintSpec(status: "resolved", severity: "high", ago: 30...330, link: true),
        ComplaintSpec(status: "resolved", severity: "normal", ago: 30...330, link: true),
        ComplaintSpec(status: "resolved", severity: "critical", ago: 60...330),
        ComplaintSpec(status: "resolved", severity: "normal", ago: 20...60),
        ComplaintSpec(status: "resolved", severity: "high", ago: 90...330),
        ComplaintSpec(status: "rejected", severity: "normal", ago: 30...330, link: true),
        ComplaintSpec(status: "rejected", severity: "low", ago: 30...330),
        ComplaintSpec(status: "rejected", severity: "high", ago: 30...330, link: true),
        ComplaintSpec(status: "rejected", severity: "normal", ago: 20...200),
    ]
}
