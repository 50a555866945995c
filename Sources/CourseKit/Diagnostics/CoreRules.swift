/// Describes a rule: its stable id, default severity, a one-line summary in both languages and
/// where its documentation lives. Reporters (SARIF) and `coursekit rules` list these.
public struct RuleDescriptor: Sendable, Hashable {
    public var id: String
    public var defaultSeverity: Severity
    public var summary: LocalizedText

    public init(id: String, defaultSeverity: Severity, summary: LocalizedText) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
    }

    /// The documentation page, relative to the project root.
    public var documentationPath: String { "docs/rules/\(id).md" }
}

/// The structural checks every run performs: reading files, YAML syntax, schemas and
/// references. They are reported like policy rules and can be re-graded in configuration.
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

    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: rawValue, defaultSeverity: defaultSeverity, summary: summary)
    }

    public var defaultSeverity: Severity {
        switch self {
        case .schemaReference, .unicodeNormalization: .warning
        case .notChecked: .info
        default: .error
        }
    }

    private var summary: LocalizedText {
        switch self {
        case .yamlSyntax: LocalizedText(en: "YAML file cannot be parsed", hi: "YAML फ़ाइल पढ़ी नहीं जा सकती")
        case .duplicateKey: LocalizedText(en: "the same key appears twice in a mapping", hi: "एक ही कुंजी मैपिंग में दो बार आई है")
        case .fileEncoding: LocalizedText(en: "file is not UTF-8 text", hi: "फ़ाइल UTF-8 पाठ नहीं है")
        case .fileTooLarge: LocalizedText(en: "source file is too large", hi: "स्रोत फ़ाइल बहुत बड़ी है")
        case .yamlAliasBomb: LocalizedText(en: "YAML aliases expand beyond the safe limit", hi: "YAML alias सुरक्षित सीमा से अधिक फैलते हैं")
        case .yamlComplexKey: LocalizedText(en: "mapping key is not plain text", hi: "मैपिंग की कुंजी सादा पाठ नहीं है")
        case .unreadableFile: LocalizedText(en: "file cannot be read", hi: "फ़ाइल पढ़ी नहीं जा सकती")
        case .schemaType: LocalizedText(en: "value has the wrong type", hi: "मान का प्रकार गलत है")
        case .schemaUnknownKey: LocalizedText(en: "key is not part of the format", hi: "कुंजी प्रारूप का हिस्सा नहीं है")
        case .schemaRequired: LocalizedText(en: "a required key is missing", hi: "एक आवश्यक कुंजी नहीं है")
        case .schemaValue: LocalizedText(en: "value is not allowed by the format", hi: "यह मान प्रारूप में मान्य नहीं है")
        case .missingFile: LocalizedText(en: "referenced file or folder does not exist", hi: "संदर्भित फ़ाइल या फ़ोल्डर मौजूद नहीं है")
        case .missingTranslation: LocalizedText(en: "lesson is missing in a declared language", hi: "घोषित भाषा में पाठ उपलब्ध नहीं है")
        case .brokenLink: LocalizedText(en: "image or link in a lesson points at a missing file", hi: "पाठ का चित्र या लिंक किसी अनुपलब्ध फ़ाइल की ओर इंगित करता है")
        case .pathOutsideRepository: LocalizedText(en: "path leaves the repository or is absolute", hi: "पथ रिपॉज़िटरी से बाहर जाता है या निरपेक्ष है")
        case .duplicateID: LocalizedText(en: "two files use the same id", hi: "दो फ़ाइलें एक ही id का उपयोग करती हैं")
        case .inputLimit: LocalizedText(en: "a source exceeds one of coursekit's stated size limits", hi: "स्रोत coursekit की घोषित आकार-सीमाओं में से एक से अधिक है")
        case .remoteImage: LocalizedText(en: "a lesson image is loaded from the network", hi: "पाठ का चित्र नेटवर्क से लोड होता है")
        case .imageType: LocalizedText(en: "a lesson image is not a PNG, JPEG, GIF, WebP or SVG file", hi: "पाठ का चित्र PNG, JPEG, GIF, WebP या SVG फ़ाइल नहीं है")
        case .emptyLesson: LocalizedText(en: "a lesson has no text", hi: "पाठ में कोई पाठ्य सामग्री नहीं है")
        case .schemaReference: LocalizedText(
            en: "the yaml-language-server $schema line is missing or names the wrong schema",
            hi: "yaml-language-server की $schema पंक्ति नहीं है या गलत स्कीमा बताती है")
        case .notChecked: LocalizedText(
            en: "files that use a file that failed to load or failed its schema were not checked",
            hi: "लोड न हो सकी या स्कीमा पर खरी न उतरी फ़ाइल का उपयोग करने वाली फ़ाइलें नहीं जाँची गईं")
        case .unicodeNormalization: LocalizedText(
            en: "text or a file name is not in Unicode NFC",
            hi: "पाठ या फ़ाइल का नाम यूनिकोड NFC में नहीं है")
        case .libraryMissing: LocalizedText(
            en: "a library or library module that is used or declared is not installed",
            hi: "प्रयुक्त या घोषित लाइब्रेरी या लाइब्रेरी मॉड्यूल स्थापित नहीं है")
        case .libraryModified: LocalizedText(
            en: "a vendored library file differs from coursekit.lock",
            hi: "लाइब्रेरी की वेंडर की गई फ़ाइल coursekit.lock से भिन्न है")
        }
    }
}

extension Finding {
    /// A finding of a core rule at its default severity.
    public init(_ rule: CoreRule, at location: SourceLocation, _ message: LocalizedText, hint: LocalizedText? = nil, notes: [Note] = [], edition: String? = nil) {
        self.init(ruleID: rule.id, severity: rule.defaultSeverity, location: location, message: message, hint: hint, notes: notes, edition: edition)
    }
}
