import Foundation
import Testing
@testable import CourseKit

/// Runs the whole pack on a fixture repository that breaks every policy rule once (or more),
/// and on the shipped catalogue, which breaks none.
@Suite("Policy pack up-karmayogi-2026")
struct PolicyRulesTests {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = testsRoot.appendingPathComponent("Fixtures/rules/repo")
    static let packageRoot = testsRoot.deletingLastPathComponent().deletingLastPathComponent()

    static func rules() throws -> [any Rule] {
        try PolicyPack.upKarmayogi2026.rules.map { type throws(ToolError) in try type.init(options: RuleOptions(ruleID: type.descriptor.id)) }
    }

    static func policyFindings(in folder: URL) throws -> [String] {
        let result = try Validator(workingDirectory: folder, rules: try rules()).validate(paths: ["courses"])
        let policy = Set(PolicyPack.upKarmayogi2026.rules.map { $0.descriptor.id })
        return result.findings.filter { policy.contains($0.ruleID) }.map { "\($0.location) \($0.ruleID)" }
    }

    @Test func eachRuleFindsItsProblemAtTheRightPlace() throws {
        let found = Set(try Self.policyFindings(in: Self.fixture))
        let expected: [String] = [
            "courses/field-course/course.yaml:9:1 ai-module-required",
            "courses/field-course/course.yaml:9:1 cyber-security-module-required",  // the cyber module lasts 30 min
            "courses/programmes/short/programme.yaml:6:1 seven-day-programme",       // 2 days; no AI session
            "courses/programmes/short/programme.yaml:11:5 seven-day-programme",      // day 2 has 2 h
            "courses/programmes/short/programme.yaml:1:1 seven-day-programme",       // no countsToward
            "courses/field-course/course.yaml:5:14 translation-complete",            // description lacks xx
            "courses/library/cyber/module.yaml:8:12 translation-complete",           // lesson title lacks hi
            "courses/field-course/course.yaml:3:21 language-code-known",             // xx
            "courses/field-course/course.yaml:4:80 language-code-known",
            "courses/library/cyber/module.yaml:3:33 script-matches-language",        // English under hi
            "courses/field-course/modules/basics/module.yaml:5:1 assessment-required",
            "courses/library/cyber/quiz.yaml:4:7 question-bank-size",                // draw 3 of 2
            "courses/library/cyber/quiz.yaml:5:1 question-bank-size",                // fewer than 5
            "courses/library/cyber/quiz.yaml:9:5 quiz-answer-key",                   // two correct options
            "courses/library/cyber/quiz.yaml:13:9 quiz-answer-key",                  // q1 twice
            "courses/field-course/course.yaml:6:1 field-training-practical",
            "courses/field-course/modules/basics/lessons/long.md:1:1 field-lesson-length",
            "courses/field-course/course.yaml:1:1 igot-metadata-complete",
            "courses/field-course/course.yaml:8:27 competency-known",                // "Public Helth"
            "courses/case-studies/thin/case-study.yaml:6:1 case-study-complete",     // missing sections
            "courses/case-studies/thin/case-study.yaml:5:1 case-study-complete",     // no districts
            "courses/field-course/modules/basics/lessons/long.md:3:1 lesson-accessibility",  // # then ###
            "courses/field-course/modules/basics/lessons/long.md:5:1 lesson-accessibility",  // no alt text
        ]
        for line in expected {
            #expect(found.contains(line), "missing: \(line)")
        }
        let ruleIDs = Set(found.map { $0.split(separator: " ").last.map(String.init) ?? "" })
        let untested = PolicyPack.upKarmayogi2026.rules.map { $0.descriptor.id }.filter { !ruleIDs.contains($0) }
        // The effort, evaluation, vocabulary and domain rules are tested on copies of the shipped
        // catalogue (CatalogueMutationTests); those the fixture does not trigger are listed here.
        #expect(untested == [
            "hindi-edition-required", "field-media-size", "session-fits-content", "final-assessment-required",
            "pass-mark-policy", "glossary-term", "example-domain-reserved",
        ], "rules this fixture does not exercise: \(untested)")
    }

    @Test func theShippedCatalogueMeetsThePolicy() throws {
        #expect(try Self.policyFindings(in: Self.packageRoot) == [])
    }

    @Test func hindiEditionAndMediaSize() throws {
        let folder = TestTemporary.url("rules")
        try FileManager.default.copyItem(at: Self.fixture, to: folder)
        let course = folder.appendingPathComponent("courses/field-course/course.yaml")
        try String(contentsOf: course, encoding: .utf8).replacingOccurrences(of: "languages: [hi, en, xx]", with: "languages: [en]")
            .write(to: course, atomically: true, encoding: .utf8)
        let english = folder.appendingPathComponent("courses/field-course/modules/basics/lessons/long.en.md")
        try "# A long lesson\n\n![A large photograph](big.png)\n".write(to: english, atomically: true, encoding: .utf8)
        try Data(repeating: 0x42, count: 600 * 1024).write(to: english.deletingLastPathComponent().appendingPathComponent("big.png"))
        let found = try Self.policyFindings(in: folder)
        #expect(found.contains("courses/field-course/course.yaml:3:12 hindi-edition-required"))
        #expect(found.contains("courses/field-course/modules/basics/lessons/long.en.md:3:1 field-media-size"))
    }

    @Test func everyRuleIsDescribedInBothLanguagesAndAcceptsItsDefaults() throws {
        let devanagari = { (text: String) in text.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) } }
        for type in PolicyPack.upKarmayogi2026.rules {
            let descriptor = type.descriptor
            #expect(!descriptor.summary.en.isEmpty && devanagari(descriptor.summary.hi), "\(descriptor.id)")
            for parameter in type.parameters {
                #expect(devanagari(parameter.summary.hi), "\(descriptor.id).\(parameter.name)")
            }
            _ = try type.init(options: RuleOptions(ruleID: descriptor.id))
        }
        let findings = try Validator(workingDirectory: Self.fixture, rules: try Self.rules()).validate(paths: ["courses"]).findings
        for finding in findings {
            #expect(devanagari(finding.message.hi), "\(finding.ruleID): \(finding.message.hi)")
            if let hint = finding.hint { #expect(devanagari(hint.hi), "\(finding.ruleID) hint: \(hint.hi)") }
        }
    }

    @Test func wrongParametersAreToolErrorsAtTheConfigLine() throws {
        let config = try YAMLDocumentLoader().load(text: "minimumDays: seven\nminimumHoursPerDya: 6\n", path: "coursekit.yaml")
        #expect {
            _ = try SevenDayProgramme(options: RuleOptions(ruleID: "seven-day-programme", values: config.object))
        } throws: { error in
            guard let error = error as? ToolError else { return false }
            return error.location == SourceLocation(file: "coursekit.yaml", line: 1, column: 14) && error.message.hi.contains("पूर्ण संख्या")
        }
        let typo = try YAMLDocumentLoader().load(text: "minimumHoursPerDya: 6\n", path: "coursekit.yaml")
        #expect {
            _ = try SevenDayProgramme(options: RuleOptions(ruleID: "seven-day-programme", values: typo.object))
        } throws: { error in
            (error as? ToolError)?.message.en.contains("did you mean 'minimumHoursPerDay'?") == true
        }
    }
}

