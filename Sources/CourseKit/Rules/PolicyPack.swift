/// A named set of rules with their default severities, e.g. `up-karmayogi-2026` for Uttar
/// Pradesh's Mission Karmayogi directives. A repository's `coursekit.yaml` extends one.
public struct PolicyPack: Sendable {
    public var name: String
    public var summary: LocalizedText
    /// The rule types the pack enables.
    public var rules: [any Rule.Type]
    /// Rules and parameter values a department may tighten but not loosen.
    public var locks: [PolicyLock]

    public init(name: String, summary: LocalizedText, rules: [any Rule.Type], locks: [PolicyLock] = []) {
        self.name = name
        self.summary = summary
        self.rules = rules
        self.locks = locks
    }

    /// Every pack shipped with coursekit, by name.
    public static var builtIn: [String: PolicyPack] {
        Dictionary(uniqueKeysWithValues: [PolicyPack.upKarmayogi2026].map { ($0.name, $0) })
    }
}
