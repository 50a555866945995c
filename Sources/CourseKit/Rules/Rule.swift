import Foundation

/// A policy rule: a check over the whole loaded catalogue that reports findings under one
/// stable id. Each rule is its own type in its own file under `Rules/Policy/`, with typed
/// parameters read from `RuleOptions` (the rule's entry in `coursekit.yaml`).
public protocol Rule: Sendable {
    /// Id, default severity and summary; the same for every instance.
    static var descriptor: RuleDescriptor { get }
    /// Builds the rule from its configured parameters; a wrong or unknown parameter is a
    /// `ToolError` pointing at the config line.
    init(options: RuleOptions) throws(ToolError)
    /// Looks at the catalogue and returns what it finds, at the rule's default severity.
    func check(_ catalogue: Catalogue) -> [Finding]
}

extension Rule {
    public var descriptor: RuleDescriptor { Self.descriptor }
}


extension Rule {
    /// The parameters are those of the descriptor, declared once with their typed defaults.
    public static var parameters: [RuleParameter] { descriptor.parameters }
}
