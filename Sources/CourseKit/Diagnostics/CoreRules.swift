/// The structural checks every run performs: reading files, YAML syntax, schemas and
/// references. They are reported like policy rules and can be re-graded in configuration. The
/// enum is an id namespace: descriptors, summaries and examples live in `RuleRegistry.structural`.
public enum CoreRule: String, CaseIterable, Sendable {
    case yamlSyntax = "yaml-syntax"
    case duplicateKey = "duplicate-key"
    case fileEncoding = "file-encoding"
    case fileTooLarge = "file-too-large"
    case yamlAliasBomb = "yaml-alias-bomb"
    case yamlComplexKey = "yaml-complex-key"
    case unreadableFile = "unreadable-file"
    case schemaType = "schema-type"
    case schemaUnknownKey = "schema-unknown-key"
    case schemaRequired = "schema-required"
    case schemaValue = "schema-value"
    case missingFile = "missing-file"
    case missingTranslation = "missing-translation"
    case brokenLink = "broken-link"
    case pathOutsideRepository = "path-outside-repository"
    case duplicateID = "duplicate-id"
    case schemaReference = "schema-reference"
    case notChecked = "not-checked"
    case unicodeNormalization = "unicode-normalization"
    case inputLimit = "input-limit"
    case remoteImage = "remote-image"
    case imageType = "image-type"
    case emptyLesson = "empty-lesson"
    case libraryMissing = "library-missing"
    case libraryModified = "library-modified"

    public var id: String { rawValue }

    /// The rule's descriptor in `RuleRegistry`.
    public var descriptor: RuleDescriptor { RuleRegistry.required(rawValue) }

    public var defaultSeverity: Severity { descriptor.defaultSeverity }
}

extension Finding {
    /// A finding of a core rule at its default severity.
    public init(_ rule: CoreRule, at location: SourceLocation, _ message: LocalizedText, hint: LocalizedText? = nil, notes: [Note] = [], edition: String? = nil) {
        self.init(ruleID: rule.id, severity: rule.defaultSeverity, location: location, message: message, hint: hint, notes: notes, edition: edition)
    }
}
