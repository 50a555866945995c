import Foundation

/// Turns JSON text into a `LocatedValue`, strictly following RFC 8259 (no comments, no trailing
/// commas, no leading zeros, no unescaped control characters, no lone surrogates) and keeping
/// the 1-based line and column of every value and key. Columns count Unicode scalars, like
/// `SourceLocation` says. Numbers keep their literal text. When a key repeats in one object the
/// last occurrence wins. Used for JSON Schema files and JSON data.
public struct JSONDocumentLoader: Sendable {
    /// Largest accepted source file, in bytes.
    public var maximumFileSize: Int
    /// Deepest accepted nesting of arrays and objects (protects the stack from hostile input).
    public var maximumDepth: Int

    public init(maximumFileSize: Int = 32 * 1024 * 1024, maximumDepth: Int = 512) {
        self.maximumFileSize = maximumFileSize
        self.maximumDepth = maximumDepth
    }

    /// Decodes raw bytes (rejecting invalid UTF-8 and oversize files) and parses them.
    public func load(data: Data, path: String) throws(DocumentLoadError) -> LocatedValue {
        let text = try SourceText.decode(data, path: path, limit: maximumFileSize, format: "JSON")
        return try load(text: text, path: path)
    }

    /// Parses JSON text. A leading byte-order mark is ignored.
    public func load(text: String, path: String) throws(DocumentLoadError) -> LocatedValue {
        var parser = JSONParser(bytes: Array(text.utf8), path: path, maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }
}

/// The byte-level parser behind `JSONDocumentLoader`.
private struct JSONParser {
    let bytes: [UInt8]
    let path: String
    let maximumDepth: Int
    var index = 0
    var line = 1
    var column = 1
    var depth = 0

    init(bytes: [UInt8], path: String, maximumDepth: Int) {
        self.bytes = bytes
        self.path = path
        self.maximumDepth = maximumDepth
    }

    var location: SourceLocation { SourceLocation(file: path, line: line, column: column) }

