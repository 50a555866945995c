import Foundation
import Testing
@testable import CourseKit

/// Every message coursekit can show exists in English and Hindi: English non-empty, Hindi with
/// Devanagari in it. Walks what real runs on the test fixtures produce (findings, hints, notes),
/// every configuration error, every rule descriptor and parameter, and the reporters' own words.
@Suite("Every message exists in English and Hindi")
struct BilingualMessagesTests {
    struct Collected {
        var texts: [(origin: String, text: LocalizedText)] = []

        mutating func add(_ origin: String, _ text: LocalizedText?) {
            if let text { texts.append((origin, text)) }
        }

        mutating func add(_ findings: [Finding], from run: String) {
            for finding in findings {
                let origin = "\(run): \(finding.location) [\(finding.ruleID)]"
                add(origin + " message", finding.message)
                add(origin + " hint", finding.hint)
                for note in finding.notes { add(origin + " note", note.message) }
            }
        }

        func problems() -> [String] {
            texts.compactMap { origin, text in
                if text.en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "\(origin): English is empty" }
                if !text.hi.hasDevanagari { return "\(origin): Hindi has no Devanagari: \(text.hi)" }
                return nil
            }
        }
    }

    static let packageRoot = ConfigFixtures.packageRoot

    /// Validates `folder` with the configuration found from it.
    func run(_ folder: URL, paths: [String] = []) throws -> ValidationResult {
        let schemas = try ConfigFixtures.schemas()
        let configuration = try ConfigurationLoader(schemas: schemas, catalog: ConfigFixtures.testCatalog)
            .resolve(explicitPath: nil, workingDirectory: folder)
        return try Validator(options: ValidationOptions(workingDirectory: folder, configuration: configuration, schemas: schemas))
            .validate(paths: paths)
    }

    @Test func findingsOfRunsOnTheFixtures() throws {
        var collected = Collected()
        let runs: [(String, URL, [String])] = [
            ("config fixture", ConfigFixtures.repo, []),
            ("loader fixture", Self.packageRoot.appendingPathComponent("Tests/CourseKitTests/Fixtures/loader/repo"), ["courses"]),
            ("broken course", try ConfigFixtures.copy(Self.packageRoot.appendingPathComponent("Tests/coursekitTests/Fixtures/broken-course")), []),
            ("department example", Self.packageRoot.appendingPathComponent("examples/department-repo"), []),
        ]
        var total = 0
        for (name, folder, paths) in runs {
            let result = try run(folder, paths: paths)
            total += result.findings.count
            collected.add(result.findings, from: name)
        }
        #expect(total > 10, "the fixtures should produce findings to check")
        #expect(collected.problems().isEmpty, "\(collected.problems())")
    }

    @Test func everySuppressionProblem() throws {
        let configuration = try ConfigurationLoader(schemas: try ConfigFixtures.schemas())
            .parse(text: "rules: {suppression-reason-missing: {parameters: {minimumLength: 8}}}", file: "coursekit.yaml", directory: URL(fileURLWithPath: "/r"))
        let pipeline = FindingPipeline(configuration: configuration, settings: try configuration.suppressionSettings(), displayBase: URL(fileURLWithPath: "/r"))
        func at(_ line: Int) -> CourseKit.SourceLocation { CourseKit.SourceLocation(file: "c.yaml", line: line, column: 3) }
        let outcome = pipeline.run([], suppressions: [
            Suppression(ruleID: "schema-typ", reason: "a long reason", scope: .line(2), location: at(1)),
            Suppression(ruleID: "", reason: "a long reason", scope: .line(3), location: at(2)),
            Suppression(ruleID: "unused-suppression", reason: "a long reason", scope: .file, location: at(3)),
            Suppression(ruleID: "schema-type", reason: nil, scope: .line(5), location: at(4)),
            Suppression(ruleID: "schema-type", reason: "short", scope: .line(6), location: at(5)),
            Suppression(ruleID: "schema-type", reason: "a long reason", scope: .line(7), location: at(6)),
            Suppression(ruleID: "schema-value", reason: "a long reason", scope: .file, location: at(7)),
        ])
        #expect(outcome.findings.count == 7)
        var collected = Collected()
        collected.add(outcome.findings, from: "suppressions")
        #expect(collected.problems().isEmpty, "\(collected.problems())")
    }

    @Test func everyConfigurationError() throws {
        var collected = Collected()
        let names = try FileManager.default.contentsOfDirectory(atPath: ConfigFixtures.bad.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count >= 12)
        for name in names {
            let error = try ConfigFixtures.error(loading: name)
            collected.add("bad/\(name)", error.message)
        }
        for problem in [PathGlob.Problem.absolute, .leavesFolder, .empty] {
            collected.add("glob \(problem)", PathGlobError(problem: problem).message)
        }
        let loader = try ConfigFixtures.loader()
        do throws(ToolError) {
            _ = try loader.resolve(explicitPath: "missing.yaml", workingDirectory: URL(fileURLWithPath: "/"))
        } catch {
            collected.add("missing config", error.message)
        }
        #expect(collected.problems().isEmpty, "\(collected.problems())")
    }

    @Test func everyRuleDescriptorAndParameter() throws {
        var collected = Collected()
        let catalog = RuleCatalog(packs: PolicyPack.builtIn)
        for id in catalog.allIDs {
            let descriptor = try #require(catalog.descriptor(for: id))
            collected.add("rule \(id)", descriptor.summary)
        }
        for (id, type) in catalog.policyRules {
            for parameter in type.parameters { collected.add("rule \(id) parameter \(parameter.name)", parameter.summary) }
        }
        for rule in SuppressionRule.allCases {
            for parameter in rule.parameters { collected.add("rule \(rule.id) parameter \(parameter.name)", parameter.summary) }
        }
        for (name, pack) in PolicyPack.builtIn { collected.add("pack \(name)", pack.summary) }
        #expect(collected.texts.count >= CoreRule.allCases.count + SuppressionRule.allCases.count)
        #expect(collected.problems().isEmpty, "\(collected.problems())")
    }

    @Test func reportersOwnWords() {
        let result = ReporterFixture.result
        for severity in Severity.allCases {
            #expect(!severity.label(in: .en).isEmpty && severity.label(in: .hi).hasDevanagari)
        }
        #expect(ReportText.hintLabel(.hi).hasDevanagari && ReportText.noteLabel(.hi).hasDevanagari)
        #expect(ReportText.summary(result, language: .hi).hasDevanagari)
        #expect(ReportText.summary(ReporterFixture.clean, language: .hi).hasDevanagari)
        let summary = GitHubReporter().stepSummary(result, language: .hi)
        // Every line of the Hindi job summary that has words has Hindi words.
        for line in summary.split(separator: "\n") where line.contains(where: \.isLetter) && !line.hasPrefix("| `") && !line.hasPrefix("##") {
            #expect(String(line).hasDevanagari, "\(line)")
        }
    }
}
