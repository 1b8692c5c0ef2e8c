import CRMMail
import Testing

@Suite("A message's own words, for the summary")
struct MailSummaryTests {
    @Test(arguments: [
        ("Dobrý den,\nposílám ceník.\n\n-- \nJana Dvořáková\nnákupčí", "Dobrý den,\nposílám ceník."),
        ("Ano, beru.\n\nOn Thu, 20 Nov 2026 at 14:05, Petr <p@x.cz> wrote:\n> Posílám nabídku.", "Ano, beru."),
        ("Ano.\n\nDne 20. 11. 2026 v 14:05 Petr Novák napsal(a):\n> Nabídka", "Ano."),
        ("Díky.\n\n-----Original Message-----\nFrom: Petr\nSent: Thursday", "Díky."),
        ("Díky.\n\n________________________________\nOd: Petr\nOdesláno: čtvrtek", "Díky."),
        ("Díky.\n\nFrom: Petr Novák <p@x.cz>\nSent: Thursday, November 20, 2026\nTo: Jana", "Díky."),
        ("Díky.\n\n*From:* Petr\n*Sent:* Thursday", "Díky."),
        ("OK\n\nSent from my iPhone", "OK"),
        ("Beru.\n\nTento e-mail a jeho přílohy jsou důvěrné.", "Beru."),
        ("a\n> quoted\nb", "a\nb"),
        ("a\n\n\n\nb\n\n", "a\n\nb"),
        ("From: the start of a sentence is fine", "From: the start of a sentence is fine"),
    ])
    func summary(text: String, expected: String) {
        #expect(MailSummary.summary(of: text) == expected)
    }

    @Test("A long text is cut at a word, saying how much is left")
    func cut() {
        let text = String(repeating: "slovo ", count: 400)
        let summary = MailSummary.summary(of: text, limit: 100)
        #expect(summary.hasPrefix(String(repeating: "slovo ", count: 16).dropLast() + " […]"))
        #expect(summary.hasSuffix("[2304 more characters in the message]"))
    }
}

@Suite("HTML bodies as text")
struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Dobrý&nbsp;den,</p><p>posílám <b>ceník</b>.</p>", "Dobrý den,\n\nposílám ceník."),
        ("<html><head><style>p {color: red}</style><title>x</title></head><body>Ahoj<br>světe</body></html>", "Ahoj\nsvěte"),
        ("<ul><li>jedna</li><li>dvě</li></ul>", "- jedna\n- dvě"),
        ("A &amp; B &lt;3 &#269;&#x10D;", "A & B <3 čč"),
        ("Beru.<blockquote>Nabídka <i>z pondělí</i></blockquote>", "Beru."),
        ("<!-- a comment -->text   with\n  spaces", "text with spaces"),
        ("<script>alert(1)</script>ok", "ok"),
        ("unknown &bogus; entity & alone", "unknown &bogus; entity & alone"),
    ])
    func text(html: String, expected: String) {
        #expect(HTMLText.text(html) == expected)
    }
}
