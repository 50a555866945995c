import Foundation
import Testing

@testable import CourseKit

/// Runs the official JSON Schema Test Suite (draft 2020-12) over the evaluator: every case of
/// every keyword file coursekit claims, asserting the expected validity through both `isValid`
/// and `validate`. Groups that cannot run are listed below with the reason, and the test
/// asserts that their schemas are refused at load time.
@Suite("JSON Schema Test Suite, draft 2020-12")
struct JSONSchemaTestSuiteTests {
    /// Every top-level keyword file of the suite, all claimed.
    static let claimedFiles = [
        "additionalProperties", "allOf", "anchor", "anyOf", "boolean_schema", "const", "contains", "content",
        "default", "defs", "dependentRequired", "dependentSchemas", "dynamicRef", "enum", "exclusiveMaximum",
        "exclusiveMinimum", "format", "if-then-else", "infinite-loop-detection", "items", "maxContains", "maxItems",
        "maxLength", "maxProperties", "maximum", "minContains", "minItems", "minLength", "minProperties", "minimum",
        "multipleOf", "not", "oneOf", "pattern", "patternProperties", "prefixItems", "properties", "propertyNames",
        "ref", "refRemote", "required", "type", "unevaluatedItems", "unevaluatedProperties", "uniqueItems",
        "vocabulary",
    ].map { $0 + ".json" }

    /// Optional format files run with `assertFormat` on (the formats coursekit can assert).
    static let claimedFormatFiles = [
        "date", "time", "date-time", "duration", "email", "uri", "uri-reference", "ipv4", "ipv6", "uuid",
    ].map { "optional/format/\($0).json" }

    /// Files of the suite's `optional/` folder that coursekit also passes. The two about unknown
    /// keywords run with `strictKeywords: false` (that is what they test).
    static let claimedOptionalFiles = [
        "anchor", "bignum", "dynamicRef", "ecmascript-regex", "float-overflow", "format-assertion", "id", "no-schema",
        "non-bmp-regex", "refOfUnknownKeyword", "unknownKeyword",
    ].map { "optional/\($0).json" }

    /// Optional files not claimed, with the reason; every schema in them must be refused.
    static let refusedOptionalFiles: [String: (reason: String, check: @Sendable (SchemaLoadError) -> Bool)] = [
        "optional/cross-draft.json": (
            "refers to a draft 2019-09 schema; coursekit evaluates draft 2020-12 only and refuses other drafts",
            { $0.message.en.contains("draft 2019-09") }
        ),
        "optional/dependencies-compatibility.json": (
            "uses the pre-2019 keyword 'dependencies', which coursekit refuses (with a hint to write dependentRequired or dependentSchemas)",
            { $0.unsupportedKeyword == "dependencies" }
        ),
    ]

    /// Groups that are not run, keyed "file :: group description", with the reason. Their
    /// schemas must be refused when loaded.
    static let refusedGroups: [String: String] = [
        "defs.json :: validate definition against metaschema":
            "refers to the official draft 2020-12 meta-schema (https://json-schema.org/draft/2020-12/schema), which is not part of ../shared/conformance and is not bundled with coursekit; the unresolvable $ref is refused at load time",
        "ref.json :: remote ref, containing refs itself":
            "refers to the official draft 2020-12 meta-schema, which is not available offline; refused at load time as an unresolved reference",
    ]

    /// Groups whose point is that unknown keywords (or keywords of vocabularies a meta-schema
    /// leaves out) are ignored, as the specification requires; they run with
    /// `strictKeywords: false`. Everything else runs strict, as coursekit's own schemas do.
    static let lenientGroups: Set<String> = [
        "vocabulary.json :: schema that uses custom metaschema with with no validation vocabulary",
    ]
    static let lenientFiles: Set<String> = ["optional/refOfUnknownKeyword.json", "optional/unknownKeyword.json"]

    struct Tally {
        var files = 0
        var groups = 0
        var cases = 0
        var passed = 0
        var refusedGroups = 0
        var refusedCases = 0
    }

    static func load(_ url: URL) throws -> LocatedValue {
        let data = try Data(contentsOf: url)
        return try JSONDocumentLoader().load(data: data, path: url.path)
    }