@Suite("Rule documentation")
struct RuleDocumentationTests {
    @Test func everyRuleHasADocPageWithExamplesAndHindi() throws {
        let docs = PolicyRulesTests.packageRoot.appendingPathComponent("docs/rules")
        let ids = PolicyPack.upKarmayogi2026.rules.map { $0.descriptor.id } + CoreRule.allCases.map(\.id)
            + ["suppression-reason-missing", "unused-suppression", "suppression-unknown-rule"]
        let index = try String(contentsOf: docs.appendingPathComponent("README.md"), encoding: .utf8)
        for id in ids {
            let page = try String(contentsOf: docs.appendingPathComponent("\(id).md"), encoding: .utf8)
            #expect(page.contains(id))
            #expect(page.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) }, "\(id) has no Hindi")
            #expect(index.contains("(\(id).md)"), "\(id) is not in docs/rules/README.md")
        }
        for id in PolicyPack.upKarmayogi2026.rules.map({ $0.descriptor.id }) + CoreRule.allCases.map(\.id) {
            let page = try String(contentsOf: docs.appendingPathComponent("\(id).md"), encoding: .utf8)
            let lowered = page.lowercased()
            #expect(lowered.contains("fails") && lowered.contains("passes"), "\(id) needs a failing and a passing example")
            #expect(page.components(separatedBy: "```").count >= 5, "\(id) needs two example code blocks")
        }
    }
}
