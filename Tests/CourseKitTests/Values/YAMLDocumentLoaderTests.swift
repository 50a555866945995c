import Foundation
import Testing
@testable import CourseKit

@Suite("YAML loading with positions")
struct YAMLDocumentLoaderTests {
    let loader = YAMLDocumentLoader()

    @Test func keepsLinesAndColumnsOfKeysAndValues() throws {
        let value = try loader.load(text: "id: demo\ntitle:\n  hi: नमस्ते\n  en: Hello\n", path: "c.yaml")
        let title = try #require(value.object?.entry("title"))
        #expect(title.keyLocation == SourceLocation(file: "c.yaml", line: 2, column: 1))
        #expect(title.value["en"]?.location == SourceLocation(file: "c.yaml", line: 4, column: 7))
        #expect(title.value["hi"]?.string == "नमस्ते")
    }

    @Test func columnsCountUnicodeScalars() throws {
        let value = try loader.load(text: "{शीर्षक: एक, b: 2}", path: "x.yaml")
        // "{शीर्षक: एक, " is 13 scalars, so b sits at column 14.
        #expect(value.object?.entry("b")?.keyLocation.column == 14)
    }

    @Test func usesTheYAML12CoreSchema() throws {
        let value = try loader.load(text: "a: no\nb: yes\nc: true\nd: 45\ne: 1.5\nf: '12'\ng: ~\nh: 2024-01-15\n", path: "s.yaml")
        #expect(value["a"]?.string == "no")
        #expect(value["b"]?.string == "yes")
        #expect(value["c"]?.bool == true)
        #expect(value["d"]?.int == 45)
        #expect(value["e"]?.number == 1.5)
        #expect(value["f"]?.string == "12")
        #expect(value["g"]?.isNull == true)
        #expect(value["h"]?.string == "2024-01-15")
    }

    @Test func reportsSyntaxErrorsWithTheirPosition() {
        #expect {
            _ = try loader.load(text: "title:\n  en: [unclosed\nnext: 1\n", path: "bad.yaml")
        } throws: { error in
            guard let error = error as? DocumentLoadError else { return false }
            return error.kind == .syntax && error.location.file == "bad.yaml" && error.location.line >= 2
                && error.message.hi.contains("त्रुटि")
        }
    }

    @Test func reportsDuplicateKeys() {
        #expect {
            _ = try loader.load(text: "id: a\nid: b\n", path: "dup.yaml")
        } throws: { error in
            (error as? DocumentLoadError)?.kind == .duplicateKey
        }
    }

    @Test func refusesAliasBombs() {
        let bomb = (1...8).map { level in
            "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "x" : "*l\(level - 1)", count: 10).joined(separator: ",") + "]"
        }.joined(separator: "\n")
        #expect {
            _ = try loader.load(text: bomb, path: "bomb.yaml")
        } throws: { error in
            (error as? DocumentLoadError)?.kind == .aliasExpansion
        }
    }

    @Test func refusesInvalidUTF8AndOversizeFiles() {
        #expect {
            _ = try loader.load(data: Data([0x61, 0x3A, 0x20, 0xC3, 0x28]), path: "enc.yaml")
        } throws: { error in
            (error as? DocumentLoadError)?.kind == .encoding
        }
        let small = YAMLDocumentLoader(maximumFileSize: 10)
        #expect {
            _ = try small.load(data: Data(repeating: 0x61, count: 11), path: "big.yaml")
        } throws: { error in
            (error as? DocumentLoadError)?.kind == .tooLarge
        }
    }

    @Test func mergeKeysCopyEntries() throws {
        let value = try loader.load(text: "base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\n", path: "m.yaml")
        #expect(value["item"]?["x"]?.int == 1)
        #expect(value["item"]?["y"]?.int == 3)
    }
}
