import Foundation
import Testing
@testable import CourseKit

/// A small, hand-made validation result over real files (so snippets and fingerprints are
/// real), used for the exact output of every reporter.
enum ReporterFixture {
    static let folder = ConfigFixtures.packageRoot.appendingPathComponent("Tests/CourseKitTests/Fixtures/reporters")
    static let root = folder.appendingPathComponent("repo").resolvingSymlinksInPath()
    static let expected = folder.appendingPathComponent("expected")

    static let findings = [
        Finding(
            ruleID: "schema-type", severity: .error,
            location: SourceLocation(file: "courses/a b/course.yaml", line: 3, column: 11),
            message: LocalizedText(
                en: "value \"45%\" isn't <text> & more: really, yes",
                hi: "मान \"45%\" पाठ नहीं है <text> & अधिक: सचमुच, हाँ"),
            hint: LocalizedText(en: "write an ISO 8601 duration\nsuch as PT45M", hi: "ISO 8601 अवधि लिखें\nजैसे PT45M")),
        Finding(
            ruleID: "unused-suppression", severity: .warning,
            location: SourceLocation(file: "courses/a b/course.yaml", line: 1, column: 31),
            message: LocalizedText(en: "this suppression suppresses nothing", hi: "यह छूट कुछ नहीं दबाती")),
        Finding(
            ruleID: "missing-translation", severity: .info,
            location: SourceLocation(file: "courses/पाठ/lesson.md", line: 2, column: 1),
            message: LocalizedText(en: "no English edition", hi: "अंग्रेज़ी संस्करण नहीं है"),
            notes: [Finding.Note(
                location: SourceLocation(file: "courses/a b/course.yaml", line: 4, column: 1),
                message: LocalizedText(en: "declared here", hi: "यहाँ घोषित"))]),
    ]

    static let result = ValidationResult(
        findings: findings,
        checkedFiles: ["courses/a b/course.yaml", "courses/clean/module.yaml", "courses/पाठ/lesson.md"],
        rules: [CoreRule.schemaType.descriptor, CoreRule.missingTranslation.descriptor, SuppressionRule.unused.descriptor],
        suppressedCount: 1, repositoryRoot: root, displayBase: root)

    static let clean = ValidationResult(
        findings: [], checkedFiles: ["courses/clean/module.yaml"], rules: [CoreRule.schemaType.descriptor],
        repositoryRoot: root, displayBase: root)

    /// The expected output in `expected/<name>`, with `@ROOT@` standing for the fixture root.
    static func expected(_ name: String) throws -> String {
        let text = try String(contentsOf: expected.appendingPathComponent(name), encoding: .utf8)
        return text.replacingOccurrences(of: "@ROOT@", with: root.path)
    }

    /// Writes the actual output beside the expected one when they differ, to inspect or adopt.
    static func compare(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let wanted = try? expected(name)
        if actual != wanted {
            let dump = FileManager.default.temporaryDirectory.appendingPathComponent("actual-\(name)")
            try actual.write(to: dump, atomically: true, encoding: .utf8)
            Issue.record("output differs from expected/\(name); actual written to \(dump.path)", sourceLocation: sourceLocation)
        }
    }
}
