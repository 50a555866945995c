import Foundation

/// The compiled form of a schema and everything it references: a flat table of nodes that
/// refer to one another by index (so recursive schemas need no reference cycles), built once
/// and only read afterwards, which makes it safe to share between concurrent validations.
final class SchemaProgram: Sendable {
    let nodes: [SchemaNode]
    let resources: [SchemaResource]
    let root: Int
    /// Whether any resource declares a `$dynamicAnchor`: only then can a subschema's verdict on
    /// the same value depend on the dynamic scope it is reached in.
    let hasDynamicAnchors: Bool

    init(nodes: [SchemaNode], resources: [SchemaResource], root: Int) {
        self.nodes = nodes
        self.resources = resources
        self.root = root
        hasDynamicAnchors = resources.contains { !$0.dynamicAnchors.isEmpty }
    }
}

/// A schema resource (a document root or a subschema with `$id`), as needed by `$dynamicRef`:
/// its base URI and the nodes of its `$dynamicAnchor`s.
struct SchemaResource: Sendable {
    var uri: String
    var dynamicAnchors: [String: Int]
}

/// One compiled (sub)schema.
final class SchemaNode: Sendable {
    enum Body: Sendable {
        /// `true` or `false`.
        case constant(Bool)
        /// A schema object, reduced to the keywords that do something, in evaluation order.
        case keywords([SchemaKeyword])
    }

    let body: Body
    /// Index of the schema resource this node belongs to (for the dynamic scope).
    let resource: Int
    /// `document#pointer` of this schema, the prefix of every violation's `schemaPath`.
    let schemaLocation: String
    /// Where this schema is written.
    let location: SourceLocation
    /// The schema's `title` and `description`, joined, shown in hints about the value it checks.
    let documentation: LocalizedText?
    /// Whether this node has `unevaluatedProperties` or `unevaluatedItems`, so its in-place
    /// subschemas must report which properties and items they evaluated.
    let needsAnnotations: Bool

    init(body: Body, resource: Int, schemaLocation: String, location: SourceLocation, documentation: LocalizedText?) {
        self.body = body
        self.resource = resource
        self.schemaLocation = schemaLocation
        self.location = location
        self.documentation = documentation
        if case .keywords(let keywords) = body {
            needsAnnotations = keywords.contains {
                switch $0 {
                case .unevaluatedItems, .unevaluatedProperties: true
                default: false
                }
            }
        } else {
            needsAnnotations = false
        }
    }

    var isFalse: Bool {
        if case .constant(false) = body { return true }
        return false
    }
}

/// A compiled keyword (or a group of keywords that work together, such as `properties`,
/// `patternProperties` and `additionalProperties`).
enum SchemaKeyword: Sendable {
    case ref(Int)
    /// `$dynamicRef`: the statically resolved target, and the anchor name to look up in the
    /// dynamic scope when the target carries a matching `$dynamicAnchor` (else plain `$ref`).
    case dynamicRef(Int, anchor: String?)
    case type(JSONTypeSet)
    case constant(LocatedValue)
    case enumeration([LocatedValue])
    case bound(NumberBound)
    case multipleOf(JSONNumber, ExactDecimal?)
    case minLength(Int)
    case maxLength(Int)
    case pattern(CompiledPattern)
    case format(FormatChecker)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case minProperties(Int)
    case maxProperties(Int)
    /// Required keys, each with the documentation of its property schema (for the hint).
    case required([RequiredKey])
    case dependentRequired([(key: String, required: [String])])
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case dependentSchemas([(key: String, schema: Int)])
    case objectMembers(ObjectMembers)
    case propertyNames(Int)
    case arrayItems(prefix: [Int], rest: Int?)
    case contains(Int, min: Int, max: Int?)
    case unevaluatedItems(Int)
    case unevaluatedProperties(Int)
}

struct RequiredKey: Sendable {
    var name: String
    var documentation: LocalizedText?
}

/// `properties`, `patternProperties` and `additionalProperties` of one schema.
struct ObjectMembers: Sendable {
    var properties: [String: Int]
    /// Declared property names in schema order (for suggestions and "allowed keys" hints).
    var declaredNames: [String]
    var patterns: [(pattern: CompiledPattern, schema: Int)]
    var additional: Int?
}

/// `minimum`, `maximum`, `exclusiveMinimum` or `exclusiveMaximum`.
struct NumberBound: Sendable {
    enum Kind: String, Sendable {
        case minimum, maximum, exclusiveMinimum, exclusiveMaximum
    }

    var kind: Kind
    var limit: JSONNumber

    func accepts(_ value: Double) -> Bool {
        switch kind {
        case .minimum: value >= limit.value
        case .maximum: value <= limit.value
        case .exclusiveMinimum: value > limit.value
        case .exclusiveMaximum: value < limit.value
        }
    }
}

/// The JSON types a `type` keyword allows.
struct JSONTypeSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let null = JSONTypeSet(rawValue: 1 << 0)
    static let boolean = JSONTypeSet(rawValue: 1 << 1)
    static let object = JSONTypeSet(rawValue: 1 << 2)
    static let array = JSONTypeSet(rawValue: 1 << 3)
    static let number = JSONTypeSet(rawValue: 1 << 4)
    static let integer = JSONTypeSet(rawValue: 1 << 5)
    static let string = JSONTypeSet(rawValue: 1 << 6)

    static let names: [(String, JSONTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("integer", .integer), ("string", .string),
    ]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        guard let match = Self.names.first(where: { $0.0 == name }) else { return nil }
        self = match.1
    }

    func matches(_ value: LocatedValue) -> Bool {
        switch value.content {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .object: contains(.object)
        case .array: contains(.array)
        case .string: contains(.string)
        case .number(let number): contains(.number) || (contains(.integer) && number.isInteger)
        }
    }

    /// The members, in the order messages list them.
    var members: [JSONTypeSet] {
        [.string, .number, .integer, .boolean, .object, .array, .null].filter { contains($0) && !($0 == .integer && contains(.number)) }
    }
}

