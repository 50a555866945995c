import Foundation
import Testing
@testable import CourseKit

@Suite("Applying configuration and suppressions to findings")
struct FindingPipelineTests {
    static let base = URL(fileURLWithPath: "/repo")

    func finding(_ rule: String, _ file: String, _ line: Int, _ severity: Severity = .error) -> Finding {
        Finding(ruleID: rule, severity: severity, location: SourceLocation(file: file, line: line, column: 3),
                message: LocalizedText(en: "problem", hi: "समस्या"))
    }

    func suppression(_ rule: String, _ file: String, _ line: Int, scope: Suppression.Scope? = nil, reason: String? = "because") -> Suppression {
        Suppression(ruleID: rule, reason: reason, scope: scope ?? .line(line + 1), location: SourceLocation(file: file, line: line, column: 5))
    }

    func configuration(_ text: String, catalog: RuleCatalog = RuleCatalog()) throws -> Configuration {
        try ConfigurationLoader(schemas: try ConfigFixtures.schemas(), catalog: catalog)
            .parse(text: text, file: "coursekit.yaml", directory: Self.base)
    }

    func run(_ configuration: Configuration, _ findings: [Finding], _ suppressions: [Suppression] = []) throws -> FindingPipeline.Outcome {
        FindingPipeline(configuration: configuration, settings: try configuration.suppressionSettings(), displayBase: Self.base)
            .run(findings, suppressions: suppressions)
    }

