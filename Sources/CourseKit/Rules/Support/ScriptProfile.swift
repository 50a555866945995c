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
    static func share(of text: String, in ranges: Ranges, minimumLetters: Int = 12) -> Double? {
        var letters = 0, matching = 0
        var skipUntil: Unicode.Scalar?
        var previous: Unicode.Scalar = " "
        var token: [Unicode.Scalar] = []
        func finishToken() {
            defer { token.removeAll(keepingCapacity: true) }
            guard !isAddress(token) else { return }
            for scalar in token {
                // Cheap tests first: Unicode property look-ups are slow on large catalogues.
                if ranges.contains(where: { $0.contains(scalar.value) }) {
                    letters += 1
                    matching += 1
                } else if scalar.isASCII {
                    if (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z") { letters += 1 }
                } else if scalar.properties.isAlphabetic {
                    letters += 1
                }
            }
        }
        for scalar in text.unicodeScalars {
            if let end = skipUntil {
                if scalar == end { skipUntil = nil }
                previous = scalar
                continue
            }
            defer { previous = scalar }
            switch scalar {
            case "`": skipUntil = "`"; finishToken(); continue
            case "(" where previous == "]": skipUntil = ")"; finishToken(); continue
            case "<": skipUntil = ">"; finishToken(); continue
            default: break
            }
            if Self.isSpace(scalar) { finishToken() } else { token.append(scalar) }
        }
        finishToken()
        guard letters >= minimumLetters else { return nil }
        return Double(matching) / Double(letters)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2000...0x200A, 0x3000: true
        default: false
        }
    }

    /// A web address, e-mail address or path: contains `@`, `/` or a dot between letters.
    static func isAddress(_ token: [Unicode.Scalar]) -> Bool {
        for (index, scalar) in token.enumerated() {
            if scalar == "@" || scalar == "/" { return true }
            if scalar == ".", index > 0, index + 1 < token.count,
               token[index - 1].properties.isAlphabetic, token[index + 1].properties.isAlphabetic {
                return true
            }
        }
        return false
    }
}
