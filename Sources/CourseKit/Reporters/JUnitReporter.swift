import Foundation

/// `--format junit`: JUnit XML as GitLab, Jenkins and other CI dashboards read it. One
/// `<testsuite>` per checked file, one `<testcase>` per (file, rule) with findings, holding a
/// `<failure>` per finding at or above the fail severity (findings below it go to
/// `<system-out>` and the test case passes); a file without findings is one passing test case
/// named `coursekit`. `tests` and `failures` count test cases, and the totals on
/// `<testsuites>` are the sums of the suites'.
public struct JUnitReporter: Reporter {
    public var failSeverity: Severity
    /// The folder file paths are relative to; nil for the result's repository root.
    public var sourceRoot: URL?

    public init(failSeverity: Severity = .error, sourceRoot: URL? = nil) {
        self.failSeverity = failSeverity
        self.sourceRoot = sourceRoot
    }

    public func render(_ result: ValidationResult, language: MessageLanguage) -> String {
        let paths = ReportPaths(result: result, sourceRoot: sourceRoot)
        var suites: [String] = []
        var totalTests = 0, totalFailures = 0
        for group in FindingGroups(result).files {
            let file = paths.relative(group.file)
            var cases: [String] = []
            var failures = 0
            if group.rules.isEmpty {
                cases.append("    <testcase name=\"\(CourseKitInfo.name)\" classname=\"\(XMLText.attribute(file))\" file=\"\(XMLText.attribute(file))\"/>\n")
            }
            for (rule, findings) in group.rules {
                let failing = findings.filter { $0.severity >= failSeverity }
                let passing = findings.filter { $0.severity < failSeverity }
                var body = ""
                for finding in failing {
                    body += "      <failure message=\"\(XMLText.attribute(finding.message.text(in: language)))\" type=\"\(XMLText.attribute(rule))\">"
                    body += XMLText.text(detail(finding, language)) + "</failure>\n"
                }
                if !passing.isEmpty {
                    body += "      <system-out>" + XMLText.text(passing.map { detail($0, language) }.joined(separator: "\n\n")) + "</system-out>\n"
                }
                if !failing.isEmpty { failures += 1 }
                cases.append("    <testcase name=\"\(XMLText.attribute(rule))\" classname=\"\(XMLText.attribute(file))\" file=\"\(XMLText.attribute(file))\">\n" + body + "    </testcase>\n")
            }
            totalTests += cases.count
            totalFailures += failures
            suites.append("  <testsuite name=\"\(XMLText.attribute(file))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
                + cases.joined() + "  </testsuite>\n")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"\(CourseKitInfo.name)\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" skipped=\"0\">\n"
            + suites.joined() + "</testsuites>\n"
    }

    /// `path:line:col: severity[rule]: message`, then hint and notes.
    private func detail(_ finding: Finding, _ language: MessageLanguage) -> String {
        "\(finding.location): \(finding.severity.label(in: language))[\(finding.ruleID)]: " + ReportText.fullMessage(finding, language)
    }
}
