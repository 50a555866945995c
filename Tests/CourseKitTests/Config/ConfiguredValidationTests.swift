import Foundation
import Testing
@testable import CourseKit

@Suite("Validating a repository with its coursekit.yaml")
struct ConfiguredValidationTests {
    func validate(_ folder: URL = ConfigFixtures.repo, catalog: RuleCatalog = RuleCatalog(), config: String? = nil) throws -> ValidationResult {
        let schemas = try ConfigFixtures.schemas()
        let configuration = try ConfigurationLoader(schemas: schemas, catalog: catalog).resolve(explicitPath: config, workingDirectory: folder)
        return try Validator(options: ValidationOptions(workingDirectory: folder, configuration: configuration, schemas: schemas)).validate(paths: [])
    }

    static func lines(_ result: ValidationResult) -> [String] {
        result.findings.map { "\($0.location) \($0.severity.rawValue)[\($0.ruleID)]" }
    }

    @Test func appliesSeveritiesOverridesAndSuppressions() throws {
        let result = try validate()
        #expect(Self.lines(result) == [
            // titel (schema-unknown-key) suppressed with a reason; duration 45 is not.
            "courses/demo/course.yaml:9:11 error[schema-type]",
            // broken-link re-graded to error (unchanged); the Hindi edition's is suppressed.
            "courses/demo/modules/intro/lessons/welcome.en.md:6:1 error[broken-link]",
            // a suppression naming an unknown rule, in the front matter
            "courses/demo/modules/intro/lessons/welcome.md:2:31 error[suppression-unknown-rule]",
            "courses/demo/modules/intro/module.yaml:2:26 warning[unused-suppression]",
            // no reason: reported, and the finding stays (re-graded to warning by rules:)
            "courses/demo/modules/intro/module.yaml:10:33 error[suppression-reason-missing]",
            "courses/demo/modules/intro/module.yaml:11:11 warning[missing-file]",
            // drafts: schema-type off, missing-file back to error
            "courses/drafts/draft/course.yaml:9:11 error[missing-file]",
        ])
        #expect(result.suppressedCount == 2)
        #expect(result.checkedFiles.count == 5)
        #expect(!result.findings.contains { $0.ruleID == "schema-reference" })
        #expect(result.rules.map(\.id).contains("unused-suppression"))
        #expect(result.repositoryRoot?.path == ConfigFixtures.repo.resolvingSymlinksInPath().path)
    }

    /// Findings carry repository paths whatever the working directory; the reporters show them
    /// relative to it.
    @Test func findingsCarryRepositoryPathsAndReportersShowThemFromTheWorkingDirectory() throws {
        let drafts = ConfigFixtures.repo.appendingPathComponent("courses/drafts")
        let result = try validate(drafts)
        #expect(Self.lines(result) == ["courses/drafts/draft/course.yaml:9:11 error[missing-file]"])
        let text = TextReporter(useColor: false, sourceBase: drafts).render(result, language: .en)
        #expect(text.hasPrefix("draft/course.yaml:9:11: error[missing-file]"), "\(text)")
        #expect(text.contains(" 9 |   - path: modules/not-yet"))
        let json = JSONReporter(displayBase: drafts).render(result, language: .en)
        #expect(json.contains("\"file\": \"draft/course.yaml\""))
        #expect(JSONReporter().render(result, language: .en).contains("\"file\": \"courses/drafts/draft/course.yaml\""))
        let sarif = SARIFReporter().render(result, language: .en)
        #expect(sarif.contains("\"uri\": \"courses/drafts/draft/course.yaml\""))
    }

    /// The policy rules the folder's configuration runs.
    static func ranRules(_ folder: URL) throws -> [String] {
        let configuration = try ConfigFixtures.loader(catalog: ConfigFixtures.testCatalog)
            .load(fileAt: folder.appendingPathComponent("coursekit.yaml"), workingDirectory: folder)
        return try configuration.makeRules().map { $0.descriptor.id }
    }

    @Test func policyRulesComeFromThePackWithConfiguredParameters() throws {
        let folder = try ConfigFixtures.copy(ConfigFixtures.repo)
        let config = folder.appendingPathComponent("coursekit.yaml")
        // Files that fail their schema are not checked by policy rules: make both courses valid.
        for course in ["courses/demo/course.yaml", "courses/drafts/draft/course.yaml"] {
            let url = folder.appendingPathComponent(course)
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "duration: 45", with: "duration: PT45M")
                .write(to: url, atomically: true, encoding: .utf8)
        }
        try "extends: test-pack\nrules: {schema-reference: off}\n".write(to: config, atomically: true, encoding: .utf8)
        var result = try validate(folder, catalog: ConfigFixtures.testCatalog)
        #expect(try Self.ranRules(folder).suffix(2) == ["minimum-modules", "never-fires"])
        // Reporters list every rule coursekit knows (the registry plus the test pack).
        #expect(result.rules.map(\.id) == ConfigFixtures.testCatalog.descriptors.map(\.id))
        #expect(Self.lines(result).filter { $0.contains("minimum-modules") } == [
            "courses/demo/course.yaml:11:3 warning[minimum-modules]", "courses/drafts/draft/course.yaml:9:3 warning[minimum-modules]",
        ])

        try """
            extends: test-pack
            rules:
              schema-reference: off
              never-fires: off
              minimum-modules: {severity: error, parameters: {minimum: 1}}
            overrides: [{paths: [courses/drafts], rules: {minimum-modules: off}}]
            """.write(to: config, atomically: true, encoding: .utf8)
        result = try validate(folder, catalog: ConfigFixtures.testCatalog)
        #expect(try !Self.ranRules(folder).contains("never-fires"))
        #expect(Self.lines(result).filter { $0.contains("minimum-modules") }.isEmpty)

        // A rule of a pack that is not extended runs when configured with a severity.
        try "extends: none\nrules: {schema-reference: off, minimum-modules: info}\n".write(to: config, atomically: true, encoding: .utf8)
        result = try validate(folder, catalog: ConfigFixtures.testCatalog)
        #expect(try Self.ranRules(folder).last == "minimum-modules")
        #expect(Self.lines(result).filter { $0.contains("minimum-modules") }.count == 2)
    }

    @Test func aBadConfigStopsTheRunBeforeAnythingIsChecked() throws {
        let folder = try ConfigFixtures.copy(ConfigFixtures.repo)
        try "rules:\n  missing-fil: off\n".write(to: folder.appendingPathComponent("coursekit.yaml"), atomically: true, encoding: .utf8)
        do throws(ToolError) {
            _ = try ValidationOptions.load(workingDirectory: folder.appendingPathComponent("courses"))
            Issue.record("no error")
        } catch {
            // The config lies above the working directory, so its path is shown in full.
            #expect(error.location == SourceLocation(file: folder.appendingPathComponent("coursekit.yaml").path, line: 2, column: 3))
            #expect(error.text(in: .en).hasSuffix("coursekit.yaml:2:3: unknown rule 'missing-fil' (did you mean 'missing-file'?); docs/rules/ lists every rule"))
        }
    }
}
