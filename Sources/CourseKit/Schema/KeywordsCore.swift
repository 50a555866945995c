/// `$dynamicRef` resolution and the in-place applicators whose failures need judgement:
/// `anyOf`, `oneOf`, `not`, `if`/`then`/`else`.
extension SchemaEvaluator {
    /// The target of a `$dynamicRef`: the outermost schema resource in the dynamic scope that
    /// declares the `$dynamicAnchor`, else the statically resolved target.
    func resolveDynamic(_ target: Int, anchor: String?) -> Int {
        guard let anchor else { return target }
        for resource in scope {
            if let found = program.resources[resource].dynamicAnchors[anchor] { return found }
        }
        return target
    }

    mutating func applyAnyOf(_ branches: [Int], node: SchemaNode, instance: LocatedValue, collect: Bool, state: inout Outcome) {
        // First pass: validity (and annotations) only; messages are built only if all fail.
        var matched = false
        for branch in branches {
            let outcome = silently(branch, instance, annotate: collect)
            guard outcome.valid else { continue }
            matched = true
            guard collect else { break }
            state.annotations.merge(outcome.annotations)
        }
        guard !matched else { return }
        state.valid = false
        if reportErrors { reportBestAlternative(branches, keyword: "anyOf", node: node, instance: instance) }
    }

    mutating func applyOneOf(_ branches: [Int], node: SchemaNode, instance: LocatedValue, collect: Bool, state: inout Outcome) {
        var matches: [Int] = []
        var annotations = Annotations()
        for (offset, branch) in branches.enumerated() {
            let outcome = silently(branch, instance, annotate: collect)
            guard outcome.valid else { continue }
            matches.append(offset)
            if matches.count == 1 { annotations = outcome.annotations }
            if matches.count > 1 && !reportErrors { break }
        }
        if matches.count == 1 {
            if collect { state.annotations.merge(annotations) }
            return
        }
        state.valid = false
        guard reportErrors else { return }
        if matches.isEmpty {
            reportBestAlternative(branches, keyword: "oneOf", node: node, instance: instance)
        } else {
            report("oneOf", node: node, at: instance.location, message: SchemaMessages.tooManyAlternatives(matches))
        }
    }

    mutating func applyNot(_ schema: Int, node: SchemaNode, instance: LocatedValue, state: inout Outcome) {
        guard silently(schema, instance).valid else { return }
        state.valid = false
        guard reportErrors else { return }
        report(
            "not", node: node, at: instance.location, message: SchemaMessages.not(),
            hint: nodes[schema].documentation.map(SchemaMessages.mustNotBe))
    }

    mutating func applyConditional(
        _ condition: Int, then: Int?, else otherwise: Int?, instance: LocatedValue, collect: Bool, state: inout Outcome
    ) {
        let test = silently(condition, instance, annotate: collect)
        if test.valid {
            if collect { state.annotations.merge(test.annotations) }
            if let then { applyInPlace(then, instance: instance, collect: collect, state: &state) }
        } else if let otherwise {
            applyInPlace(otherwise, instance: instance, collect: collect, state: &state)
        }
    }

    /// Explains why no alternative of `anyOf`/`oneOf` matched without listing every failure of
    /// every alternative: when all of them want another type, one type message names all the
    /// types; otherwise the problems of the most relevant alternative are reported. Relevant
    /// means not ruled out by a discriminator (a wrong `type` of the value itself, or a wrong
    /// `const`/`enum` on it or on one of its keys, such as `kind: video`), then with the fewest
    /// problems.
    mutating func reportBestAlternative(_ branches: [Int], keyword: String, node: SchemaNode, instance: LocatedValue) {
        let here = path.count
        var candidates: [(errors: [PendingViolation], ruledOut: Bool, typeRejection: JSONTypeSet?)] = []
        for branch in branches {
            let mark = violations.count
            _ = evaluate(branch, instance, annotate: false)
            let errors = Array(violations[mark...])
            violations.removeSubrange(mark...)
            var typeRejection: JSONTypeSet?
            var ruledOut = false
            for pending in errors {
                let name = pending.violation.keyword
                if name == "type" && pending.depth == here {
                    typeRejection = (typeRejection ?? []).union(pending.expectedTypes ?? [])
                    ruledOut = true
                } else if name == "false" && pending.depth == here {
                    ruledOut = true
                } else if (name == "const" && pending.depth <= here + 1) || (name == "enum" && pending.depth == here) {
                    ruledOut = true
                }
            }
            candidates.append((errors, ruledOut, typeRejection))
        }
        if !candidates.isEmpty, candidates.allSatisfy({ $0.typeRejection != nil }) {
            let expected = candidates.reduce(JSONTypeSet()) { $0.union($1.typeRejection ?? []) }
            report(
                "type", node: node, at: instance.location, message: SchemaMessages.type(expected: expected, found: instance),
                expectedTypes: expected, schemaKeyword: keyword)
            return
        }
        let viable = candidates.filter { !$0.ruledOut }
        let pool = viable.isEmpty ? candidates : viable
        guard let best = pool.min(by: { $0.errors.count < $1.errors.count }), !best.errors.isEmpty else {
            report(keyword, node: node, at: instance.location, message: SchemaMessages.noAlternative())
            return
        }
        violations.append(contentsOf: best.errors)
    }
}
