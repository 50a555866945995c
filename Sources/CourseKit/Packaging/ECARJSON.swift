/// A JSON value with object keys kept in the order they were added, serialised the same way
/// every time: compact (no whitespace, as Sunbird's own publisher writes ECAR manifests) or with
/// two-space indentation, UTF-8 text left unescaped, numbers as written (so a pass mark of 72.5
/// survives). Used for the ECAR's `manifest.json` and `hierarchy.json`.
indirect enum ECARJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as its JSON literal (`70`, `72.5`).
    case number(String)
    case string(String)
    case array([ECARJSON])
    case object([(String, ECARJSON)])
    /// JSON text serialised before (compact UTF-8), inserted as it is: lets a large part that
    /// goes into two documents, or is also hashed, be written once.
    case raw([UInt8])

    static func int(_ value: Int) -> ECARJSON { .number(String(value)) }
    static func int64(_ value: Int64) -> ECARJSON { .number(String(value)) }

    static func strings(_ values: [String]) -> ECARJSON { .array(values.map(ECARJSON.string)) }

    /// `value` serialised now (compact), for a part written into many documents. Kept in
    /// memory for the run, so without `bytes`' head room.
    static func compact(_ value: ECARJSON) -> ECARJSON {
        var out: [UInt8] = []
        value.write(into: &out, indent: nil)
        return .raw(out)
    }

    static func == (lhs: ECARJSON, rhs: ECARJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.raw, _), (_, .raw): lhs.bytes(pretty: false) == rhs.bytes(pretty: false)
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(serialized(pretty: false))
    }

    /// Member lookup on objects.
    subscript(key: String) -> ECARJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The JSON text; `pretty` indents with two spaces and ends with a newline.
    func serialized(pretty: Bool = true) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes (built byte by byte: much faster than appending to a String).
    func bytes(pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: pretty ? 0 : nil)
        if pretty { out.append(0x0A) }
        return out
    }

    private func write(into out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let literal): Self.appendUTF8(literal, into: &out)
        case .string(let text): Self.writeString(text, into: &out)
        case .raw(let bytes): out.append(contentsOf: bytes)
        case .array(let items):
            guard !items.isEmpty else { out.append(0x5B); out.append(0x5D); return }
            out.append(0x5B)
            let inner = indent.map { $0 + 1 }
            var first = true
            for item in items {
                if !first { out.append(0x2C) }
                first = false
                Self.newline(&out, inner)
                item.write(into: &out, indent: inner)
            }
            Self.newline(&out, indent)
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else { out.append(0x7B); out.append(0x7D); return }
            out.append(0x7B)
            Self.writeMembers(members, into: &out, indent: indent)
            Self.newline(&out, indent)
            out.append(0x7D)
        }
    }

    /// An object's members as compact JSON text without the braces (`"a":1,"b":"x"`): lets
    /// an item's fields, serialised once, open both the manifest's and the hierarchy's copy.
    static func writeMembers(_ members: [(String, ECARJSON)], into out: inout [UInt8]) {
        writeMembers(members, into: &out, indent: nil)
    }

    private static func writeMembers(_ members: [(String, ECARJSON)], into out: inout [UInt8], indent: Int?) {
        let inner = indent.map { $0 + 1 }
        var first = true
        for member in members {
            if !first { out.append(0x2C) }
            first = false
            newline(&out, inner)
            writeString(member.0, into: &out)
            out.append(0x3A)
            if indent != nil { out.append(0x20) }
            member.1.write(into: &out, indent: inner)
        }
    }

    private static func appendUTF8(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// A line break followed by the indentation of each depth, built once.
    private static let newlines: [[UInt8]] = (0..<64).map { [0x0A] + [UInt8](repeating: 0x20, count: $0 * 2) }

    private static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        if indent < newlines.count {
            out.append(contentsOf: newlines[indent])
        } else {
            out.append(0x0A)
            out.append(contentsOf: [UInt8](repeating: 0x20, count: indent * 2))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// RFC 8259 escaping; other text, Devanagari included, stays UTF-8. U+2028 and U+2029 are
    /// escaped too, so the JSON is also valid JavaScript. Runs that need no escaping are copied
    /// in one go from the string's own UTF-8 storage.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            let count = utf8.count
            var runStart = 0
            var index = 0
            func flush(_ upTo: Int) {
                if upTo > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<upTo])) }
            }
            while index < count {
                let byte = utf8[index]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2 {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    guard index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    flush(index)
                    out.append(contentsOf: (utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 3
                    runStart = index
                    continue
                }
                flush(index)
                out.append(0x5C)
                switch byte {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                default:
                    out.append(0x75); out.append(0x30); out.append(0x30)
                    out.append(hexDigits[Int(byte >> 4)]); out.append(hexDigits[Int(byte & 0x0F)])
                }
                index += 1
                runStart = index
            }
            flush(count)
        }
        out.append(0x22)
    }
}