    /// Every file under `remotes/`, registered as `http://localhost:1234/<relative path>`.
    static func remoteRegistry(_ conformance: URL) throws -> SchemaRegistry {
        let remotes = conformance.appendingPathComponent("json-schema-test-suite/remotes")
        var registry = SchemaRegistry()
        let enumerator = FileManager.default.enumerator(atPath: remotes.path)
        var relativePaths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".json") { relativePaths.append(relative) }
        }
        for relative in relativePaths.sorted() {
            let document = try load(remotes.appendingPathComponent(relative))
            try registry.register(document, uri: "http://localhost:1234/" + relative)
        }
        return registry
    }

    func run(file: String, in suite: URL, registry: SchemaRegistry, baseOptions: JSONSchema.Options, tally: inout Tally) throws {
        let groups = try Self.load(suite.appendingPathComponent(file))
        tally.files += 1
        for group in groups.array ?? [] {
            let description = group["description"]?.string ?? "?"
            let key = "\(file) :: \(description)"
            let tests = group["tests"]?.array ?? []
            tally.groups += 1
            guard let schemaValue = group["schema"] else {
                Issue.record("\(key): group has no schema")
                continue
            }
            if Self.refusedGroups[key] != nil {
                tally.refusedGroups += 1
                tally.refusedCases += tests.count
                let error = #expect(throws: SchemaLoadError.self, "\(key) is listed as refused, so loading its schema must throw") {
                    _ = try JSONSchema(schemaValue, registry: registry, options: baseOptions)
                }
                #expect(error?.message.en.contains("https://json-schema.org/draft/2020-12/schema") == true, "\(key): \(String(describing: error))")
                continue
            }
            var options = baseOptions
            if Self.lenientGroups.contains(key) || Self.lenientFiles.contains(file) { options.strictKeywords = false }
            let schema: JSONSchema
            do {
                schema = try JSONSchema(schemaValue, registry: registry, options: options)
            } catch {
                Issue.record("\(key): schema refused: \(error)")
                tally.cases += tests.count
                continue
            }
            for test in tests {
                tally.cases += 1
                let name = test["description"]?.string ?? "?"
                guard let data = test["data"], let expected = test["valid"]?.bool else {
                    Issue.record("\(key) / \(name): malformed test")
                    continue
                }
                let quick = schema.isValid(data)
                let violations = schema.validate(data)
                if quick == expected && violations.isEmpty == expected {
                    tally.passed += 1
                } else {
                    let listed = violations.map { "\($0.instancePath) \($0.keyword): \($0.message.en)" }.joined(separator: "; ")
                    Issue.record(
                        "\(key) / \(name): expected \(expected ? "valid" : "invalid"), isValid says \(quick), validate found \(violations.count) violation(s) [\(listed)]")
                }
            }
        }
    }

    @Test("every claimed keyword file passes")
    func keywordFiles() throws {
        guard let conformance = ConformanceData.directory else {
            Issue.record(Comment(rawValue: ConformanceData.missingMessage))
            return
        }
        let suite = conformance.appendingPathComponent("json-schema-test-suite/tests-draft2020-12")
        let registry = try Self.remoteRegistry(conformance)
        var tally = Tally()
        for file in Self.claimedFiles {
            try run(file: file, in: suite, registry: registry, baseOptions: JSONSchema.Options(), tally: &tally)
        }
        print(
            "JSON Schema Test Suite draft 2020-12: \(tally.files) files, \(tally.groups) groups, \(tally.passed)/\(tally.cases) cases passed; refused as documented: \(tally.refusedGroups) groups (\(tally.refusedCases) cases)"
        )
        #expect(tally.passed == tally.cases)
        #expect(tally.files == Self.claimedFiles.count)
    }

    @Test("every top-level file of the suite is claimed")
    func noFileForgotten() throws {
        guard let conformance = ConformanceData.directory else {
            Issue.record(Comment(rawValue: ConformanceData.missingMessage))
            return
        }
        let suite = conformance.appendingPathComponent("json-schema-test-suite/tests-draft2020-12")
        let present = try FileManager.default.contentsOfDirectory(atPath: suite.path).filter { $0.hasSuffix(".json") }
        #expect(Set(present) == Set(Self.claimedFiles), "files in the suite but not claimed: \(Set(present).subtracting(Self.claimedFiles).sorted())")
    }

    @Test("claimed optional files pass; unclaimed ones are refused")
    func optionalFiles() throws {
        guard let conformance = ConformanceData.directory else {
            Issue.record(Comment(rawValue: ConformanceData.missingMessage))
            return
        }
        let suite = conformance.appendingPathComponent("json-schema-test-suite/tests-draft2020-12")
        let registry = try Self.remoteRegistry(conformance)
        var tally = Tally()
        for file in Self.claimedOptionalFiles {
            try run(file: file, in: suite, registry: registry, baseOptions: JSONSchema.Options(), tally: &tally)
        }
        var refused = 0
        for (file, refusal) in Self.refusedOptionalFiles.sorted(by: { $0.key < $1.key }) {
            for group in try Self.load(suite.appendingPathComponent(file)).array ?? [] {
                refused += 1
                let error = #expect(throws: SchemaLoadError.self, "\(file) is refused (\(refusal.reason)), so its schemas must not load") {
                    _ = try JSONSchema(group["schema"]!, registry: registry)
                }
                #expect(error.map(refusal.check) == true, "\(file): refused for another reason: \(String(describing: error))")
            }
        }
        print(
            "JSON Schema Test Suite optional/: \(tally.files) files, \(tally.passed)/\(tally.cases) cases passed; \(Self.refusedOptionalFiles.count) files (\(refused) groups) refused as documented"
        )
        #expect(tally.passed == tally.cases)
    }

    @Test("asserted formats pass the optional format files")
    func formatFiles() throws {
        guard let conformance = ConformanceData.directory else {
            Issue.record(Comment(rawValue: ConformanceData.missingMessage))
            return
        }
        let suite = conformance.appendingPathComponent("json-schema-test-suite/tests-draft2020-12")
        let registry = try Self.remoteRegistry(conformance)
        var tally = Tally()
        for file in Self.claimedFormatFiles {
            try run(file: file, in: suite, registry: registry, baseOptions: JSONSchema.Options(assertFormat: true), tally: &tally)
        }
        print("JSON Schema Test Suite optional/format (assertFormat on): \(tally.files) files, \(tally.passed)/\(tally.cases) cases passed")
        #expect(tally.passed == tally.cases)
    }
}
