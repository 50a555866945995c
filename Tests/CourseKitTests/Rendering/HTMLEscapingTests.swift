import Testing
@testable import CourseKit

/// `HTMLEscaping.escape` escapes the five special characters byte by byte.
@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(HTMLEscaping.escape(#"a & b < c > d " e ' f"#) == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(HTMLEscaping.escape("सामान्य पाठ, no specials") == "सामान्य पाठ, no specials")
        #expect(HTMLEscaping.escape("") == "")
    }

    /// A quote followed by a combining mark is one Swift `Character` that is not `"`, yet an
    /// HTML parser ends the attribute value at the quote: it must be escaped too.
    @Test func escapesAQuoteThatACombiningMarkFollows() {
        #expect(HTMLEscaping.escape("x\"\u{301} onerror=alert(1)") == "x&quot;\u{301} onerror=alert(1)")
        #expect(HTMLEscaping.escape("<\u{338}script>") == "&lt;\u{338}script&gt;")
    }
}
