/// The properties and items of one instance that a schema evaluated successfully (the
/// annotations `unevaluatedProperties` and `unevaluatedItems` depend on).
struct Annotations {
    var allProperties = false
    var properties: Set<String> = []
    var allItems = false
    /// Items `0..<itemPrefix` were evaluated (by `prefixItems`).
    var itemPrefix = 0
    /// Further evaluated item indices (by `contains`).
    var items: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        if other.allProperties {
            allProperties = true
            properties = []
        } else if !allProperties && !other.properties.isEmpty {
            properties.formUnion(other.properties)
        }
        if other.allItems {
            allItems = true
            items = []
        } else if !allItems {
            itemPrefix = max(itemPrefix, other.itemPrefix)
            if !other.items.isEmpty { items.formUnion(other.items) }
        }
    }

    func isPropertyEvaluated(_ key: String) -> Bool { allProperties || properties.contains(key) }
    func isItemEvaluated(_ index: Int) -> Bool { allItems || index < itemPrefix || items.contains(index) }
}

/// Result of evaluating one schema against one instance.
struct Outcome {
    var valid: Bool
    var annotations: Annotations

    static let passed = Outcome(valid: true, annotations: Annotations())
    static let failed = Outcome(valid: false, annotations: Annotations())
}

/// A violation under construction, with what `anyOf`/`oneOf` need to pick the best alternative.
struct PendingViolation {
    var violation: SchemaViolation
    /// Length of the instance path (how deep in the document the problem is).
    var depth: Int
    /// For `type` failures: the types that were expected.
    var expectedTypes: JSONTypeSet?
}

/// One evaluation of a compiled schema over one document. Carries the dynamic scope (schema
/// resources entered so far, for `$dynamicRef`), the current instance path, and the
/// violations found. A fresh evaluator is made for every `validate` call, so nothing is shared.
struct SchemaEvaluator {
    enum PathToken {
        case key(String)
        case index(Int)
    }

    let program: SchemaProgram
    let nodes: [SchemaNode]
    let maximumDepth: Int
    /// When false (inside `not`, `if`, `contains`, a first pass over alternatives, or for
    /// `isValid`), keywords stop at the first failure and no messages are built.
    var reportErrors: Bool
    var scope: [Int] = []
    var path: [PathToken] = []
    var violations: [PendingViolation] = []
    var depth = 0
    /// Title/description of the innermost schema applied to the current value, for hints.
    var fieldDocumentation: LocalizedText?
    /// Key names each `propertyNames` schema (by node) accepted in this evaluation: a document
    /// repeats the same few keys (`hi`, `en` in every translated field), each judged once.
    var acceptedNames: [Int: Set<String>] = [:]

    init(program: SchemaProgram, maximumDepth: Int, reportErrors: Bool) {
        self.program = program
        self.nodes = program.nodes
        self.maximumDepth = maximumDepth
        self.reportErrors = reportErrors
    }

    // MARK: Evaluation

    /// Evaluates schema `index` against `instance`. With `annotate`, a valid outcome carries
    /// the properties and items this schema evaluated.
    mutating func evaluate(_ index: Int, _ instance: LocatedValue, annotate: Bool) -> Outcome {
        let node = nodes[index]
        let keywords: [SchemaKeyword]
        switch node.body {
        case .constant(true):
            return .passed
        case .constant(false):
            if reportErrors {
                report("false", node: node, at: instance.location, message: SchemaMessages.falseSchema(), schemaKeyword: "")
            }
            return .failed
        case .keywords(let list):
            keywords = list
        }
        guard depth < maximumDepth else {
            if reportErrors {
                report("$ref", node: node, at: instance.location, message: SchemaMessages.tooDeep(maximumDepth), schemaKeyword: "")
            }
            return .failed
        }
        depth += 1
        let entersResource = scope.last != node.resource
        if entersResource { scope.append(node.resource) }
        // The instance path and the field's documentation only serve messages: a silent pass
        // does not keep them (`reportErrors` is the same on entry and on return).
        let reporting = reportErrors
        let savedDocumentation = reporting ? fieldDocumentation : nil
        if reporting, let documentation = node.documentation { fieldDocumentation = documentation }
        defer {
            depth -= 1
            if entersResource { scope.removeLast() }
            if reporting { fieldDocumentation = savedDocumentation }
        }

        let collect = annotate || node.needsAnnotations
        var state = Outcome(valid: true, annotations: Annotations())
        for keyword in keywords {
            apply(keyword, node: node, instance: instance, collect: collect, state: &state)
            if !state.valid && !reportErrors { break }
        }
        if !state.valid || !annotate { state.annotations = Annotations() }
        return state
    }