    mutating func parseDocument() throws(DocumentLoadError) -> LocatedValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        guard index < bytes.count else {
            throw error(
                en: "the file is empty; a JSON document needs a value such as {} or []",
                hi: "फ़ाइल खाली है; JSON दस्तावेज़ में {} या [] जैसा कोई मान होना चाहिए")
        }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error(
                en: "unexpected \(describeCurrent()) after the end of the JSON value; a file holds exactly one value",
                hi: "JSON मान समाप्त होने के बाद अनपेक्षित \(describeCurrentHindi()); एक फ़ाइल में ठीक एक ही मान होता है")
        }
        return value
    }

    // MARK: Cursor

    /// Advances one byte, keeping line and column (columns count Unicode scalars, so UTF-8
    /// continuation bytes do not move the column).
    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A:
                advance()
            case 0x0D:
                // CR LF counts as one line break; a lone CR also ends a line.
                index += 1
                if index < bytes.count && bytes[index] == 0x0A { index += 1 }
                line += 1
                column = 1
            default:
                return
            }
        }
    }

    func error(en: String, hi: String, at location: SourceLocation? = nil) -> DocumentLoadError {
        DocumentLoadError(
            kind: .syntax, location: location ?? self.location,
            message: LocalizedText(en: "JSON syntax error: \(en)", hi: "JSON वाक्य-रचना त्रुटि: \(hi)"))
    }

    func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        return "character '\(currentScalarText())'"
    }

    func describeCurrentHindi() -> String {
        guard index < bytes.count else { return "फ़ाइल का अंत" }
        return "वर्ण '\(currentScalarText())'"
    }

    /// The Unicode scalar starting at the cursor, as text (for messages).
    func currentScalarText() -> String {
        var end = index + 1
        while end < bytes.count && end - index < 4 && bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[index..<end], as: UTF8.self)
        if let scalar = text.unicodeScalars.first, scalar.value < 0x20 {
            return String(format: "U+%04X", scalar.value)
        }
        return text
    }

    func unexpectedEnd() -> DocumentLoadError {
        error(
            en: "the file ends too early; a value, ']' or '}' is missing",
            hi: "फ़ाइल बीच में ही समाप्त हो गई; कोई मान, ']' या '}' छूट गया है")
    }

    // MARK: Values

    mutating func parseValue() throws(DocumentLoadError) -> LocatedValue {
        guard index < bytes.count else { throw unexpectedEnd() }
        let start = location
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return LocatedValue(.string(try parseString()), at: start)
        case UInt8(ascii: "t"): try expectWord("true"); return LocatedValue(.bool(true), at: start)
        case UInt8(ascii: "f"): try expectWord("false"); return LocatedValue(.bool(false), at: start)
        case UInt8(ascii: "n"): try expectWord("null"); return LocatedValue(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return LocatedValue(.number(try parseNumber()), at: start)
        case UInt8(ascii: "'"):
            throw error(
                en: "text must be in double quotes (\"), not single quotes (')",
                hi: "पाठ को दोहरे उद्धरण-चिह्नों (\") में लिखें, एकल (') में नहीं")
        case let byte where isWordByte(byte) && byte < 0x80:
            // A bare word: an unquoted text, or True/NULL and the like.
            var end = index
            while end < bytes.count, end - index < 40, isWordByte(bytes[end]) { end += 1 }
            let word = String(decoding: bytes[index..<end], as: UTF8.self)
            throw error(
                en: "'\(word)' is not a JSON value; text must be in double quotes, and true, false and null are written in lower case",
                hi: "'\(word)' कोई JSON मान नहीं है; पाठ दोहरे उद्धरण-चिह्नों में लिखें, और true, false, null छोटे अक्षरों में लिखे जाते हैं")
        default:
            throw error(
                en: "unexpected \(describeCurrent()); expected a value (text in double quotes, a number, true, false, null, [ or {)",
                hi: "अनपेक्षित \(describeCurrentHindi()); यहाँ कोई मान चाहिए था (दोहरे उद्धरण-चिह्नों में पाठ, संख्या, true, false, null, [ या {)")
        }
    }

    mutating func expectWord(_ word: String) throws(DocumentLoadError) {
        let start = location
        let startIndex = index
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else {
                index = startIndex
                var end = startIndex
                while end < bytes.count, end - startIndex < 20, isWordByte(bytes[end]) { end += 1 }
                let found = String(decoding: bytes[startIndex..<max(end, startIndex + 1)], as: UTF8.self)
                throw error(
                    en: "'\(found)' is not a JSON value; did you mean \(word)? Text must be in double quotes",
                    hi: "'\(found)' कोई JSON मान नहीं है; क्या आपका आशय \(word) से था? पाठ को दोहरे उद्धरण-चिह्नों में लिखें",
                    at: start)
            }
            advance()
        }
        if index < bytes.count && isWordByte(bytes[index]) {
            throw error(
                en: "unexpected \(describeCurrent()) after '\(word)'",
                hi: "'\(word)' के बाद अनपेक्षित \(describeCurrentHindi())")
        }
    }

    func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    mutating func enter() throws(DocumentLoadError) {
        depth += 1
        if depth > maximumDepth {
            throw error(
                en: "values are nested more than \(maximumDepth) levels deep; refusing to read further",
                hi: "मान \(maximumDepth) से अधिक स्तरों तक एक-दूसरे के भीतर हैं; आगे पढ़ने से मना किया गया")
        }
    }

    mutating func parseArray() throws(DocumentLoadError) -> LocatedValue {
        let start = location
        try enter()
        advance()  // [
        var items: [LocatedValue] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return LocatedValue(.array(items), at: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw unexpectedEnd() }
            if bytes[index] == UInt8(ascii: "]") {
                throw trailingComma()
            }
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw unexpectedEnd() }
            switch bytes[index] {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "]"):
                advance()
                depth -= 1
                return LocatedValue(.array(items), at: start)
            default:
                throw error(
                    en: "unexpected \(describeCurrent()) in a list; expected ',' between items or ']' at the end",
                    hi: "सूची में अनपेक्षित \(describeCurrentHindi()); प्रविष्टियों के बीच ',' या अंत में ']' चाहिए था")
            }
        }
    }

    func trailingComma() -> DocumentLoadError {
        error(
            en: "a ',' must be followed by another item; remove the trailing comma before \(describeCurrent())",
            hi: "',' के बाद एक और प्रविष्टि होनी चाहिए; \(describeCurrentHindi()) से पहले का अंतिम अल्पविराम हटाएँ")
    }

    mutating func parseObject() throws(DocumentLoadError) -> LocatedValue {
        let start = location
        try enter()
        advance()  // {
        var entries: [LocatedObject.Entry] = []
        var positions: [String: Int] = [:]
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return LocatedValue(.object(LocatedObject(entries: entries)), at: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw unexpectedEnd() }
            if bytes[index] == UInt8(ascii: "}") { throw trailingComma() }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error(
                    en: "unexpected \(describeCurrent()); a key must be text in double quotes, like \"title\"",
                    hi: "अनपेक्षित \(describeCurrentHindi()); कुंजी दोहरे उद्धरण-चिह्नों में लिखा पाठ होनी चाहिए, जैसे \"title\"")
            }
            let keyLocation = location
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count else { throw unexpectedEnd() }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw error(
                    en: "expected ':' after the key \"\(key)\", found \(describeCurrent())",
                    hi: "कुंजी \"\(key)\" के बाद ':' चाहिए था, पर \(describeCurrentHindi()) मिला")
            }
            advance()
            skipWhitespace()
            let value = try parseValue()
            let entry = LocatedObject.Entry(key: key, keyLocation: keyLocation, value: value)
            if positions[key] != nil {
                // Last occurrence wins, and takes the later position (like the YAML loader).
                entries.removeAll { $0.key == key }
                entries.append(entry)
                positions = [:]
                for (offset, existing) in entries.enumerated() { positions[existing.key] = offset }
            } else {
                positions[key] = entries.count
                entries.append(entry)
            }
            skipWhitespace()
            guard index < bytes.count else { throw unexpectedEnd() }
            switch bytes[index] {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "}"):
                advance()
                depth -= 1
                return LocatedValue(.object(LocatedObject(entries: entries)), at: start)
            default:
                throw error(
                    en: "unexpected \(describeCurrent()) in an object; expected ',' between entries or '}' at the end",
                    hi: "ऑब्जेक्ट में अनपेक्षित \(describeCurrentHindi()); प्रविष्टियों के बीच ',' या अंत में '}' चाहिए था")
            }
        }
    }

    // MARK: Strings

    mutating func parseString() throws(DocumentLoadError) -> String {
        let start = location
        advance()  // opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ parser: JSONParser, upTo end: Int, into scalars: inout String.UnicodeScalarView) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: parser.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard index < bytes.count else {
                throw error(
                    en: "text in quotes is not closed; add the closing '\"'",
                    hi: "उद्धरण-चिह्नों में शुरू हुआ पाठ बंद नहीं हुआ; अंत में '\"' जोड़ें",
                    at: start)
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(self, upTo: index, into: &scalars)
                advance()
                return String(scalars)
            }
            if byte < 0x20 {
                if byte == 0x0A || byte == 0x0D {
                    throw error(
                        en: "text in quotes is not closed before the end of the line; add the closing '\"' (write a line break inside text as \\n)",
                        hi: "उद्धरण-चिह्नों में शुरू हुआ पाठ पंक्ति के अंत से पहले बंद नहीं हुआ; अंत में '\"' जोड़ें (पाठ के भीतर पंक्ति-विराम को \\n लिखें)",
                        at: start)
                }
                throw error(
                    en: "control character \(currentScalarText()) is not allowed inside text; write it as an escape such as \\t or \\u0009",
                    hi: "पाठ के भीतर नियंत्रण वर्ण \(currentScalarText()) की अनुमति नहीं है; इसे \\t या \\u0009 जैसे escape के रूप में लिखें")
            }
            if byte == UInt8(ascii: "\\") {
                flush(self, upTo: index, into: &scalars)
                let escapeLocation = location
                advance()
                guard index < bytes.count else { throw unexpectedEnd() }
                let code = bytes[index]
                switch code {
                case UInt8(ascii: "\""): scalars.append("\""); advance()
                case UInt8(ascii: "\\"): scalars.append("\\"); advance()
                case UInt8(ascii: "/"): scalars.append("/"); advance()
                case UInt8(ascii: "b"): scalars.append("\u{08}"); advance()
                case UInt8(ascii: "f"): scalars.append("\u{0C}"); advance()
                case UInt8(ascii: "n"): scalars.append("\n"); advance()
                case UInt8(ascii: "r"): scalars.append("\r"); advance()
                case UInt8(ascii: "t"): scalars.append("\t"); advance()
                case UInt8(ascii: "u"):
                    advance()
                    let unit = try parseHex4(escapeLocation)
                    if (0xD800...0xDBFF).contains(unit) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw loneSurrogate(unit, at: escapeLocation)
                        }
                        advance(); advance()
                        let low = try parseHex4(escapeLocation)
                        guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(unit, at: escapeLocation) }
                        let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        scalars.append(Unicode.Scalar(value)!)
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        throw loneSurrogate(unit, at: escapeLocation)
                    } else {
                        scalars.append(Unicode.Scalar(unit)!)
                    }
                default:
                    throw error(
                        en: "'\\\(currentScalarText())' is not a valid escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX",
                        hi: "'\\\(currentScalarText())' मान्य escape नहीं है; \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t या \\uXXXX का प्रयोग करें",
                        at: escapeLocation)
                }
                runStart = index
                continue
            }
            advance()
        }
    }

    mutating func parseHex4(_ escapeLocation: SourceLocation) throws(DocumentLoadError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw unexpectedEnd() }
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default:
                throw error(
                    en: "\\u must be followed by four hexadecimal digits (0-9, A-F)",
                    hi: "\\u के बाद चार हेक्साडेसिमल अंक (0-9, A-F) होने चाहिए",
                    at: escapeLocation)
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    func loneSurrogate(_ unit: UInt32, at location: SourceLocation) -> DocumentLoadError {
        let code = String(format: "\\u%04X", unit)
        return error(
            en: "\(code) is half of a surrogate pair with no matching other half; it does not stand for any character",
            hi: "\(code) एक surrogate जोड़े का आधा भाग है जिसका दूसरा भाग नहीं है; यह किसी वर्ण को नहीं दर्शाता",
            at: location)
    }

    // MARK: Numbers

    mutating func parseNumber() throws(DocumentLoadError) -> JSONNumber {
        let startIndex = index
        let start = location
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func invalid(_ parser: JSONParser) -> DocumentLoadError {
            var end = parser.index
            while end < parser.bytes.count, end - startIndex < 40,
                isDigit(parser.bytes[end]) || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(parser.bytes[end])
            {
                end += 1
            }
            let text = String(decoding: parser.bytes[startIndex..<max(end, startIndex + 1)], as: UTF8.self)
            return parser.error(
                en: "'\(text)' is not a valid JSON number (no leading zeros, a digit on both sides of '.', digits after 'e')",
                hi: "'\(text)' मान्य JSON संख्या नहीं है (आरंभ में अतिरिक्त शून्य नहीं, '.' के दोनों ओर अंक, 'e' के बाद अंक)",
                at: start)
        }
        if bytes[index] == UInt8(ascii: "-") { advance() }
        guard index < bytes.count, isDigit(bytes[index]) else { throw invalid(self) }
        if bytes[index] == UInt8(ascii: "0") {
            advance()
            if index < bytes.count && isDigit(bytes[index]) { throw invalid(self) }
        } else {
            while index < bytes.count && isDigit(bytes[index]) { advance() }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            advance()
            guard index < bytes.count, isDigit(bytes[index]) else { throw invalid(self) }
            while index < bytes.count && isDigit(bytes[index]) { advance() }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            advance()
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { advance() }
            guard index < bytes.count, isDigit(bytes[index]) else { throw invalid(self) }
            while index < bytes.count && isDigit(bytes[index]) { advance() }
        }
        if index < bytes.count && isWordByte(bytes[index]) { throw invalid(self) }
        let literal = String(decoding: bytes[startIndex..<index], as: UTF8.self)
        let value = Double(literal) ?? (literal.hasPrefix("-") ? -.infinity : .infinity)
        return JSONNumber(literal: literal, value: value)
    }
}
