import Foundation

/// Unicode Normalization Form C, the form coursekit expects text and file names in, and the
/// form it compares written references and file names in (file systems compare bytes on Linux,
/// so `फ़` typed as U+095E would not find a file named with U+092B U+093C).
enum NFC {
    /// The NFC form of `text`.
    static func normalized(_ text: String) -> String {
        isASCII(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when `text` is already in NFC, scalar for scalar. (`==` on `String` compares
    /// canonically, so it cannot tell.)
    static func isNormalized(_ text: String) -> Bool {
        quickCheck(text)
            || text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    /// A fast, conservative NFC test for the text coursekit sees (Latin, Devanagari, general
    /// punctuation, currency signs, arrows and mathematical operators such as → ≥ ≈, which NFC
    /// never changes and which never combine with what precedes them): true only when the text
    /// is certainly NFC; false means "do the full check". Within those blocks the only code
    /// points NFC changes are the nukta letters U+0958–U+095F (excluded from composition), the
    /// nukta U+093C after न, र or ळ (composes to U+0929, U+0931, U+0934), and combining marks
    /// out of canonical order.
    static func quickCheck(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(quickCheck(utf8:))
    }

    /// `quickCheck` on UTF-8 bytes (a file as read), decoded as it goes: one pass, ASCII bytes
    /// skipped without decoding, Devanagari's combining classes read from a table. Bytes that are
    /// not valid UTF-8 give false.
    static func quickCheck(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        devanagariClasses.withUnsafeBufferPointer { devanagari in quickCheck(utf8: bytes, devanagari: devanagari) }
    }

    /// `quickCheck(utf8:)` with its table. Two fast paths decide the same as the general
    /// decoding below: eight ASCII bytes at a time, and a Devanagari scalar (`E0 A4 xx` or
    /// `E0 A5 xx`) read straight from the table.
    private static func quickCheck(utf8 bytes: UnsafeBufferPointer<UInt8>, devanagari: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt32 = 0
        var previousClass: UInt8 = 0
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                // A whole word of ASCII: nothing in it can change or combine.
                while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                while index < count, bytes[index] < 0x80 { index += 1 }
                previous = UInt32(bytes[index - 1])
                previousClass = 0
                continue
            }
            let value: UInt32
            let combiningClass: UInt8
            if lead == 0xE0, index + 2 < count, bytes[index + 1] & 0xFE == 0xA4 {
                let offset = Int(bytes[index + 1] & 1) << 6 | Int(bytes[index + 2] & 0x3F)
                value = 0x900 + UInt32(offset)
                combiningClass = devanagari[offset]
                index += 3
            } else {
                // Every accepted block (below U+0300, U+0900–U+097F, U+2002–U+22FF, U+FEFF) is
                // two or three bytes long; anything else is left to the full check.
                if lead & 0xE0 == 0xC0, index + 1 < count {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if lead & 0xF0 == 0xE0, index + 2 < count {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                } else {
                    return false
                }
                combiningClass = (0x900...0x97F).contains(value) ? devanagari[Int(value - 0x900)] : acceptedClass(value)
            }
            if combiningClass != 0 {
                if combiningClass == notAccepted || combiningClass < previousClass { return false }
                if value == 0x93C, previous == 0x928 || previous == 0x930 || previous == 0x933 { return false }
            }
            previous = value
            previousClass = combiningClass
        }
        return true
    }

    /// `acceptedClass` of U+0900–U+097F, the block most of coursekit's non-ASCII text is in.
    private static let devanagariClasses: [UInt8] = (UInt32(0x900)...0x97F).map(acceptedClass)
    private static let notAccepted: UInt8 = 0xFF

    /// The canonical combining class of a code point `quickCheck` accepts (taken alone: the
    /// nukta is tested against what precedes it), or `notAccepted`.
    private static func acceptedClass(_ value: UInt32) -> UInt8 {
        if value < 0x300 || (0x2002...0x206F).contains(value) || (0x20A0...0x20CF).contains(value) || (0x2190...0x22FF).contains(value)
            || value == 0xFEFF {
            return 0  // NFC quick check "yes", canonical combining class 0.
        }
        switch value {
        case 0x958...0x95F: return notAccepted
        case 0x93C: return 7
        case 0x94D: return 9
        case 0x952: return 220
        case 0x951, 0x953, 0x954: return 230
        case 0x900...0x97F: return 0
        default: return notAccepted
        }
    }

    /// True when the two names are the same in NFC.
    static func equivalent(_ a: String, _ b: String) -> Bool {
        a == b || normalized(a).unicodeScalars.elementsEqual(normalized(b).unicodeScalars)
    }

    private static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
    }

    /// The first line of `text` that is not in NFC: its number, the column (in code points) of
    /// the first code point that changes, the code points found and their NFC form, and how many
    /// lines are affected in all.
    struct Difference {
        var line: Int
        var column: Int
        var found: String
        var expected: String
        var affectedLines: Int
    }

    static func firstDifference(in text: String) -> Difference? {
        guard !isNormalized(text) else { return nil }
        var first: Difference?
        var count = 0
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            guard let change = firstChange(in: String(line)) else { continue }
            count += 1
            if first == nil {
                first = Difference(line: index + 1, column: change.column, found: change.found, expected: change.expected, affectedLines: 0)
            }
        }
        first?.affectedLines = count
        return first
    }

    /// The first character of `text` that NFC changes: its column (in code points) and the
    /// code points that change, before and after.
    static func firstChange(in text: String) -> (column: Int, found: String, expected: String)? {
        guard !isNormalized(text) else { return nil }
        var column = 1
        for character in text {
            let original = Array(String(character).unicodeScalars)
            let nfc = Array(String(character).precomposedStringWithCanonicalMapping.unicodeScalars)
            if original != nfc {
                var prefix = 0
                while prefix < min(original.count, nfc.count) && original[prefix] == nfc[prefix] { prefix += 1 }
                var suffix = 0
                while suffix < min(original.count, nfc.count) - prefix
                        && original[original.count - 1 - suffix] == nfc[nfc.count - 1 - suffix] { suffix += 1 }
                return (column + prefix, codePoints(original[prefix..<(original.count - suffix)]),
                        codePoints(nfc[prefix..<(nfc.count - suffix)]))
            }
            column += original.count
        }
        return nil
    }

    /// "U+095E (फ़)".
    static func codePoints(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        let codes = scalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ")
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return "\(codes) (\(text))"
    }

    /// The `unicode-normalization` finding for a file's bytes (UTF-8, as read), or nil; decoded
    /// only when the quick check cannot tell.
    static func textFinding(utf8 data: Data, file: String) -> Finding? {
        let certainlyNFC = data.withUnsafeBytes { raw in quickCheck(utf8: raw.bindMemory(to: UInt8.self)) }
        return certainlyNFC ? nil : textFinding(String(decoding: data, as: UTF8.self), file: file)
    }

    /// The `unicode-normalization` finding for text that is not NFC, or nil.
    static func textFinding(_ text: String, file: String) -> Finding? {
        guard let difference = firstDifference(in: text) else { return nil }
        let more = difference.affectedLines - 1
        return Finding(
            .unicodeNormalization, at: SourceLocation(file: file, line: difference.line, column: difference.column),
            LocalizedText(
                en: "text is not in Unicode NFC: \(difference.found) should be \(difference.expected)"
                    + (more > 0 ? " (and \(more) more line\(more == 1 ? "" : "s") in this file)" : ""),
                hi: "पाठ यूनिकोड NFC में नहीं है: \(difference.found) की जगह \(difference.expected) होना चाहिए"
                    + (more > 0 ? " (इस फ़ाइल की \(more) और पंक्तियों में भी)" : "")),
            hint: hint)
    }

    /// The `unicode-normalization` finding for a file or folder name that is not NFC, or nil.
    static func nameFinding(_ path: RepositoryPath, at location: SourceLocation) -> Finding? {
        guard let name = path.components.first(where: { !isNormalized($0) }), let change = firstChange(in: name) else { return nil }
        return Finding(
            .unicodeNormalization, at: location,
            LocalizedText(
                en: "the name '\(name)' in \(path.string) is not in Unicode NFC (\(change.found) should be \(change.expected)); other tools may not find it",
                hi: "\(path.string) में नाम '\(name)' यूनिकोड NFC में नहीं है (\(change.found) की जगह \(change.expected)); दूसरे टूल इसे शायद न ढूँढ पाएँ"),
            hint: LocalizedText(
                en: "rename it to its NFC form with git mv (see docs/rules/unicode-normalization.md)",
                hi: "git mv से इसका नाम NFC रूप में बदलें (docs/rules/unicode-normalization.md देखें)"))
    }

    static let hint = LocalizedText(
        en: "save the file in NFC, e.g. uconv -x any-nfc (see docs/rules/unicode-normalization.md)",
        hi: "फ़ाइल को NFC में सहेजें, जैसे uconv -x any-nfc से (docs/rules/unicode-normalization.md देखें)")
}

extension Repository {
    /// The path as it is on disk, matching each component by NFC when the exact bytes are not
    /// there; nil when no entry matches.
    func normalizedLookup(_ path: RepositoryPath) -> RepositoryPath? {
        var found: [String] = []
        for component in path.components {
            let exact = RepositoryPath(components: found + [component])
            var info = stat()
            if lstat(absolutePath(exact), &info) == 0 {
                found.append(component)
                continue
            }
            let folder = RepositoryPath(components: found)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolutePath(folder)),
                  let match = names.sorted().first(where: { NFC.equivalent($0, component) })
            else { return nil }
            found.append(match)
        }
        return RepositoryPath(components: found)
    }
}
