/// The checks on inline suppressions (`# coursekit-disable-next-line <rule> -- <reason>`):
/// every suppression must give a reason, name a rule that exists, and suppress something.
/// Reported like any other rule and re-gradable in `coursekit.yaml`; they cannot themselves be
/// suppressed inline.
public enum SuppressionRule: String, CaseIterable, Sendable {
    case reasonMissing = "suppression-reason-missing"
    case unknownRule = "suppression-unknown-rule"
    case unused = "unused-suppression"

    public var id: String { rawValue }

    /// The rule's descriptor in `RuleRegistry`.
    public var descriptor: RuleDescriptor { RuleRegistry.required(rawValue) }

    public var defaultSeverity: Severity { descriptor.defaultSeverity }

    /// Parameters, for documentation and config checking (only `suppression-reason-missing` has one).
    public var parameters: [RuleParameter] { descriptor.parameters }

    /// `suppression-reason-missing`'s `minimumLength`.
    public static let minimumLength = RuleParameter(
        "minimumLength", default: .integer(1),
        summary: LocalizedText(
            en: "fewest characters a reason must have to count",
            hi: "कारण को मान्य होने के लिए न्यूनतम कितने वर्ण चाहिए"))
}

/// The configured parameters of the suppression rules, read with `RuleOptions` like any rule's.
public struct SuppressionSettings: Sendable, Hashable {
    /// A reason shorter than this (in characters, after trimming) counts as missing.
    public var minimumReasonLength: Int

    public init(minimumReasonLength: Int = 1) {
        self.minimumReasonLength = minimumReasonLength
    }

    init(options: RuleOptions) throws(ToolError) {
        minimumReasonLength = max(1, try options.int(SuppressionRule.minimumLength))
        try options.finish()
    }
}
