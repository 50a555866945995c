import Foundation
import Testing

@Suite("coursekit validate, end to end")
struct ValidateCommandTests {
    /// The acceptance case: a wrong type, a misspelled key, a missing lesson file and a
    /// broken image link, each reported at its exact line and column, exit 1.
    @Test func reportsEveryKnownMistakeAtItsPosition() throws {
        let folder = try CommandRunner.copyFixture("broken-course")
        let result = try CommandRunner.run(["validate", "broken-course", "--no-color"], in: folder)
        #expect(result.exitCode == 1)
        let headlines = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("broken-course/") }
        #expect(headlines.contains { $0.hasPrefix("broken-course/course.yaml:11:1: error[schema-unknown-key]:") && $0.contains("titel") })
        #expect(headlines.contains { $0.hasPrefix("broken-course/course.yaml:13:11: error[schema-type]:") })
        #expect(headlines.contains { $0.hasPrefix("broken-course/modules/basics/module.yaml:13:11: error[missing-file]:") && $0.contains("lessons/missing.md") })
        #expect(headlines.contains { $0.hasPrefix("broken-course/modules/basics/lessons/welcome.en.md:8:1: error[broken-link]:") && $0.contains("ofice.svg") })
        #expect(result.standardOutput.contains("did you mean 'title'?"))
        #expect(result.standardOutput.contains("did you mean '../assets/office.svg'?"))
    }

    @Test func showsTheSourceLineWithACaret() throws {
        let folder = try CommandRunner.copyFixture("broken-course")
        let result = try CommandRunner.run(["validate", "broken-course/course.yaml", "--no-color"], in: folder)
        let expected = """
            broken-course/course.yaml:13:11: error[schema-type]:
            """
        let lines = result.standardOutput.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix(expected) })
        #expect(lines[index + 1] == " 13 | duration: 45")
        #expect(lines[index + 2] == "    |           ^")
    }

    @Test func speaksHindiWhenAsked() throws {
        let folder = try CommandRunner.copyFixture("broken-course")
        let result = try CommandRunner.run(["validate", "broken-course", "--lang", "hi", "--no-color"], in: folder)
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("त्रुटि[missing-file]"))
        #expect(result.standardOutput.contains("मौजूद नहीं है"))
    }

    @Test func missingPathIsAToolErrorWithExitTwo() throws {
        let folder = try CommandRunner.copyFixture("broken-course")
        let result = try CommandRunner.run(["validate", "no-such-folder"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("no-such-folder: no such file or folder"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func hostileYAMLIsReportedNotCrashedOn() throws {
        let folder = try CommandRunner.copyFixture("broken-course")
        let bomb = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            """
        try bomb.write(to: folder.appendingPathComponent("broken-course/course.yaml"), atomically: true, encoding: .utf8)
        try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: folder.appendingPathComponent("broken-course/modules/basics/module.yaml"))
        let result = try CommandRunner.run(["validate", "broken-course", "--no-color"], in: folder)
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("error[yaml-alias-bomb]"))
        #expect(result.standardOutput.contains("broken-course/modules/basics/module.yaml:1:1: error[file-encoding]"))
        #expect(result.standardError.isEmpty)
    }

    /// Issue acceptance: removing the AI module from any shipped course fails validation with a
    /// Hindi message naming the course file, line and rule.
    @Test func removingTheAIModuleFromAShippedCourseFails() throws {
        let folder = TestTemporary.url("coursekit-ai")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for item in ["courses", "schemas", "coursekit.yaml"] {
            try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        let clean = try CommandRunner.run(["validate", "courses"], in: folder)
        #expect(clean.exitCode == 0, "\(clean.standardOutput)")
        let courses = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("courses").path)
            .filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent("courses/\($0)/course.yaml").path) }
        #expect(courses.count >= 4)
        for course in courses {
            let file = folder.appendingPathComponent("courses/\(course)/course.yaml")
            let original = try String(contentsOf: file, encoding: .utf8)
            let lines = original.components(separatedBy: "\n")
            let modulesLine = try #require(lines.firstIndex { $0.hasPrefix("modules:") }) + 1
            try lines.filter { !$0.contains("ai-for-public-servants") && !$0.contains("ai-for-field-staff") }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            let result = try CommandRunner.run(["validate", "courses", "--lang", "hi"], in: folder)
            #expect(result.exitCode == 1, "\(course)")
            #expect(result.standardOutput.contains("courses/\(course)/course.yaml:\(modulesLine):1: त्रुटि[ai-module-required]: पाठ्यक्रम '\(course)' में एआई का कोई मॉड्यूल"), "\(course): \(result.standardOutput)")
            try original.write(to: file, atomically: true, encoding: .utf8)
        }
    }
}
