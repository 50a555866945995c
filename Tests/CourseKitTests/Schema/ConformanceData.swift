import Foundation

/// Locates the third-party conformance data (`shared/conformance/`) exactly where the README
/// says, in its order: the folder named by `$COURSEKIT_CONFORMANCE_DIR` first, then
/// `../shared/conformance` beside the checkout. Nowhere else.
enum ConformanceData {
    /// Every place looked in, in order.
    static var candidates: [URL] {
        var result: [URL] = []
        if let override = ProcessInfo.processInfo.environment["COURSEKIT_CONFORMANCE_DIR"], !override.isEmpty {
            result.append(URL(fileURLWithPath: override).standardizedFileURL)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Schema
            .deletingLastPathComponent()  // CourseKitTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
        result.append(packageRoot.appendingPathComponent("../shared/conformance").standardizedFileURL)
        return result
    }

    /// The conformance folder, or `nil` when none of the candidates has the JSON Schema suite.
    static var directory: URL? {
        candidates.first { candidate in
            FileManager.default.fileExists(
                atPath: candidate.appendingPathComponent("json-schema-test-suite/tests-draft2020-12").path)
        }
    }

    /// The message a test fails with when the data is missing.
    static var missingMessage: String {
        "conformance data not found; looked for json-schema-test-suite/tests-draft2020-12 in: "
            + candidates.map(\.path).joined(separator: ", ")
            + ". Set COURSEKIT_CONFORMANCE_DIR or check out the shared conformance data beside the project (../shared/conformance)."
    }
}
