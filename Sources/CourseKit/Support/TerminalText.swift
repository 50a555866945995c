/// The one escaping function for text that reaches a terminal: file names, link targets,
/// archive entry names, manifest names and messages that quote them. Control characters
/// (C0, DEL, C1), line and paragraph separators and bidirectional overrides are shown
/// visibly (`\e`, `\n`, `\x07`, `\u{202E}`), so a hostile name can neither forge output lines
/// nor send escape sequences (clear the screen, set the window title) nor reorder text.
/// Tabs are kept only when `keepTabs` is set (source snippets, where they align the caret).
public enum TerminalText {
    public static func escape(_ text: String, keepTabs: Bool = false) -> String {
        // Fast path: nothing to escape (the common case).
        if !text.unicodeScalars.contains(where: { needsEscape($0, keepTabs: keepTabs) }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepTabs: keepTabs) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{1B}": out += "\\e"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if scalar.value <= 0xFF {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepTabs: Bool) -> Bool {
        let value = scalar.value
        if value == 0x09 { return !keepTabs }
        if value < 0x20 || value == 0x7F { return true }
        if value >= 0x80 && value <= 0x9F { return true }
        switch value {
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
