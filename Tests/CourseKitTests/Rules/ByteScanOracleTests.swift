import Foundation
import Testing
@testable import CourseKit

/// The byte scans every lesson goes through (domain names, script share, NFC quick check, table
/// cells, word count) have fast paths; each is compared here with the straightforward scan it
/// replaced, kept below as an oracle, on generated texts that mix Devanagari, Latin, spaces,
/// addresses and Markdown punctuation.
@Suite("Byte scans against their reference implementations")
struct ByteScanOracleTests {
    /// Texts built from pieces chosen by a seeded generator (the same texts on every run).
    static let texts: [String] = {
        let pieces = [
            "साइबर", "अपराध", "क्षत्रिय", "ज्ञान", "फ़ाइल", "\u{095E}", "\u{0928}\u{093C}", "\u{0915}\u{094D}\u{093C}", "।", "॥", "१९३०",
            "Report", "fraud", "at", "call", "1930", "v1.2.3", "e.g.", "U.P.", "www", "gov", "in", "com", "example", "é", "Ω",
            "cybercrime.gov.in", "upjansunwai.com", "mail@example.org", "help@up.nic.in", "https://www.upjansunwai.com/x",
            "sbi-kyc.in", "-a.b-", ".", "..", "-", "--", "@", "/", "`", "``", "(", ")", "[", "]", "](", "<", ">", "<b>",
            "|", "| --- |", ":-:", "---", ":", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u{00A0}", "\u{2003}", "\u{3000}",
            "\u{200B}", "—", "“", "₹", "→", "\u{FEFF}", "😀", "ٱلعربية", "\u{0301}", "\u{0951}", "\u{0952}", "a.", ".b",
            String(repeating: "x", count: 70) + ".com",
        ]
        var generator = SeededGenerator(seed: 2026)
        return (0..<4000).map { _ in
            let length = Int.random(in: 0...40, using: &generator)
            return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }()

    @Test func domainsAsTheScalarByScalarScan() {
        for text in Self.texts {
            let fast = ExampleDomainReserved.domains(in: text), reference = Reference.domains(in: text)
            #expect(fast.map(\.0) == reference.map(\.0) && fast.map(\.1) == reference.map(\.1), "\(text.debugDescription)")
        }
        #expect(Self.texts.contains { !Reference.domains(in: $0).isEmpty }, "the texts name domains")
    }

    @Test func scriptCountsAsTheScalarByScalarScan() {
        let rangeSets = [ScriptProfile.devanagari, ScriptProfile.latin, ScriptProfile.arabic, [0x20...0x40], [0x2E...0x2E, 0x10000...0x1FFFF], [],
                         [0x0915...0x0939], [0x0950...0x0A7F]]  // part of Devanagari: its table is made per call
        for var text in Self.texts {
            for ranges in rangeSets {
                let fast = text.withUTF8 { ScriptProfile.count(in: $0, ranges) }
                let reference = text.withUTF8 { Reference.count(in: $0, ranges) }
                #expect(fast.letters == reference.letters && fast.matching == reference.matching, "\(ranges) \(text.debugDescription)")
            }
        }
    }

    /// Every two-scalar sequence of Devanagari, and every BMP scalar after a few others; then
    /// byte strings that are not all valid UTF-8.
    @Test func theNFCQuickCheckAsTheDecodingScan() {
        func agree(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { NFC.quickCheck(utf8: $0) == Reference.quickCheck(utf8: $0) }
        }
        var failures: [[UInt8]] = []
        for first in UInt32(0x900)...0x97F {
            for second in UInt32(0x900)...0x97F {
                let bytes = Array("\(Unicode.Scalar(first)!)\(Unicode.Scalar(second)!)".utf8)
                if !agree(bytes) { failures.append(bytes) }
            }
        }
        for before in [0x41, 0x928, 0x915, 0x94D, 0x951, 0x301, 0x2192] as [UInt32] {
            for value in UInt32(0)...0xFFFF {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let bytes = Array("\(Unicode.Scalar(before)!)\(scalar)".utf8)
                if !agree(bytes) { failures.append(bytes) }
            }
        }
        var generator = SeededGenerator(seed: 7)
        let alphabet: [UInt8] = [0x41, 0x20, 0xE0, 0xA4, 0xA5, 0xBC, 0x95, 0xC2, 0xA0, 0xCC, 0x81, 0xE2, 0x80, 0x94, 0xF0, 0x9F, 0xFF]
        for _ in 0..<20000 {
            let bytes = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            if !agree(bytes) { failures.append(bytes) }
        }
        for text in Self.texts where !agree(Array(text.utf8)) { failures.append(Array(text.utf8)) }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func tableCellsAndWordsAsTheByteByByteScans() {
        let tables = [
            "| a | b |\n| --- | :-: |\n| 1 | 2 |\n\n- a list\n", "a | b\n--- | ---\nx | y\nz\n\nq", "- - -\n|\n-|-\n x\n", "---\n---\n\n",
        ]
        for text in Self.texts + tables {
            #expect(MarkdownDocument.tableCells(text) == Reference.tableCells(text), "\(text.debugDescription)")
            #expect(MarkdownDocument.countWords(text) == Reference.countWords(text), "\(text.debugDescription)")
        }
    }
}

/// SplitMix64: a small generator with a seed, for texts that are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The scans as they were before their fast paths: one scalar or byte at a time.
private enum Reference {
    static func domains(in text: String) -> [(String, Int)] {
        var found: [(String, Int)] = []
        var text = text
        text.withUTF8 { bytes in
            let dot = UInt8(ascii: "."), dash = UInt8(ascii: "-")
            func isDomainByte(_ byte: UInt8) -> Bool {
                switch byte {
                case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x2E, 0x2D: true
                default: false
                }
            }
            var index = 0, scalar = 0  // `scalar`: scalars before byte `index`
            while index < bytes.count {
                guard isDomainByte(bytes[index]) else {
                    if bytes[index] & 0xC0 != 0x80 { scalar += 1 }
                    index += 1
                    continue
                }
                var end = index
                while end < bytes.count, isDomainByte(bytes[end]) { end += 1 }
                var start = index
                while start < end, bytes[start] == dot || bytes[start] == dash { start += 1 }
                var stop = end
                while stop > start, bytes[stop - 1] == dot || bytes[stop - 1] == dash { stop -= 1 }
                let offset = scalar + (start - index)
                scalar += end - index
                index = end
                guard stop > start, bytes[start..<stop].contains(dot) else { continue }
                let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
                let labels = run.split(separator: ".", omittingEmptySubsequences: false)
                guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }),
                      let tld = labels.last?.lowercased(), ExampleDomainReserved.topLevelDomains.contains(tld) else { continue }
                found.append((run, offset))
            }
        }
        return found
    }