    private mutating func apply(
        _ keyword: SchemaKeyword, node: SchemaNode, instance: LocatedValue, collect: Bool, state: inout Outcome
    ) {
        switch keyword {
        // Core and in-place applicators (KeywordsCore.swift).
        case .ref(let target):
            applyInPlace(target, instance: instance, collect: collect, state: &state)
        case .dynamicRef(let target, let anchor):
            applyInPlace(resolveDynamic(target, anchor: anchor), instance: instance, collect: collect, state: &state)
        case .allOf(let branches):
            for branch in branches {
                applyInPlace(branch, instance: instance, collect: collect, state: &state)
                if !state.valid && !reportErrors { return }
            }
        case .anyOf(let branches):
            applyAnyOf(branches, node: node, instance: instance, collect: collect, state: &state)
        case .oneOf(let branches):
            applyOneOf(branches, node: node, instance: instance, collect: collect, state: &state)
        case .not(let schema):
            applyNot(schema, node: node, instance: instance, state: &state)
        case .conditional(let condition, let then, let otherwise):
            applyConditional(condition, then: then, else: otherwise, instance: instance, collect: collect, state: &state)
        case .dependentSchemas(let rules):
            guard case .object(let object) = instance.content else { return }
            for rule in rules where object[rule.key] != nil {
                applyInPlace(rule.schema, instance: instance, collect: collect, state: &state)
            }

        // Applicators on members and items (KeywordsApplicator.swift).
        case .objectMembers(let members):
            applyObjectMembers(members, node: node, instance: instance, collect: collect, state: &state)
        case .propertyNames(let schema):
            applyPropertyNames(schema, node: node, instance: instance, state: &state)
        case .arrayItems(let prefix, let rest):
            applyArrayItems(prefix: prefix, rest: rest, node: node, instance: instance, collect: collect, state: &state)
        case .contains(let schema, let minimum, let maximum):
            applyContains(schema, min: minimum, max: maximum, node: node, instance: instance, collect: collect, state: &state)

        // Unevaluated (KeywordsUnevaluated.swift).
        case .unevaluatedItems(let schema):
            applyUnevaluatedItems(schema, node: node, instance: instance, collect: collect, state: &state)
        case .unevaluatedProperties(let schema):
            applyUnevaluatedProperties(schema, node: node, instance: instance, collect: collect, state: &state)

        // Assertions (KeywordsValidation.swift).
        default:
            if !check(keyword, node: node, instance: instance) { state.valid = false }
        }
    }

    /// Evaluates a subschema against the same instance and merges its annotations.
    mutating func applyInPlace(_ schema: Int, instance: LocatedValue, collect: Bool, state: inout Outcome) {
        let outcome = evaluate(schema, instance, annotate: collect)
        if outcome.valid {
            if collect { state.annotations.merge(outcome.annotations) }
        } else {
            state.valid = false
        }
    }

    /// Evaluates a subschema against a member or item of the instance.
    mutating func evaluateChild(_ schema: Int, _ value: LocatedValue, token: @autoclosure () -> PathToken) -> Bool {
        guard reportErrors else { return evaluate(schema, value, annotate: false).valid }
        path.append(token())
        let savedDocumentation = fieldDocumentation
        fieldDocumentation = nil
        let outcome = evaluate(schema, value, annotate: false)
        fieldDocumentation = savedDocumentation
        path.removeLast()
        return outcome.valid
    }

    /// Evaluates a subschema for validity only, with no messages and no annotations.
    mutating func silently(_ schema: Int, _ value: LocatedValue, annotate: Bool = false) -> Outcome {
        let saved = reportErrors
        reportErrors = false
        defer { reportErrors = saved }
        return evaluate(schema, value, annotate: annotate)
    }

    // MARK: Reporting

    static func schemaPath(_ node: SchemaNode, _ keyword: String) -> String {
        keyword.isEmpty ? node.schemaLocation : node.schemaLocation + "/" + keyword
    }

    static func pointer(_ path: [PathToken]) -> String {
        var text = ""
        for token in path {
            switch token {
            case .key(let key): text += "/" + JSONPointer.escape(key)
            case .index(let index): text += "/\(index)"
            }
        }
        return text
    }

    /// Records a violation of `keyword` of `node`. `extra` names a member or item below the
    /// current value when the violation is about it (unknown keys, duplicate items). Without an
    /// explicit hint, the documentation of the field (its schema's title/description) is used.
    /// The schema path is the node's location followed by `schemaKeyword` (default: `keyword`;
    /// empty: the node itself).
    mutating func report(
        _ keyword: String, node: SchemaNode, at location: SourceLocation, extra: PathToken? = nil,
        message: LocalizedText, hint: LocalizedText? = nil, expectedTypes: JSONTypeSet? = nil,
        useFieldDocumentation: Bool = true, schemaKeyword: String? = nil
    ) {
        var instancePath = Self.pointer(path)
        var depth = path.count
        if let extra {
            instancePath += Self.pointer([extra])
            depth += 1
        }
        let hint = hint ?? (useFieldDocumentation ? fieldDocumentation.map(SchemaMessages.aboutField) : nil)
        let violation = SchemaViolation(
            location: location, instancePath: instancePath, keyword: keyword,
            schemaPath: Self.schemaPath(node, schemaKeyword ?? keyword),
            message: message, hint: hint)
        violations.append(PendingViolation(violation: violation, depth: depth, expectedTypes: expectedTypes))
    }
}
