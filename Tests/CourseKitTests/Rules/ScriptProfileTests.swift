import Testing
@testable import CourseKit

/// `ScriptProfile.share` reads lesson text on UTF-8 bytes in one pass; these pin down what it
/// counts and what it leaves out.
@Suite("Script share of a text")
struct ScriptProfileTests {
    @Test func addressesCodeLinkTargetsAndTagsAreLeftOut() throws {
        let text = "साइबर `skip this code` [लिंक](https://example.com/path) <b>bold</b> hello mail@example.org cybercrime.gov.in"
        // Counted: साइबर (5) and लिंक (4) in Devanagari, "bold" (4) and "hello" (5) in Latin.
        #expect(ScriptProfile.share(of: text, in: ScriptProfile.devanagari, minimumLetters: 1) == 0.5)
        #expect(ScriptProfile.share(of: text, in: ScriptProfile.latin, minimumLetters: 1) == 0.5)
    }

    @Test func numbersDoNotCountAndShortTextsAreNotJudged() throws {
        #expect(ScriptProfile.share(of: "Report fraud at cybercrime.gov.in or call 1930 today", in: ScriptProfile.latin) == 1.0)
        #expect(ScriptProfile.share(of: "Report fraud at cybercrime.gov.in or call 1930 today", in: ScriptProfile.devanagari) == 0.0)
        #expect(ScriptProfile.share(of: "call 1930", in: ScriptProfile.latin) == nil, "4 letters: too few to judge")
        // A dot between a letter and a digit is not an address (a sentence end before a number).
        #expect(ScriptProfile.share(of: "step.2 done", in: ScriptProfile.latin, minimumLetters: 1) == 1.0)
        #expect(ScriptProfile.share(of: "a.b", in: ScriptProfile.latin, minimumLetters: 1) == nil, "an address: nothing left")
    }
}
