import Foundation
import Testing

@testable import CourseKit

/// Small helpers shared by the schema tests.
enum SchemaFixture {
    static func json(_ text: String, path: String = "schema.json") throws -> LocatedValue {
        try JSONDocumentLoader().load(text: text, path: path)
    }

    static func yaml(_ text: String, path: String = "course.yaml") throws -> LocatedValue {
        try YAMLDocumentLoader().load(text: text, path: path)
    }

    static func schema(
        _ text: String, uri: String? = nil, registry: SchemaRegistry = SchemaRegistry(),
        options: JSONSchema.Options = JSONSchema.Options()
    ) throws -> JSONSchema {
        try JSONSchema(json(text), uri: uri, registry: registry, options: options)
    }

    /// The violations of a YAML document, checking that `isValid` agrees.
    static func violations(
        _ schema: JSONSchema, yaml text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> [SchemaViolation] {
        let value = try yaml(text)
        let violations = schema.validate(value)
        #expect(schema.isValid(value) == violations.isEmpty, "isValid and validate disagree", sourceLocation: sourceLocation)
        return violations
    }

    static func loadError(
        _ text: String, options: JSONSchema.Options = JSONSchema.Options(), registry: SchemaRegistry = SchemaRegistry(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> SchemaLoadError? {
        do {
            _ = try schema(text, registry: registry, options: options)
            Issue.record("expected the schema to be refused", sourceLocation: sourceLocation)
        } catch let error as SchemaLoadError {
            return error
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}
