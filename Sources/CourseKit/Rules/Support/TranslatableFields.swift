/// Finds the translatable fields of a source value: mappings whose keys are all language codes
/// and whose values are text (or lists of text), such as `title: {hi: …, en: …}`.
enum TranslatableFields {
    struct Field: Sendable {
        var value: LocatedValue
        var object: LocatedObject
    }

    /// Two or three ASCII lower-case letters before any `-` (`hi`, `mai`, `en-IN`); read as
    /// UTF-8 bytes (every key of every source file comes here).
    static func isLanguageKey(_ key: String) -> Bool {
        var bytes = key.utf8[...]
        while bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let base = bytes.prefix { $0 != UInt8(ascii: "-") }
        return (2...3).contains(base.count) && base.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
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
