/// The one list of every rule coursekit can report: structural checks, the policy rules of every
/// built-in pack, the suppression checks, `verify`'s archive checks and `pack`'s checks. Each
/// rule has one `RuleDescriptor` (id, kind, default severity, summary in English and Hindi,
/// typed parameters, triggering and non-triggering examples). Configuration (known ids and
/// "did you mean"), inline suppressions, reporters (SARIF `rules`), `docs/rules/` and the
/// example test all read this list. `CoreRule`, `SuppressionRule`, `ArchiveRule` and
/// `PackRule` are id namespaces that look their descriptors up here.
public enum RuleRegistry {
    /// The policy rules of every built-in pack (a rule in several packs is listed once).
    public static let policy: [RuleDescriptor] = policyDescriptors(PolicyPack.builtIn)

    /// Every rule, grouped by kind in documentation order.
    public static let all: [RuleDescriptor] = structural + policy + suppression + archive + pack

    private static let index: [String: RuleDescriptor] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The descriptor of a built-in rule.
    public static func descriptor(for id: String) -> RuleDescriptor? { index[id] }

    /// The descriptor of a built-in rule that must exist (the id namespaces use this).
    static func required(_ id: String) -> RuleDescriptor {
        guard let descriptor = index[id] else { preconditionFailure("rule \(id) is not in RuleRegistry") }
        return descriptor
    }

    /// Descriptors of the rule types of `packs`, in pack-name order, each once.
    static func policyDescriptors(_ packs: [String: PolicyPack]) -> [RuleDescriptor] {
        var seen: Set<String> = []
        var result: [RuleDescriptor] = []
        for name in packs.keys.sorted() {
            for type in packs[name]!.rules where seen.insert(type.descriptor.id).inserted {
                var descriptor = type.descriptor
                descriptor.kind = .policy
                result.append(descriptor)
            }
        }
        return result
    }
}
