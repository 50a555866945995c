/// Applicators that descend into object members and array items: `properties`,
/// `patternProperties`, `additionalProperties`, `propertyNames`, `prefixItems`, `items`,
/// `contains` (with `minContains`/`maxContains`).
extension SchemaEvaluator {
    mutating func applyObjectMembers(
        _ members: ObjectMembers, node: SchemaNode, instance: LocatedValue, collect: Bool, state: inout Outcome
    ) {
        guard case .object(let object) = instance.content else { return }
        for entry in object.entries {
            var matched = false
            if let schema = members.properties[entry.key] {
                matched = true
                if !evaluateMember(schema, entry, keyword: "properties", node: node, object: object, candidates: []) {
                    state.valid = false
                    if !reportErrors { return }
                }
            }
            for (pattern, schema) in members.patterns where pattern.matches(entry.key) {
                matched = true
                if !evaluateMember(schema, entry, keyword: "patternProperties", node: node, object: object, candidates: []) {
                    state.valid = false
                    if !reportErrors { return }
                }
            }
            if !matched, let additional = members.additional {
                matched = true
                if !evaluateMember(
                    additional, entry, keyword: "additionalProperties", node: node, object: object,
                    candidates: members.declaredNames)
                {
                    state.valid = false
                    if !reportErrors { return }
                }
            }
            if matched && collect { state.annotations.properties.insert(entry.key) }
        }
    }

    /// Evaluates one member's value. A `false` schema means the key itself may not be there;
    /// that is reported at the key, as an unknown key (with a "did you mean" among
    /// `candidates`) for `additionalProperties`, else as a forbidden key.
    mutating func evaluateMember(
        _ schema: Int, _ entry: LocatedObject.Entry, keyword: String, node: SchemaNode, object: LocatedObject,
        candidates: [String]
    ) -> Bool {
        guard nodes[schema].isFalse else {
            return evaluateChild(schema, entry.value, token: .key(entry.key))
        }
        guard reportErrors else { return false }
        if keyword == "additionalProperties" || keyword == "unevaluatedProperties" {
            report(
                keyword, node: node, at: entry.keyLocation, extra: .key(entry.key),
                message: SchemaMessages.unknownKey(entry.key),
                hint: unknownKeyHint(entry.key, candidates: candidates, object: object))
        } else {
            report(
                keyword, node: node, at: entry.keyLocation, extra: .key(entry.key),
                message: SchemaMessages.forbiddenKey(entry.key), useFieldDocumentation: false)
        }
        return false
    }

    /// "did you mean 'title'?" for a near miss among the declared keys not already present,
    /// else the list of keys allowed here.
    /// Costs O(candidates), not O(keys in the object): 50,000 unknown keys in one mapping were
    /// quadratic when each built the set of present keys.
    func unknownKeyHint(_ key: String, candidates: [String], object: LocatedObject) -> LocalizedText {
        // Candidates are the schema's declared names (a few dozen); look each up once in a set
        // of the object's keys only when the object is large.
        let absent: [String]
        if object.count <= 32 {
            absent = candidates.filter { object[$0] == nil }
        } else {
            let wanted = Set(candidates)
            var present: Set<String> = []
            for entry in object.entries where wanted.contains(entry.key) { present.insert(entry.key) }
            absent = candidates.filter { !present.contains($0) }
        }
        if let suggestion = Suggestions.closest(to: key, among: absent) {
            return SchemaMessages.didYouMean(suggestion)
        }
        if let suggestion = Suggestions.closest(to: key, among: candidates) {
            return SchemaMessages.didYouMean(suggestion)
        }
        if candidates.isEmpty { return SchemaMessages.noKeysAllowed() }
        return SchemaMessages.allowedKeys(candidates)
    }

    mutating func applyPropertyNames(_ schema: Int, node: SchemaNode, instance: LocatedValue, state: inout Outcome) {
        guard case .object(let object) = instance.content else { return }
        for entry in object.entries {
            if nodes[schema].isFalse {
                state.valid = false
                guard reportErrors else { return }
                report(
                    "propertyNames", node: node, at: entry.keyLocation, extra: .key(entry.key),
                    message: SchemaMessages.forbiddenKey(entry.key), useFieldDocumentation: false)
                continue
            }
            if acceptedNames[schema]?.contains(entry.key) == true { continue }
            let mark = violations.count
            if evaluateChild(schema, LocatedValue(.string(entry.key), at: entry.keyLocation), token: .key(entry.key)) {
                // A string's verdict depends on nothing else, unless `$dynamicRef` could reach
                // another schema from another scope.
                if !program.hasDynamicAnchors { acceptedNames[schema, default: []].insert(entry.key) }
                continue
            }
            state.valid = false
            guard reportErrors else { return }
            // Say that it is the key's name that is wrong, not its value.
            for offset in mark..<violations.count {
                violations[offset].violation.message = SchemaMessages.keyName(entry.key, violations[offset].violation.message)
                violations[offset].violation.keyword = "propertyNames"
            }
        }
    }

    mutating func applyArrayItems(
        prefix: [Int], rest: Int?, node: SchemaNode, instance: LocatedValue, collect: Bool, state: inout Outcome
    ) {
        guard case .array(let items) = instance.content else { return }
        for (offset, item) in items.enumerated() {
            if offset < prefix.count {
                if !evaluateChild(prefix[offset], item, token: .index(offset)) {
                    state.valid = false
                    if !reportErrors { return }
                }
            } else if let rest {
                if nodes[rest].isFalse {
                    state.valid = false
                    if reportErrors {
                        report(
                            "items", node: node, at: item.location, extra: .index(offset),
                            message: SchemaMessages.extraItem(offset, allowed: prefix.count), useFieldDocumentation: false)
                    }
                    // One message for the first extra item is enough.
                    break
                }
                if !evaluateChild(rest, item, token: .index(offset)) {
                    state.valid = false
                    if !reportErrors { return }
                }
            } else {
                break
            }
        }
        if collect {
            if rest != nil {
                state.annotations.allItems = true
            } else {
                state.annotations.itemPrefix = max(state.annotations.itemPrefix, min(items.count, prefix.count))
            }
        }
    }

    mutating func applyContains(
        _ schema: Int, min minimum: Int, max maximum: Int?, node: SchemaNode, instance: LocatedValue, collect: Bool,
        state: inout Outcome
    ) {
        guard case .array(let items) = instance.content else { return }
        var count = 0
        for (offset, item) in items.enumerated() where silently(schema, item).valid {
            count += 1
            if collect { state.annotations.items.insert(offset) }
        }
        if count < minimum {
            state.valid = false
            if reportErrors {
                let message = count == 0 && minimum == 1 ? SchemaMessages.containsNone() : SchemaMessages.containsTooFew(count, minimum)
                report(
                    minimum == 1 ? "contains" : "minContains", node: node, at: instance.location, message: message,
                    hint: nodes[schema].documentation.map(SchemaMessages.requiredKind))
            }
        }
        if let maximum, count > maximum {
            state.valid = false
            if reportErrors {
                report(
                    "maxContains", node: node, at: instance.location, message: SchemaMessages.containsTooMany(count, maximum),
                    hint: nodes[schema].documentation.map(SchemaMessages.requiredKind))
            }
        }
    }
}
