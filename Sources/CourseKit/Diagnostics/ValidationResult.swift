import Foundation

/// The outcome of one `coursekit validate` run: the findings (after configuration and
/// suppressions were applied), how many files were checked, and the rules that ran.
public struct ValidationResult: Sendable {
    public var findings: [Finding]
    public var checkedFiles: [String]
    public var rules: [RuleDescriptor]
    /// Findings removed by inline suppressions.
    public var suppressedCount: Int
    /// The repository root (folder of `coursekit.yaml` or `.git`), for repository-relative paths.
    public var repositoryRoot: URL?
    /// The folder the paths in findings are relative to: the repository root for `validate` and
    /// `pack` (findings carry repository paths), the working directory for `verify`. How a path
    /// is shown is decided by the reporters (`ReportPaths`).
    public var displayBase: URL?
    /// Measured effort beside declared durations (`effort` in `--format json`), when computed.
    public var effort: EffortReport?

    public init(
        findings: [Finding], checkedFiles: [String], rules: [RuleDescriptor], suppressedCount: Int = 0,
        repositoryRoot: URL? = nil, displayBase: URL? = nil
    ) {
        self.findings = findings.sorted()
        self.checkedFiles = checkedFiles
        self.rules = rules
        self.suppressedCount = suppressedCount
        self.repositoryRoot = repositoryRoot
        self.displayBase = displayBase
    }

    public func count(_ severity: Severity) -> Int {
        findings.filter { $0.severity == severity }.count
    }

    /// True when any finding is at or above `threshold`.
    public func fails(at threshold: Severity) -> Bool {
        findings.contains { $0.severity >= threshold }
    }
}
