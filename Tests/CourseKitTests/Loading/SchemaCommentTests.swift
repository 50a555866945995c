import Foundation
import Testing
@testable import CourseKit

/// The `# yaml-language-server: $schema=…` comment is read from bytes when the line is ASCII;
/// the answer is the one Foundation's string functions give for every line.
@Suite("Schema comment")
struct SchemaCommentTests {
    static func foundation(_ line: Substring) -> (mentions: Bool, target: String, column: Int, name: String)? {
        guard line.contains("yaml-language-server:") && line.contains("$schema=") else { return nil }
        let start = line.range(of: "$schema=")!.upperBound
        let target = line[start...].trimmingCharacters(in: .whitespaces)
        return (true, target, line[..<start].unicodeScalars.count + 1, (target as NSString).lastPathComponent)
    }

    @Test func readingBytesGivesFoundationsAnswer() {
        let lines = [
            "# yaml-language-server: $schema=../../schemas/course.schema.json",
            "# yaml-language-server: $schema= \t../schemas/module.schema.json \t",
            "#yaml-language-server:$schema=quiz.schema.json",
            "# yaml-language-server: $schema=https://example.org/schemas/course.schema.json",
            "# yaml-language-server: $schema=../schemas/",
            "# yaml-language-server: $schema=",
            "# yaml-language-server: $schema=/",
            "# yaml-language-server: $schema=a//b.json",
            "# $schema=x.json yaml-language-server:",
            "# yaml-language-server: $schema=../स्कीमा/course.schema.json",
            "# yaml-language-server: $schema=\u{A0}course.schema.json\u{2003}",
            "# yaml-language-server only",
            "id: course",
            "",
        ]
        for text in lines {
            let line = Substring(text)
            let expected = Self.foundation(line)
            #expect(LoadSession.namesSchema(line) == (expected != nil), "\(text)")
            guard let expected else { continue }
            let found = LoadSession.schemaTarget(in: line)
            #expect(found.target == expected.target && found.column == expected.column && found.name == expected.name,
                    "\(text): \(found) against \(expected)")
        }
    }
}
