import Foundation
import Testing
@testable import CourseKit

/// Written references and file names are compared in NFC; text and names not in NFC get a
/// `unicode-normalization` warning. फ़ is U+095E precomposed, U+092B U+093C in NFC (the nukta
/// letters are excluded from composition); ज़ि is U+095B U+093F, or U+091C U+093C U+093F in NFC.
@Suite("Unicode normalisation of references, names and text")
struct UnicodeNormalizationTests {
    static let precomposed = "\u{095E}ाइल"             // फ़ाइल, nukta letter as one code point
    static let decomposed = "\u{092B}\u{093C}ाइल"      // फ़ाइल in NFC
    static let matraPrecomposed = "\u{095B}\u{093F}ला" // ज़िला
    static let matraDecomposed = "\u{091C}\u{093C}\u{093F}ला"

    /// The loader fixture with a lesson linking to `written`, and a file named `onDisk`.
    func repository(lesson written: [String], files onDisk: [String]) throws -> URL {
        let root = TestTemporary.url("coursekit-nfc")
        try FileManager.default.copyItem(at: CatalogueLoaderTests.fixture, to: root)
        let lessons = root.appendingPathComponent("courses/demo/modules/intro/lessons")
        for name in onDisk {
            try Data("x".utf8).write(to: lessons.appendingPathComponent(name))
        }
        let links = written.map { "[\($0)](\($0))" }.joined(separator: "\n\n")
        try "# स्वागत\n\n\(links)\n".write(to: lessons.appendingPathComponent("welcome.md"), atomically: true, encoding: .utf8)
        return root
    }

    func findings(_ root: URL) throws -> [Finding] {
        try Validator(workingDirectory: root).validate(paths: ["courses/demo"]).findings
            .filter { $0.location.file.hasSuffix("welcome.md") || $0.ruleID == "unicode-normalization" }
    }

    @Test func namesCompareEqualAsSwiftStringsButNotAsScalars() {
        #expect(Self.precomposed == Self.decomposed)
        #expect(!Self.precomposed.unicodeScalars.elementsEqual(Self.decomposed.unicodeScalars))
        #expect(NFC.isNormalized(Self.decomposed))
        #expect(!NFC.isNormalized(Self.precomposed))
        #expect(NFC.isNormalized(Self.matraDecomposed))
        #expect(!NFC.isNormalized(Self.matraPrecomposed))
        #expect(NFC.equivalent(Self.matraPrecomposed, Self.matraDecomposed))
    }

    /// The fast check never calls text NFC that is not, and accepts ordinary Hindi and English.
    @Test func theQuickCheckIsConservative() {
        let samples = [
            Self.precomposed, Self.decomposed, Self.matraPrecomposed, Self.matraDecomposed,
            "क्षत्रिय ज्ञान श्री", "\u{0928}\u{093C}", "\u{0929}", "\u{0915}\u{094D}\u{093C}", "\u{0915}\u{093C}\u{094D}",
            "\u{0915}\u{0951}\u{094D}", "e\u{0301}", "\u{00E9}", "₹ 500 — “उद्धरण” …", "\u{2000}", "Ω \u{2126}",
        ]
        for sample in samples {
            let full = sample.unicodeScalars.elementsEqual(sample.precomposedStringWithCanonicalMapping.unicodeScalars)
            if NFC.quickCheck(sample) { #expect(full, "quick check accepted non-NFC \(sample.unicodeScalars.map { String($0.value, radix: 16) })") }
            #expect(NFC.isNormalized(sample) == full)
        }
        #expect(NFC.quickCheck("क्षत्रिय ज्ञान श्री — ₹ 500, “ठीक”"))
        #expect(NFC.quickCheck(Self.decomposed + Self.matraDecomposed))
    }

    /// A link typed with the precomposed nukta finds the file named in NFC; the lesson's text
    /// gets one warning, at the column of the first code point to change.
    @Test func aPrecomposedReferenceFindsTheNFCFile() throws {
        let root = try repository(lesson: ["\(Self.precomposed).pdf", "\(Self.matraPrecomposed).pdf"],
                                  files: ["\(Self.decomposed).pdf", "\(Self.matraDecomposed).pdf"])
        defer { try? FileManager.default.removeItem(at: root) }
        let found = try findings(root)
        #expect(!found.contains { $0.ruleID == "broken-link" }, "\(found)")
        let warnings = found.filter { $0.ruleID == "unicode-normalization" }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.location.description == "courses/demo/modules/intro/lessons/welcome.md:3:2")
        #expect(warning.message.en == "text is not in Unicode NFC: U+095E (\u{095E}) should be U+092B U+093C (\u{092B}\u{093C}) (and 1 more line in this file)")
        #expect(warning.message.hi.contains("यूनिकोड NFC में नहीं है"))
        #expect(warning.hint?.en.contains("uconv -x any-nfc") == true)
    }

    /// A link typed in NFC finds a file whose name is precomposed; the name gets the warning, at
    /// the reference.
    @Test func anNFCReferenceFindsAPrecomposedFileNameAndWarnsAboutTheName() throws {
        let root = try repository(lesson: ["\(Self.decomposed).pdf", "\(Self.matraDecomposed).pdf"],
                                  files: ["\(Self.precomposed).pdf", "\(Self.matraPrecomposed).pdf"])
        defer { try? FileManager.default.removeItem(at: root) }
        let found = try findings(root)
        #expect(!found.contains { $0.ruleID == "broken-link" }, "\(found)")
        let warnings = found.filter { $0.ruleID == "unicode-normalization" }
        #expect(warnings.map(\.location.description) == [
            "courses/demo/modules/intro/lessons/welcome.md:3:1", "courses/demo/modules/intro/lessons/welcome.md:5:1",
        ])
        #expect(warnings.first?.message.en.contains("is not in Unicode NFC (U+095E (\u{095E}) should be U+092B U+093C") == true, "\(warnings)")
        #expect(warnings.last?.message.en.contains("U+095B (\u{095B}) should be U+091C U+093C") == true, "\(warnings)")
        #expect(warnings.allSatisfy { $0.hint?.en.contains("git mv") == true })
    }

    /// Both in NFC: nothing to say. A name that does not exist in any form is still broken.
    @Test func nfcEverywhereIsCleanAndMissingFilesAreStillBroken() throws {
        let root = try repository(lesson: ["\(Self.decomposed).pdf", "\(Self.matraDecomposed)-नहीं.pdf"], files: ["\(Self.decomposed).pdf"])
        defer { try? FileManager.default.removeItem(at: root) }
        let found = try findings(root)
        #expect(!found.contains { $0.ruleID == "unicode-normalization" })
        #expect(found.filter { $0.ruleID == "broken-link" }.map(\.location.line) == [5])
    }
}
