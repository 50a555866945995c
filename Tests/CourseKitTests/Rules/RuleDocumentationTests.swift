import Foundation
import Testing
@testable import CourseKit

/// `docs/rules/` agrees with the registry: the index is generated from it, and every rule's page
/// gives the registry's severity, Hindi summary and parameters (name, type, default, meaning).
@Suite("Rule documentation from the registry")
struct RuleDocumentationTests {
    static let docs = PolicyRulesTests.packageRoot.appendingPathComponent("docs/rules")

    @Test func theIndexIsGeneratedFromTheRegistry() throws {
        let url = Self.docs.appendingPathComponent("README.md")
        let generated = RuleDocumentation.index()
        if ProcessInfo.processInfo.environment["COURSEKIT_REGENERATE_DOCS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let current = try String(contentsOf: url, encoding: .utf8)
        #expect(current == generated, "docs/rules/README.md differs from RuleDocumentation.index(); run with COURSEKIT_REGENERATE_DOCS=1")
    }

    @Test func everyPageAgreesWithItsDescriptor() throws {
        for rule in RuleRegistry.all {
            let url = Self.docs.appendingPathComponent("\(rule.id).md")
            var page = try #require(try? String(contentsOf: url, encoding: .utf8), "\(rule.id) has no page")
            if ProcessInfo.processInfo.environment["COURSEKIT_REGENERATE_DOCS"] == "1" {
                page = RuleDocumentation.regenerated(page: page, rule: rule)
                try page.write(to: url, atomically: true, encoding: .utf8)
            }
            let problems = RuleDocumentation.problems(page: page, rule: rule)
            #expect(problems.isEmpty, "docs/rules/\(rule.id).md: \(problems.joined(separator: "; "))")
        }
    }

    @Test func everyPageIsARule() throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.docs.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        for page in pages {
            #expect(RuleRegistry.descriptor(for: String(page.dropLast(3))) != nil, "docs/rules/\(page) names no rule")
        }
    }

    @Test func theChecksNoticeADisagreement() {
        let rule = RuleRegistry.required("question-bank-size")
        let page = "# `question-bank-size`\n\nDefault severity: **error**.\n\n| name | type | default | meaning |\n| --- | --- | --- | --- |\n| `minimumQuestions` | integer | `4` | fewest questions in a quiz |\n"
        let problems = RuleDocumentation.problems(page: page, rule: rule)
        #expect(problems.count == 3, "\(problems)")
    }
}
