import Foundation
import Testing

@testable import CourseKit

@Suite("Schema loading: refusals, references, registry")
struct SchemaLoadTests {
    func at(_ line: Int, _ column: Int) -> CourseKit.SourceLocation {
        CourseKit.SourceLocation(file: "schema.json", line: line, column: column)
    }

    @Test func refusesAnUnknownKeywordNamingItWhereItIs() throws {
        let error = try #require(
            SchemaFixture.loadError("{\n  \"type\": \"object\",\n  \"properties\": {\"a\": {\"type\": \"string\", \"requird\": [\"x\"]}}\n}"))
        #expect(error.unsupportedKeyword == "requird")
        #expect(error.location == at(3, 42))
        #expect(error.message.en == "schema keyword 'requird' is not supported by coursekit; remove it or use a supported keyword")
        #expect(error.message.hi == "स्कीमा कीवर्ड 'requird' coursekit में समर्थित नहीं है; इसे हटाएँ या कोई समर्थित कीवर्ड प्रयोग करें")
        #expect(error.hint?.en == "did you mean 'required'?")
    }

    @Test func refusesKeywordsOfOtherDraftsAndToolsWithAHint() throws {
        let definitions = try #require(SchemaFixture.loadError(##"{"definitions": {"a": {}}}"##))
        #expect(definitions.unsupportedKeyword == "definitions")
        #expect(definitions.hint?.en == "in JSON Schema draft 2020-12 write $defs instead")
        let errorMessage = try #require(SchemaFixture.loadError(##"{"type": "string", "errorMessage": "bad"}"##))
        #expect(errorMessage.unsupportedKeyword == "errorMessage")
        let unknownInDefs = try #require(SchemaFixture.loadError(##"{"$defs": {"unused": {"x-extension": 1}}}"##))
        #expect(unknownInDefs.unsupportedKeyword == "x-extension")
    }

    @Test func acceptsAnnotationKeywords() throws {
        _ = try SchemaFixture.schema(
            """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://x.example/s.json", "$comment": "c",
             "title": "t", "description": "d", "markdownDescription": "**d**", "default": 1, "examples": [1],
             "deprecated": false, "readOnly": false, "writeOnly": false, "format": "made-up",
             "contentMediaType": "text/html", "contentEncoding": "base64", "contentSchema": {"type": "string"}}
            """)
    }

    @Test func ignoresUnknownKeywordsOnlyWhenNotStrict() throws {
        let text = ##"{"type": "integer", "x-note": {"$id": "not-an-id"}, "requird": []}"##
        #expect(SchemaFixture.loadError(text) != nil)
        let lenient = try SchemaFixture.schema(text, options: JSONSchema.Options(strictKeywords: false))
        #expect(lenient.isValid(try SchemaFixture.json("3")))
        #expect(!lenient.isValid(try SchemaFixture.json("3.5")))
    }

    @Test func refusesMalformedKeywordValues() throws {
        let type = try #require(SchemaFixture.loadError(##"{"type": "strin"}"##))
        #expect(type.location == at(1, 10))
        #expect(type.message.en.hasPrefix("the value of 'type' must be one of null, boolean"))
        #expect(SchemaFixture.loadError(##"{"minLength": -1}"##) != nil)
        #expect(SchemaFixture.loadError(##"{"minLength": 1.5}"##) != nil)
        #expect(SchemaFixture.loadError(##"{"multipleOf": 0}"##) != nil)
        #expect(SchemaFixture.loadError(##"{"required": "a"}"##) != nil)
        #expect(SchemaFixture.loadError(##"{"allOf": []}"##) != nil)
        #expect(SchemaFixture.loadError(##"{"properties": {"a": 5}}"##) != nil)
        let pattern = try #require(SchemaFixture.loadError(##"{"pattern": "(unclosed"}"##))
        #expect(pattern.message.en == "'(unclosed' is not a valid regular expression")
    }

    @Test func refusesReferencesThatLeadNowhere() throws {
        let error = try #require(SchemaFixture.loadError(##"{"properties": {"a": {"$ref": "#/$defs/missing"}}}"##))
        #expect(error.location == at(1, 31))
        #expect(error.message.en.contains("cannot find the schema '#/$defs/missing'"))
        #expect(error.message.hi.contains("नहीं मिला"))
        #expect(SchemaFixture.loadError(##"{"$ref": "other.json"}"##) != nil)
        #expect(SchemaFixture.loadError(##"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"##) != nil)
    }

    @Test func refusesOtherDraftsAndUnknownMetaSchemas() throws {
        let draft7 = try #require(SchemaFixture.loadError(##"{"$schema": "http://json-schema.org/draft-07/schema#"}"##))
        #expect(draft7.message.en.contains("draft-07"))
        #expect(SchemaFixture.loadError(##"{"$schema": "https://example.com/my-meta"}"##) != nil)
        _ = try SchemaFixture.schema(##"{"$schema": "https://json-schema.org/draft/2020-12/schema#"}"##)
    }

    @Test func refusesUncheckableFormatsWhenAsserting() throws {
        let error = try #require(
            SchemaFixture.loadError(##"{"format": "hostname"}"##, options: JSONSchema.Options(assertFormat: true)))
        #expect(error.message.en.hasPrefix("format 'hostname' cannot be checked by coursekit"))
        _ = try SchemaFixture.schema(##"{"format": "hostname"}"##)
    }

    @Test func refusesDuplicateIdentifiers() throws {
        #expect(SchemaFixture.loadError(##"{"$defs": {"a": {"$id": "https://x.example/a"}, "b": {"$id": "https://x.example/a"}}}"##) != nil)
        #expect(SchemaFixture.loadError(##"{"$defs": {"a": {"$anchor": "n"}, "b": {"$anchor": "n"}}}"##) != nil)
        #expect(SchemaFixture.loadError(##"{"$id": "https://x.example/a#frag"}"##) != nil)
    }

    // MARK: Registry

    static let common = """
        {"$defs": {
          "identifier": {"type": "string", "pattern": "^[a-z][a-z0-9-]{2,63}$", "description": "lowercase letters, digits and hyphens"},
          "localizedText": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}}
        }}
        """
    static let course = """
        {"type": "object", "required": ["id"], "properties": {
          "id": {"$ref": "common.schema.json#/$defs/identifier"},
          "title": {"$ref": "common.schema.json#/$defs/localizedText"}
        }}
        """

    @Test func resolvesReferencesBetweenRegisteredDocuments() throws {
        var registry = SchemaRegistry()
        let common = try SchemaFixture.json(Self.common, path: "common.schema.json")
        let course = try SchemaFixture.json(Self.course, path: "course.schema.json")
        try registry.register(common, uri: "https://coursekit.example/schemas/common.schema.json")
        try registry.register(course, uri: "https://coursekit.example/schemas/course.schema.json")
        #expect(registry.contains(uri: "https://coursekit.example/schemas/course.schema.json"))

        // Compiling a document that is already registered under the same URI replaces it.
        let byDocument = try JSONSchema(course, uri: "https://coursekit.example/schemas/course.schema.json", registry: registry)
        let byURI = try JSONSchema(registeredURI: "https://coursekit.example/schemas/course.schema.json", registry: registry)
        let document = try SchemaFixture.yaml("id: Bad_ID\ntitle:\n  en: ''\n")
        for schema in [byDocument, byURI] {
            let violations = schema.validate(document)
            #expect(violations.map(\.keyword) == ["pattern", "minLength"])
            #expect(violations.first?.schemaPath == "https://coursekit.example/schemas/common.schema.json#/$defs/identifier/pattern")
            #expect(violations.first?.hint?.en == "this field: lowercase letters, digits and hyphens")
            #expect(violations.last?.location == CourseKit.SourceLocation(file: "course.yaml", line: 3, column: 7))
        }
    }

    @Test func refusesRegisteringTheSameURITwice() throws {
        var registry = SchemaRegistry()
        try registry.register(try SchemaFixture.json("{}"), uri: "https://x.example/a.json")
        #expect(throws: SchemaLoadError.self) {
            try registry.register(try SchemaFixture.json("{}"), uri: "https://x.example/a.json")
        }
        #expect(throws: SchemaLoadError.self) {
            _ = try JSONSchema(registeredURI: "https://x.example/missing.json", registry: registry)
        }
    }

    @Test func dynamicReferencesFollowTheDynamicScope() throws {
        var registry = SchemaRegistry()
        let list = try SchemaFixture.json(
            ##"{"$id": "https://x.example/list", "type": "array", "items": {"$dynamicRef": "#item"}, "$defs": {"item": {"$dynamicAnchor": "item"}}}"##)
        try registry.register(list, uri: "https://x.example/list")
        let strings = try SchemaFixture.schema(
            ##"{"$id": "https://x.example/strings", "$ref": "list", "$defs": {"s": {"$dynamicAnchor": "item", "type": "string"}}}"##,
            registry: registry)
        #expect(strings.isValid(try SchemaFixture.yaml("[a, b]")))
        let violation = try #require(strings.validate(try SchemaFixture.yaml("[a, 2]")).first)
        #expect(violation.instancePath == "/1")
        #expect(violation.message.en == "expected text here, found the number 2")
        let anything = try JSONSchema(registeredURI: "https://x.example/list", registry: registry)
        #expect(anything.isValid(try SchemaFixture.yaml("[a, 2]")))
    }
}
