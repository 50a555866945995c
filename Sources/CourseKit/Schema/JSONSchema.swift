/// A compiled JSON Schema (draft 2020-12) that checks located YAML or JSON values and explains
/// every problem in English and Hindi, pointing at the line and column it comes from.
///
/// Compile once, validate many times: compiling checks and indexes the whole schema (and every
/// schema it references through the registry), so a `JSONSchema` is cheap to evaluate, holds
/// no mutable state, and can be shared by concurrent tasks.
///
/// ```swift
/// var registry = SchemaRegistry()
/// try registry.register(common, uri: "https://coursekit.example/schemas/common.schema.json")
/// let schema = try JSONSchema(course, uri: "https://coursekit.example/schemas/course.schema.json", registry: registry)
/// for violation in schema.validate(document) { print(violation.location, violation.message.en) }
/// ```
public struct JSONSchema: Sendable {
    /// How strictly a schema is read and how much is checked.
    public struct Options: Sendable, Hashable {
        /// Refuse (throw `SchemaLoadError`) any keyword coursekit does not implement, instead of
        /// ignoring it as the specification would. On by default, so that a misspelt keyword in
        /// one of our own schemas (`requird`) can never silently switch a check off. The JSON
        /// Schema Test Suite runner turns it off only for test groups that check that unknown
        /// keywords are ignored.
        public var strictKeywords: Bool
        /// Treat `format` as an assertion (the specification's default is an annotation only).
        /// Checkable formats: date, time, date-time, duration, email, uri, uri-reference, ipv4,
        /// ipv6, uuid. With `strictKeywords`, any other format is refused rather than silently
        /// left unchecked.
        public var assertFormat: Bool
        /// Deepest nesting of schema evaluation (guards against schemas that recurse forever).
        public var maximumDepth: Int

        public init(strictKeywords: Bool = true, assertFormat: Bool = false, maximumDepth: Int = 500) {
            self.strictKeywords = strictKeywords
            self.assertFormat = assertFormat
            self.maximumDepth = maximumDepth
        }
    }

    let program: SchemaProgram
    /// The options the schema was compiled with.
    public let options: Options

    /// URI given to a schema compiled without one.
    static let defaultURI = "coursekit:///schema.json"

    /// Compiles `document` as a schema. `uri` is the address the document is known by (its
    /// relative `$ref`s resolve against it, unless it declares an `$id`); documents it refers
    /// to must be in `registry`. If `registry` already holds a document under `uri`, this
    /// document replaces it.
    public init(
        _ document: LocatedValue, uri: String? = nil, registry: SchemaRegistry = .init(), options: Options = .init()
    ) throws(SchemaLoadError) {
        var registry = registry
        let key = SchemaRegistry.normalizedDocumentURI(uri ?? Self.defaultURI)
        try registry.register(document, uri: key, replacing: true)
        var compiler = SchemaCompiler(registry: registry, options: options)
        self.program = try compiler.compileProgram(root: SchemaAddress(document: key, pointer: ""))
        self.options = options
    }

    /// Compiles the document already registered under `uri`.
    public init(registeredURI uri: String, registry: SchemaRegistry, options: Options = .init()) throws(SchemaLoadError) {
        let key = SchemaRegistry.normalizedDocumentURI(uri)
        guard registry.documents[key] != nil else {
            throw SchemaLoadError(location: .wholeFile(uri), message: SchemaMessages.unknownDocument(uri))
        }
        var compiler = SchemaCompiler(registry: registry, options: options)
        self.program = try compiler.compileProgram(root: SchemaAddress(document: key, pointer: ""))
        self.options = options
    }

    /// Every violation of the schema by `instance`, in evaluation order, without duplicates.
    /// Empty when the instance is valid. For `anyOf`/`oneOf` only the most relevant
    /// alternative's problems are listed.
    public func validate(_ instance: LocatedValue) -> [SchemaViolation] {
        // Most documents are valid: a silent pass (no instance paths, no messages, first
        // failure ends it) decides that; only an invalid document is evaluated again to explain.
        guard !isValid(instance) else { return [] }
        var evaluator = SchemaEvaluator(program: program, maximumDepth: options.maximumDepth, reportErrors: true)
        let outcome = evaluator.evaluate(program.root, instance, annotate: false)
        guard !outcome.valid else { return [] }
        var seen = Set<SchemaViolation>()
        var result: [SchemaViolation] = []
        for pending in evaluator.violations where seen.insert(pending.violation).inserted {
            result.append(pending.violation)
        }
        if result.isEmpty {
            let root = program.nodes[program.root]
            result.append(
                SchemaViolation(
                    location: instance.location, instancePath: "", keyword: "schema", schemaPath: root.schemaLocation,
                    message: SchemaMessages.noAlternative()))
        }
        return result
    }

    /// Whether `instance` satisfies the schema. Faster than `validate`: it stops at the first
    /// problem and builds no messages.
    public func isValid(_ instance: LocatedValue) -> Bool {
        var evaluator = SchemaEvaluator(program: program, maximumDepth: options.maximumDepth, reportErrors: false)
        return evaluator.evaluate(program.root, instance, annotate: false).valid
    }
}
