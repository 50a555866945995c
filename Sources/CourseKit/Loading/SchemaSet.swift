import Foundation

/// The compiled JSON Schemas of every file kind, loaded once from the `schemas/` folder, and
/// the translation of schema violations into findings.
public struct SchemaSet: Sendable {
    private let schemas: [SourceKind: JSONSchema]
    public let directory: URL

    /// Why the schemas could not be loaded: a tool problem (exit 2), not a finding.
    public struct LoadError: Error, Sendable {
        public var message: LocalizedText
    }

    public init(directory: URL) throws(LoadError) {
        self.directory = directory
        var registry = SchemaRegistry()
        var documents: [(String, LocatedValue)] = []
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".schema.json") }.sorted()
        } catch {
            throw LoadError(message: LocalizedText(
                en: "cannot read the schema folder \(directory.path)",
                hi: "स्कीमा फ़ोल्डर \(directory.path) पढ़ा नहीं जा सका"))
        }
        for name in names {
            let path = directory.appendingPathComponent(name).path
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                let text = String(decoding: data, as: UTF8.self)
                let document = try JSONDocumentLoader().load(text: text, path: path)
                try registry.register(document, uri: Self.uri(for: name))
                documents.append((name, document))
            } catch let error as DocumentLoadError {
                throw LoadError(message: LocalizedText(
                    en: "\(error.location): \(error.message.en)", hi: "\(error.location): \(error.message.hi)"))
            } catch let error as SchemaLoadError {
                throw LoadError(message: LocalizedText(
                    en: "\(error.location): \(error.message.en)", hi: "\(error.location): \(error.message.hi)"))
            } catch {
                throw LoadError(message: LocalizedText(en: "cannot read \(path)", hi: "\(path) पढ़ा नहीं जा सका"))
            }
        }
        var compiled: [SourceKind: JSONSchema] = [:]
        for kind in SourceKind.allCases {
            guard let document = documents.first(where: { $0.0 == kind.schemaFileName })?.1 else { continue }
            do {
                compiled[kind] = try JSONSchema(
                    document, uri: Self.uri(for: kind.schemaFileName), registry: registry,
                    options: JSONSchema.Options(assertFormat: true))
            } catch {
                throw LoadError(message: LocalizedText(
                    en: "\(error.location): \(error.message.en)", hi: "\(error.location): \(error.message.hi)"))
            }
        }
        self.schemas = compiled
        var named: [String: JSONSchema] = [:]
        for name in Self.otherSchemaFiles {
            guard let document = documents.first(where: { $0.0 == name })?.1 else { continue }
            do {
                named[name] = try JSONSchema(
                    document, uri: Self.uri(for: name), registry: registry, options: JSONSchema.Options(assertFormat: true))
            } catch {
                throw LoadError(message: LocalizedText(
                    en: "\(error.location): \(error.message.en)", hi: "\(error.location): \(error.message.hi)"))
            }
        }
        self.named = named
    }

    /// Schemas of files that are not course sources (the glossary).
    static let otherSchemaFiles = ["glossary.schema.json"]
    private let named: [String: JSONSchema]

    public func schema(named name: String) -> JSONSchema? { named[name] }

    static func uri(for name: String) -> String { "https://coursekit.example/schemas/\(name)" }

    /// The schemas shipped with coursekit: `../share/coursekit/schemas` beside the installed
    /// executable, else `$COURSEKIT_SCHEMAS`, else the source checkout's `schemas/`.
    public static func bundled() throws(LoadError) -> SchemaSet {
        try SchemaSet(directory: try shippedDirectory())
    }

    /// The folder holding coursekit's own schemas and vocabularies (see `bundled()`).
    public static func shippedDirectory() throws(LoadError) -> URL {
        let candidates = Installation.schemaCandidates
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("course.schema.json").path) {
            return candidate
        }
        throw LoadError(message: LocalizedText(
            en: "cannot find coursekit's schemas (looked in \(candidates.map(\.path).joined(separator: ", "))); set COURSEKIT_SCHEMAS to the schemas/ folder",
            hi: "coursekit के स्कीमा नहीं मिले (\(candidates.map(\.path).joined(separator: ", ")) में देखा); COURSEKIT_SCHEMAS को schemas/ फ़ोल्डर पर सेट करें"))
    }

    public func schema(for kind: SourceKind) -> JSONSchema? { schemas[kind] }

    /// Evaluates the schema of `kind` over `value` and turns each violation into a finding.
    public func findings(for value: LocatedValue, kind: SourceKind) -> [Finding] {
        guard let schema = schemas[kind] else { return [] }
        return schema.validate(value).map { violation in
            Finding(Self.rule(forKeyword: violation.keyword), at: violation.location, violation.message, hint: violation.hint)
        }
    }

    static func rule(forKeyword keyword: String) -> CoreRule {
        switch keyword {
        case "type": .schemaType
        case "additionalProperties", "unevaluatedProperties": .schemaUnknownKey
        case "required": .schemaRequired
        default: .schemaValue
        }
    }
}
