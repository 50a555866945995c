import Foundation

/// `--format github`: GitHub Actions workflow commands, one per finding
/// (`::error file=…,line=…,col=…,title=…::message`; warnings as `::warning`, info as
/// `::notice`), so findings appear as annotations on the pull request, then the summary line.
/// `stepSummary` renders the Markdown tables appended to `$GITHUB_STEP_SUMMARY`.
public struct GitHubReporter: Reporter {
    public var failSeverity: Severity
    /// The folder annotation paths are relative to (the workspace); nil for the repository root.
    public var sourceRoot: URL?

    public init(failSeverity: Severity = .error, sourceRoot: URL? = nil) {
        self.failSeverity = failSeverity
        self.sourceRoot = sourceRoot
    }

    public func render(_ result: ValidationResult, language: MessageLanguage) -> String {
        let paths = ReportPaths(result: result, sourceRoot: sourceRoot)
        var out = ""
        for finding in result.findings {
            let properties = [
                ("file", paths.relative(finding.location.file)),
                ("line", String(finding.location.line)),
                ("col", String(finding.location.column)),
                ("title", "\(CourseKitInfo.name) \(finding.ruleID)"),
            ].map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            out += "::\(finding.severity.githubCommand) \(properties)::\(Self.escapeData(ReportText.fullMessage(finding, language)))\n"
        }
        out += ReportText.summary(result, language: language) + "\n"
        return out
    }

    /// Escaping of a command's message (data): `%`, CR and LF.
    /// Other control characters (ESC…) go through the one terminal-escaping function.
    public static func escapeData(_ value: String) -> String {
        TerminalText.escape(value.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A"))
    }

    /// Escaping of a property value: as data, plus `:` and `,`.
    public static func escapeProperty(_ value: String) -> String {
        escapeData(value)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }

    /// The job summary: outcome, then counts per rule and per file, as GitHub-flavoured Markdown.
    public func stepSummary(_ result: ValidationResult, language: MessageLanguage) -> String {
        let paths = ReportPaths(result: result, sourceRoot: sourceRoot)
        let hi = language == .hi
        let failed = result.fails(at: failSeverity)
        var out = "## coursekit validate\n\n"
        let verdict = failed
            ? (hi ? "❌ विफल (विफलता की गंभीरता: \(failSeverity.label(in: .hi)))" : "❌ failed (fail severity: \(failSeverity.rawValue))")
            : (hi ? "✅ सफल (विफलता की गंभीरता: \(failSeverity.label(in: .hi)))" : "✅ passed (fail severity: \(failSeverity.rawValue))")
        out += "\(verdict) — \(Self.markdownCell(ReportText.summary(result, language: language)))\n"
        guard !result.findings.isEmpty else { return out + "\n" }
        let headers = Severity.allCases.reversed().map { $0.label(in: language) }
        func table(_ title: String, _ rows: [(String, [Severity: Int])]) -> String {
            var text = "\n| \(title) | " + headers.joined(separator: " | ") + " |\n| --- |" + String(repeating: " ---: |", count: headers.count) + "\n"
            for (name, counts) in rows {
                text += "| `\(Self.markdownCell(name))` | " + Severity.allCases.reversed().map { String(counts[$0] ?? 0) }.joined(separator: " | ") + " |\n"
            }
            return text
        }
        out += table(hi ? "नियम" : "rule", FindingGroups.countsByRule(result.findings).map { ($0.rule, $0.counts) })
        out += table(hi ? "फ़ाइल" : "file", FindingGroups.countsByFile(result.findings).map { (paths.relative($0.file), $0.counts) })
        return out + "\n"
    }

    /// Text safe inside a Markdown table cell.
    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "`", with: "'")
    }
}
