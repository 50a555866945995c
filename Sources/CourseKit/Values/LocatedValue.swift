/// A JSON-model value (what YAML and JSON documents both denote) that remembers where in its
/// source file it was written. The schema evaluator and every rule work on these, so any
/// finding can point at the exact line and column.
public struct LocatedValue: Sendable {
    /// The value itself.
    public indirect enum Content: Sendable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case array([LocatedValue])
        case object(LocatedObject)
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }
}

/// A number as written in the source: its literal text (so `multipleOf` and equality can be
/// exact) and its `Double` value.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    public var literal: String
    public var value: Double

    public init(literal: String, value: Double) {
        self.literal = literal
        self.value = value
    }

    public init(_ value: Double) {
        self.value = value
        self.literal = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    public init(_ value: Int) {
        self.value = Double(value)
        self.literal = String(value)
    }

    /// True when the number has no fractional part (`1.0` counts, as JSON Schema 2020-12 says).
    public var isInteger: Bool { value.isFinite && value == value.rounded(.towardZero) }

    public var description: String { literal }
}

/// An object (mapping) that keeps its keys in source order, with the location of each key.
public struct LocatedObject: Sendable {
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: LocatedValue

        public init(key: String, keyLocation: SourceLocation, value: LocatedValue) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public subscript(key: String) -> LocatedValue? {
        entries.first { $0.key == key }?.value
    }

    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    public var keys: [String] { entries.map(\.key) }
    public var count: Int { entries.count }
}

// MARK: - Convenient accessors

extension LocatedValue {
    public var string: String? {
        if case .string(let text) = content { return text }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let flag) = content { return flag }
        return nil
    }

    public var number: Double? {
        if case .number(let number) = content { return number.value }
        return nil
    }

    public var int: Int? {
        if case .number(let number) = content, number.isInteger, abs(number.value) < 9e15 { return Int(number.value) }
        return nil
    }

    public var array: [LocatedValue]? {
        if case .array(let items) = content { return items }
        return nil
    }

    public var object: LocatedObject? {
        if case .object(let object) = content { return object }
        return nil
    }

    public var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    /// Member lookup for objects; `nil` for anything else.
    public subscript(key: String) -> LocatedValue? {
        object?[key]
    }

    /// The JSON type name used in messages ("string", "object", …).
    public var typeName: String {
        switch content {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

// MARK: - Equality in the JSON sense (locations and key order ignored)

extension LocatedValue {
    /// JSON equality: numbers compare by value (`1 == 1.0`), objects ignore key order,
    /// locations are ignored.
    public func jsonEquals(_ other: LocatedValue) -> Bool {
        switch (content, other.content) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a.value == b.value
        case let (.string(a), .string(b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.jsonEquals($1) }
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            return a.entries.allSatisfy { entry in
                guard let match = b[entry.key] else { return false }
                return entry.value.jsonEquals(match)
            }
        default: return false
        }
    }
}
