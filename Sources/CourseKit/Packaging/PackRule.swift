/// Problems that stop (or weaken) packaging a course edition, reported at the source line.
public enum PackRule: String, CaseIterable, Sendable {
    /// A course, module or quiz has no `id`, so no stable identifier can be derived.
    case missingIdentifier = "pack-missing-id"
    /// A referenced module, course, quiz or file is not loaded or does not exist.
    case unresolvedReference = "pack-unresolved-reference"
    /// A lesson has no file in the edition's language.
    case missingEdition = "pack-missing-edition"
    /// A lesson file has a type Sunbird cannot play.
    case unsupportedLesson = "pack-unsupported-lesson"
    /// A file could not be read or rendered.
    case unreadableFile = "pack-unreadable-file"
    /// A lesson image cannot be packaged (missing or unreadable).
    case missingImage = "pack-missing-image"
    /// A fill-in or match question, which Sunbird's QuML player cannot render, in an ECAR.
    case unplayableQuestion = "pack-unplayable-question"
    /// An edition is not packed because validation found errors about it.
    case editionBlocked = "pack-edition-blocked"

    public var id: String { rawValue }

    /// The rule's descriptor in `RuleRegistry`.
    public var descriptor: RuleDescriptor { RuleRegistry.required(rawValue) }

    public var defaultSeverity: Severity { descriptor.defaultSeverity }

    func finding(at location: SourceLocation, _ message: LocalizedText, hint: LocalizedText? = nil, edition: String? = nil) -> Finding {
        Finding(ruleID: id, severity: defaultSeverity, location: location, message: message, hint: hint, edition: edition)
    }
}
