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
    ///
    /// Fast paths, for the bulk of a text: a run of ordinary ASCII (letters, digits and
    /// punctuation other than ` ( < . @ / and spaces) is tallied by table; a run of non-ASCII
    /// scalars other than spaces (a Hindi word) is tallied without the tokenizer's tests, and
    /// Unicode's alphabetic property comes from a table for U+0000–U+FFFF.
    static func count(in bytes: UnsafeBufferPointer<UInt8>, _ ranges: Ranges) -> (letters: Int, matching: Int) {
        // No arrays made per call: the rule calls this for every translatable field, most of them short.
        var low: UInt32 = 1, high: UInt32 = 0
        for (offset, range) in ranges.enumerated() {
            low = offset == 0 ? range.lowerBound : min(low, range.lowerBound)
            high = offset == 0 ? range.upperBound : max(high, range.upperBound)
        }
        let first = ranges.first ?? 0...0  // not reached when `ranges` is empty (low > high)
        let kinds = low >= 0x80 ? ByteKind.table : ranges == latin ? ByteKind.latinTable : ByteKind.table(counting: ranges)
        let devanagari = high < 0x900 || low > 0x97F ? DevanagariKind.uncounted
            : ranges == Self.devanagari ? DevanagariKind.counted : DevanagariKind.table(counting: ranges)
        let alphabetic = alphabeticBMP
        func isAlphabetic(_ value: UInt32) -> Bool {
            if value < 0x10000 { return alphabetic[Int(value >> 6)] >> (value & 63) & 1 != 0 }
            return Unicode.Scalar(value)?.properties.isAlphabetic ?? false
        }
        var letters = 0, matching = 0
        var tokenLetters = 0, tokenMatching = 0, address = false
        var dotAfterLetter = false  // the token's last scalar is a dot after a letter
        var previous: UInt32 = 0x20
        var index = 0
        func finishToken() {
            if !address {
                letters += tokenLetters
                matching += tokenMatching
            }
            (tokenLetters, tokenMatching, address, dotAfterLetter) = (0, 0, false, false)
        }
        func skip(to end: UInt8) {
            finishToken()
            index = ByteSearch.firstIndex(of: end, in: bytes, from: index).map { $0 + 1 } ?? bytes.count
            previous = UInt32(end)
        }
        /// A scalar of the current token, after the tokenizer's tests.
        func tally(_ value: UInt32) {
            if value < 0x80 {
                tokenLetters &+= Int(kinds[Int(value)] & ByteKind.letter)
                tokenMatching &+= Int(kinds[Int(value)] & ByteKind.matching) >> 1
            } else if value >= low, value <= high, first.contains(value) || ranges.contains(where: { $0.contains(value) }) {
                tokenLetters &+= 1
                tokenMatching &+= 1
            } else if isAlphabetic(value) {
                tokenLetters &+= 1
            }
        }
        // An address: `@` or `/` anywhere, or a dot between letters (`cybercrime.gov.in`).
        func add(_ value: UInt32) {
            if dotAfterLetter, isAlphabetic(value) { address = true }
            dotAfterLetter = value == 0x2E && isAlphabetic(previous)
            if value == 0x40 || value == 0x2F { address = true }
            previous = value
            tally(value)
        }
        while index < bytes.count {
            if kinds[Int(bytes[index])] & ByteKind.ordinaryASCII != 0 {
                add(UInt32(bytes[index]))
                index += 1
                // The rest of the run: no dot, `@` or `/`, so nothing for the address test.
                while index < bytes.count, kinds[Int(bytes[index])] & ByteKind.ordinaryASCII != 0 {
                    tally(UInt32(bytes[index]))
                    index += 1
                }
                previous = UInt32(bytes[index - 1])
                continue
            }
            var (value, length) = scalar(bytes, index)
            if value >= 0x80, !isSpace(value) {
                add(value)
                index += length
                // The rest of the run: no dot, `@` or `/` either.
                while index < bytes.count, bytes[index] >= 0x80 {
                    // Devanagari (E0 A4 xx, E0 A5 xx: U+0900–U+097F, no spaces there) by table.
                    if bytes[index] == 0xE0, index + 2 < bytes.count, bytes[index + 1] & 0xFE == 0xA4 {
                        let offset = Int(bytes[index + 1] & 1) << 6 | Int(bytes[index + 2] & 0x3F)
                        tokenLetters &+= Int(devanagari[offset] & ByteKind.letter)
                        tokenMatching &+= Int(devanagari[offset] & ByteKind.matching) >> 1
                        previous = 0x900 | UInt32(offset)
                        index += 3
                        continue
                    }
                    (value, length) = scalar(bytes, index)
                    if isSpace(value) { break }
                    tally(value)
                    previous = value
                    index += length
                }
                continue
            }
            index += length
            switch value {
            case 0x60: skip(to: 0x60)  // `code`
            case 0x28 where previous == 0x5D: skip(to: 0x29)  // ](target)
            case 0x3C: skip(to: 0x3E)  // <tag>
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2000...0x200A, 0x3000: finishToken(); previous = value  // spaces
            default: add(value)
            }
        }
        finishToken()
        return (letters, matching)
    }

    /// Non-ASCII spaces (ASCII ones are in `ByteKind.table`).
    private static func isSpace(_ value: UInt32) -> Bool { value == 0xA0 || (0x2000...0x200A).contains(value) || value == 0x3000 }

    /// What a byte is to the tokenizer, for ASCII bytes: a letter (or in the ranges counted, set
    /// per count), in the ranges counted, and ordinary (not ` ( < . @ / or a space).
    private enum ByteKind {
        static let letter: UInt8 = 1, matching: UInt8 = 2, ordinaryASCII: UInt8 = 4
        static let table: [UInt8] = (0..<256).map { byte in
            guard byte < 0x80, !Array("`(<.@/ \t\n\r".utf8).contains(UInt8(byte)) else { return 0 }
            return ordinaryASCII | (isAlphabetic(UInt32(byte)) ? letter : 0)
        }
        static let latinTable = table(counting: latin)

        /// `table` with the ASCII code points of `ranges` marked as counted letters.
        static func table(counting ranges: Ranges) -> [UInt8] {
            var kinds = table
            for range in ranges where range.lowerBound < 0x80 {
                for value in range.lowerBound...min(range.upperBound, 0x7F) { kinds[Int(value)] |= letter | matching }
            }
            return kinds
        }
    }

    /// What each scalar of U+0900–U+097F is to the tally (`ByteKind.letter`, `ByteKind.matching`),
    /// for ranges without Devanagari, for Devanagari's, and for any others.
    private enum DevanagariKind {
        static let uncounted = table(counting: [])
        static let counted = table(counting: devanagari)

        static func table(counting ranges: Ranges) -> [UInt8] {
            (UInt32(0x900)...0x97F).map { value in
                ranges.contains { $0.contains(value) } ? ByteKind.letter | ByteKind.matching
                    : isAlphabetic(value) ? ByteKind.letter : 0
            }
        }
    }

    /// Unicode's alphabetic property for U+0000–U+FFFF, one bit each: a property look-up is slow.
    private static let alphabeticBMP: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in 0..<UInt32(0x10000) where isAlphabetic(value) { bits[Int(value >> 6)] |= 1 << (value & 63) }
        return bits
    }()

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