    static func count(in bytes: UnsafeBufferPointer<UInt8>, _ ranges: ScriptProfile.Ranges) -> (letters: Int, matching: Int) {
        let low = ranges.map(\.lowerBound).min() ?? 1, high = ranges.map(\.upperBound).max() ?? 0
        var letters = 0, matching = 0
        var tokenLetters = 0, tokenMatching = 0, address = false
        var last: UInt32?, beforeLast: UInt32?
        var skipUntil: UInt32?
        var previous: UInt32 = 0x20
        var index = 0
        func isAlphabetic(_ value: UInt32) -> Bool {
            if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
            return Unicode.Scalar(value)?.properties.isAlphabetic ?? false
        }
        func finishToken() {
            if !address {
                letters += tokenLetters
                matching += tokenMatching
            }
            (tokenLetters, tokenMatching, address, last, beforeLast) = (0, 0, false, nil, nil)
        }
        while index < bytes.count {
            let lead = UInt32(bytes[index])
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self).unicodeScalars.first!.value
            defer { previous = value; index += length }
            if let end = skipUntil {
                if value == end { skipUntil = nil }
                continue
            }
            switch value {
            case 0x60: skipUntil = 0x60; finishToken(); continue
            case 0x28 where previous == 0x5D: skipUntil = 0x29; finishToken(); continue
            case 0x3C: skipUntil = 0x3E; finishToken(); continue
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2000...0x200A, 0x3000: finishToken(); continue
            default: break
            }
            if value == 0x40 || value == 0x2F {
                address = true
            } else if last == 0x2E, let first = beforeLast, isAlphabetic(first), isAlphabetic(value) {
                address = true
            }
            (beforeLast, last) = (last, value)
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

    static func quickCheck(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt32 = 0, previousClass: UInt8 = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead & 0xE0 == 0xC0 ? 2 : lead & 0xF0 == 0xE0 ? 3 : 0
            guard length > 0, index + length <= bytes.count else { return false }
            var value = UInt32(lead) & [0x7F, 0x1F, 0x0F][length - 1]
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            index += length
            let combiningClass: UInt8
            switch value {
            case 0..<0x300, 0x2002...0x206F, 0x20A0...0x20CF, 0x2190...0x22FF, 0xFEFF: combiningClass = 0
            case 0x958...0x95F: return false
            case 0x93C where [0x928, 0x930, 0x933].contains(previous): return false
            case 0x93C: combiningClass = 7
            case 0x94D: combiningClass = 9
            case 0x952: combiningClass = 220
            case 0x951, 0x953, 0x954: combiningClass = 230
            case 0x900...0x97F: combiningClass = 0
            default: return false
            }
            if combiningClass != 0 && combiningClass < previousClass { return false }
            (previous, previousClass) = (value, combiningClass)
        }
        return true
    }

