import Foundation

/// `--format json`: one JSON document, documented in `docs/output-formats.md` (format
/// version 1). Keys always appear, in a fixed order; `text` fields are in the chosen language
/// and `en`/`hi` carry both.
public struct JSONReporter: Reporter {
    /// Version of this JSON structure; raised only when a field changes meaning or goes away.
    public static let formatVersion = 1

    public var failSeverity: Severity
    /// The folder paths are shown relative to (the working directory); nil shows them as the
    /// findings carry them (relative to the repository root).
    public var displayBase: URL?

    public init(failSeverity: Severity = .error, displayBase: URL? = nil) {
        self.failSeverity = failSeverity
        self.displayBase = displayBase
    }

    public func render(_ result: ValidationResult, language: MessageLanguage) -> String {
        let paths = ReportPaths(result: result)
        return JSONValue.object([
            ("version", .int(Self.formatVersion)),
            ("tool", .object([("name", .string(CourseKitInfo.name)), ("version", .string(CourseKitInfo.version))])),
            ("language", .string(language.rawValue)),
            ("failSeverity", .string(failSeverity.rawValue)),
            ("passed", .bool(!result.fails(at: failSeverity))),
            ("summary", .object([
                ("filesChecked", .int(result.checkedFiles.count)),
                ("findings", .int(result.findings.count)),
                ("error", .int(result.count(.error))),
                ("warning", .int(result.count(.warning))),
                ("info", .int(result.count(.info))),
                ("suppressed", .int(result.suppressedCount)),
            ])),
            ("findings", .array(result.findings.map { finding($0, language, paths) })),
        ] + EffortReport.jsonField(result.effort)).rendered()
    }

    private func finding(_ finding: Finding, _ language: MessageLanguage, _ paths: ReportPaths) -> JSONValue {
        .object([
            ("ruleId", .string(finding.ruleID)),
            ("severity", .string(finding.severity.rawValue)),
            ("file", .string(paths.shown(finding.location.file, from: displayBase))),
            ("line", .int(finding.location.line)),
            ("column", .int(finding.location.column)),
            ("message", text(finding.message, language)),
            ("hint", finding.hint.map { text($0, language) } ?? .null),
            ("notes", .array(finding.notes.map { note in
                .object([
                    ("file", .string(paths.shown(note.location.file, from: displayBase))),
                    ("line", .int(note.location.line)),
                    ("column", .int(note.location.column)),
                    ("message", text(note.message, language)),
                ])
            })),
        ])
    }

    private func text(_ text: LocalizedText, _ language: MessageLanguage) -> JSONValue {
        .object([("text", .string(text.text(in: language))), ("en", .string(text.en)), ("hi", .string(text.hi))])
    }
}
