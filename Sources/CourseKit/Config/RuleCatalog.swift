/// The rules a configuration may name: every rule of `RuleRegistry` (structural, suppression,
/// archive and pack rules, the policy rules of the built-in packs) plus the policy rules of the
/// packs given (tests add their own). Configuration and inline suppressions may name any of
/// them; unknown ids are errors with a "did you mean" suggestion.
public struct RuleCatalog: Sendable {
    public let packs: [String: PolicyPack]
    /// Policy rule types by id, from every pack (a rule in several packs is one rule).
    public let policyRules: [String: any Rule.Type]
    /// Every rule, in registry order (kind, then documentation order).
    public let descriptors: [RuleDescriptor]
    private let index: [String: RuleDescriptor]

    public init(packs: [String: PolicyPack] = PolicyPack.builtIn) {
        self.packs = packs
        var rules: [String: any Rule.Type] = [:]
        for name in packs.keys.sorted() {
            for type in packs[name]!.rules where rules[type.descriptor.id] == nil {
                rules[type.descriptor.id] = type
            }
        }
        self.policyRules = rules
        let policy = RuleRegistry.policyDescriptors(packs)
        let builtIn = RuleRegistry.all.filter { $0.kind != .policy }
        let extraPolicy = RuleRegistry.policy.filter { rules[$0.id] == nil }
        self.descriptors = RuleRegistry.structural + policy + extraPolicy + builtIn.filter { $0.kind != .structural }
        self.index = Dictionary(descriptors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Rules that are not policy rules: always present, never instantiated as `Rule`s.
    public static var builtInDescriptors: [RuleDescriptor] {
        RuleRegistry.all.filter { $0.kind != .policy }
    }

    /// Every known rule id, sorted.
    public var allIDs: [String] { index.keys.sorted() }

    public func isKnown(_ id: String) -> Bool { index[id] != nil }

    public func descriptor(for id: String) -> RuleDescriptor? { index[id] }

    /// The closest known id to a misspelt one.
    public func suggestion(for id: String) -> String? {
        Spelling.closest(to: id, among: allIDs)
    }

    /// " (did you mean 'x'?)" in both languages, or empty texts.
    func didYouMean(_ id: String) -> LocalizedText {
        guard let close = suggestion(for: id) else { return LocalizedText(en: "", hi: "") }
        return LocalizedText(en: " (did you mean '\(close)'?)", hi: " (क्या आपका आशय '\(close)' से था?)")
    }
}
