/// The checks on inline suppressions (`# coursekit-disable-next-line <rule> -- <reason>`):
/// every suppression must give a reason, name a rule that exists, and suppress something.
/// Reported like any other rule and re-gradable in `coursekit.yaml`; they cannot themselves be
/// suppressed inline.
public enum SuppressionRule: String, CaseIterable, Sendable {
    case reasonMissing = "suppression-reason-missing"
    case unknownRule = "suppression-unknown-rule"
    case unused = "unused-suppression"

    public var id: String { rawValue }

    public var defaultSeverity: Severity {
        switch self {
        case .reasonMissing, .unknownRule: .error
        case .unused: .warning
        }
    }

    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: rawValue, defaultSeverity: defaultSeverity, summary: summary)
    }

    private var summary: LocalizedText {
        switch self {
        case .reasonMissing: LocalizedText(
            en: "an inline suppression gives no reason (or too short a one)",
            hi: "इनलाइन छूट (suppression) का कोई कारण नहीं दिया गया (या बहुत छोटा है)")
        case .unknownRule: LocalizedText(
            en: "an inline suppression names a rule that does not exist",
            hi: "इनलाइन छूट ऐसे नियम का नाम लेती है जो मौजूद नहीं है")
        case .unused: LocalizedText(
            en: "an inline suppression suppresses nothing",
            hi: "इनलाइन छूट कुछ भी नहीं दबाती")
        }
    }

    /// Parameters, for documentation and config checking (only `suppression-reason-missing` has one).
    public var parameters: [RuleParameter] {
        switch self {
        case .reasonMissing:
            [RuleParameter(
                name: "minimumLength", type: "integer", defaultValue: "1",
                summary: LocalizedText(
                    en: "fewest characters a reason must have to count",
                    hi: "कारण को मान्य होने के लिए न्यूनतम कितने वर्ण चाहिए"))]
        case .unknownRule, .unused: []
        }
    }
}

/// The configured parameters of the suppression rules, read with `RuleOptions` like any rule's.
public struct SuppressionSettings: Sendable, Hashable {
    /// A reason shorter than this (in characters, after trimming) counts as missing.
    public var minimumReasonLength: Int

    public init(minimumReasonLength: Int = 1) {
        self.minimumReasonLength = minimumReasonLength
    }

    init(options: RuleOptions) throws(ToolError) {
        minimumReasonLength = max(1, try options.int("minimumLength", default: 1))
        try options.finish()
    }
}
