/// Messages as mutt, Outlook, Thunderbird and a Gmail export write them (written here, not
/// downloaded): a thread of an offer and its answer, a complaint from an unknown address at a
/// customer's domain, and an mbox with one message from a contact's free-mail address and one
/// from a stranger.
enum MailCorpus {
    /// Czech Outlook: outbound, Windows-1250 quoted-printable, text and HTML, an attachment named by encoded words.
    static let outlook = """
        From: Martin Kos <martin@strojservis.example.cz>
        To: "=?windows-1250?Q?Dvo=F8=E1kov=E1_Jana?=" <jana.dvorakova@acme.example.cz>
        CC: "info@acme.example.cz" <info@acme.example.cz>
        Subject: =?windows-1250?Q?Nab=EDdka_servisu?=
        Thread-Topic: =?windows-1250?Q?Nab=EDdka_servisu?=
        Thread-Index: AdlTq2YkQ3u0aMHnR0uJjz8g5eXh3g==
        Date: Thu, 20 Nov 2026 13:05:33 +0000
        Message-ID: <outlook-1@strojservis.example.cz>
        Accept-Language: cs-CZ
        Content-Language: cs-CZ
        X-MS-Has-Attach: yes
        Content-Type: multipart/mixed;
        \tboundary="_004_outlook1_"
        MIME-Version: 1.0

        --_004_outlook1_
        Content-Type: multipart/alternative;
        \tboundary="_000_outlook1_"

        --_000_outlook1_
        Content-Type: text/plain; charset="windows-1250"
        Content-Transfer-Encoding: quoted-printable

        Dobr=FD den,

        pos=EDl=E1m nab=EDdku servisu kompresor=F9 na prosinec. Cena je 12 500 K=E8 =
        bez DPH.

        S pozdravem
        Martin Kos

        Tento e-mail a jeho p=F8=EDlohy jsou d=F9v=ECrn=E9.

        --_000_outlook1_
        Content-Type: text/html; charset="windows-1250"
        Content-Transfer-Encoding: quoted-printable

        <html><body><p>Dobr=FD den,</p></body></html>

        --_000_outlook1_--

        --_004_outlook1_
        Content-Type: application/pdf; name="=?windows-1250?Q?Nab=EDdka_2026.pdf?="
        Content-Description: =?windows-1250?Q?Nab=EDdka_2026.pdf?=
        Content-Disposition: attachment;
        \tfilename="=?windows-1250?Q?Nab=EDdka_2026.pdf?="; size=5
        Content-Transfer-Encoding: base64

        JVBERi0=

        --_004_outlook1_--

        """

    /// NeoMutt: the answer, inbound, UTF-8 8bit, a quoted reply and a signature.
    static let mutt = """
        Date: Fri, 21 Nov 2026 09:12:40 +0100
        From: Jana =?utf-8?Q?Dvo=C5=99=C3=A1kov=C3=A1?= <jana.dvorakova@acme.example.cz>
        To: Martin Kos <martin@strojservis.example.cz>
        Subject: Re: =?utf-8?Q?Nab=C3=ADdka?= servisu
        Message-ID: <20261121081240.GA1234@acme.example.cz>
        References: <outlook-1@strojservis.example.cz>
        In-Reply-To: <outlook-1@strojservis.example.cz>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Disposition: inline
        Content-Transfer-Encoding: 8bit
        User-Agent: NeoMutt/20220429

        Dobrý den,

        nabídku přijímáme, termín 3. 12. nám vyhovuje.

        On Thu, Nov 20, 2026 at 02:05:33PM +0100, Martin Kos wrote:
        > Dobrý den, posílám nabídku servisu.
        >
        > Martin

        -- 
        Jana Dvořáková
        nákupčí, Acme s.r.o.

        """

    /// Thunderbird: from an address no record has, at a customer's website domain; an RFC 2231 file name.
    static let thunderbird = """
        Message-ID: <5e1f0c2a-1d2b-4c3e-9f00-1a2b3c4d5e6f@beta.example.cz>
        Date: Sat, 22 Nov 2026 08:30:00 +0100
        MIME-Version: 1.0
        User-Agent: Mozilla Thunderbird
        Content-Language: cs
        To: servis@strojservis.example.cz
        From: =?UTF-8?B?T25kxZllaiBLcsOhbA==?= <ondrej.kral@beta.example.cz>
        Subject: =?UTF-8?Q?Reklamace_kompresoru_=C4=8D=2E_7?=
        Content-Type: multipart/mixed; boundary="------------aBcD1234"

        This is a multi-part message in MIME format.
        --------------aBcD1234
        Content-Type: text/plain; charset=UTF-8; format=flowed
        Content-Transfer-Encoding: 8bit

        Dobrý den,
        kompresor č. 7 opět netěsní. Prosím o servis.

        Ondřej Král
        --------------aBcD1234
        Content-Type: image/jpeg
        Content-Disposition: attachment;
         filename*0*=UTF-8''fotka%20kompresoru%20%C4%8D.%207;
         filename*1*=.jpg
        Content-Transfer-Encoding: base64

        /9j/4AAQ
        --------------aBcD1234--

        """

    /// A Gmail (Google Takeout) mbox: a contact writing from gmail.com, then a stranger from gmail.com.
    static let gmail = """
        From 1784400000000000000@xxx Sun Nov 23 10:00:00 +0000 2026
        X-GM-THRID: 1784400000000000000
        X-Gmail-Labels: Inbox
        Delivered-To: martin@strojservis.example.cz
        MIME-Version: 1.0
        Date: Sun, 23 Nov 2026 11:00:00 +0100
        Message-ID: <CAB+gmail-1@mail.gmail.com>
        Subject: =?UTF-8?B?T2JqZWRuw6F2a2EgZMOtbMWv?=
        From: =?UTF-8?Q?Petr_Hrub=C3=BD?= <petr.hruby@gmail.com>
        To: martin@strojservis.example.cz
        Content-Type: multipart/alternative; boundary="000000000000abcdef"

        --000000000000abcdef
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: base64

        T2JqZWRuw6F2w6FtIDIga3MgZmlsdHJ1LgoKRG5lIG5lIDIzLiAxMS4gMjAyNiB2IDk6MDAgb2Rl
        c8OtbGF0ZWwgTWFydGluIDxtYXJ0aW5Ac3Ryb2pzZXJ2aXMuZXhhbXBsZS5jej4gbmFwc2FsOgo+
        IERvYnLDvSBkZW4sIG3DoXRlIHrDoWplbSBvIGZpbHRyeT8K
        --000000000000abcdef
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"ltr">Objedn=C3=A1v=C3=A1m 2 ks filtru.</div>
        --000000000000abcdef--

        From 1784400000000000001@xxx Sun Nov 23 12:00:00 +0000 2026
        X-GM-THRID: 1784400000000000001
        Date: Sun, 23 Nov 2026 13:00:00 +0100
        Message-ID: <CAB+gmail-2@mail.gmail.com>
        Subject: Dotaz
        From: neznamy.zakaznik@gmail.com
        To: martin@strojservis.example.cz
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: 8bit

        Dobrý den, máte volný termín?

        """
}
