/// A key a person pressed, as a terminal in raw mode sends it.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    /// A printable character, with its modifiers already applied (`A`, `č`).
    case character(Character)
    /// A letter pressed with Ctrl (`control("c")` for Ctrl-C).
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// A sequence the decoder does not know, kept so that it is not taken for keys.
    case unknown([UInt8])

    public var description: String {
        switch self {
        case .character(let character): return String(character)
        case .control(let letter): return "Ctrl-" + letter.uppercased()
        case .unknown(let bytes): return "unknown(\(bytes))"
        case .enter: return "Enter"
        case .escape: return "Escape"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        }
    }
}
