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

    public var defaultSeverity: Severity {
        switch self {
        case .strayFile, .onlineOnlySize: .warning
        default: .error
        }
    }

    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: id, defaultSeverity: defaultSeverity, summary: summary)
    }

    private var summary: LocalizedText {
        switch self {
        case .unreadable: LocalizedText(en: "the archive cannot be opened or is damaged", hi: "आर्काइव खोला नहीं जा सकता या क्षतिग्रस्त है")
        case .unsafeEntry: LocalizedText(en: "an entry could escape the extraction folder or is not a plain file", hi: "कोई प्रविष्टि निकालने वाले फ़ोल्डर से बाहर जा सकती है या सादी फ़ाइल नहीं है")
        case .zipBomb: LocalizedText(en: "the archive expands far beyond its size", hi: "आर्काइव अपने आकार से बहुत अधिक फैलता है")
        case .manifestMissing: LocalizedText(en: "manifest.json is missing", hi: "manifest.json नहीं है")
        case .manifestInvalid: LocalizedText(en: "manifest.json is not a valid Sunbird content archive manifest", hi: "manifest.json मान्य Sunbird कंटेंट आर्काइव मैनिफ़ेस्ट नहीं है")
        case .manifestCount: LocalizedText(en: "archive.count differs from the number of items", hi: "archive.count आइटमों की संख्या से भिन्न है")
        case .duplicateIdentifier: LocalizedText(en: "two items share an identifier", hi: "दो आइटमों का identifier एक ही है")
        case .missingChild: LocalizedText(en: "a collection lists a child that is not among the items", hi: "संग्रह में ऐसा child है जो आइटमों में नहीं है")
        case .missingFile: LocalizedText(en: "an artifactUrl or appIcon names a file the archive lacks", hi: "artifactUrl या appIcon ऐसी फ़ाइल बताता है जो आर्काइव में नहीं है")
        case .hierarchyMissing: LocalizedText(en: "a collection archive has no hierarchy.json", hi: "संग्रह आर्काइव में hierarchy.json नहीं है")
        case .hierarchyMismatch: LocalizedText(en: "hierarchy.json disagrees with the manifest", hi: "hierarchy.json मैनिफ़ेस्ट से मेल नहीं खाता")
        case .htmlIndexMissing: LocalizedText(en: "an html-archive has no index.html at its root", hi: "html-archive के मूल में index.html नहीं है")
        case .innerArchiveInvalid: LocalizedText(en: "an html-archive is not a safe, readable zip", hi: "html-archive सुरक्षित और पढ़ने योग्य zip नहीं है")
        case .checksumsMissing: LocalizedText(en: "checksums.sha256 is missing", hi: "checksums.sha256 नहीं है")
        case .checksumMismatch: LocalizedText(en: "a file's SHA-256 differs from checksums.sha256", hi: "किसी फ़ाइल का SHA-256 checksums.sha256 से भिन्न है")
        case .checksumUnlisted: LocalizedText(en: "a file is not listed in checksums.sha256", hi: "कोई फ़ाइल checksums.sha256 में सूचीबद्ध नहीं है")
        case .checksumStale: LocalizedText(en: "checksums.sha256 lists a file the archive lacks", hi: "checksums.sha256 में ऐसी फ़ाइल है जो आर्काइव में नहीं है")
        case .strayFile: LocalizedText(en: "a file lies outside every item's folder", hi: "कोई फ़ाइल किसी भी आइटम के फ़ोल्डर में नहीं है")
        case .activeContent: LocalizedText(en: "an html-archive contains scripts, event handlers or javascript: URLs", hi: "html-archive में स्क्रिप्ट, इवेंट हैंडलर या javascript: URL हैं")
        case .onlineOnlySize: LocalizedText(en: "an item is over Sunbird's 200 MiB limit and will be online-only", hi: "कोई आइटम Sunbird की 200 MiB सीमा से बड़ा है और केवल ऑनलाइन चलेगा")
        case .emptyUnit: LocalizedText(en: "a course unit has no children: learners see an empty chapter", hi: "किसी पाठ्यक्रम इकाई में कुछ नहीं है: शिक्षार्थियों को खाली अध्याय दिखेगा")
        }
    }

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
