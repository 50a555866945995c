/// The keywords coursekit understands, grouped by the draft 2020-12 vocabulary that defines them,
/// and which of them hold subschemas. Anything not listed here is an unknown keyword: refused
/// when keywords are strict, ignored otherwise (as the specification requires).
enum SchemaVocabulary: String, CaseIterable, Sendable {
    case core = "https://json-schema.org/draft/2020-12/vocab/core"
    case applicator = "https://json-schema.org/draft/2020-12/vocab/applicator"
    case unevaluated = "https://json-schema.org/draft/2020-12/vocab/unevaluated"
    case validation = "https://json-schema.org/draft/2020-12/vocab/validation"
    case metaData = "https://json-schema.org/draft/2020-12/vocab/meta-data"
    case formatAnnotation = "https://json-schema.org/draft/2020-12/vocab/format-annotation"
    case formatAssertion = "https://json-schema.org/draft/2020-12/vocab/format-assertion"
    case content = "https://json-schema.org/draft/2020-12/vocab/content"

    /// The URI of the draft 2020-12 meta-schema, i.e. the default dialect.
    static let draft202012 = "https://json-schema.org/draft/2020-12/schema"

    /// Meta-schema URIs of other drafts, refused with a message naming the draft.
    static let otherDrafts: [String: String] = [
        "http://json-schema.org/draft-03/schema": "draft-03",
        "http://json-schema.org/draft-04/schema": "draft-04",
        "http://json-schema.org/draft-06/schema": "draft-06",
        "http://json-schema.org/draft-07/schema": "draft-07",
        "https://json-schema.org/draft/2019-09/schema": "draft 2019-09",
    ]

    /// Vocabularies in force when `$schema` is absent or names draft 2020-12.
    static let defaultVocabularies: Set<SchemaVocabulary> = [.core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content]

    var keywords: Set<String> {
        switch self {
        case .core: ["$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs"]
        case .applicator:
            [
                "prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties",
                "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
            ]
        case .unevaluated: ["unevaluatedItems", "unevaluatedProperties"]
        case .validation:
            [
                "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
                "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
                "maxProperties", "minProperties", "required", "dependentRequired",
            ]
        case .metaData: ["title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples"]
        case .formatAnnotation, .formatAssertion: ["format"]
        case .content: ["contentEncoding", "contentMediaType", "contentSchema"]
        }
    }

    /// Keyword → vocabulary, for the vocabularies above.
    static let vocabularyOfKeyword: [String: SchemaVocabulary] = {
        var table: [String: SchemaVocabulary] = [:]
        for vocabulary in allCases where vocabulary != .formatAssertion {
            for keyword in vocabulary.keywords { table[keyword] = vocabulary }
        }
        return table
    }()

    /// Annotation keywords outside the standard vocabularies that coursekit accepts anywhere
    /// (editors such as VS Code show `markdownDescription` on hover; `titleHi` and
    /// `descriptionHi` carry the Hindi text coursekit shows in hints under `--lang hi`).
    static let extraAnnotations: Set<String> = ["markdownDescription", "titleHi", "descriptionHi", "patternDescription", "patternDescriptionHi"]

    /// How a keyword holds subschemas: one schema, a map of names to schemas, or a list.
    enum SubschemaShape { case single, map, list }

    static func subschemaShape(of keyword: String) -> SubschemaShape? {
        switch keyword {
        case "not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames",
            "unevaluatedItems", "unevaluatedProperties", "contentSchema":
            .single
        case "properties", "patternProperties", "$defs", "dependentSchemas":
            .map
        case "allOf", "anyOf", "oneOf", "prefixItems":
            .list
        default:
            nil
        }
    }

    /// Well-known keywords of other drafts or tools, with what to write instead in 2020-12.
    static let renamedKeywords: [String: String] = [
        "definitions": "$defs",
        "dependencies": "dependentRequired / dependentSchemas",
        "additionalItems": "items (with prefixItems)",
        "$recursiveRef": "$dynamicRef",
        "$recursiveAnchor": "$dynamicAnchor",
        "id": "$id",
    ]

    /// Every keyword name coursekit knows, for "did you mean" suggestions.
    static let allKeywords: [String] = {
        var names: [String] = []
        for vocabulary in allCases where vocabulary != .formatAssertion { names.append(contentsOf: vocabulary.keywords.sorted()) }
        names.append(contentsOf: extraAnnotations.sorted())
        return names
    }()
}
