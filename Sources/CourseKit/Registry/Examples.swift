import Foundation

/// Building blocks of the rule examples: a small valid module (English and Hindi) and a course
/// using it. Examples change one thing in them and mark where the finding is expected.
enum Examples {
    typealias File = RuleExample.File

    static let module = """
        id: intro
        languages: [en, hi]
        title: {en: Introduction, hi: परिचय}
        lessons:
          - file: lessons/a.md
            title: {en: Welcome, hi: स्वागत}
            kind: reading

        """

    static let lessons = [
        File("m/lessons/a.md", "# Welcome\n\nRead the circular before the meeting.\n"),
        File("m/lessons/a.hi.md", "# स्वागत\n\nबैठक से पहले परिपत्र पढ़ें।\n"),
    ]

    static let moduleFiles = [File("m/module.yaml", module)] + lessons

    static let course = """
        id: office-basics
        version: 1.0.0
        languages: [en, hi]
        title: {en: Office basics, hi: कार्यालय की मूल बातें}
        description: {en: A short course, hi: एक छोटा पाठ्यक्रम}
        modules:
          - path: m

        """

    /// A course `c` with its module in `c/m`.
    static let courseFiles = [File("c/course.yaml", course)] + moduleFiles.map { File("c/" + $0.path, $0.text) }

    /// `files` with the file at `path` replaced.
    static func replacing(_ path: String, with text: String, in files: [File]) -> [File] {
        files.map { $0.path == path ? File(path, text, latin1: $0.latin1) : $0 }
    }

    static let quiz = """
        id: intro-quiz
        languages: [en, hi]
        passMark: 60
        questions:
          - id: q1
            type: true-false
            prompt: {en: Share your OTP with the bank., hi: बैंक को अपना ओटीपी बताएँ।}
            answer: false
            explanation: {en: Never share an OTP., hi: ओटीपी कभी न बताएँ।}

        """
}

extension Examples {
    /// A module tagged `tag`, an hour long, with a quiz: what the topic-module rules ask for.
    static func topicModule(_ folder: String, tag: String) -> [File] {
        [
            File("\(folder)/module.yaml", """
                id: \(tag)-module
                languages: [en, hi]
                title: {en: Topic, hi: विषय}
                tags: [\(tag)]
                duration: PT1H
                assessment: {quiz: quiz.yaml}
                lessons:
                  - file: lessons/a.md
                    title: {en: Welcome, hi: स्वागत}
                    kind: reading

                """),
            File("\(folder)/quiz.yaml", quiz.replacingOccurrences(of: "id: intro-quiz\n", with: "id: \(tag)-quiz\n")),
            // An hour of reading: the effort model measures the content, not the declared duration.
            File("\(folder)/lessons/a.md", "# Welcome\n\n" + String(repeating: "Read the circular before the meeting. ", count: 2500) + "\n"),
            File("\(folder)/lessons/a.hi.md", "# स्वागत\n\n" + String(repeating: "बैठक से पहले परिपत्र पढ़ें। ", count: 2500) + "\n"),
        ]
    }

    /// The course `c` with an AI and a cyber-security module besides `m`.
    static let policyCourseFiles: [File] =
        replacing("c/course.yaml", with: course + "  - path: ai\n  - path: cyber\n", in: courseFiles)
        + topicModule("c/ai", tag: "ai") + topicModule("c/cyber", tag: "cyber-security")

    /// A module `m` with `field` in place of its lesson for a field-staff course `c` (audience ASHA).
    static func fieldCourse(lesson: String, extra: [File] = [], kind: String = "reading") -> [File] {
        replacing("c/course.yaml", with: course + "audience: [asha]\n",
                  in: replacing("c/m/lessons/a.md", with: lesson,
                                in: replacing("c/m/module.yaml", with: module.replacingOccurrences(of: "kind: reading", with: "kind: \(kind)"), in: courseFiles)))
            + extra
    }

    static let programme = """
        id: induction
        version: 1.0.0
        languages: [en, hi]
        title: {en: Induction, hi: प्रवेश प्रशिक्षण}
        description: {en: A short programme, hi: एक छोटा कार्यक्रम}
        countsToward: [promotion, acr]

        """
}

extension Examples {
    /// One PDF lesson item, `do_1`, whose file is `do_1/a.pdf`.
    static let pdfItem = #"{"identifier": "do_1", "name": "Lesson", "mimeType": "application/pdf", "artifactUrl": "do_1/a.pdf"}"#

    /// A `manifest.json` listing `items` (JSON objects, one a line) with `archive.count` = `count`.
    static func manifest(_ items: [String], count: String? = nil) -> String {
        """
        {"id": "sunbird.content.archive", "ver": "1.2",
        "archive": {"count": \(count ?? String(items.count)), "items": [
        \(items.joined(separator: ",\n"))
        ]}}

        """
    }

