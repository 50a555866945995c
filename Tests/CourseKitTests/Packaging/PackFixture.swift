import Foundation
@testable import CourseKit

/// A small course repository written by the tests: a Hindi/English course with one module, a
/// Markdown lesson with an image whose name is Devanagari with a space, a PDF lesson, a quiz
/// and a thumbnail. Files can be written in reverse order with scattered modification times,
/// to show that neither changes the archive.
enum PackFixture {
    static let files: [(String, Data)] = [
        ("courses/demo/course.yaml", text("""
            id: demo-course
            version: 2.1.0
            languages: [hi, en]
            title: {hi: डेमो पाठ्यक्रम, en: Demo course}
            description: {hi: परीक्षण के लिए एक छोटा पाठ्यक्रम।, en: A small course for the tests.}
            keywords: {hi: [डेमो, आशा], en: [demo, ASHA]}
            audience: [asha]
            provider:
              name: {hi: स्वास्थ्य विभाग, en: Health Department}
              department: health
            licence: CC-BY-SA-4.0
            thumbnail: assets/thumb.png
            duration: PT30M
            competencies:
              - {area: Domain, theme: Public Health, subTheme: Maternal Health}
            modules:
              - path: modules/intro

            """)),
        ("courses/demo/assets/thumb.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })),
        ("courses/demo/modules/intro/module.yaml", text("""
            id: intro
            languages: [hi, en]
            title: {hi: परिचय, en: Introduction}
            description: {hi: पहला मॉड्यूल।, en: The first module.}
            tags: [practical]
            duration: PT20M
            lessons:
              - file: lessons/welcome.md
                title: {hi: स्वागत, en: Welcome}
                duration: PT5M
                kind: reading
              - file: assets/handout.pdf
                title: {hi: हैंडआउट, en: Handout}
                duration: PT10M
                kind: document
            assessment:
              quiz: quiz.yaml

            """)),
        ("courses/demo/modules/intro/lessons/welcome.md", text("""
            ---
            summary: पहला पाठ।
            ---
            # स्वागत

            नमस्ते। यह **पहला** पाठ है।

            ![आरेख: चार चरण](../assets/आरेख%20एक.svg)

            | चरण | काम |
            | --- | --- |
            | 1 | पंजीकरण |

            """)),
        ("courses/demo/modules/intro/lessons/welcome.en.md", text("""
            # Welcome

            Hello. This is the **first** lesson.

            ![Diagram: four steps](../assets/diagram.svg)

            """)),
        ("courses/demo/modules/intro/assets/आरेख एक.svg", text("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>एक</text></svg>\n")),
        ("courses/demo/modules/intro/assets/diagram.svg", text("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>one</text></svg>\n")),
        ("courses/demo/modules/intro/assets/handout.pdf", Data("%PDF-1.4\n".utf8) + Data((0..<20_000).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) })),
        ("courses/demo/modules/intro/quiz.yaml", text("""
            id: intro-quiz
            languages: [hi, en]
            title: {hi: परिचय प्रश्नोत्तरी, en: Introduction quiz}
            passMark: 60
            shuffle: false
            questions:
              - id: q1
                type: single-choice
                prompt: {hi: पहला चरण क्या है?, en: What is the first step?}
                options:
                  - text: {hi: पंजीकरण, en: Registration}
                    correct: true
                  - text: {hi: भुगतान, en: Payment}
                explanation: {hi: पहले पंजीकरण।, en: Registration comes first.}
              - id: q2
                type: true-false
                prompt: {hi: यह पहला पाठ है।, en: This is the first lesson.}
                answer: true
                explanation: {hi: हाँ।, en: Yes.}

            """)),
    ]

    static func text(_ value: String) -> Data { Data(value.utf8) }

    /// Writes the repository under `root`; `reversed` writes files (and creates folders) in the
    /// opposite order and gives every file a different modification time.
    static func write(to root: URL, reversed: Bool = false) throws {
        let ordered = reversed ? Array(files.reversed()) : files
        for (index, (path, data)) in ordered.enumerated() {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            if reversed {
                try FileManager.default.setAttributes(
                    [.modificationDate: Date(timeIntervalSince1970: 1_000_000_000 + Double(index) * 86_400 * 37)], ofItemAtPath: url.path)
            }
        }
    }

    /// Loads the fixture's course.
    static func load(_ root: URL) throws -> (Catalogue, Course) {
        let catalogue = try Validator(workingDirectory: root).loadCatalogue(paths: ["courses/demo"])
        guard let course = catalogue.courses.first else { throw HostileZipError.write }
        return (catalogue, course)
    }
}
