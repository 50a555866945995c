import Foundation
import Testing

@Suite("coursekit validate: configuration, formats and exit codes, end to end")
struct ConfigAndFormatCommandTests {
    /// The broken-course fixture in a fresh folder, with `config` as its coursekit.yaml.
    func folder(config: String? = nil) throws -> URL {
        let folder = try CommandRunner.copyFixture("broken-course")
        if let config {
            try config.write(to: folder.appendingPathComponent("coursekit.yaml"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aBadConfigIsExitTwoAtItsLineInEitherLanguage() throws {
        let folder = try folder(config: "rules:\n  brokn-link: off\n")
        let english = try CommandRunner.run(["validate", "broken-course"], in: folder)
        #expect(english.exitCode == 2)
        #expect(english.standardOutput.isEmpty)
        #expect(english.standardError == "coursekit: coursekit.yaml:2:3: unknown rule 'brokn-link' (did you mean 'broken-link'?); docs/rules/ lists every rule\n")
        let hindi = try CommandRunner.run(["validate", "broken-course", "--lang", "hi"], in: folder)
        #expect(hindi.exitCode == 2)
        #expect(hindi.standardError.hasPrefix("coursekit: coursekit.yaml:2:3: अज्ञात नियम 'brokn-link'"))
        // From a subfolder the config is still found (walking up).
        let nested = try CommandRunner.run(["validate", "."], in: folder.appendingPathComponent("broken-course/modules"))
        #expect(nested.exitCode == 2)
        #expect(nested.standardError.contains("coursekit.yaml:2:3: unknown rule 'brokn-link'"))
    }

    /// Configuration comes from the repository holding the paths given, not from the working
    /// directory: `cd /elsewhere && coursekit validate /path/to/repo/courses` uses the repo's file.
    @Test func theConfigurationIsFoundFromThePathsGivenNotTheWorkingDirectory() throws {
        let folder = try folder(config: "rules:\n  brokn-link: off\n")
        let elsewhere = try CommandRunner.copyFixture("broken-course")
        let course = folder.appendingPathComponent("broken-course").path
        let result = try CommandRunner.run(["validate", course], in: elsewhere)
        #expect(result.exitCode == 2, "\(result.standardOutput)")
        #expect(result.standardError.contains("coursekit.yaml:2:3: unknown rule 'brokn-link'"), "\(result.standardError)")
        let pack = try CommandRunner.run(["pack", course, "--out", "dist"], in: elsewhere)
        #expect(pack.exitCode == 2)
        #expect(pack.standardError.contains("unknown rule 'brokn-link'"))
    }

    /// `--version` prints the one version constant, the same that reports carry.
    @Test func versionIsTheOneTheReportsCarry() throws {
        let folder = try folder()
        let version = try CommandRunner.run(["--version"], in: folder)
        #expect(version.exitCode == 0)
        let number = version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(number.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "\(number)")
        let json = try CommandRunner.run(["validate", "broken-course", "--format", "json"], in: folder)
        #expect(json.standardOutput.contains("\"version\": \"\(number)\""))
    }

    @Test func explicitConfigAndFailSeverity() throws {
        let folder = try folder()
        try "extends: none\nrules: {schema-type: off, schema-unknown-key: off, missing-file: warning, broken-link: info}\n"
            .write(to: folder.appendingPathComponent("lenient.yaml"), atomically: true, encoding: .utf8)
        let lenient = try CommandRunner.run(["validate", "broken-course", "--config", "lenient.yaml"], in: folder)
        #expect(lenient.exitCode == 0, "\(lenient.standardOutput)")
        #expect(!lenient.standardOutput.contains("schema-type"))
        let strict = try CommandRunner.run(["validate", "broken-course", "--config", "lenient.yaml", "--fail-severity", "warning"], in: folder)
        #expect(strict.exitCode == 1)
        try "extends: none\nfailSeverity: info\nrules: {schema-type: off, schema-unknown-key: off, missing-file: off, broken-link: info}\n"
            .write(to: folder.appendingPathComponent("coursekit.yaml"), atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["validate", "broken-course"], in: folder).exitCode == 1)
        #expect(try CommandRunner.run(["validate", "broken-course", "--fail-severity", "error"], in: folder).exitCode == 0)
        let missing = try CommandRunner.run(["validate", "--config", "nope.yaml"], in: folder)
        #expect(missing.exitCode == 2)
        #expect(missing.standardError == "coursekit: configuration file nope.yaml not found\n")
    }

    @Test func suppressionsInTheSources() throws {
        let folder = try folder()
        let course = folder.appendingPathComponent("broken-course/course.yaml")
        var text = try String(contentsOf: course, encoding: .utf8)
        text = text.replacingOccurrences(of: "titel:", with: "# coursekit-disable-next-line schema-unknown-key -- kept for the end-to-end test\ntitel:")
        text = text.replacingOccurrences(of: "duration: 45", with: "# coursekit-disable-next-line schema-type\nduration: 45")
        try text.write(to: course, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", "broken-course", "--format", "json"], in: folder)
        #expect(result.exitCode == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let rules = (object["findings"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
        #expect(!rules.contains("schema-unknown-key"))
        #expect(rules.contains("schema-type"))
        #expect(rules.contains("suppression-reason-missing"))
        #expect((object["summary"] as? [String: Int])?["suppressed"] == 1)
    }

    @Test(arguments: ["text", "json", "sarif", "junit", "github"])
    func everyFormatKeepsTheExitCode(format: String) throws {
        let folder = try folder()
        let result = try CommandRunner.run(["validate", "broken-course", "--format", format], in: folder)
        #expect(result.exitCode == 1)
        #expect(!result.standardOutput.isEmpty)
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        let clean = try CommandRunner.run(["validate", "broken-course/modules/basics/lessons/welcome.md", "--format", format], in: folder)
        #expect(clean.exitCode == 0, "\(clean.standardOutput)")
    }

    @Test func githubFormatWritesTheStepSummary() throws {
        let folder = try folder()
        let summary = folder.appendingPathComponent("summary.md")
        try "previous step\n".write(to: summary, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(
            ["validate", "broken-course", "--format", "github"], in: folder, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("::error file=broken-course/course.yaml,line=13,col=11,title=coursekit schema-type::"))
        let written = try String(contentsOf: summary, encoding: .utf8)
        #expect(written.hasPrefix("previous step\n## coursekit validate\n"))
        #expect(written.contains("| `schema-type` | 1 | 0 | 0 |"))
    }

    @Test func sourceRootComesFromTheCIWorkspace() throws {
        let folder = try folder()
        let result = try CommandRunner.run(
            ["validate", "modules", "--format", "github"], in: folder.appendingPathComponent("broken-course"),
            environment: ["GITHUB_WORKSPACE": folder.path])
        #expect(result.standardOutput.contains("::error file=broken-course/modules/basics/module.yaml,"))
        let explicit = try CommandRunner.run(
            ["validate", "modules", "--format", "junit", "--source-root", "modules"], in: folder.appendingPathComponent("broken-course"))
        #expect(explicit.standardOutput.contains("<testsuite name=\"basics/module.yaml\""))
    }

    @Test func unknownOptionsAndValuesAreExitTwo() throws {
        let folder = try folder()
        for arguments in [["validate", "--format", "xml"], ["validate", "--lang", "fr"], ["validate", "--frobnicate"]] {
            let result = try CommandRunner.run(arguments, in: folder)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(!result.standardError.isEmpty)
        }
        #expect(try CommandRunner.run(["validate", "--help"], in: folder).exitCode == 0)
    }
}
