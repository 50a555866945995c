/// Turns schema documents into a `SchemaProgram`: checks every keyword once (refusing unknown
/// ones when keywords are strict), resolves every `$ref` and `$dynamicRef` to a node index,
/// compiles regular expressions, and orders each schema's keywords for evaluation. Every
/// subschema reachable from the root, including unused `$defs`, is compiled, so a bad keyword
/// anywhere in a schema is reported when it is loaded rather than when some document happens
/// to reach it.
struct SchemaCompiler {
    let registry: SchemaRegistry
    let options: JSONSchema.Options

    private var nodes: [SchemaNode?] = []
    private var indexByAddress: [SchemaAddress: Int] = [:]
    private var resourceIndexByURI: [String: Int] = [:]
    private var resources: [SchemaResource] = []
    private var dialects: [String: Dialect] = [:]

    /// The vocabularies in force for a schema, from its `$schema`.
    struct Dialect {
        var uri: String?
        var vocabularies: Set<SchemaVocabulary>
        var assertsFormat: Bool { vocabularies.contains(.formatAssertion) }
    }

    init(registry: SchemaRegistry, options: JSONSchema.Options) {
        self.registry = registry
        self.options = options
    }

    /// Compiles the schema at `root` and everything it reaches.
    mutating func compileProgram(root: SchemaAddress) throws(SchemaLoadError) -> SchemaProgram {
        let rootIndex = try compile(root)
        return SchemaProgram(nodes: nodes.map { $0! }, resources: resources, root: rootIndex)
    }

    // MARK: Nodes

    private mutating func compile(_ address: SchemaAddress) throws(SchemaLoadError) -> Int {
        if let existing = indexByAddress[address] { return existing }
        guard let value = registry.value(at: address) else {
            throw SchemaLoadError(location: .wholeFile(address.document), message: SchemaMessages.unknownDocument(address.description))
        }
        let index = nodes.count
        nodes.append(nil)
        indexByAddress[address] = index
        let position = registry.position(of: address)
        let resource = try resourceIndex(for: position.base.description)
        switch value.content {
        case .bool(let flag):
            nodes[index] = SchemaNode(
                body: .constant(flag), resource: resource, schemaLocation: address.description,
                location: value.location, documentation: nil)
        case .object(let object):
            let keywords = try compileKeywords(object, at: address, position: position, location: value.location)
            nodes[index] = SchemaNode(
                body: .keywords(keywords), resource: resource, schemaLocation: address.description,
                location: value.location, documentation: Self.documentation(of: object))
        default:
            throw SchemaLoadError(location: value.location, message: SchemaMessages.notASchema())
        }
        return index
    }

    /// The resource of a base URI, created on first use together with its `$dynamicAnchor`
    /// targets (which `$dynamicRef` may jump to whenever the resource is in the dynamic scope).
    private mutating func resourceIndex(for uri: String) throws(SchemaLoadError) -> Int {
        if let existing = resourceIndexByURI[uri] { return existing }
        let index = resources.count
        resources.append(SchemaResource(uri: uri, dynamicAnchors: [:]))
        resourceIndexByURI[uri] = index
        for (name, address) in (registry.dynamicAnchors[uri] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let node = try compile(address)
            resources[index].dynamicAnchors[name] = node
        }
        return index
    }

    /// The field's help text from `title`/`description`, with the Hindi from `titleHi`/
    /// `descriptionHi` (falling back to the English when a schema has no Hindi).
    static func documentation(of object: LocatedObject) -> LocalizedText? {
        func text(_ titleKey: String, _ descriptionKey: String) -> String? {
            let title = object[titleKey]?.string?.trimmingCharacters(in: .whitespacesAndNewlines)
            let description = object[descriptionKey]?.string?.trimmingCharacters(in: .whitespacesAndNewlines)
            switch (title, description) {
            case let (title?, description?) where !title.isEmpty && !description.isEmpty: return "\(title) — \(description)"
            case let (title?, _) where !title.isEmpty: return title
            case let (_, description?) where !description.isEmpty: return description
            default: return nil
            }
        }
        guard let english = text("title", "description") else { return nil }
        return LocalizedText(en: english, hi: text("titleHi", "descriptionHi") ?? english)
    }

