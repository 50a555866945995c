import Foundation
import Testing
@testable import CourseKit

@Suite("Reporter output on a fixed result")
struct ReporterOutputTests {
    let result = ReporterFixture.result

    @Test func json() throws {
        try ReporterFixture.compare(JSONReporter(failSeverity: .error).render(result, language: .en), "report.json")
        try ReporterFixture.compare(JSONReporter(failSeverity: .warning).render(result, language: .hi), "report.hi.json")
        try ReporterFixture.compare(JSONReporter().render(ReporterFixture.clean, language: .en), "clean.json")
    }

    @Test func jsonIsValidJSONWithTheDocumentedFields() throws {
        let text = JSONReporter().render(result, language: .hi)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["language"] as? String == "hi")
        #expect(object["passed"] as? Bool == false)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["filesChecked": 3, "findings": 3, "error": 1, "warning": 1, "info": 1, "suppressed": 1])
        let first = try #require((object["findings"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "schema-type" })
        let message = try #require(first["message"] as? [String: String])
        #expect(message["text"] == message["hi"])
        #expect(message["en"] == "value \"45%\" isn't <text> & more: really, yes")
    }

    @Test func sarif() throws {
        try ReporterFixture.compare(SARIFReporter().render(result, language: .en), "report.sarif")
    }

    @Test func junit() throws {
        try ReporterFixture.compare(JUnitReporter(failSeverity: .error).render(result, language: .en), "report.junit.xml")
        try ReporterFixture.compare(JUnitReporter(failSeverity: .info).render(result, language: .hi), "report.hi.junit.xml")
    }

    @Test func github() throws {
        let reporter = GitHubReporter(failSeverity: .error)
        try ReporterFixture.compare(reporter.render(result, language: .en), "report.github.txt")
        try ReporterFixture.compare(reporter.stepSummary(result, language: .en), "summary.md")
        try ReporterFixture.compare(reporter.stepSummary(result, language: .hi), "summary.hi.md")
        try ReporterFixture.compare(reporter.stepSummary(ReporterFixture.clean, language: .en), "summary.clean.md")
    }

    @Test func text() throws {
        try ReporterFixture.compare(TextReporter(useColor: false, sourceBase: ReporterFixture.root).render(result, language: .en), "report.txt")
    }

    @Test func everyFormatSpeaksTheChosenLanguage() {
        let reporters: [any Reporter] = [
            TextReporter(useColor: false, sourceBase: ReporterFixture.root), JSONReporter(), SARIFReporter(), JUnitReporter(), GitHubReporter(),
        ]
        for reporter in reporters {
            let hindi = reporter.render(result, language: .hi)
            let english = reporter.render(result, language: .en)
            #expect(hindi.contains("अंग्रेज़ी संस्करण नहीं है"), "\(type(of: reporter))")
            #expect(!english.contains("अंग्रेज़ी संस्करण नहीं है") || reporter is JSONReporter, "\(type(of: reporter))")
        }
    }

    @Test func pathsAreRelativeToTheSourceRoot() throws {
        // Working directory = courses/, source root = the repository: paths gain the prefix.
        var shifted = ValidationResult(
            findings: [Finding(ruleID: "schema-type", severity: .error, location: SourceLocation(file: "a b/course.yaml", line: 3, column: 11),
                               message: LocalizedText(en: "m", hi: "म"))],
            checkedFiles: ["a b/course.yaml"], rules: [CoreRule.schemaType.descriptor],
            repositoryRoot: ReporterFixture.root, displayBase: ReporterFixture.root.appendingPathComponent("courses"))
        #expect(GitHubReporter().render(shifted, language: .en).hasPrefix("::error file=courses/a b/course.yaml,line=3,col=11,"))
        #expect(JUnitReporter().render(shifted, language: .en).contains("<testsuite name=\"courses/a b/course.yaml\""))
        #expect(SARIFReporter().render(shifted, language: .en).contains("\"uri\": \"courses/a%20b/course.yaml\""))
        // A file outside the source root keeps an absolute file URI in SARIF.
        shifted.findings[0].location.file = "/etc/coursekit/course.yaml"
        let sarif = SARIFReporter().render(shifted, language: .en)
        #expect(sarif.contains("\"uri\": \"file:///etc/coursekit/course.yaml\""))
    }
}
