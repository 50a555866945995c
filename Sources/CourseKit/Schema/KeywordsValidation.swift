/// Assertions on the value itself (the validation vocabulary, plus `format` when asserted).
/// Each keyword only constrains values of the types it is about; a string keyword ignores a
/// number, and so on.
extension SchemaEvaluator {
    /// Checks one assertion keyword, reporting a violation when it fails.
    mutating func check(_ keyword: SchemaKeyword, node: SchemaNode, instance: LocatedValue) -> Bool {
        switch keyword {
        case .type(let types):
            if types.matches(instance) { return true }
            if reportErrors {
                report(
                    "type", node: node, at: instance.location, message: SchemaMessages.type(expected: types, found: instance),
                    expectedTypes: types)
            }
            return false

        case .constant(let expected):
            if instance.schemaEquals(expected) { return true }
            if reportErrors {
                report(
                    "const", node: node, at: instance.location, message: SchemaMessages.constant(expected),
                    hint: valueSuggestion(instance, among: [expected]))
            }
            return false

        case .enumeration(let allowed):
            if allowed.contains(where: { instance.schemaEquals($0) }) { return true }
            if reportErrors {
                report(
                    "enum", node: node, at: instance.location, message: SchemaMessages.enumeration(instance, allowed: allowed),
                    hint: valueSuggestion(instance, among: allowed))
            }
            return false

        case .bound(let bound):
            guard case .number(let number) = instance.content, !bound.accepts(number.value) else { return true }
            if reportErrors {
                report(bound.kind.rawValue, node: node, at: instance.location, message: SchemaMessages.bound(number, bound))
            }
            return false

        case .multipleOf(let divisor, let exact):
            guard case .number(let number) = instance.content, !Self.isMultiple(number, of: divisor, exact: exact) else { return true }
            if reportErrors {
                report("multipleOf", node: node, at: instance.location, message: SchemaMessages.multipleOf(number, divisor))
            }
            return false

        case .minLength(let limit):
            guard case .string(let text) = instance.content else { return true }
            // A scalar takes one to four UTF-8 bytes: the byte count often decides.
            if text.utf8.count / 4 >= limit { return true }
            let length = text.unicodeScalars.count
            guard length < limit else { return true }
            if reportErrors {
                let message = length == 0 && limit == 1 ? SchemaMessages.emptyText() : SchemaMessages.minLength(length, limit)
                report("minLength", node: node, at: instance.location, message: message)
            }
            return false

        case .maxLength(let limit):
            guard case .string(let text) = instance.content, text.utf8.count > limit else { return true }
            let length = text.unicodeScalars.count
            guard length > limit else { return true }
            if reportErrors {
                report("maxLength", node: node, at: instance.location, message: SchemaMessages.maxLength(length, limit))
            }
            return false

        case .pattern(let pattern):
            guard case .string(let text) = instance.content, !pattern.matches(text) else { return true }
            if reportErrors {
                report("pattern", node: node, at: instance.location, message: SchemaMessages.pattern(text, pattern.explanation))
            }
            return false

        case .format(let format):
            guard case .string(let text) = instance.content, !format.accepts(text) else { return true }
            if reportErrors {
                report("format", node: node, at: instance.location, message: SchemaMessages.format(text, format))
            }
            return false

        case .minItems(let limit):
            guard case .array(let items) = instance.content, items.count < limit else { return true }
            if reportErrors {
                report("minItems", node: node, at: instance.location, message: SchemaMessages.minItems(items.count, limit))
            }
            return false

        case .maxItems(let limit):
            guard case .array(let items) = instance.content, items.count > limit else { return true }
            if reportErrors {
                report("maxItems", node: node, at: instance.location, message: SchemaMessages.maxItems(items.count, limit))
            }
            return false

        case .uniqueItems:
            guard case .array(let items) = instance.content else { return true }
            return checkUnique(items, node: node)

        case .minProperties(let limit):
            guard case .object(let object) = instance.content, object.count < limit else { return true }
            if reportErrors {
                report("minProperties", node: node, at: instance.location, message: SchemaMessages.minProperties(object.count, limit))
            }
            return false

        case .maxProperties(let limit):
            guard case .object(let object) = instance.content, object.count > limit else { return true }
            if reportErrors {
                report("maxProperties", node: node, at: instance.location, message: SchemaMessages.maxProperties(object.count, limit))
            }
            return false

        case .required(let keys):
            guard case .object(let object) = instance.content else { return true }
            var valid = true
            for key in keys where object[key.name] == nil {
                valid = false
                guard reportErrors else { return false }
                report(
                    "required", node: node, at: instance.location, message: SchemaMessages.required(key.name),
                    hint: SchemaMessages.addKey(key.name, documentation: key.documentation))
            }
            return valid

        case .dependentRequired(let rules):
            guard case .object(let object) = instance.content else { return true }
            var valid = true
            for rule in rules where object[rule.key] != nil {
                for key in rule.required where object[key] == nil {
                    valid = false
                    guard reportErrors else { return false }
                    report(
                        "dependentRequired", node: node, at: instance.location,
                        message: SchemaMessages.dependentRequired(key, because: rule.key),
                        hint: SchemaMessages.addKey(key, documentation: nil))
                }
            }
            return valid

        default:
            return true
        }
    }