    // MARK: Dialects

    private mutating func dialect(_ uri: String?, at location: SourceLocation) throws(SchemaLoadError) -> Dialect {
        guard let uri else { return Dialect(uri: nil, vocabularies: SchemaVocabulary.defaultVocabularies) }
        if let cached = dialects[uri] { return cached }
        var normalized = uri
        if normalized.hasSuffix("#") { normalized.removeLast() }
        if normalized == SchemaVocabulary.draft202012 {
            let dialect = Dialect(uri: uri, vocabularies: SchemaVocabulary.defaultVocabularies)
            dialects[uri] = dialect
            return dialect
        }
        for (other, name) in SchemaVocabulary.otherDrafts
        where normalized == other || normalized.replacingOccurrences(of: "https://", with: "http://") == other {
            throw SchemaLoadError(location: location, message: SchemaMessages.otherDraft(uri, name))
        }
        guard let address = registry.resolve(normalized, against: SchemaRegistry.anonymousBase),
            let metaSchema = registry.value(at: address)?.object
        else {
            throw SchemaLoadError(location: location, message: SchemaMessages.unknownDialect(uri))
        }
        var vocabularies: Set<SchemaVocabulary> = SchemaVocabulary.defaultVocabularies
        if let declared = metaSchema["$vocabulary"]?.object {
            vocabularies = [.core]
            for entry in declared.entries {
                if let vocabulary = SchemaVocabulary(rawValue: entry.key) {
                    vocabularies.insert(vocabulary)
                } else if entry.value.bool == true {
                    throw SchemaLoadError(location: location, message: SchemaMessages.unknownRequiredVocabulary(entry.key))
                }
            }
        }
        let dialect = Dialect(uri: uri, vocabularies: vocabularies)
        dialects[uri] = dialect
        return dialect
    }

    // MARK: Keywords

    private func child(_ address: SchemaAddress, _ tokens: String...) -> SchemaAddress {
        var pointer = address.pointer
        for token in tokens { pointer += "/" + JSONPointer.escape(token) }
        return SchemaAddress(document: address.document, pointer: pointer)
    }

    private func invalid(_ entry: LocatedObject.Entry, en: String, hi: String) -> SchemaLoadError {
        SchemaLoadError(location: entry.value.location, message: SchemaMessages.invalidKeywordValue(entry.key, en: en, hi: hi))
    }

    private func nonNegativeInteger(_ entry: LocatedObject.Entry) throws(SchemaLoadError) -> Int {
        guard case .number(let number) = entry.value.content, number.isInteger, number.value >= 0 else {
            throw invalid(entry, en: "a whole number, 0 or more", hi: "0 या उससे बड़ी पूर्ण संख्या")
        }
        return number.value > Double(Int.max / 2) ? Int.max / 2 : Int(number.value)
    }

    private func number(_ entry: LocatedObject.Entry) throws(SchemaLoadError) -> JSONNumber {
        guard case .number(let number) = entry.value.content else {
            throw invalid(entry, en: "a number", hi: "एक संख्या")
        }
        return number
    }

    private func string(_ entry: LocatedObject.Entry) throws(SchemaLoadError) -> String {
        guard let text = entry.value.string else { throw invalid(entry, en: "text", hi: "पाठ") }
        return text
    }

    private func stringList(_ entry: LocatedObject.Entry) throws(SchemaLoadError) -> [String] {
        guard let items = entry.value.array else {
            throw invalid(entry, en: "a list of texts", hi: "पाठों की सूची")
        }
        var names: [String] = []
        for item in items {
            guard let name = item.string else { throw invalid(entry, en: "a list of texts", hi: "पाठों की सूची") }
            names.append(name)
        }
        return names
    }

