import Foundation
import Testing
@testable import CourseKit

/// The caret goes under the column as a terminal shows the line: combining marks take no cell,
/// wide (East Asian, emoji) characters take two, tabs stay tabs.
@Suite("carets under what the terminal shows")
struct CaretTests {
    @Test func devanagariCombiningMarksTakeNoCell() {
        // "  hi: मातृ एवं: नवजात": the ':' after एवं is column 15 (code points); on screen it is the
        // 13th cell (ृ and ं are combining marks).
        let pad = TextReporter.caretPadding("  hi: मातृ एवं: नवजात", column: 15)
        #expect(pad == String(repeating: " ", count: 12))
    }

    @Test func wideCharactersTakeTwoCells() {
        let pad = TextReporter.caretPadding("t: 漢字 x", column: 6)
        #expect(pad == String(repeating: " ", count: 3 + 4))
    }

    @Test func tabsStayTabs() {
        #expect(TextReporter.caretPadding("\tx: 1", column: 2) == "\t")
    }
}
