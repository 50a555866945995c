/// Finds the translatable fields of a source value: mappings whose keys are all language codes
/// and whose values are text (or lists of text), such as `title: {hi: …, en: …}`.
enum TranslatableFields {
    struct Field {
        var value: LocatedValue
        var object: LocatedObject
    }

    static func isLanguageKey(_ key: String) -> Bool {
        let base = key.split(separator: "-").first.map(String.init) ?? key
        return (2...3).contains(base.count) && base.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    static func fields(in value: LocatedValue) -> [Field] {
        var found: [Field] = []
        collect(value, into: &found)
        return found
    }

    private static func collect(_ value: LocatedValue, into found: inout [Field]) {
        switch value.content {
        case .object(let object):
            let isField = object.count > 0
                && object.entries.allSatisfy { isLanguageKey($0.key) && ($0.value.string != nil || $0.value.array != nil) }
                && object.keys.contains { LanguageNames.known[$0] != nil }
            if isField {
                found.append(Field(value: value, object: object))
            } else {
                object.entries.forEach { collect($0.value, into: &found) }
            }
        case .array(let items):
            items.forEach { collect($0, into: &found) }
        default:
            break
        }
    }

    /// The text of one language entry (lists joined), for script checks.
    static func text(of value: LocatedValue) -> String {
        value.string ?? value.array?.compactMap(\.string).joined(separator: " ") ?? ""
    }
}
