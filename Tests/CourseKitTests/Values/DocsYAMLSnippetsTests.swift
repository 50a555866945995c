import Foundation
import Testing
@testable import CourseKit

/// Every ```yaml block in docs/ (and the README) is valid YAML: authors copy them, so an
/// example that does not parse teaches a mistake. Blocks whose `…` placeholders stand for text
/// still parse (`…` is a plain scalar).
@Suite("YAML examples in the documentation")
struct DocsYAMLSnippetsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func markdownFiles() -> [URL] {
        var files = [root.appendingPathComponent("README.md")]
        let docs = root.appendingPathComponent("docs")
        if let walker = FileManager.default.enumerator(at: docs, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "md" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// (file, first line of the block, text) of every ```yaml block, except those under a
    /// "## Example that fails" heading of a rule page, which show broken YAML on purpose.
    static func snippets() throws -> [(String, Int, String)] {
        var found: [(String, Int, String)] = []
        for file in markdownFiles() {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            var index = 0
            var failingExample = false
            while index < lines.count {
                let line = lines[index].trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("#") { failingExample = line.lowercased().contains("example that fails") }
                if (line == "```yaml" || line == "```yml") && !failingExample {
                    let indent = lines[index].prefix { $0 == " " }.count
                    var body: [String] = []
                    var end = index + 1
                    while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" {
                        body.append(String(lines[end].dropFirst(min(indent, lines[end].prefix { $0 == " " }.count))))
                        end += 1
                    }
                    found.append((String(file.path.dropFirst(root.path.count + 1)), index + 2, body.joined(separator: "\n")))
                    index = end
                }
                index += 1
            }
        }
        return found
    }

    @Test func everyYAMLExampleParses() throws {
        let snippets = try Self.snippets()
        #expect(snippets.count > 20, "found the examples")
        for (file, line, text) in snippets {
            do {
                _ = try YAMLDocumentLoader().load(text: text, path: file)
            } catch {
                Issue.record("\(file): the ```yaml block starting on line \(line) does not parse: \(error.location.line):\(error.location.column) \(error.message.en)")
            }
        }
    }
}
