import Foundation
import Testing

@testable import CourseKit

@Suite("Schema violations: messages, hints and locations")
struct SchemaViolationTests {
    static let courseSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["title", "passMark"],
          "additionalProperties": false,
          "properties": {
            "title": {"type": "string", "minLength": 1, "maxLength": 10, "title": "Course title"},
            "passMark": {"type": "number", "minimum": 0, "maximum": 100, "description": "Lowest percentage that passes"},
            "duration": {"type": "string", "format": "duration"},
            "starts": {"type": "string", "format": "date"},
            "level": {"enum": ["beginner", "intermediate", "advanced"]},
            "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true},
            "legacy": false
          }
        }
        """

    let schema: JSONSchema

    init() throws {
        schema = try SchemaFixture.schema(Self.courseSchema, uri: "https://coursekit.example/schemas/course.schema.json")
    }

    func at(_ line: Int, _ column: Int) -> CourseKit.SourceLocation {
        CourseKit.SourceLocation(file: "course.yaml", line: line, column: column)
    }

    @Test func validDocumentHasNoViolations() throws {
        #expect(try SchemaFixture.violations(schema, yaml: "title: Cyber\npassMark: 40\ntags: [a, b]\n").isEmpty)
    }

    @Test func wrongTypeSaysWhatWasExpectedAndFound() throws {
        let violations = try SchemaFixture.violations(schema, yaml: "title: Intro\npassMark: forty-five\n")
        #expect(violations.count == 1)
        let violation = try #require(violations.first)
        #expect(violation.keyword == "type")
        #expect(violation.location == at(2, 11))
        #expect(violation.instancePath == "/passMark")
        #expect(violation.schemaPath == "https://coursekit.example/schemas/course.schema.json#/properties/passMark/type")
        #expect(violation.message.en == "expected a number here, found text \"forty-five\"")
        #expect(violation.message.hi == "यहाँ एक संख्या चाहिए थी, पर पाठ \"forty-five\" मिला")
        #expect(violation.hint?.en == "this field: Lowest percentage that passes")
        #expect(violation.hint?.hi == "यह फ़ील्ड: Lowest percentage that passes")
    }

    @Test func hindiVerbsAgreeWithWhatWasFound() throws {
        let violations = try SchemaFixture.violations(schema, yaml: "title: [a, b]\npassMark: 40\n")
        #expect(violations.first?.message.en == "expected text here, found a list of 2 items")
        #expect(violations.first?.message.hi == "यहाँ पाठ चाहिए था, पर 2 प्रविष्टियों की सूची मिली")
    }

    @Test func unknownKeyPointsAtTheKeyAndSuggestsTheDeclaredName() throws {
        let violations = try SchemaFixture.violations(schema, yaml: "passMark: 40\ntitel: Intro\n")
        let unknown = try #require(violations.first { $0.keyword == "additionalProperties" })
        #expect(unknown.location == at(2, 1))
        #expect(unknown.instancePath == "/titel")
        #expect(unknown.message.en == "unknown key 'titel'")
        #expect(unknown.message.hi == "अज्ञात कुंजी 'titel'")
        #expect(unknown.hint?.en == "did you mean 'title'?")
        #expect(unknown.hint?.hi == "क्या आपका आशय 'title' से था?")
    }

    @Test func missingRequiredKeyPointsAtTheObject() throws {
        let violations = try SchemaFixture.violations(schema, yaml: "# course\n\ntitle: Intro\n")
        let missing = try #require(violations.first { $0.keyword == "required" })
        #expect(missing.location == at(3, 1))
        #expect(missing.instancePath == "")
        #expect(missing.message.en == "missing required key 'passMark'")
        #expect(missing.message.hi == "आवश्यक कुंजी 'passMark' नहीं दी गई है")
        #expect(missing.hint?.en == "add 'passMark': Lowest percentage that passes")
        #expect(missing.hint?.hi == "'passMark' जोड़ें: Lowest percentage that passes")
    }

    @Test func unknownKeyWithoutNearMissListsTheAllowedKeys() throws {
        let violations = try SchemaFixture.violations(schema, yaml: "title: A\npassMark: 1\nzzzzzz: 1\n")
        let unknown = try #require(violations.first)
        #expect(unknown.hint?.en.hasPrefix("keys allowed here: 'title', 'passMark', 'duration'") == true)
        #expect(unknown.hint?.hi.hasPrefix("यहाँ ये कुंजियाँ मान्य हैं: 'title'") == true)
    }

    @Test func forbiddenPropertyPointsAtTheKey() throws {
        let violations = try SchemaFixture.violations(schema, yaml: "title: A\npassMark: 1\nlegacy: yes\n")
        let forbidden = try #require(violations.first)
        #expect(forbidden.keyword == "properties")
        #expect(forbidden.location == at(3, 1))
        #expect(forbidden.message.en == "key 'legacy' is not allowed here")
        #expect(forbidden.message.hi == "कुंजी 'legacy' यहाँ अनुमत नहीं है")
    }

    @Test func enumNearMissSuggestsTheAllowedValue() throws {
        let violations = try SchemaFixture.violations(schema, yaml: "title: A\npassMark: 1\nlevel: beginer\n")
        let violation = try #require(violations.first)
        #expect(violation.keyword == "enum")
        #expect(violation.location == at(3, 8))
        #expect(violation.message.en == "\"beginer\" is not one of the allowed values: \"beginner\", \"intermediate\", \"advanced\"")
        #expect(violation.message.hi == "\"beginer\" अनुमत मानों में से नहीं है; अनुमत मान: \"beginner\", \"intermediate\", \"advanced\"")
        #expect(violation.hint?.en == "did you mean \"beginner\"?")
        #expect(violation.hint?.hi == "क्या आपका आशय \"beginner\" से था?")
    }

    @Test func boundsAndLengthsCountCharactersNotBytes() throws {
        let violations = try SchemaFixture.violations(schema, yaml: "title: साइबर सुरक्षा\npassMark: 140\n")
        // "साइबर सुरक्षा" is 13 Unicode scalars.
        let length = try #require(violations.first { $0.keyword == "maxLength" })
        #expect(length.message.en == "the text is 13 characters long; at most 10 characters allowed")
        #expect(length.message.hi == "पाठ 13 अक्षरों का है; अधिकतम 10 अक्षरों की अनुमति है")
        let maximum = try #require(violations.first { $0.keyword == "maximum" })
        #expect(maximum.message.en == "140 is more than the maximum of 100")
        #expect(maximum.message.hi == "140 अधिकतम सीमा 100 से अधिक है")
        #expect(maximum.location == at(2, 11))
        let empty = try SchemaFixture.violations(schema, yaml: "title: ''\npassMark: 1\n")
        #expect(empty.first?.message.en == "the text is empty; write something here")
    }

    @Test func duplicateItemPointsAtTheRepeat() throws {
        let violations = try SchemaFixture.violations(schema, yaml: "title: A\npassMark: 1\ntags:\n  - ai\n  - cyber\n  - ai\n")
        let duplicate = try #require(violations.first)
        #expect(duplicate.keyword == "uniqueItems")
        #expect(duplicate.location == at(6, 5))
        #expect(duplicate.instancePath == "/tags/2")
        #expect(duplicate.message.en == "this item repeats item 1 of the list; every item must be different")
        #expect(duplicate.message.hi == "यह प्रविष्टि सूची की प्रविष्टि 1 को दोहराती है; हर प्रविष्टि अलग होनी चाहिए")
    }

    @Test func formatsAreAnnotationsUnlessAsserted() throws {
        let yaml = "title: A\npassMark: 1\nduration: 45 minutes\nstarts: 2026-02-30\n"
        #expect(try SchemaFixture.violations(schema, yaml: yaml).isEmpty)
        let asserting = try SchemaFixture.schema(Self.courseSchema, options: JSONSchema.Options(assertFormat: true))
        let violations = try SchemaFixture.violations(asserting, yaml: yaml)
        #expect(violations.map(\.keyword) == ["format", "format"])
        #expect(violations[0].location == at(3, 11))
        #expect(violations[0].message.en == "\"45 minutes\" is not a valid ISO 8601 duration; write it like PT45M (45 minutes), PT1H30M or P2D")
        #expect(violations[0].message.hi == "\"45 minutes\" मान्य ISO 8601 अवधि नहीं है; इसे PT45M (45 मिनट), PT1H30M या P2D की तरह लिखें")
        #expect(violations[1].message.en == "\"2026-02-30\" is not a valid date; write it as YYYY-MM-DD, e.g. 2026-01-31")
        #expect(try SchemaFixture.violations(asserting, yaml: "title: A\npassMark: 1\nduration: PT1H30M\nstarts: 2028-02-29\n").isEmpty)
    }

    @Test func multipleOfIsExactForDecimals() throws {
        let schema = try SchemaFixture.schema(##"{"multipleOf": 0.0001}"##)
        #expect(schema.isValid(try SchemaFixture.json("0.0075")))
        #expect(schema.isValid(try SchemaFixture.json("12345678.9012")))
        #expect(!schema.isValid(try SchemaFixture.json("0.00751")))
        let cents = try SchemaFixture.schema(##"{"multipleOf": 0.01}"##)
        #expect(cents.isValid(try SchemaFixture.json("19.99")))
        #expect(cents.isValid(try SchemaFixture.yaml("4.35")))
        let violation = try #require(cents.validate(try SchemaFixture.json("19.999")).first)
        #expect(violation.message.en == "19.999 is not a multiple of 0.01")
        #expect(violation.message.hi == "19.999, 0.01 का गुणज नहीं है")
    }

    @Test func oneOfReportsTheAlternativeThatTheDiscriminatorSelects() throws {
        let schema = try SchemaFixture.schema(
            """
            {"oneOf": [
              {"type": "object", "required": ["kind", "url"], "properties": {"kind": {"const": "video"}, "url": {"type": "string"}}},
              {"type": "object", "required": ["kind", "questions"], "properties": {"kind": {"const": "quiz"}, "questions": {"type": "array", "minItems": 1}}}
            ]}
            """)
        let violations = try SchemaFixture.violations(schema, yaml: "kind: quiz\nquestions: []\n")
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == "minItems")
        #expect(violations.first?.location == at(2, 12))
        #expect(violations.first?.message.en == "the list has 0 items; at least 1 needed")
        #expect(violations.first?.message.hi == "सूची में 0 प्रविष्टियाँ हैं; कम से कम 1 चाहिए")
    }

    @Test func alternativesThatAllWantAnotherTypeGiveOneMessage() throws {
        let schema = try SchemaFixture.schema(##"{"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}"##)
        let violations = schema.validate(try SchemaFixture.yaml("5"))
        #expect(violations.count == 1)
        #expect(violations.first?.message.en == "expected text or a list here, found the number 5")
        #expect(violations.first?.message.hi == "यहाँ पाठ या एक सूची चाहिए थी, पर संख्या 5 मिली")
        #expect(violations.first?.schemaPath == "coursekit:///schema.json#/anyOf")
    }

    @Test func oneOfOverMatchSaysSo() throws {
        let schema = try SchemaFixture.schema(##"{"oneOf": [{"type": "string"}, {"minLength": 1}]}"##)
        let violations = schema.validate(try SchemaFixture.yaml("abc"))
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == "oneOf")
        #expect(violations.first?.message.en == "this value matches more than one alternative (alternatives 1 and 2); it must match exactly one")
        #expect(violations.first?.message.hi == "यह मान एक से अधिक विकल्पों (विकल्प 1 और 2) से मेल खाता है; इसे ठीक एक विकल्प से मेल खाना चाहिए")
    }

    @Test func unevaluatedPropertiesSuggestsNamesFromSubschemas() throws {
        let schema = try SchemaFixture.schema(
            """
            {"allOf": [{"$ref": "#/$defs/base"}], "properties": {"passMark": {"type": "number"}}, "unevaluatedProperties": false,
             "$defs": {"base": {"properties": {"title": {"type": "string"}, "summary": {"type": "string"}}}}}
            """)
        let violations = try SchemaFixture.violations(schema, yaml: "passMark: 40\nsumary: short\n")
        #expect(violations.count == 1)
        let unknown = try #require(violations.first)
        #expect(unknown.keyword == "unevaluatedProperties")
        #expect(unknown.location == at(2, 1))
        #expect(unknown.message.en == "unknown key 'sumary'")
        #expect(unknown.hint?.en == "did you mean 'summary'?")
    }

    @Test func unevaluatedPropertiesDoesNotBlameKeysOfAFailedBranch() throws {
        let schema = try SchemaFixture.schema(
            ##"{"anyOf": [{"properties": {"title": {"type": "string"}}, "required": ["title"]}], "unevaluatedProperties": false}"##)
        let violations = try SchemaFixture.violations(schema, yaml: "title: 5\nextra: 1\n")
        #expect(violations.map(\.keyword) == ["type", "unevaluatedProperties"])
        #expect(violations.last?.message.en == "unknown key 'extra'")
    }

    @Test func identicalViolationsAreReportedOnce() throws {
        let schema = try SchemaFixture.schema(
            ##"{"allOf": [{"$ref": "#/$defs/a"}, {"$ref": "#/$defs/a"}], "$defs": {"a": {"required": ["x"]}}}"##)
        let violations = try SchemaFixture.violations(schema, yaml: "y: 1\n")
        #expect(violations.count == 1)
    }

    @Test func badKeyNamesAreReportedAtTheKey() throws {
        let schema = try SchemaFixture.schema(##"{"propertyNames": {"pattern": "^[a-z]+$"}}"##)
        let violations = try SchemaFixture.violations(schema, yaml: "ok: 1\nTitle: x\n")
        let violation = try #require(violations.first)
        #expect(violation.keyword == "propertyNames")
        #expect(violation.location == at(2, 1))
        // No regular expression is ever shown to an author.
        #expect(violation.message.en == "the key name 'Title' is not allowed: text \"Title\" is not in the required form; see the field's description")
        #expect(violation.message.hi == "कुंजी का नाम 'Title' मान्य नहीं है: पाठ \"Title\" आवश्यक रूप में नहीं है; फ़ील्ड का विवरण देखें")
    }

    /// Each `propertyNames` schema judges a key name once per document: names it accepted
    /// in one object pass in the next, and a bad name after them is still found where it is.
    @Test func keyNamesAcceptedOnceAreStillCheckedInEveryObject() throws {
        let schema = try SchemaFixture.schema(##"{"additionalProperties": {"propertyNames": {"pattern": "^[a-z]+$"}}}"##)
        let yaml = "a:\n  hi: x\n  en: y\nb:\n  hi: x\n  EN: y\nc:\n  en: z\n  Hi: w\n"
        let violations = try SchemaFixture.violations(schema, yaml: yaml)
        #expect(violations.map(\.location) == [at(6, 3), at(9, 3)])
        #expect(violations.allSatisfy { $0.keyword == "propertyNames" })
    }

    @Test func aPatternDescriptionSaysWhatTheValueShouldLookLike() throws {
        let schema = try SchemaFixture.schema(##"{"properties": {"duration": {"type": "string", "pattern": "^PT\\d+M$", "patternDescription": "minutes such as PT45M", "patternDescriptionHi": "मिनट, जैसे PT45M"}}}"##)
        let violation = try #require(try SchemaFixture.violations(schema, yaml: "duration: 45 minutes\n").first)
        #expect(violation.message.en == "text \"45 minutes\" is not in the required form: expected minutes such as PT45M")
        #expect(violation.message.hi == "पाठ \"45 minutes\" आवश्यक रूप में नहीं है: अपेक्षित है मिनट, जैसे PT45M")
    }

    @Test func everyPatternOfTheShippedSchemasIsDescribedInBothLanguages() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schemas")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".schema.json") {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name)))
            var stack: [Any] = [object]
            while let next = stack.popLast() {
                if let dictionary = next as? [String: Any] {
                    if dictionary["pattern"] is String {
                        #expect(dictionary["patternDescription"] is String && dictionary["patternDescriptionHi"] is String,
                                "\(name): pattern \(dictionary["pattern"] ?? "") has no patternDescription/patternDescriptionHi")
                    }
                    stack.append(contentsOf: dictionary.values)
                } else if let array = next as? [Any] {
                    stack.append(contentsOf: array)
                }
            }
        }
    }

    @Test func extraItemsAndContainsExplainThemselves() throws {
        let tuple = try SchemaFixture.schema(##"{"prefixItems": [{"type": "string"}, {"type": "number"}], "items": false}"##)
        let extra = tuple.validate(try SchemaFixture.yaml("- a\n- 1\n- true\n- false\n"))
        #expect(extra.count == 1)
        #expect(extra.first?.location == at(3, 3))
        #expect(extra.first?.message.en == "item 3 is one too many; this list may have at most 2 items")
        #expect(extra.first?.message.hi == "प्रविष्टि 3 अतिरिक्त है; इस सूची में अधिकतम 2 प्रविष्टियाँ हो सकती हैं")

        let modules = try SchemaFixture.schema(
            ##"{"contains": {"properties": {"tag": {"const": "ai"}}, "required": ["tag"], "description": "a module tagged ai"}}"##)
        let missing = modules.validate(try SchemaFixture.yaml("- tag: cyber\n- tag: law\n"))
        #expect(missing.first?.message.en == "the list has no item of the required kind")
        #expect(missing.first?.message.hi == "सूची में आवश्यक प्रकार की कोई प्रविष्टि नहीं है")
        #expect(missing.first?.hint?.en == "the required kind: a module tagged ai")
        #expect(missing.first?.location == at(1, 1))
    }

    @Test func dependentRequiredNamesBothKeys() throws {
        let schema = try SchemaFixture.schema(##"{"dependentRequired": {"quiz": ["passMark"]}}"##)
        let violation = try #require(schema.validate(try SchemaFixture.yaml("quiz: q1\n")).first)
        #expect(violation.message.en == "missing key 'passMark', which is required when 'quiz' is given")
        #expect(violation.message.hi == "कुंजी 'passMark' नहीं दी गई है; 'quiz' दिए जाने पर यह आवश्यक है")
    }

    @Test func constAndNotAndFalse() throws {
        let fixed = try SchemaFixture.schema(##"{"const": "course"}"##)
        let const = try #require(fixed.validate(try SchemaFixture.yaml("cours")).first)
        #expect(const.message.en == "the value must be exactly \"course\"")
        #expect(const.message.hi == "मान ठीक \"course\" होना चाहिए")
        #expect(const.hint?.en == "did you mean \"course\"?")
        let forbidden = try SchemaFixture.schema(##"{"not": {"type": "null", "title": "an empty value"}}"##)
        let not = try #require(forbidden.validate(try SchemaFixture.yaml("~")).first)
        #expect(not.message.en == "this value is not allowed here")
        #expect(not.hint?.en == "it must not be: an empty value")
        #expect(not.hint?.hi == "यह ऐसा नहीं होना चाहिए: an empty value")
        let nothing = try SchemaFixture.schema("false")
        #expect(nothing.validate(try SchemaFixture.yaml("1")).first?.message.hi == "यहाँ कोई मान नहीं होना चाहिए")
    }

    @Test func everyViolationHasBothLanguages() throws {
        let yaml = "titel: 5\npassMark: -3\nlevel: 1\ntags: [a, a, 3]\nlegacy: 1\nduration: 5\n"
        let violations = try SchemaFixture.violations(schema, yaml: yaml)
        #expect(violations.count >= 7)
        for violation in violations {
            #expect(!violation.message.en.isEmpty && !violation.message.hi.isEmpty)
            #expect(violation.message.hi.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) }, "\(violation.message.hi)")
            if let hint = violation.hint {
                #expect(!hint.en.isEmpty && !hint.hi.isEmpty)
            }
        }
    }
}
