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

    public var defaultSeverity: Severity { self == .missingImage ? .warning : .error }

    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: id, defaultSeverity: defaultSeverity, summary: summary)
    }

    private var summary: LocalizedText {
        switch self {
        case .missingIdentifier: LocalizedText(en: "an item to package has no id", hi: "पैकेज किए जाने वाले आइटम का id नहीं है")
        case .unresolvedReference: LocalizedText(en: "a referenced module, course, quiz or file is missing", hi: "संदर्भित मॉड्यूल, पाठ्यक्रम, क्विज़ या फ़ाइल नहीं मिली")
        case .missingEdition: LocalizedText(en: "a lesson has no file in the edition's language", hi: "पाठ की संस्करण की भाषा में फ़ाइल नहीं है")
        case .unsupportedLesson: LocalizedText(en: "a lesson file type cannot be played by Sunbird", hi: "पाठ फ़ाइल का प्रकार Sunbird में नहीं चल सकता")
        case .unreadableFile: LocalizedText(en: "a file to package cannot be read", hi: "पैकेज की जाने वाली फ़ाइल पढ़ी नहीं जा सकती")
        case .missingImage: LocalizedText(en: "a lesson image cannot be packaged", hi: "पाठ का चित्र पैकेज नहीं हो सकता")
        case .unplayableQuestion: LocalizedText(en: "a quiz question is of a type iGOT's QuML player cannot show", hi: "क्विज़ का कोई प्रश्न ऐसे प्रकार का है जिसे iGOT का QuML प्लेयर नहीं दिखा सकता")
        case .editionBlocked: LocalizedText(en: "an edition is not packed because of errors about it", hi: "किसी संस्करण से जुड़ी त्रुटियों के कारण वह पैक नहीं किया गया")
        }
    }

    func finding(at location: SourceLocation, _ message: LocalizedText, hint: LocalizedText? = nil, edition: String? = nil) -> Finding {
        Finding(ruleID: id, severity: defaultSeverity, location: location, message: message, hint: hint, edition: edition)
    }
}
