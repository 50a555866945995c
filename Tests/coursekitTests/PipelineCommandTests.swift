import Foundation
import Testing

/// The finding pipeline seen from the command line: deterministic output, a failed file that
/// contributes nothing downstream.
@Suite("coursekit validate: one pipeline, deterministic output")
struct PipelineCommandTests {
    /// A copy of the shipped catalogue (courses, schemas, coursekit.yaml) in a fresh folder.
    func copyOfCatalogue() throws -> URL {
        let folder = TestTemporary.url("coursekit-pipeline")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["courses", "schemas", "coursekit.yaml"] {
            try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try change(text).write(to: file, atomically: true, encoding: .utf8)
    }

    /// Mutates the catalogue so that it produces many findings, several of them tied on
    /// location and rule (the same module is untranslated for every course using it).
    func mutate(_ folder: URL) throws {
        let courses = folder.appendingPathComponent("courses")
        try edit(courses.appendingPathComponent("library/cyber-security-essentials/module.yaml")) {
            $0.replacingOccurrences(of: "languages: [en, hi]", with: "languages: [hi]")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: courses.path).sorted() {
            let course = courses.appendingPathComponent("\(name)/course.yaml")
            guard FileManager.default.fileExists(atPath: course.path) else { continue }
            try edit(course) { text in
                text.components(separatedBy: "\n").filter { !$0.contains("ai-for-public-servants") }.joined(separator: "\n")
            }
        }
        let lessons = courses.appendingPathComponent("library/ai-for-public-servants/lessons")
        for name in try FileManager.default.contentsOfDirectory(atPath: lessons.path) where name.hasSuffix(".hi.md") {
            try edit(lessons.appendingPathComponent(name)) { $0 + "\n![चित्र](images/नहीं-है.png)\n[link](missing.pdf)\n" }
        }
    }

    @Test func validateIsByteIdenticalAcrossRunsInEveryFormat() throws {
        let folder = try copyOfCatalogue()
        defer { try? FileManager.default.removeItem(at: folder) }
        try mutate(folder)
        for format in ["text", "json", "sarif", "junit", "github"] {
            for language in ["en", "hi"] {
                let arguments = ["validate", "courses", "--format", format, "--lang", language]
                let first = try CommandRunner.run(arguments, in: folder)
                let second = try CommandRunner.run(arguments, in: folder)
                #expect(first.exitCode == 1, "\(format): \(first.standardError)")
                #expect(first.standardOutput.utf8.count > 2_000, "\(format): too few findings to test anything")
                #expect(Data(first.standardOutput.utf8) == Data(second.standardOutput.utf8), "\(format) \(language) differs between runs")
                #expect(first.standardError == second.standardError)
            }
        }
        let json = try CommandRunner.run(["validate", "courses", "--format", "json"], in: folder)
        // Findings that tie on file, line, column and rule (one module untranslated for several
        // courses is reported at each course; broken links on one line) are what used to reorder.
        #expect(json.standardOutput.components(separatedBy: "\"ruleId\": \"translation-complete\"").count > 2)
        #expect(json.standardOutput.components(separatedBy: "\"ruleId\": \"broken-link\"").count > 10)
    }

    /// Issue 9's "one typo, thirteen errors": a YAML syntax error in the shared AI module gives
    /// exactly one error; the courses and the programme that use the module are not checked, and
    /// one note says so.
    @Test func aYAMLErrorInASharedModuleGivesOneError() throws {
        let folder = try copyOfCatalogue()
        defer { try? FileManager.default.removeItem(at: folder) }
        try edit(folder.appendingPathComponent("courses/library/ai-for-public-servants/module.yaml")) {
            $0.replacingOccurrences(of: "languages: [en, hi]", with: "languages: [en, hi\n")
        }
        let result = try CommandRunner.run(["validate", "courses", "--format", "json"], in: folder)
        #expect(result.exitCode == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let errors = findings.filter { $0["severity"] as? String == "error" }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?["ruleId"] as? String == "yaml-syntax")
        let notes = findings.filter { $0["ruleId"] as? String == "not-checked" }
        #expect(notes.count == 1)
        #expect(((notes.first?["message"] as? [String: Any])?["en"] as? String)?.contains("not checked because it failed to load") == true, "\(notes)")
        let text = try CommandRunner.run(["validate", "courses"], in: folder)
        #expect(text.standardOutput.contains("courses/panchayat-ulb-grievance-citizen-services/course.yaml:1:1: not checked because courses/library/ai-for-public-servants/module.yaml failed to load"))
    }
}