    /// A valid single-lesson archive: manifest, the PDF and checksums (`auto`: the example
    /// runner writes the real digests).
    static let archive: [File] = [
        File("manifest.json", manifest([pdfItem])),
        File("do_1/a.pdf", "%PDF-1.4\n"),
        File("checksums.sha256", "auto"),
    ]

    /// A course collection `do_c` with one unit `do_u` holding the lesson, and its hierarchy.
    static func collectionArchive(unitChildren: String = #"[{"identifier": "do_1"}]"#, hierarchyID: String = #""sunbird.content.hierarchy""#) -> [File] {
        [
            File("manifest.json", manifest([
                #"{"identifier": "do_c", "name": "Course", "mimeType": "application/vnd.ekstep.content-collection", "children": [{"identifier": "do_u"}]}"#,
                #"{"identifier": "do_u", "name": "Unit", "mimeType": "application/vnd.ekstep.content-collection", "children": "# + unitChildren + "}",
                pdfItem,
            ])),
            File("hierarchy.json", #"{"id": "# + hierarchyID + #", "ver": "1.0", "content": {"identifier": "do_c", "children": [{"identifier": "do_u", "children": "# + unitChildren + "}]}}\n"),
            File("do_1/a.pdf", "%PDF-1.4\n"),
            File("checksums.sha256", "auto"),
        ]
    }

    static func replacingEntry(_ path: String, with text: String, in files: [File] = archive) -> [File] {
        files.map { $0.path == path ? File(path, text) : $0 }
    }
}

extension Examples {
    /// An archive with one html-archive lesson `do_h` whose zip is `do_h/h.zip`.
    static func htmlArchive(_ zip: File) -> [File] {
        [
            File("manifest.json", manifest([#"{"identifier": "do_h", "name": "Page", "mimeType": "application/vnd.ekstep.html-archive", "artifactUrl": "do_h/h.zip"}"#])),
            zip,
            File("checksums.sha256", "auto"),
        ]
    }

    static let htmlPage = File("do_h/h.zip", zipping: [File("index.html", "<!doctype html><title>Page</title><p>Read the circular.</p>\n")])
}

extension Examples {
    /// A complete case study in `k/` (every section and its context).
    static let caseStudy = File("k/case-study.yaml", "id: thin-case\nlanguages: [en, hi]\ntitle: {en: A case study, hi: केस स्टडी}\nsummary: {en: All sections., hi: सभी खंड।}\ncontext: {state: Uttar Pradesh, districts: [Lucknow], year: 2024, department: {en: Panchayati Raj, hi: पंचायती राज}, sdgs: [16]}\nsections:\n" + ["context", "challenge", "intervention", "outcomes", "lessons", "replication"].map { "  \($0): {en: Text., hi: पाठ।}\n" }.joined())

    /// The course `c` with `extra` appended to course.yaml.
    static func course(adding extra: String) -> [File] {
        replacing("c/course.yaml", with: course + extra, in: courseFiles)
    }

    /// A programme `p` (see `programme`) with `days` appended, beside the AI module in `c/ai`.
    static func programme(days: String) -> [File] {
        [File("p/programme.yaml", programme + "days:\n" + days)] + topicModule("c/ai", tag: "ai")
    }

    /// One programme day: `sessions` are flow mappings, one a line.
    static func day(_ number: Int, sessionsKey: String = "sessions:", _ sessions: [String]) -> String {
        "  - day: \(number)\n    title: {en: Day \(number), hi: दिन \(number)}\n    \(sessionsKey)\n" + sessions.map { "      - \($0)\n" }.joined()
    }

    /// The library `ai` vendored in `libraries/ai` with one file, and `coursekit.lock` recording
    /// `locked` as that file's text.
    static func library(onDisk: String, locked: String) -> [File] {
        var lock = LockFile()
        lock.entries["ai"] = LockFile.Entry(name: "ai", version: "1.0.0", source: "builtin",
                                            files: ["notes.md": SHA256Hex.digest(Data(RuleExample.strip(locked).text.utf8))])
        return moduleFiles + [File("libraries/ai/notes.md", onDisk), File("coursekit.lock", lock.render())]
    }
}

extension Examples {
    /// A small SVG image.
    static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n"

    /// An archive of two PDF lessons, `do_0` (named in Hindi) and `do_1`, listed on one line of
    /// the manifest with `marker` before `do_1`.
    static func twoLessonArchive(marker: String) -> [File] {
        let first = #"{"identifier": "do_0", "name": "परिचय", "mimeType": "application/pdf", "artifactUrl": "do_0/a.pdf"}"#
        return [
            File("manifest.json", manifest([first + ", " + marker + pdfItem], count: "2")),
            File("do_0/a.pdf", "%PDF-1.4\n"),
            File("do_1/a.pdf", "%PDF-1.4\n"),
            File("checksums.sha256", "auto"),
        ]
    }
}