    /// "did you mean …?" when a text value is a near miss of one of the allowed texts.
    func valueSuggestion(_ instance: LocatedValue, among allowed: [LocatedValue]) -> LocalizedText? {
        guard case .string(let text) = instance.content else { return fieldDocumentation.map(SchemaMessages.aboutField) }
        let texts = allowed.compactMap(\.string)
        guard let suggestion = Suggestions.closest(to: text, among: texts) else {
            return fieldDocumentation.map(SchemaMessages.aboutField)
        }
        return SchemaMessages.didYouMeanValue(LocatedValue(.string(suggestion), at: instance.location))
    }

    /// Exact `multipleOf` from the literal digits when possible, else floating point (a
    /// quotient that overflows means "not a multiple").
    static func isMultiple(_ number: JSONNumber, of divisor: JSONNumber, exact: ExactDecimal?) -> Bool {
        if let exact, let value = ExactDecimal(literal: number.literal), let answer = value.isMultiple(of: exact) {
            return answer
        }
        let quotient = number.value / divisor.value
        guard quotient.isFinite else { return false }
        return quotient == quotient.rounded(.towardZero)
    }

    /// Reports each item equal (in the JSON sense) to an earlier one, at the later item.
    mutating func checkUnique(_ items: [LocatedValue], node: SchemaNode) -> Bool {
        guard items.count > 1 else { return true }
        var buckets: [UniquenessKey: [Int]] = [:]
        var valid = true
        for (offset, item) in items.enumerated() {
            let key = UniquenessKey(item)
            if let earlier = buckets[key]?.first(where: { items[$0].schemaEquals(item) }) {
                valid = false
                guard reportErrors else { return false }
                report(
                    "uniqueItems", node: node, at: item.location, extra: .index(offset),
                    message: SchemaMessages.duplicateItem(of: earlier), useFieldDocumentation: false)
                continue
            }
            buckets[key, default: []].append(offset)
        }
        return valid
    }
}

/// A cheap hashable summary of a value: equal values (in the JSON sense) have equal keys.
private enum UniquenessKey: Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array(Int)
    case object(Int)

    init(_ value: LocatedValue) {
        switch value.content {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .number(number.value == 0 ? 0 : number.value)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.count)
        case .object(let object): self = .object(object.count)
        }
    }
}

extension LocatedValue {
    /// Equality as JSON Schema defines it for `const`, `enum` and `uniqueItems`: like
    /// `jsonEquals` (numbers by value, key order and locations ignored), but texts compare by
    /// their Unicode scalars, so "é" written as one code point differs from "e" plus a
    /// combining accent (Swift's `==` on `String` would call them equal).
    func schemaEquals(_ other: LocatedValue) -> Bool {
        switch (content, other.content) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a.value == b.value
        case let (.string(a), .string(b)): return a.utf8.elementsEqual(b.utf8)
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.schemaEquals($1) }
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            return a.entries.allSatisfy { entry in
                guard let match = b.entries.first(where: { $0.key.utf8.elementsEqual(entry.key.utf8) }) else { return false }
                return entry.value.schemaEquals(match.value)
            }
        default: return false
        }
    }
}
