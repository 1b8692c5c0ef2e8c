import Testing
@testable import CRMInterchange

/// A list field's items in one CSV cell: every item comes back as it was, commas and quotes included.
@Suite("List items in a CSV cell")
struct ListCellTests {
    @Test("Items are joined with ', '; one with a comma, a quote or outer spaces is quoted", arguments: [
        ([], ""),
        (["vip"], "vip"),
        (["vip", "key account"], "vip, key account"),
        (["Brno, Královo Pole", "vip"], "\"Brno, Královo Pole\", vip"),
        (["say \"hi\""], "say \"hi\""),
        (["\"quoted\""], "\"\"\"quoted\"\"\""),
        ([" padded "], "\" padded \""),
    ])
    func join(_ items: [String], _ cell: String) {
        #expect(ListCell.join(items) == cell)
        #expect(items.isEmpty || ListCell.split(cell) == items)
    }

    @Test("A cell typed by a person is read leniently", arguments: [
        ("a,b ,  c", ["a", "b", "c"]),
        ("\"a, b\"  ,c", ["a, b", "c"]),
        ("\"unclosed, still", ["unclosed, still"]),
        ("x,,y", ["x", "", "y"]),
    ])
    func split(_ cell: String, _ items: [String]) {
        #expect(ListCell.split(cell) == items)
    }
}