    private mutating func schemaList(_ entry: LocatedObject.Entry, at address: SchemaAddress) throws(SchemaLoadError) -> [Int] {
        guard let items = entry.value.array, !items.isEmpty else {
            throw invalid(entry, en: "a non-empty list of schemas", hi: "स्कीमा की एक खाली-रहित सूची")
        }
        var indices: [Int] = []
        for offset in items.indices {
            indices.append(try compile(child(address, entry.key, String(offset))))
        }
        return indices
    }

    private mutating func schemaMap(_ entry: LocatedObject.Entry, at address: SchemaAddress) throws(SchemaLoadError) -> [(key: String, schema: Int)] {
        guard let members = entry.value.object else {
            throw invalid(entry, en: "a group of names and schemas", hi: "नामों और स्कीमा का समूह")
        }
        var result: [(key: String, schema: Int)] = []
        for member in members.entries {
            result.append((member.key, try compile(child(address, entry.key, member.key))))
        }
        return result
    }

    private mutating func pattern(_ source: String, at location: SourceLocation) throws(SchemaLoadError) -> CompiledPattern {
        do {
            return try CompiledPattern(source)
        } catch {
            throw SchemaLoadError(location: location, message: SchemaMessages.invalidPattern(source))
        }
    }

    private mutating func compileKeywords(
        _ object: LocatedObject, at address: SchemaAddress, position: SchemaPosition, location: SourceLocation
    ) throws(SchemaLoadError) -> [SchemaKeyword] {
        let dialect = try dialect(position.dialect, at: object["$schema"]?.location ?? location)

        // Sort every entry into an active keyword or an unknown one.
        var active: [String: LocatedObject.Entry] = [:]
        for entry in object.entries {
            let key = entry.key
            if let vocabulary = SchemaVocabulary.vocabularyOfKeyword[key] {
                let enabled = vocabulary == .core || dialect.vocabularies.contains(vocabulary)
                    || (key == "format" && dialect.assertsFormat)
                if enabled {
                    active[key] = entry
                    continue
                }
                if options.strictKeywords {
                    throw SchemaLoadError(
                        location: entry.keyLocation,
                        message: SchemaMessages.inactiveKeyword(key, dialect: dialect.uri ?? SchemaVocabulary.draft202012),
                        unsupportedKeyword: key)
                }
                continue
            }
            if SchemaVocabulary.extraAnnotations.contains(key) { continue }
            // Unknown keyword. The specification says to ignore it (and it may hold data that is
            // not a schema). coursekit's own schemas refuse it instead, so a misspelt `requird`
            // is not silently ignored; the conformance runner turns this off only for groups
            // that test the ignoring.
            if options.strictKeywords {
                var hint: LocalizedText?
                if let replacement = SchemaVocabulary.renamedKeywords[key] {
                    hint = SchemaMessages.renamedKeyword(replacement)
                } else if let suggestion = Suggestions.closest(to: key, among: SchemaVocabulary.allKeywords) {
                    hint = SchemaMessages.didYouMean(suggestion)
                }
                throw SchemaLoadError(
                    location: entry.keyLocation, message: SchemaMessages.unsupportedKeyword(key), hint: hint,
                    unsupportedKeyword: key)
            }
        }

        var keywords: [SchemaKeyword] = []
        let base = position.base

        // Core.
        for key in ["$schema", "$id", "$anchor", "$dynamicAnchor", "$comment"] {
            if let entry = active[key] { _ = try string(entry) }
        }
        if let entry = active["$vocabulary"], entry.value.object == nil {
            throw invalid(entry, en: "a group of vocabulary URIs and true/false", hi: "vocabulary URI और true/false का समूह")
        }
        if let entry = active["$defs"] { _ = try schemaMap(entry, at: address) }
        if let entry = active["$ref"] {
            let reference = try string(entry)
            guard let target = registry.resolve(reference, against: base) else {
                throw SchemaLoadError(
                    location: entry.value.location,
                    message: SchemaMessages.unresolvedReference(reference, resolved: base.resolving(reference).description))
            }
            keywords.append(.ref(try compile(target)))
        }
        if let entry = active["$dynamicRef"] {
            let reference = try string(entry)
            guard let target = registry.resolve(reference, against: base) else {
                throw SchemaLoadError(
                    location: entry.value.location,
                    message: SchemaMessages.unresolvedReference(reference, resolved: base.resolving(reference).description))
            }
            // Dynamic only when the fragment is an anchor name and the schema it first resolves
            // to declares a `$dynamicAnchor` of that name (the "bookending" rule); otherwise it
            // behaves like `$ref`.
            var anchor: String?
            if let fragment = base.resolving(reference).fragment.map(SchemaURI.percentDecode),
                !fragment.isEmpty, !fragment.hasPrefix("/"),
                registry.value(at: target)?.object?["$dynamicAnchor"]?.string == fragment
            {
                anchor = fragment
            }
            keywords.append(.dynamicRef(try compile(target), anchor: anchor))
        }

        // Validation: any type.
        if let entry = active["type"] {
            var set = JSONTypeSet()
            let names: [String]
            if let single = entry.value.string {
                names = [single]
            } else {
                names = try stringList(entry)
            }
            for name in names {
                guard let type = JSONTypeSet(name: name) else {
                    throw invalid(
                        entry, en: "one of null, boolean, object, array, number, integer, string",
                        hi: "null, boolean, object, array, number, integer, string में से एक")
                }
                set.insert(type)
            }
            keywords.append(.type(set))
        }
        if let entry = active["const"] { keywords.append(.constant(entry.value)) }
        if let entry = active["enum"] {
            guard let values = entry.value.array else { throw invalid(entry, en: "a list of values", hi: "मानों की सूची") }
            keywords.append(.enumeration(values))
        }

        // Validation: numbers.
        for kind in [NumberBound.Kind.minimum, .exclusiveMinimum, .maximum, .exclusiveMaximum] {
            if let entry = active[kind.rawValue] {
                keywords.append(.bound(NumberBound(kind: kind, limit: try number(entry))))
            }
        }
        if let entry = active["multipleOf"] {
            let divisor = try number(entry)
            guard divisor.value > 0 else { throw invalid(entry, en: "a number greater than 0", hi: "0 से बड़ी संख्या") }
            keywords.append(.multipleOf(divisor, ExactDecimal(literal: divisor.literal)))
        }

        // Validation: strings.
        if let entry = active["minLength"] { keywords.append(.minLength(try nonNegativeInteger(entry))) }
        if let entry = active["maxLength"] { keywords.append(.maxLength(try nonNegativeInteger(entry))) }
        if let entry = active["pattern"] {
            let compiled = try pattern(try string(entry), at: entry.value.location)
            if let english = object["patternDescription"]?.string {
                compiled.explanation = LocalizedText(en: english, hi: object["patternDescriptionHi"]?.string ?? english)
            }
            keywords.append(.pattern(compiled))
        }
        if let entry = active["format"] {
            let name = try string(entry)
            if options.assertFormat || dialect.assertsFormat {
                if let checker = FormatChecker(rawValue: name) {
                    keywords.append(.format(checker))
                } else if options.strictKeywords {
                    throw SchemaLoadError(location: entry.value.location, message: SchemaMessages.unsupportedFormat(name))
                }
            }
        }

        // Validation: arrays and objects.
        if let entry = active["minItems"] { keywords.append(.minItems(try nonNegativeInteger(entry))) }
        if let entry = active["maxItems"] { keywords.append(.maxItems(try nonNegativeInteger(entry))) }
        if let entry = active["uniqueItems"] {
            guard let flag = entry.value.bool else { throw invalid(entry, en: "true or false", hi: "true या false") }
            if flag { keywords.append(.uniqueItems) }
        }
        if let entry = active["minProperties"] { keywords.append(.minProperties(try nonNegativeInteger(entry))) }
        if let entry = active["maxProperties"] { keywords.append(.maxProperties(try nonNegativeInteger(entry))) }
        if let entry = active["required"] {
            let declared = active["properties"]?.value.object
            let keys = try stringList(entry).map { name in
                RequiredKey(name: name, documentation: declared?[name]?.object.flatMap(Self.documentation(of:)))
            }
            if !keys.isEmpty { keywords.append(.required(keys)) }
        }
        if let entry = active["dependentRequired"] {
            guard let members = entry.value.object else {
                throw invalid(entry, en: "a group of keys and lists of keys", hi: "कुंजियों और कुंजी-सूचियों का समूह")
            }
            var rules: [(key: String, required: [String])] = []
            for member in members.entries {
                rules.append((member.key, try stringList(member)))
            }
            keywords.append(.dependentRequired(rules))
        }

        // Applicators on object members.
        if let entry = active["propertyNames"] {
            keywords.append(.propertyNames(try compile(child(address, entry.key))))
        }
        var members = ObjectMembers(properties: [:], declaredNames: [], patterns: [], additional: nil)
        var hasMembers = false
        if let entry = active["properties"] {
            hasMembers = true
            for (key, schema) in try schemaMap(entry, at: address) {
                members.properties[key] = schema
                members.declaredNames.append(key)
            }
        }
        if let entry = active["patternProperties"] {
            hasMembers = true
            guard let patterns = entry.value.object else {
                throw invalid(entry, en: "a group of patterns and schemas", hi: "पैटर्न और स्कीमा का समूह")
            }
            for member in patterns.entries {
                let compiled = try pattern(member.key, at: member.keyLocation)
                members.patterns.append((compiled, try compile(child(address, entry.key, member.key))))
            }
        }
        if let entry = active["additionalProperties"] {
            hasMembers = true
            members.additional = try compile(child(address, entry.key))
        }
        if hasMembers { keywords.append(.objectMembers(members)) }
        if let entry = active["dependentSchemas"] {
            keywords.append(.dependentSchemas(try schemaMap(entry, at: address)))
        }

        // Applicators on array items.
        var prefix: [Int] = []
        if let entry = active["prefixItems"] { prefix = try schemaList(entry, at: address) }
        var rest: Int?
        if let entry = active["items"] { rest = try compile(child(address, entry.key)) }
        if !prefix.isEmpty || rest != nil { keywords.append(.arrayItems(prefix: prefix, rest: rest)) }
        let minContains = try active["minContains"].map { (entry) throws(SchemaLoadError) in try nonNegativeInteger(entry) }
        let maxContains = try active["maxContains"].map { (entry) throws(SchemaLoadError) in try nonNegativeInteger(entry) }
        if let entry = active["contains"] {
            keywords.append(.contains(try compile(child(address, entry.key)), min: minContains ?? 1, max: maxContains))
        }

        // In-place applicators.
        if let entry = active["allOf"] { keywords.append(.allOf(try schemaList(entry, at: address))) }
        if let entry = active["anyOf"] { keywords.append(.anyOf(try schemaList(entry, at: address))) }
        if let entry = active["oneOf"] { keywords.append(.oneOf(try schemaList(entry, at: address))) }
        if let entry = active["not"] { keywords.append(.not(try compile(child(address, entry.key)))) }
        let thenSchema = try active["then"].map { (entry) throws(SchemaLoadError) in try compile(child(address, entry.key)) }
        let elseSchema = try active["else"].map { (entry) throws(SchemaLoadError) in try compile(child(address, entry.key)) }
        if let entry = active["if"] {
            keywords.append(.conditional(if: try compile(child(address, entry.key)), then: thenSchema, else: elseSchema))
        }

        // Content: contentSchema is an annotation; compiled only so strictness applies to it.
        if let entry = active["contentSchema"] { _ = try compile(child(address, entry.key)) }

        // Unevaluated: always last, after every annotation of this schema is known.
        if let entry = active["unevaluatedItems"] { keywords.append(.unevaluatedItems(try compile(child(address, entry.key)))) }
        if let entry = active["unevaluatedProperties"] {
            keywords.append(.unevaluatedProperties(try compile(child(address, entry.key))))
        }
        return keywords
    }
}

import Foundation
