import Foundation
import Testing
@testable import CourseKit

@Suite("The shipped examples")
struct ExamplesTests {
    static let examples = ConfigFixtures.packageRoot.appendingPathComponent("examples")
    static let department = examples.appendingPathComponent("department-repo")

    @Test func theDepartmentRepositoryValidatesCleanlyWithItsConfiguration() throws {
        let schemas = try ConfigFixtures.schemas()
        let configuration = try ConfigurationLoader(schemas: schemas).resolve(explicitPath: nil, workingDirectory: Self.department)
        #expect(configuration.pack?.name == "up-karmayogi-2026")
        #expect(configuration.rules["unused-suppression"]?.level == .error)
        #expect(try configuration.suppressionSettings().minimumReasonLength == 20)
        #expect(configuration.level(for: "missing-translation", at: "courses/drafts/land-records-basics/modules/khatauni/module.yaml") == .off)
        let result = try Validator(options: ValidationOptions(workingDirectory: Self.department, configuration: configuration, schemas: schemas))
            .validate(paths: [])
        // Structural rules and suppression checks find nothing (policy rules are the pack's business).
        let own = Set(RuleCatalog.builtInDescriptors.map(\.id))
        #expect(result.findings.filter { own.contains($0.ruleID) }.isEmpty, "\(result.findings.map { "\($0.location) \($0.ruleID)" })")
        #expect(result.suppressedCount == 4)
        #expect(result.checkedFiles.count >= 15)
        // With the pack's policy rules as configured, the example fails on nothing.
        #expect(!result.fails(at: .error), "\(result.findings.map { "\($0.location) \($0.ruleID)" })")

        // Without the override, the draft's missing English edition shows.
        let strict = try ConfigurationLoader(schemas: schemas).parse(
            text: "rules: {unused-suppression: error}", file: "coursekit.yaml", directory: Self.department)
        let strictResult = try Validator(options: ValidationOptions(workingDirectory: Self.department, configuration: strict, schemas: schemas))
            .validate(paths: [])
        #expect(strictResult.findings.contains { $0.ruleID == "missing-translation" && $0.location.file.hasPrefix("courses/drafts/") })
    }

    @Test(arguments: ["github/coursekit.yml", "gitlab/.gitlab-ci.yml", "pre-commit/.pre-commit-config.yaml"])
    func ciFilesAreValidYAMLAndRunCoursekit(path: String) throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent(path), encoding: .utf8)
        let value = try YAMLDocumentLoader().load(text: text, path: path)
        #expect(value.object != nil)
        #expect(text.contains("coursekit validate"))
    }

    @Test func theGitHubWorkflowUploadsSARIFAndAnnotates() throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent("github/coursekit.yml"), encoding: .utf8)
        #expect(text.contains("coursekit validate --format sarif > coursekit.sarif"))
        #expect(text.contains("github/codeql-action/upload-sarif"))
        #expect(text.contains("coursekit validate --format github"))
        #expect(text.contains("security-events: write"))
        // A pinned release tarball, not a source build.
        #expect(text.contains("COURSEKIT_VERSION: \"\(CourseKitVersion.current)\""))
        #expect(text.contains("releases/download/v${COURSEKIT_VERSION}/${name}.tar.gz"))
        #expect(text.contains("sha256sum -c"))
        #expect(!text.contains("swift build"))
    }

    @Test func theGitLabJobPublishesJUnitAndKeepsSARIF() throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent("gitlab/.gitlab-ci.yml"), encoding: .utf8)
        let job = try #require(try YAMLDocumentLoader().load(text: text, path: "gitlab-ci.yml")["coursekit"])
        #expect(job["artifacts"]?["reports"]?["junit"]?.string == "coursekit-junit.xml")
        #expect(job["artifacts"]?["paths"]?.array?.compactMap(\.string).contains("coursekit.sarif") == true)
    }

    @Test func theConfigurationInTheDocsIsValid() throws {
        let page = try String(contentsOf: ConfigFixtures.packageRoot.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
        let start = try #require(page.range(of: "```yaml\n"))
        let end = try #require(page.range(of: "```", range: start.upperBound..<page.endIndex))
        let text = String(page[start.upperBound..<end.lowerBound])
        let configuration = try ConfigurationLoader(schemas: try ConfigFixtures.schemas())
            .parse(text: text, file: "coursekit.yaml", directory: URL(fileURLWithPath: "/repo"))
        #expect(configuration.overrides.count == 1)
        #expect(try configuration.suppressionSettings().minimumReasonLength == 15)
    }
}