    /// Line by line: a blank line ends a table, a delimiter row starts one.
    static func tableCells(_ text: String) -> Int {
        func add(_ cells: Int, to total: Int) -> Int { total.addingReportingOverflow(cells).overflow ? Int.max : total + cells }
        var total = 0, columns = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let dashRuns = line.split(whereSeparator: { $0 != UInt8(ascii: "-") }).count
            if line.allSatisfy({ " \t\r".utf8.contains($0) }) {
                columns = 0
            } else if line.allSatisfy({ " \t\r-|:".utf8.contains($0) }) && dashRuns > 0 && (line.contains(UInt8(ascii: "|")) || dashRuns > 1) {
                columns = dashRuns
                total = add(columns * 2, to: total)
            } else if columns > 0 {
                total = add(columns, to: total)
            }
        }
        return total
    }

    static func countWords(_ text: String) -> Int {
        var count = 0, inWord = false
        for byte in text.utf8 {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}

/// `example-domain-reserved` places the domains of a lesson body found in one scan of the whole
/// body (`SourceTexts.bodyLocations`); the line-by-line scan it replaced is the oracle.
@Suite("Domains placed from one scan of a lesson body")
struct BodyLocationOracleTests {
    /// The old placement: each line outside fenced code scanned on its own.
    static func lineByLine(_ document: MarkdownDocument) -> [String] {
        var placed: [String] = []
        var fence: String?
        for (index, bytes) in document.body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes)
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fence = String(trimmed.prefix(3)); continue }
            let text = String(line.hasSuffix("\r") ? line.dropLast() : line)
            for (domain, offset) in ExampleDomainReserved.domains(in: text) {
                placed.append("\(document.bodyLineOffset + index + 1):\(offset + 1) \(domain)")
            }
        }
        return placed
    }

    static func wholeBody(_ document: MarkdownDocument) -> [String] {
        let found = ExampleDomainReserved.domains(in: document.body)
        let locations = SourceTexts.bodyLocations(of: document, offsets: found.map(\.1))
        return zip(found, locations).compactMap { item, location in location.map { "\($0.line):\($0.column) \(item.0)" } }
    }

    @Test func placementsAgreeWithTheLineByLineScan() throws {
        let pieces = ["साइबर ", "अपराध।", "फ़ाइल", "cybercrime.gov.in", "upjansunwai.com", " ", "\n", "\r\n", "```\n", "~~~\n", "  ```", "\n```\n",
                      "sbi-kyc.in", "e.g. ", "a.b", "# शीर्षक\n", "— ", "😀", "\t", "mail@example.org", ".", "\n\n",
                      "```\u{301}", " \u{301}```", "~~", "``` text\n", "   ~~~~\n"]
        var generator = SeededGenerator(seed: 30)
        var compared = 0
        for round in 0..<1_500 {
            let body = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = round.isMultiple(of: 3) ? "---\ntitle: पाठ\n---\n" + body : body
            let document = try MarkdownDocument.parse(text: text, path: "c/m/lessons/x.hi.md")
            let expected = Self.lineByLine(document)
            #expect(Self.wholeBody(document) == expected, "\(text.debugDescription)")
            compared += expected.count
        }
        #expect(compared > 1_000, "the generated lessons name domains (\(compared) placed)")
    }
}
