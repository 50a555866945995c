import Foundation

/// A glossary (`schemas/glossary.schema.json`): for each term, the preferred spelling per
/// language (with its other grammatical forms), the variants to avoid and an optional English
/// equivalent. Spellings are compared after normalisation (NFC, nukta U+093C removed, hyphens
/// and spaces removed, lower case), so nukta and hyphenation variants of a listed form are found
/// without listing them.
public struct Glossary: Sendable {
    public static let schemaFileName = "glossary.schema.json"

    /// What a spelling found in text should be.
    public struct Entry: Sendable, Hashable {
        /// The preferred spelling to write instead.
        public var preferred: String
        /// The English equivalent, if the glossary gives one.
        public var english: String?
        /// True when the spelling found is a listed variant to avoid (not only a different
        /// nukta, hyphen or space).
        public var listedVariant: Bool
    }

    public var file: String
    /// language → normalised spelling → entry.
    private(set) var index: [String: [String: Entry]] = [:]
    /// The longest term, in words, so matching can try windows of words up to it.
    private(set) var maximumWords = 1
    /// Keys of the first words of terms of several words, per language: only there are
    /// longer windows tried.
    private(set) var multiWordStarts: [String: Set<String>] = [:]
    public private(set) var termCount = 0

    public init(_ value: LocatedValue, file: String) {
        self.file = file
        for term in value["terms"]?.array ?? [] {
            termCount += 1
            let english = term["english"]?.string
            for entry in term["preferred"]?.object?.entries ?? [] {
                guard let preferred = entry.value.string else { continue }
                let language = entry.key
                let forms = [preferred] + (term["forms"]?[language]?.array?.compactMap(\.string) ?? [])
                for form in forms { add(form, Entry(preferred: form, english: english, listedVariant: false), language: language) }
                for variant in term["avoid"]?[language]?.array?.compactMap(\.string) ?? [] {
                    add(variant, Entry(preferred: preferred, english: english, listedVariant: true), language: language)
                }
            }
        }
    }

    private mutating func add(_ spelling: String, _ entry: Entry, language: String) {
        let key = Self.normalise(spelling)
        guard !key.isEmpty else { return }
        // A preferred form wins over a variant that normalises to the same key.
        if let existing = index[language]?[key], !existing.listedVariant, entry.listedVariant { return }
        index[language, default: [:]][key] = entry
        let words = Self.words(in: spelling)
        maximumWords = max(maximumWords, words.count)
        if words.count > 1, let first = words.first { multiWordStarts[language, default: []].insert(Self.normalise(first.text)) }
    }

    /// The comparison key of a spelling: without nukta (U+093C, and the precomposed nukta
    /// letters mapped to their base letters, which is what NFC versus NFD differ in for
    /// Devanagari), hyphens or spaces, with ASCII lower-cased. One pass over the scalars.
    public static func normalise(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isJoiner(scalar) || scalar == "\u{093C}" { continue }
            if let base = nuktaBase[scalar.value], let mapped = Unicode.Scalar(base) {
                scalars.append(mapped)
            } else if scalar.value >= 0x41, scalar.value <= 0x5A, let lower = Unicode.Scalar(scalar.value + 32) {
                scalars.append(lower)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Precomposed Devanagari letters with nukta → their base letters.
    static let nuktaBase: [UInt32: UInt32] = [
        0x0929: 0x0928, 0x0931: 0x0930, 0x0934: 0x0933, 0x0958: 0x0915, 0x0959: 0x0916, 0x095A: 0x0917,
        0x095B: 0x091C, 0x095C: 0x0921, 0x095D: 0x0922, 0x095E: 0x092B, 0x095F: 0x092F,
    ]

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "\u{00A0}"
            || scalar == "\u{200C}" || scalar == "\u{200D}"
    }

    /// A word of text: letters, combining marks and digits, with its scalar offset.
    struct Word {
        var text: String
        var offset: Int
        var end: Int
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return scalar == "\u{200C}" || scalar == "\u{200D}"
        }
    }

    static func words(in text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if isWordScalar(scalar) {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(Word(text: String(current), offset: start, end: offset))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(Word(text: String(current), offset: start, end: text.unicodeScalars.count)) }
        return words
    }

    /// A spelling in a text that differs from the glossary's preferred spelling.
    public struct Match: Sendable, Hashable {
        /// The text as written.
        public var found: String
        /// Scalar offset in the text searched.
        public var offset: Int
        public var entry: Entry
    }

    /// Every spelling in `text` (written in `language`) that the glossary would write otherwise.
    /// Words are joined into candidate terms only across spaces and hyphens.
    public func matches(in text: String, language: String) -> [Match] {
        guard let terms = index[language], !terms.isEmpty else { return [] }
        let starts = multiWordStarts[language] ?? []
        let scalars = Array(text.unicodeScalars)
        let words = Self.words(in: text)
        let keys = words.map { Self.normalise($0.text) }
        var matches: [Match] = []
        var index = 0
        while index < words.count {
            var matched = false
            // Longest window first ("प्रमाण पत्र" before "पत्र"), and only from a word that starts a longer term.
            let longest = starts.contains(keys[index]) ? min(maximumWords, words.count - index) : 1
            var key = ""
            var candidates: [(Int, String)] = []
            for length in 1...longest {
                if length > 1 {
                    let left = words[index + length - 2], right = words[index + length - 1]
                    let gap = scalars[left.end..<right.offset]
                    guard !gap.isEmpty, gap.count <= 3, gap.allSatisfy(Self.isJoiner) else { break }
                }
                key += keys[index + length - 1]
                candidates.append((length, key))
            }
            for (length, key) in candidates.reversed() {
                guard let entry = terms[key] else { continue }
                let window = words[index..<(index + length)]
                let found = String(String.UnicodeScalarView(scalars[window.first!.offset..<window.last!.end]))
                matched = true
                let same = found.precomposedStringWithCanonicalMapping.lowercased() == entry.preferred.precomposedStringWithCanonicalMapping.lowercased()
                if !same { matches.append(Match(found: found, offset: window.first!.offset, entry: entry)) }
                index += length
                break
            }
            if !matched { index += 1 }
        }
        return matches
    }
}
