import CRMAccounting
import CRMInterchange
import Testing

@Suite("XML, read safely")
struct XMLTreeTests {
    @Test("Elements with namespaces, attributes, text and lines")
    func tree() throws {
        let tree = try XMLTree(parsing: Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="http://isdoc.cz/namespace/2013" version="6.0.2">
              <ID>FV-2026-0042</ID>
              <Party><PartyName><Name>Acme &amp; syn</Name></PartyName></Party>
              <Note><![CDATA[a <b> c]]></Note>
            </Invoice>
            """.utf8))
        #expect(tree.root.name == "Invoice")
        #expect(tree.root.namespace == "http://isdoc.cz/namespace/2013")
        #expect(tree.root.attributes["version"] == "6.0.2")
        #expect(tree.root.text("ID") == "FV-2026-0042")
        #expect(tree.root.text("Party/PartyName/Name") == "Acme & syn")
        #expect(tree.root.text("Note") == "a <b> c")
        #expect(tree.root.child("Party")?.line == 4)
    }

    @Test("A DTD is refused before anything is read, with its line", arguments: [
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>",
        "<?xml version=\"1.0\"?>\n<!doctype x SYSTEM \"http://127.0.0.1:1/x.dtd\"><x/>",
    ])
    func dtd(text: String) {
        #expect(throws: ReadError(line: 2, column: 1, message: "a document type declaration (<!DOCTYPE>) is not allowed",
                                  hint: "entities can read files and exhaust memory; export the document again without a DTD")) {
            try XMLTree(parsing: Array(text.utf8))
        }
    }

    @Test("A comment may mention a DOCTYPE")
    func comment() throws {
        #expect(try XMLTree(parsing: Array("<!-- <!DOCTYPE x> --><x/>".utf8)).root.name == "x")
    }

    @Test("Too deep, cut short or not XML: an error at its line")
    func broken() throws {
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        let error = try #require(throws: ReadError.self) { try XMLTree(parsing: Array(deep.utf8)) }
        #expect(error.message == "elements are nested more than 64 deep")
        let cut = try #require(throws: ReadError.self) { try XMLTree(parsing: Array("<a>\n<b>\n<c>text".utf8)) }
        #expect(cut.line >= 3)
        #expect(throws: ReadError.self) { try XMLTree(parsing: Array("not xml at all".utf8)) }
        #expect(throws: ReadError.self) { try XMLTree(parsing: []) }
    }

    @Test("Bytes that are not UTF-8 are refused at their place; a Windows-1250 document that says so is read (found by fuzz-accounting)")
    func encodings() throws {
        let broken = Array("<a>\n<b>ok</b><".utf8) + [0xFF, 0xFF] + Array("c/></a>".utf8)
        #expect(throws: ReadError(line: 2, column: 11, message: "the file is not UTF-8: byte 0xFF",
                                  hint: "ISDOC and camt.053 files are UTF-8 (or say their encoding in <?xml ... encoding=\"windows-1250\"?>)")) {
            try XMLTree(parsing: broken)
        }
        let czech = Array("<?xml version=\"1.0\" encoding=\"windows-1250\"?><a>".utf8) + Windows1250.encode("Žluťoučký kůň")! + Array("</a>".utf8)
        #expect(try XMLTree(parsing: czech).root.text == "Žluťoučký kůň")
    }

    @Test("Processing instructions after the declaration are passed over, lines kept (found by fuzz-accounting)")
    func processingInstructions() throws {
        let tree = try XMLTree(parsing: Array("<?xml version=\"1.0\"?>\n<a><?x?>\n<?pi with\ndata?><b>1</b>\n<![CDATA[<?not a pi?>]]></a>".utf8))
        #expect(tree.root.child("b")?.line == 4)
        #expect(tree.root.text == "<?not a pi?>")
        #expect(try XMLTree(parsing: Array("<?xml?>\n<a/>".utf8)).root.name == "a")
    }
}
