/// The checks `coursekit verify` runs on an ECAR, each with a stable id, a default severity and
/// a summary in English and Hindi, reported like every other rule.
public enum ArchiveRule: String, CaseIterable, Sendable {
    case unreadable = "archive-unreadable"
    case unsafeEntry = "archive-unsafe-entry"
    case zipBomb = "archive-zip-bomb"
    case manifestMissing = "archive-manifest-missing"
    case manifestInvalid = "archive-manifest-invalid"
    case manifestCount = "archive-manifest-count"
    case duplicateIdentifier = "archive-duplicate-identifier"
    case missingChild = "archive-missing-child"
    case missingFile = "archive-missing-file"
    case hierarchyMissing = "archive-hierarchy-missing"
    case hierarchyMismatch = "archive-hierarchy-mismatch"
    case htmlIndexMissing = "archive-html-index-missing"
    case innerArchiveInvalid = "archive-inner-archive-invalid"
    case checksumsMissing = "archive-checksums-missing"
    case checksumMismatch = "archive-checksum-mismatch"
    case checksumUnlisted = "archive-checksum-unlisted"
    case checksumStale = "archive-checksum-stale"
    case strayFile = "archive-stray-file"
    case onlineOnlySize = "archive-online-only-size"
    case emptyUnit = "archive-empty-unit"
    case activeContent = "archive-active-content"

    public var id: String { rawValue }

    /// The rule's descriptor in `RuleRegistry`.
    public var descriptor: RuleDescriptor { RuleRegistry.required(rawValue) }

    public var defaultSeverity: Severity { descriptor.defaultSeverity }

    /// The rule that reports a reader refusal of this kind.
    static func forRefusal(_ kind: ArchiveError.Kind) -> ArchiveRule {
        switch kind {
        case .io, .format: .unreadable
        case .entryTooLarge, .totalTooLarge, .compressionRatio, .tooManyEntries: .zipBomb
        case .absolutePath, .parentComponent, .invalidName, .link, .specialFile, .encrypted, .duplicateName, .caseCollision: .unsafeEntry
        }
    }
}

extension ArchiveRule {
    /// A finding of this rule at its default severity.
    public func finding(at location: SourceLocation, _ message: LocalizedText, hint: LocalizedText? = nil, notes: [Finding.Note] = []) -> Finding {
        Finding(ruleID: id, severity: defaultSeverity, location: location, message: message, hint: hint, notes: notes)
    }
}
