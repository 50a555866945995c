/// Every rule id coursekit knows: the structural core rules, the suppression checks and the
/// policy rules of every available pack. Configuration and inline suppressions may name any of
/// them; unknown ids are errors with a "did you mean" suggestion.
public struct RuleCatalog: Sendable {
    public let packs: [String: PolicyPack]
    /// Policy rule types by id, from every pack (a rule in several packs is one rule).
    public let policyRules: [String: any Rule.Type]

    public init(packs: [String: PolicyPack] = PolicyPack.builtIn) {
        self.packs = packs
        var rules: [String: any Rule.Type] = [:]
        for name in packs.keys.sorted() {
            for type in packs[name]!.rules where rules[type.descriptor.id] == nil {
                rules[type.descriptor.id] = type
            }
        }
        self.policyRules = rules
    }

    /// Core and suppression rules: always present, never instantiated as `Rule`s.
    public static var builtInDescriptors: [RuleDescriptor] {
        CoreRule.allCases.map(\.descriptor) + SuppressionRule.allCases.map(\.descriptor)
    }

    /// Every known rule id, sorted.
    public var allIDs: [String] {
        (Self.builtInDescriptors.map(\.id) + policyRules.keys).sorted()
    }

    public func isKnown(_ id: String) -> Bool {
        policyRules[id] != nil || CoreRule(rawValue: id) != nil || SuppressionRule(rawValue: id) != nil
    }

    public func descriptor(for id: String) -> RuleDescriptor? {
        if let type = policyRules[id] { return type.descriptor }
        if let core = CoreRule(rawValue: id) { return core.descriptor }
        return SuppressionRule(rawValue: id)?.descriptor
    }

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
