/// `unevaluatedItems` and `unevaluatedProperties`: they apply to the items and members that no
/// other keyword of the same schema, nor any in-place subschema that passed (`allOf`, `anyOf`,
/// `oneOf`, `$ref`, `$dynamicRef`, `if`/`then`/`else`, `dependentSchemas`), evaluated. Those
/// annotations are what `state.annotations` holds when these keywords, always compiled last,
/// run.
extension SchemaEvaluator {
    mutating func applyUnevaluatedItems(
        _ schema: Int, node: SchemaNode, instance: LocatedValue, collect: Bool, state: inout Outcome
    ) {
        guard case .array(let items) = instance.content else { return }
        let evaluated = state.annotations
        let earlierFailure = !state.valid
        for (offset, item) in items.enumerated() where !evaluated.isItemEvaluated(offset) {
            if nodes[schema].isFalse {
                state.valid = false
                // After another keyword failed, its items were not counted as evaluated; saying
                // they are not allowed would only confuse.
                if reportErrors && !earlierFailure {
                    report(
                        "unevaluatedItems", node: node, at: item.location, extra: .index(offset),
                        message: SchemaMessages.unexpectedItem(offset), useFieldDocumentation: false)
                }
                break
            }
            if !evaluateChild(schema, item, token: .index(offset)) {
                state.valid = false
                if !reportErrors { return }
            }
        }
        if collect { state.annotations.allItems = true }
    }

    mutating func applyUnevaluatedProperties(
        _ schema: Int, node: SchemaNode, instance: LocatedValue, collect: Bool, state: inout Outcome
    ) {
        guard case .object(let object) = instance.content else { return }
        let evaluated = state.annotations
        let earlierFailure = !state.valid
        var declared: [String]?
        for entry in object.entries where !evaluated.isPropertyEvaluated(entry.key) {
            if nodes[schema].isFalse {
                state.valid = false
                guard reportErrors else { return }
                let names = declared ?? declaredPropertyNames(from: node)
                declared = names
                // After another keyword failed, the members it declares were not counted as
                // evaluated; only keys declared nowhere are reported as unknown then.
                if earlierFailure && names.contains(entry.key) { continue }
                report(
                    "unevaluatedProperties", node: node, at: entry.keyLocation, extra: .key(entry.key),
                    message: SchemaMessages.unknownKey(entry.key),
                    hint: unknownKeyHint(entry.key, candidates: names, object: object))
                continue
            }
            if !evaluateChild(schema, entry.value, token: .key(entry.key)) {
                state.valid = false
                if !reportErrors { return }
            }
        }
        if collect { state.annotations.allProperties = true }
    }

    /// The property names declared by `node` and its in-place subschemas (followed through
    /// references), in schema order: the keys a user may have meant. Only computed for messages.
    func declaredPropertyNames(from node: SchemaNode) -> [String] {
        var names: [String] = []
        var seenNames = Set<String>()
        var visited = Set<ObjectIdentifier>()
        var stack: [SchemaNode] = [node]
        while let current = stack.popLast() {
            guard visited.insert(ObjectIdentifier(current)).inserted, case .keywords(let keywords) = current.body else { continue }
            var children: [Int] = []
            for keyword in keywords {
                switch keyword {
                case .objectMembers(let members):
                    for name in members.declaredNames where seenNames.insert(name).inserted { names.append(name) }
                case .ref(let target), .dynamicRef(let target, _):
                    children.append(target)
                case .allOf(let branches), .anyOf(let branches), .oneOf(let branches):
                    children.append(contentsOf: branches)
                case .conditional(let condition, let then, let otherwise):
                    children.append(condition)
                    if let then { children.append(then) }
                    if let otherwise { children.append(otherwise) }
                case .dependentSchemas(let rules):
                    children.append(contentsOf: rules.map(\.schema))
                default:
                    break
                }
            }
            // Reverse so that the first subschema is visited first.
            stack.append(contentsOf: children.reversed().map { nodes[$0] })
        }
        return names
    }
}
