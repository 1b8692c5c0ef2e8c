import CRMWorkspace

/// A list field's items in one CSV cell, as `crm export` writes them and `crm import` reads
/// them: joined with `, `; an item that holds a comma, a double quote or leading or trailing
/// spaces is quoted, with `""` for a quote in it, so that every item comes back as it was.
public enum ListCell {
    /// The items in one cell.
    public static func join(_ items: [String]) -> String {
        items.map { item in
            let plain = !item.contains(",") && !item.hasPrefix("\"") && item.trimmingWhitespace() == item
            return plain ? item : "\"" + item.replacing("\"", with: "\"\"") + "\""
        }.joined(separator: ", ")
    }

    /// The items of a cell; an unquoted item is trimmed of spaces.
    public static func split(_ text: String) -> [String] {
        var items: [String] = []
        var scalars = Substring(text)[...]
        while true {
            scalars = scalars.drop { $0 == " " }
            if scalars.first == "\"" {
                var item = ""
                var rest = scalars.dropFirst()
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "\"" {
                        if rest.first == "\"" {
                            item.append("\"")
                            rest = rest.dropFirst()
                        } else {
                            break
                        }
                    } else {
                        item.append(character)
                    }
                }
                items.append(item)
                let comma = rest.firstIndex(of: ",")
                guard let comma else { return items }
                scalars = rest[rest.index(after: comma)...]
            } else {
                let comma = scalars.firstIndex(of: ",")
                items.append(String(scalars[..<(comma ?? scalars.endIndex)]).trimmingWhitespace())
                guard let comma else { return items }
                scalars = scalars[scalars.index(after: comma)...]
            }
        }
    }
}

