/// A policy rule: a check over the whole loaded catalogue that reports findings under one
/// stable id. Each rule lives in its own file under `Rules/`.
public protocol Rule: Sendable {
    var descriptor: RuleDescriptor { get }
    /// Looks at the catalogue and returns what it finds, at the rule's default severity.
    func check(_ catalogue: Catalogue) -> [Finding]
}
