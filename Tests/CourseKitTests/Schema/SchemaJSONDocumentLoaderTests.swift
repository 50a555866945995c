import Foundation
import Testing

@testable import CourseKit

@Suite("Strict JSON loading with positions")
struct SchemaJSONDocumentLoaderTests {
    let loader = JSONDocumentLoader()

    func load(_ text: String) throws -> LocatedValue {
        try loader.load(text: text, path: "t.json")
    }

    func loc(_ line: Int, _ column: Int) -> CourseKit.SourceLocation {
        CourseKit.SourceLocation(file: "t.json", line: line, column: column)
    }

    /// The error thrown for `text`, or a test failure.
    func failure(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DocumentLoadError? {
        do {
            _ = try load(text)
            Issue.record("expected \(text.debugDescription) to be rejected", sourceLocation: sourceLocation)
            return nil
        } catch let error as DocumentLoadError {
            #expect(error.kind == .syntax, sourceLocation: sourceLocation)
            #expect(error.message.en.hasPrefix("JSON syntax error: "), sourceLocation: sourceLocation)
            #expect(error.message.hi.hasPrefix("JSON वाक्य-रचना त्रुटि: "), sourceLocation: sourceLocation)
            return error
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test func keepsLinesAndColumnsOfKeysAndValues() throws {
        let value = try load("{\n  \"id\": \"demo\",\n  \"title\": {\"hi\": \"नमस्ते\", \"en\": \"Hello\"},\n  \"n\": [1, 2.50]\n}")
        #expect(value.location == loc(1, 1))
        let title = try #require(value.object?.entry("title"))
        #expect(title.keyLocation == loc(3, 3))
        #expect(title.value.location == loc(3, 12))
        // `{"hi": "नमस्ते", ` is 17 scalars from column 12 (नमस्ते is 6), so "en" starts at column 29.
        #expect(title.value.object?.entry("en")?.keyLocation == loc(3, 29))
        #expect(title.value["hi"]?.string == "नमस्ते")
        let numbers = try #require(value["n"]?.array)
        #expect(numbers[1].location == loc(4, 12))
        guard case .number(let number) = numbers[1].content else {
            Issue.record("not a number")
            return
        }
        #expect(number.literal == "2.50")
        #expect(number.value == 2.5)
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let value = try load("{\"शीर्षक\": \"एक\", \"b\": 2}")
        // `{"शीर्षक": "एक", ` is 17 scalars, so "b" starts at column 18.
        #expect(value.object?.entry("b")?.keyLocation.column == 18)
    }

    @Test func countsCRLFAsOneLineBreak() throws {
        let value = try load("{\r\n\"a\": 1,\r\n\"b\": 2\r\n}")
        #expect(value.object?.entry("b")?.keyLocation == loc(3, 1))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try load(#"["a\"b\\c\/d\b\f\n\r\t", "\u0915\u093F", "\uD83D\uDE00", "\u00e9"]"#)
        let items = try #require(value.array)
        #expect(items[0].string == "a\"b\\c/d\u{08}\u{0C}\n\r\t")
        #expect(items[1].string == "कि")
        #expect(items[2].string == "😀")
        #expect(items[3].string == "é")
    }

    @Test func readsAllScalarsAndKeepsNumberLiterals() throws {
        let value = try load(#"{"t": true, "f": false, "z": null, "i": -0, "e": 1.5E+3, "big": 1e400}"#)
        #expect(value["t"]?.bool == true)
        #expect(value["f"]?.bool == false)
        #expect(value["z"]?.isNull == true)
        if case .number(let number) = value["e"]?.content {
            #expect(number.literal == "1.5E+3")
            #expect(number.value == 1500)
        } else {
            Issue.record("e is not a number")
        }
        #expect(value["big"]?.number == .infinity)
    }

    @Test func lastDuplicateKeyWins() throws {
        let value = try load(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.object?.keys == ["b", "a"])
        #expect(value["a"]?.int == 3)
    }

    @Test func acceptsScalarDocumentsAndABOM() throws {
        #expect(try load("  42 ").int == 42)
        #expect(try load("\u{FEFF}\"x\"").string == "x")
    }

    @Test func rejectsAnUnterminatedStringAtItsStart() throws {
        let error = try #require(failure("{\"title\": \"Hello\n}"))
        #expect(error.location == loc(1, 11))
        #expect(error.message.en.contains("not closed"))
        let atEnd = try #require(failure("[\"abc"))
        #expect(atEnd.location == loc(1, 2))
    }

    @Test func rejectsLoneSurrogates() throws {
        let high = try #require(failure(#"["ab\uD800"]"#))
        #expect(high.location == loc(1, 5))
        #expect(high.message.en.contains("\\uD800"))
        let low = try #require(failure(#"["\uDC00x"]"#))
        #expect(low.location == loc(1, 3))
        let mismatched = try #require(failure(#"["\uD83D\u0041"]"#))
        #expect(mismatched.message.hi.contains("surrogate"))
    }

    @Test func rejectsTrailingCommas() throws {
        let inArray = try #require(failure("[1, 2,\n]"))
        #expect(inArray.location == loc(2, 1))
        #expect(inArray.message.en.contains("trailing comma"))
        let inObject = try #require(failure("{\"a\": 1,}"))
        #expect(inObject.location == loc(1, 9))
    }

    @Test func rejectsWhatJSONDoesNotAllow() throws {
        let leadingZero = try #require(failure("[01]"))
        #expect(leadingZero.message.en.contains("'01'"))
        #expect(failure("[1.]") != nil)
        #expect(failure("[.5]") != nil)
        #expect(failure("[1e]") != nil)
        #expect(failure("[+1]") != nil)
        #expect(failure("[NaN]") != nil)
        let single = try #require(failure("['x']"))
        #expect(single.message.en.contains("double quotes"))
        let control = try #require(failure("[\"a\tb\"]"))
        #expect(control.location == loc(1, 4))
        #expect(failure(#"["\x"]"#) != nil)
        #expect(failure(#"["\u12"]"#) != nil)
        let word = try #require(failure("[True]"))
        #expect(word.message.en.contains("'True'"))
        #expect(failure("{a: 1}") != nil)
        #expect(failure("{\"a\" 1}") != nil)
        #expect(failure("[1 2]") != nil)
        #expect(failure("// comment\n{}") != nil)
        let trailing = try #require(failure("{} {}"))
        #expect(trailing.location == loc(1, 4))
        #expect(failure("") != nil)
        #expect(failure("[") != nil)
    }

    @Test func refusesAbsurdNesting() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = try #require(failure(deep))
        #expect(error.message.en.contains("nested"))
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(try load(fine).array != nil)
    }

    @Test func rejectsInvalidUTF8() {
        #expect {
            _ = try loader.load(data: Data([0x22, 0xC3, 0x28, 0x22]), path: "t.json")
        } throws: { error in
            (error as? DocumentLoadError)?.kind == .encoding
        }
    }
}