    @Test func regradesAndSwitchesOffRules() throws {
        let config = try configuration("rules: {schema-reference: error, missing-file: warning, broken-link: off}")
        let outcome = try run(config, [
            finding("schema-reference", "a/course.yaml", 1, .warning),
            finding("missing-file", "a/course.yaml", 5),
            finding("broken-link", "a/lesson.md", 3),
            finding("schema-type", "a/course.yaml", 7),
        ])
        #expect(outcome.findings.map { "\($0.ruleID):\($0.severity)" } == [
            "schema-reference:error", "missing-file:warning", "schema-type:error",
        ])
    }

    @Test func overridesApplyByPathAndTheLastMatchWins() throws {
        let config = try configuration("""
            rules: {missing-translation: warning}
            overrides:
              - paths: ["courses/drafts/**"]
                rules: {missing-translation: off, schema-type: info}
              - paths: ["courses/drafts/keep"]
                rules: {missing-translation: error}
            """)
        let outcome = try run(config, [
            finding("missing-translation", "courses/drafts/a/module.yaml", 2),
            finding("missing-translation", "courses/drafts/keep/module.yaml", 2),
            finding("missing-translation", "courses/police/module.yaml", 2),
            finding("schema-type", "courses/drafts/a/module.yaml", 4),
            finding("schema-type", "/elsewhere/courses/drafts/a/module.yaml", 4),
        ])
        #expect(outcome.findings.map { "\($0.location.file):\($0.ruleID):\($0.severity)" } == [
            "/elsewhere/courses/drafts/a/module.yaml:schema-type:error",
            "courses/drafts/a/module.yaml:schema-type:info",
            "courses/drafts/keep/module.yaml:missing-translation:error",
            "courses/police/module.yaml:missing-translation:warning",
        ])
    }

    @Test func overridePathsAreRelativeToTheConfigFolder() throws {
        // Working directory /repo/courses, config in /repo: "courses/drafts/**" still matches.
        let config = try configuration("overrides: [{paths: [courses/drafts], rules: {schema-type: off}}]")
        let pipeline = FindingPipeline(configuration: config, displayBase: Self.base.appendingPathComponent("courses"))
        let outcome = pipeline.run([finding("schema-type", "drafts/a/course.yaml", 1), finding("schema-type", "police/course.yaml", 1)], suppressions: [])
        #expect(outcome.findings.map(\.location.file) == ["police/course.yaml"])
    }

    @Test func suppressionsWithAReasonRemoveWhatTheyCover() throws {
        let outcome = try run(try configuration(""), [
            finding("schema-type", "c.yaml", 4),
            finding("schema-type", "c.yaml", 9),
            finding("schema-value", "c.yaml", 4),
            finding("broken-link", "l.md", 7),
            finding("broken-link", "l.md", 12),
        ], [
            suppression("schema-type", "c.yaml", 3),
            suppression("broken-link", "l.md", 1, scope: .file),
        ])
        #expect(outcome.findings.map { "\($0.ruleID)@\($0.location.line)" } == ["schema-value@4", "schema-type@9"])
        #expect(outcome.suppressedCount == 3)
    }

    @Test func aSuppressionWithoutReasonSuppressesNothingAndIsReported() throws {
        let outcome = try run(try configuration(""), [finding("schema-type", "c.yaml", 4)], [suppression("schema-type", "c.yaml", 3, reason: nil)])
        #expect(outcome.findings.map(\.ruleID) == ["suppression-reason-missing", "schema-type"])
        let problem = outcome.findings[0]
        #expect(problem.severity == .error)
        #expect(problem.location == SourceLocation(file: "c.yaml", line: 3, column: 5))
        #expect(problem.message.en == "the suppression of 'schema-type' gives no reason, so it suppresses nothing")
        #expect(problem.message.hi.hasDevanagari)
        #expect(outcome.suppressedCount == 0)
    }

    @Test func minimumReasonLengthIsAParameter() throws {
        let config = try configuration("rules: {suppression-reason-missing: {parameters: {minimumLength: 10}}}")
        let outcome = try run(config, [finding("schema-type", "c.yaml", 4)], [suppression("schema-type", "c.yaml", 3, reason: "legacy")])
        #expect(outcome.findings.map(\.ruleID) == ["suppression-reason-missing", "schema-type"])
        #expect(outcome.findings[0].message.en.contains("too short (6 of at least 10 characters)"))
    }

    @Test func unusedSuppressionsAreWarnings() throws {
        let outcome = try run(try configuration(""), [finding("schema-type", "c.yaml", 8)], [
            suppression("schema-type", "c.yaml", 3),
            suppression("duplicate-id", "c.yaml", 1, scope: .file),
        ])
        #expect(outcome.findings.map { "\($0.ruleID):\($0.severity)@\($0.location.line)" } == [
            "unused-suppression:warning@1", "unused-suppression:warning@3", "schema-type:error@8",
        ])
        #expect(outcome.findings[0].message.en == "this suppression of 'duplicate-id' suppresses nothing in this file")
        #expect(outcome.findings[1].message.en == "this suppression of 'schema-type' suppresses nothing on line 4")
    }

    @Test func unknownAndEmptyRuleIDsAreReportedWithASuggestion() throws {
        let outcome = try run(try configuration(""), [finding("schema-type", "c.yaml", 4)], [
            suppression("schema-typ", "c.yaml", 3),
            suppression("", "c.yaml", 5),
            suppression("unused-suppression", "c.yaml", 7),
        ])
        #expect(outcome.findings.map(\.ruleID) == [
            "suppression-unknown-rule", "schema-type", "suppression-unknown-rule", "suppression-unknown-rule",
        ])
        #expect(outcome.findings[0].message.en == "the suppression names an unknown rule 'schema-typ' (did you mean 'schema-type'?), so it suppresses nothing")
        #expect(outcome.findings[2].message.en == "the suppression names no rule")
        #expect(outcome.findings[3].message.en == "'unused-suppression' cannot be suppressed inline")
    }

    @Test func suppressionFindingsAreGradedByTheConfigurationToo() throws {
        let config = try configuration("""
            rules: {unused-suppression: error}
            overrides: [{paths: [legacy], rules: {unused-suppression: off}}]
            """)
        let outcome = try run(config, [], [suppression("schema-type", "c.yaml", 3), suppression("schema-type", "legacy/c.yaml", 3)])
        #expect(outcome.findings.map { "\($0.location.file):\($0.severity)" } == ["c.yaml:error"])
    }

    @Test func aSuppressionOfARuleSwitchedOffIsUnused() throws {
        let outcome = try run(try configuration("rules: {schema-type: off}"), [finding("schema-type", "c.yaml", 4)], [suppression("schema-type", "c.yaml", 3)])
        #expect(outcome.findings.map(\.ruleID) == ["unused-suppression"])
    }

    @Test func duplicateSuppressionsFromSeveralBatchesCountOnce() throws {
        let once = suppression("schema-type", "c.yaml", 3)
        let outcome = try run(try configuration(""), [finding("schema-type", "c.yaml", 4)], [once, once])
        #expect(outcome.findings.isEmpty)
        #expect(outcome.suppressedCount == 1)
    }
}
