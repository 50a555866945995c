import Foundation
import Testing

/// A command-line tool a test needs (`unzip`, `sha256sum`, `python3`, `xmllint`, `node`). When
/// it is missing and `CI` is set, the test fails and says what to install; elsewhere it is
/// skipped with the reason printed, so a missing tool never passes silently.
public enum RequiredTool {
    public static var inCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// The tool's path, or nil after failing (CI) or printing why the check is skipped.
    public static func path(_ name: String, package: String, for purpose: String,
                     sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        for folder in ["/usr/bin", "/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        missing("\(name) is not installed", package: package, for: purpose, sourceLocation: sourceLocation)
        return nil
    }

    /// Fails in CI, else prints a visible skip notice.
    public static func missing(_ what: String, package: String, for purpose: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let message = "\(what): install it (Debian: apt-get install \(package); .ci/run does) to run \(purpose)"
        if inCI {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } else {
            print("SKIPPED at \(sourceLocation.fileName):\(sourceLocation.line): \(message). With CI set this fails.")
        }
    }
}
