import Testing
@testable import CourseKit

@Suite("Markdown lessons through cmark-gfm")
struct MarkdownDocumentTests {
    @Test func positionsAccountForFrontMatterAndDevanagari() throws {
        let text = """
            ---
            duration: PT5M
            ---
            # परिचय

            यह ![चित्र](img.svg) देखें और [अगला](next.md) पढ़ें।
            """
        let document = try MarkdownDocument.parse(text: text, path: "l.md")
        #expect(document.frontMatter?["duration"]?.string == "PT5M")
        #expect(document.frontMatter?["duration"]?.location == SourceLocation(file: "l.md", line: 2, column: 11))
        let image = try #require(document.references.first { $0.kind == .image })
        #expect(image.destination == "img.svg")
        #expect(image.text == "चित्र")
        #expect(image.location == SourceLocation(file: "l.md", line: 6, column: 4))
        let link = try #require(document.references.first { $0.kind == .link })
        #expect(link.location.line == 6)
        #expect(link.location.column == 31)
        #expect(document.headings.map(\.level) == [1])
        #expect(document.headings.first?.location == SourceLocation(file: "l.md", line: 4, column: 1))
    }

    @Test func rendersGitHubExtensionsAndDropsRawHTML() throws {
        let text = """
            | a | b |
            |---|---|
            | 1 | 2 |

            - [x] done
            - [ ] todo

            Visit https://igotkarmayogi.gov.in today.

            <script>alert(1)</script>
            """
        let html = try MarkdownDocument.parse(text: text, path: "t.md").renderHTML()
        #expect(html.contains("<table>"))
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("<a href=\"https://igotkarmayogi.gov.in\">"))
        #expect(!html.contains("<script>"))
    }

    @Test func reportsFrontMatterErrorsAtTheirLine() {
        #expect {
            _ = try MarkdownDocument.parse(text: "---\nduration: [PT5M\n---\n# x\n", path: "f.md")
        } throws: { error in
            (error as? DocumentLoadError)?.location.line ?? 0 >= 2
        }
    }
}

@Suite("Text snippets")
struct TextSnippetTests {
    @Test func longLinesAreCutToAWindowAroundTheColumn() {
        let line = Substring(String(repeating: "a", count: 500) + "X" + String(repeating: "b", count: 500))
        let (window, column) = TextReporter.window(of: line, around: 501)
        #expect(window.unicodeScalars.count <= 162)
        #expect(window.hasPrefix("…") && window.hasSuffix("…"))
        #expect(Array(window.unicodeScalars)[column - 1] == "X")
        let short = Substring("duration: 45")
        #expect(TextReporter.window(of: short, around: 11) == (short, 11))
    }
}
