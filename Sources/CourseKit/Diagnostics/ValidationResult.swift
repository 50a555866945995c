/// The outcome of one `coursekit validate` run: the findings (after configuration and
/// suppressions were applied), how many files were checked, and the rules that ran.
public struct ValidationResult: Sendable {
    public var findings: [Finding]
    public var checkedFiles: [String]
    public var rules: [RuleDescriptor]

    public init(findings: [Finding], checkedFiles: [String], rules: [RuleDescriptor]) {
        self.findings = findings.sorted()
        self.checkedFiles = checkedFiles
        self.rules = rules
    }

    public func count(_ severity: Severity) -> Int {
        findings.filter { $0.severity == severity }.count
    }

    /// True when any finding is at or above `threshold`.
    public func fails(at threshold: Severity) -> Bool {
        findings.contains { $0.severity >= threshold }
    }
}