/// A regular expression compiled once. `NSRegularExpression` is immutable and documented as
/// safe to use from several threads at once, hence `@unchecked Sendable`.
final class CompiledPattern: @unchecked Sendable {
    let source: String
    /// What a matching value looks like, for authors (`patternDescription`/`patternDescriptionHi`).
    var explanation: LocalizedText?
    private let regex: NSRegularExpression

    init(_ source: String, explanation: LocalizedText? = nil) throws {
        self.source = source
        self.explanation = explanation
        self.regex = try NSRegularExpression(pattern: SchemaPatternTranslation.icuPattern(for: source), options: [])
    }

    /// Whether the pattern matches anywhere in `text` (JSON Schema patterns are not anchored).
    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
    }
}

/// Adjusts ECMA-262 regular expressions to ICU's dialect where the two differ in ways that
/// matter for schemas.
enum SchemaPatternTranslation {
    /// Rewrites the constructs whose meaning differs: ECMA-262 `$` (no `m` flag) matches only
    /// at the very end, ICU's also before a final line break, so it becomes `\z`; ECMA-262
    /// `\d` and `\w` are ASCII-only, ICU's match any script's digits and letters, so they
    /// become explicit ASCII classes (a Bengali "২" is not a digit to a schema); ECMA-262 `\\s`
    /// also matches U+FEFF.
    static func icuPattern(for pattern: String) -> String {
        var result = ""
        var escaped = false
        var inClass = false
        for character in pattern {
            if escaped {
                escaped = false
                switch character {
                case "d": result += inClass ? "0-9" : "[0-9]"
                case "D" where !inClass: result += "[^0-9]"
                case "w": result += inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"
                case "W" where !inClass: result += "[^A-Za-z0-9_]"
                // ECMA-262 white space includes U+FEFF (zero-width no-break space); ICU's does not.
                case "s": result += inClass ? "\\s\\x{FEFF}" : "[\\s\\x{FEFF}]"
                case "S" where !inClass: result += "[^\\s\\x{FEFF}]"
                default:
                    result.append("\\")
                    result.append(character)
                }
                continue
            }
            switch character {
            case "\\":
                escaped = true
            case "[":
                inClass = true
                result.append(character)
            case "]":
                inClass = false
                result.append(character)
            case "$" where !inClass:
                result += "\\z"
            default:
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }
}

/// A decimal number as an integer significand and a power-of-ten exponent, read from a number's
/// literal text, so `multipleOf` can be decided exactly (0.0075 is a multiple of 0.0001).
struct ExactDecimal: Sendable, Hashable {
    var significand: [UInt8]  // decimal digits, most significant first, no leading zeros
    var exponent: Int

    init?(literal: String) {
        var digits: [UInt8] = []
        var exponent = 0
        var seenPoint = false
        var iterator = literal.utf8.makeIterator()
        var sawDigit = false
        if literal.hasPrefix("-") || literal.hasPrefix("+") { _ = iterator.next() }
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte - UInt8(ascii: "0")) }
                if seenPoint { exponent -= 1 }
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                var rest = ""
                while let next = iterator.next() { rest.append(Character(Unicode.Scalar(next))) }
                guard let power = Int(rest.hasPrefix("+") ? String(rest.dropFirst()) : rest), abs(power) < 100_000 else { return nil }
                exponent += power
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        // Drop trailing zeros of the significand into the exponent.
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        self.significand = digits
        self.exponent = exponent
    }

    var isZero: Bool { significand.isEmpty }

    /// Whether `self` is an integer multiple of `divisor` (both taken as absolute values).
    /// `nil` when a significand has more than 38 digits (then floating point decides).
    func isMultiple(of divisor: ExactDecimal) -> Bool? {
        if isZero { return true }
        if divisor.isZero { return nil }
        guard let dividendDigits = Self.integer(significand), let divisorDigits = Self.integer(divisor.significand) else { return nil }
        if exponent >= divisor.exponent {
            // self = a·10^k·10^e and divisor = b·10^e: a·10^k mod b, by modular arithmetic.
            var remainder = dividendDigits % divisorDigits
            var power: UInt128 = 10 % divisorDigits
            var k = exponent - divisor.exponent
            while k > 0 && remainder != 0 {
                if k & 1 == 1 { remainder = Self.multiplyModulo(remainder, power, divisorDigits) }
                power = Self.multiplyModulo(power, power, divisorDigits)
                k >>= 1
            }
            return remainder == 0
        }
        // self = a·10^e and divisor = b·10^k·10^e with k > 0: a must be a multiple of b·10^k.
        let k = divisor.exponent - exponent
        guard divisor.significand.count + k <= significand.count else { return false }
        guard let scaledDivisor = Self.integer(divisor.significand + [UInt8](repeating: 0, count: k)) else { return nil }
        return dividendDigits % scaledDivisor == 0
    }

    private static func integer(_ digits: [UInt8]) -> UInt128? {
        guard digits.count <= 38 else { return nil }
        var value: UInt128 = 0
        for digit in digits {
            value = value * 10 + UInt128(digit)
        }
        return value
    }

    private static func multiplyModulo(_ a: UInt128, _ b: UInt128, _ modulus: UInt128) -> UInt128 {
        let product = a.multipliedFullWidth(by: b)
        return modulus.dividingFullWidth(product).remainder
    }
}
