/// Which writing system a language is written in, and how much of a text uses it.
enum ScriptProfile {
    typealias Ranges = [ClosedRange<UInt32>]

    static let devanagari: Ranges = [0x0900...0x097F, 0xA8E0...0xA8FF]
    static let bengali: Ranges = [0x0980...0x09FF]
    static let arabic: Ranges = [0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF]
    static let latin: Ranges = [0x0041...0x005A, 0x0061...0x007A, 0x00C0...0x024F]

    /// Script name (English, Hindi) and code-point ranges per language.
    static let scripts: [String: (name: LocalizedText, ranges: Ranges)] = {
        let deva = (LocalizedText(en: "Devanagari", hi: "देवनागरी"), devanagari)
        var table: [String: (name: LocalizedText, ranges: Ranges)] = [:]
        for code in ["hi", "mr", "ne", "sa", "mai", "doi", "kok", "brx", "bho", "awa"] { table[code] = deva }
        table["bn"] = (LocalizedText(en: "Bengali", hi: "बांग्ला"), bengali)
        table["as"] = (LocalizedText(en: "Assamese (Bengali script)", hi: "असमिया (बांग्ला लिपि)"), bengali)
        table["mni"] = (LocalizedText(en: "Meetei Mayek or Bengali", hi: "मीतै मयेक या बांग्ला"), bengali + [0xABC0...0xABFF])
        table["pa"] = (LocalizedText(en: "Gurmukhi", hi: "गुरमुखी"), [0x0A00...0x0A7F])
        table["gu"] = (LocalizedText(en: "Gujarati", hi: "गुजराती"), [0x0A80...0x0AFF])
        table["or"] = (LocalizedText(en: "Odia", hi: "ओड़िया"), [0x0B00...0x0B7F])
        table["ta"] = (LocalizedText(en: "Tamil", hi: "तमिल"), [0x0B80...0x0BFF])
        table["te"] = (LocalizedText(en: "Telugu", hi: "तेलुगु"), [0x0C00...0x0C7F])
        table["kn"] = (LocalizedText(en: "Kannada", hi: "कन्नड़"), [0x0C80...0x0CFF])
        table["ml"] = (LocalizedText(en: "Malayalam", hi: "मलयालम"), [0x0D00...0x0D7F])
        table["sat"] = (LocalizedText(en: "Ol Chiki", hi: "ओल चिकी"), [0x1C50...0x1C7F])
        for code in ["ur", "ks", "sd"] { table[code] = (LocalizedText(en: "Perso-Arabic", hi: "फ़ारसी-अरबी"), arabic) }
        table["en"] = (LocalizedText(en: "Latin", hi: "रोमन"), latin)
        return table
    }()

    /// Share of letters in `text` written in `ranges`, ignoring link targets, code spans, tags,
    /// web and e-mail addresses (`cybercrime.gov.in`); nil when too few letters remain to judge.
    /// Reads the text's UTF-8 bytes once, a token being a range of them (this rule reads every
    /// lesson and every translatable field).
    static func share(of text: String, in ranges: Ranges, minimumLetters: Int = 12) -> Double? {
        var text = text
        let (letters, matching) = text.withUTF8 { count(in: $0, ranges) }
        guard letters >= minimumLetters else { return nil }
        return Double(matching) / Double(letters)
    }

    /// Letters, and letters in `ranges`, of the tokens of valid UTF-8 `bytes`, in one pass: a
    /// token's tallies are added when it ends, unless it turned out to be an address.
    private static func count(in bytes: UnsafeBufferPointer<UInt8>, _ ranges: Ranges) -> (letters: Int, matching: Int) {
        let low = ranges.map(\.lowerBound).min() ?? 1, high = ranges.map(\.upperBound).max() ?? 0
        var letters = 0, matching = 0
        var tokenLetters = 0, tokenMatching = 0, address = false
        // The token's last two scalars (nil before the token has them).
        var last: UInt32?, beforeLast: UInt32?
        var skipUntil: UInt32?
        var previous: UInt32 = 0x20
        var index = 0
        func finishToken() {
            if !address {
                letters += tokenLetters
                matching += tokenMatching
            }
            (tokenLetters, tokenMatching, address, last, beforeLast) = (0, 0, false, nil, nil)
        }
        while index < bytes.count {
            let (value, length) = scalar(bytes, index)
            defer { previous = value; index += length }
            if let end = skipUntil {
                if value == end { skipUntil = nil }
                continue
            }
            switch value {
            case 0x60: skipUntil = 0x60; finishToken(); continue  // `code`
            case 0x28 where previous == 0x5D: skipUntil = 0x29; finishToken(); continue  // ](target)
            case 0x3C: skipUntil = 0x3E; finishToken(); continue  // <tag>
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2000...0x200A, 0x3000: finishToken(); continue  // spaces
            default: break
            }
            // An address: `@` or `/` anywhere, or a dot between letters (`cybercrime.gov.in`).
            if value == 0x40 || value == 0x2F {
                address = true
            } else if last == 0x2E, let first = beforeLast, isAlphabetic(first), isAlphabetic(value) {
                address = true
            }
            (beforeLast, last) = (last, value)
            // Cheap tests first: Unicode property look-ups are slow on large catalogues.
            if value >= low, value <= high, ranges.contains(where: { $0.contains(value) }) {
                tokenLetters += 1
                tokenMatching += 1
            } else if isAlphabetic(value) {
                tokenLetters += 1
            }
        }
        finishToken()
        return (letters, matching)
    }

    /// The scalar that starts at byte `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        func tail(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | tail(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | tail(1) << 6 | tail(2), 3) }
        return ((lead & 0x07) << 18 | tail(1) << 12 | tail(2) << 6 | tail(3), 4)
    }

    private static func isAlphabetic(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        return Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }
}
