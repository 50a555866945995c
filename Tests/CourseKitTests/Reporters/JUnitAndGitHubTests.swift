import Foundation
import Testing
@testable import CourseKit
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("JUnit XML is well-formed and consistent")
struct JUnitReporterTests {
    func parse(_ xml: String) throws -> XMLDocument {
        try XMLDocument(data: Data(xml.utf8), options: [])
    }

    /// libxml2's own parser accepts the report (Devanagari, spaces, control characters).
    @Test func xmllintAcceptsTheReport() throws {
        guard let xmllint = RequiredTool.path("xmllint", package: "libxml2-utils", for: "the xmllint check of JUnit output") else { return }
        let file = TestTemporary.url("junit").appendingPathExtension("xml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: file) }
        for language in MessageLanguage.allCases {
            try JUnitReporter().render(ReporterFixture.result, language: language).write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: xmllint)
            process.arguments = ["--noout", file.path]
            let pipe = Pipe()
            process.standardError = pipe
            try process.run()
            let errors = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(errors)")
        }
    }

    @Test(arguments: [Severity.error, .warning, .info], MessageLanguage.allCases)
    func countsAreConsistent(failSeverity: Severity, language: MessageLanguage) throws {
        let xml = JUnitReporter(failSeverity: failSeverity).render(ReporterFixture.result, language: language)
        let document = try parse(xml)
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["courses/a b/course.yaml", "courses/clean/module.yaml", "courses/पाठ/lesson.md"])
        var tests = 0, failures = 0
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            let failing = cases.filter { !$0.elements(forName: "failure").isEmpty }
            #expect(suite.attribute(forName: "tests")?.stringValue == String(cases.count))
            #expect(suite.attribute(forName: "failures")?.stringValue == String(failing.count))
            tests += cases.count
            failures += failing.count
        }
        #expect(root.attribute(forName: "tests")?.stringValue == String(tests))
        #expect(root.attribute(forName: "failures")?.stringValue == String(failures))
        let expectedFailures = ReporterFixture.findings.filter { $0.severity >= failSeverity }.count
        #expect(failures == expectedFailures)
    }

    @Test func escapedTextComesBackExactly() throws {
        let document = try parse(JUnitReporter().render(ReporterFixture.result, language: .en))
        let failure = try #require(try document.nodes(forXPath: "//failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue == "value \"45%\" isn't <text> & more: really, yes")
        #expect(failure.attribute(forName: "type")?.stringValue == "schema-type")
        #expect(failure.stringValue == """
            courses/a b/course.yaml:3:11: error[schema-type]: value "45%" isn't <text> & more: really, yes
            hint: write an ISO 8601 duration
            such as PT45M
            """)
        let clean = try #require(try document.nodes(forXPath: "//testsuite[@name='courses/clean/module.yaml']/testcase").first as? XMLElement)
        #expect(clean.attribute(forName: "name")?.stringValue == "coursekit")
        #expect(clean.children?.isEmpty ?? true)
    }

    @Test func controlCharactersAndNewlinesInAttributesSurvive() throws {
        let result = ValidationResult(
            findings: [Finding(ruleID: "schema-value", severity: .error, location: SourceLocation(file: "q&a <1>.yaml", line: 1, column: 1),
                               message: LocalizedText(en: "bad\u{0}value\nsecond line\t'x'", hi: "गलत"))],
            checkedFiles: [], rules: [])
        let document = try parse(JUnitReporter().render(result, language: .en))
        let failure = try #require(try document.nodes(forXPath: "//failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue == "bad\u{FFFD}value\nsecond line\t'x'")
        let suite = try #require(try document.nodes(forXPath: "//testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "name")?.stringValue == "q&a <1>.yaml")
    }

    @Test func anEmptyRunIsAValidEmptyReport() throws {
        let xml = JUnitReporter().render(ValidationResult(findings: [], checkedFiles: [], rules: []), language: .en)
        #expect(xml == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"coursekit\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n</testsuites>\n")
        _ = try parse(xml)
    }
}

@Suite("GitHub workflow commands")
struct GitHubReporterTests {
    @Test func escapesDataAndProperties() {
        #expect(GitHubReporter.escapeData("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b")
        #expect(GitHubReporter.escapeProperty("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b")
        // `%` first, so an escape sequence in the input is not decoded later.
        #expect(GitHubReporter.escapeData("%0A") == "%250A")
        #expect(GitHubReporter.escapeProperty("C:\\a,b") == "C%3A\\a%2Cb")
    }

    @Test func oneCommandPerFindingWithLevelsAndEscapedProperties() {
        let result = ValidationResult(
            findings: [
                Finding(ruleID: "schema-type", severity: .error, location: SourceLocation(file: "a,b:c.yaml", line: 2, column: 5),
                        message: LocalizedText(en: "50% wrong\r\nsee: docs", hi: "गलत")),
                Finding(ruleID: "schema-reference", severity: .warning, location: SourceLocation(file: "x.yaml", line: 1, column: 1),
                        message: LocalizedText(en: "w", hi: "च")),
                Finding(ruleID: "missing-translation", severity: .info, location: SourceLocation(file: "y.md", line: 3, column: 2),
                        message: LocalizedText(en: "i", hi: "स")),
            ],
            checkedFiles: ["a,b:c.yaml", "x.yaml", "y.md"], rules: [])
        let lines = GitHubReporter().render(result, language: .en).split(separator: "\n").map(String.init)
        #expect(lines == [
            "::error file=a%2Cb%3Ac.yaml,line=2,col=5,title=coursekit schema-type::50%25 wrong%0D%0Asee: docs",
            "::warning file=x.yaml,line=1,col=1,title=coursekit schema-reference::w",
            "::notice file=y.md,line=3,col=2,title=coursekit missing-translation::i",
            "1 error, 1 warning, 1 info in 3 files checked.",
        ])
    }

    @Test func stepSummaryEscapesTableCells() {
        let result = ValidationResult(
            findings: [Finding(ruleID: "schema-type", severity: .error, location: SourceLocation(file: "a|b.yaml", line: 1, column: 1),
                               message: LocalizedText(en: "m", hi: "म"))],
            checkedFiles: ["a|b.yaml"], rules: [])
        #expect(GitHubReporter().stepSummary(result, language: .en).contains("| `a\\|b.yaml` | 1 | 0 | 0 |"))
    }
}
