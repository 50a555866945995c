import Foundation
import Testing

@testable import CourseKit

@Suite("Schema evaluation over YAML sources, suggestions, concurrency")
struct SchemaIntegrationTests {
    static let moduleSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["id", "title", "lessons"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "string", "pattern": "^[a-z][a-z0-9-]{2,63}$"},
            "title": {"$ref": "#/$defs/localizedText"},
            "lessons": {
              "type": "array", "minItems": 1,
              "items": {
                "type": "object", "required": ["file", "duration"], "additionalProperties": false,
                "properties": {
                  "file": {"type": "string", "minLength": 1},
                  "duration": {"type": "string", "format": "duration", "description": "An ISO 8601 duration such as PT45M"},
                  "kind": {"enum": ["reading", "video", "checklist", "scenario"]}
                }
              }
            }
          },
          "$defs": {
            "localizedText": {
              "type": "object", "minProperties": 1,
              "propertyNames": {"pattern": "^[a-z]{2,3}$"},
              "additionalProperties": {"type": "string", "minLength": 1}
            }
          }
        }
        """

    static let module = """
        id: cyber-basics
        title:
          en: Cyber safety at work
          hi: कार्यस्थल पर साइबर सुरक्षा
        lessons:
          - file: lessons/passwords.md
            duration: 45 minutes
            kind: vidoe
          - file: lessons/phishing.md
            duraton: PT30M
        """

    @Test func yamlRoundTripReportsLinesAndColumns() throws {
        let schema = try SchemaFixture.schema(Self.moduleSchema, options: JSONSchema.Options(assertFormat: true))
        let document = try YAMLDocumentLoader().load(text: Self.module, path: "modules/cyber/module.yaml")
        let violations = schema.validate(document)
        func location(_ line: Int, _ column: Int) -> CourseKit.SourceLocation {
            CourseKit.SourceLocation(file: "modules/cyber/module.yaml", line: line, column: column)
        }
        let summary = violations.map { "\($0.location.line):\($0.location.column) \($0.keyword) \($0.instancePath)" }
        #expect(
            summary == [
                "7:15 format /lessons/0/duration",
                "8:11 enum /lessons/0/kind",
                "9:5 required /lessons/1",
                "10:5 additionalProperties /lessons/1/duraton",
            ])
        #expect(violations[0].location == location(7, 15))
        #expect(violations[0].hint?.en == "this field: An ISO 8601 duration such as PT45M")
        #expect(violations[1].hint?.en == "did you mean \"video\"?")
        #expect(violations[2].message.en == "missing required key 'duration'")
        #expect(violations[2].hint?.en == "add 'duration': An ISO 8601 duration such as PT45M")
        #expect(violations[3].message.en == "unknown key 'duraton'")
        #expect(violations[3].hint?.en == "did you mean 'duration'?")
        #expect(violations[3].hint?.hi == "क्या आपका आशय 'duration' से था?")
    }

    @Test func suggestionsUseDamerauLevenshteinDistance() {
        #expect(Suggestions.distance("titel", "title") == 1)
        #expect(Suggestions.distance("passmark", "passMark") == 1)
        #expect(Suggestions.distance("ab", "ba") == 1)
        #expect(Suggestions.distance("kitten", "sitting") == 3)
        #expect(Suggestions.distance("", "abc") == 3)
        #expect(Suggestions.distance("शीर्षक", "शीषर्क") == 2)
        #expect(Suggestions.closest(to: "passmark", among: ["title", "passMark"]) == "passMark")
        #expect(Suggestions.closest(to: "lesons", among: ["lessons", "language"]) == "lessons")
        #expect(Suggestions.closest(to: "xyz", among: ["title", "lessons"]) == nil)
        // Short words only get one edit, so "id" does not suggest an unrelated two-letter key.
        #expect(Suggestions.closest(to: "id", among: ["en"]) == nil)
        #expect(Suggestions.closest(to: "idd", among: ["id"]) == "id")
    }

    @Test func oneCompiledSchemaServesConcurrentTasks() async throws {
        let schema = try SchemaFixture.schema(Self.moduleSchema, options: JSONSchema.Options(assertFormat: true))
        let document = try YAMLDocumentLoader().load(text: Self.module, path: "m.yaml")
        let expected = schema.validate(document)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { _ in schema.validate(document) == expected && !schema.isValid(document) }
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test func deepRecursionStopsWithAMessageInsteadOfCrashing() async throws {
        let schema = try SchemaFixture.schema(
            ##"{"$ref": "#/$defs/node", "$defs": {"node": {"type": "object", "properties": {"child": {"$ref": "#/$defs/node"}}}}}"##)
        var text = ""
        for _ in 0..<400 { text += "{\"child\": " }
        text += "{}"
        for _ in 0..<400 { text += "}" }
        let document = try SchemaFixture.json(text, path: "deep.json")
        let violations = await Task.detached { schema.validate(document) }.value
        #expect(violations.count == 1)
        #expect(violations.first?.message.en == "the schema refers to itself more than 500 levels deep here; this value cannot be checked")
        #expect(await Task.detached { schema.isValid(document) }.value == false)
        let shallow = try SchemaFixture.json("{\"child\": {\"child\": {}}}")
        #expect(schema.isValid(shallow))
    }

    @Test func evaluatesThousandsOfDocumentsQuickly() throws {
        let schema = try SchemaFixture.schema(Self.moduleSchema, options: JSONSchema.Options(assertFormat: true))
        var lessons = ""
        for index in 0..<40 {
            lessons += "  - file: lessons/l\(index).md\n    duration: PT\(index + 1)M\n    kind: reading\n"
        }
        let document = try YAMLDocumentLoader().load(
            text: "id: big-module\ntitle:\n  en: Big\n  hi: बड़ा\nlessons:\n" + lessons, path: "big.yaml")
        #expect(schema.validate(document).isEmpty)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<2_000 { _ = schema.validate(document) }
        }
        print("validated 2000 documents of 40 lessons in \(elapsed)")
        #expect(elapsed < .seconds(30))
    }
}
