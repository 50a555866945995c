/// Escaping for text placed in HTML element content or attribute values.
enum HTMLEscaping {
    /// Escapes `& < > " '` wherever they occur, byte by byte: also when a combining mark follows
    /// them (`"` + U+0301 is one `Character` that is not `"`, but HTML still ends the attribute
    /// at the quote). Text with nothing to escape is returned as it is.
    static func escape(_ text: String) -> String {
        var contiguous = text
        guard contiguous.withUTF8({ $0.contains(where: isSpecial) }) else { return text }
        let utf8 = text.utf8
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
