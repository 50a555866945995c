import Foundation
import Testing
@testable import CourseKit

/// SARIF output is checked against the OASIS SARIF 2.1.0 JSON schema from the shared
/// conformance data. That schema is draft-07, which coursekit's own evaluator (draft 2020-12
/// only) refuses by design, so the check runs Python's `jsonschema` (Draft7Validator, formats
/// checked) in a subprocess. Missing data, Python or jsonschema fail the test loudly. The shared
/// copy of the schema holds the log-file constraints in `definitions/Root` (its top level
/// constrains nothing), so documents are validated against that definition; a deliberately
/// broken document proves the check is not vacuous.
@Suite("SARIF output is valid SARIF 2.1.0")
struct SARIFConformanceTests {
    static let schemaPath = "sarif/sarif-schema-2.1.0.json"

    /// `$COURSEKIT_CONFORMANCE_DIR`, then `../shared/conformance` (see `ConformanceData`).
    static var candidates: [URL] { ConformanceData.candidates }

    static func schema() throws -> URL {
        for candidate in candidates {
            let file = candidate.appendingPathComponent(schemaPath)
            if FileManager.default.fileExists(atPath: file.path) { return file }
        }
        Issue.record("""
            SARIF schema not found: looked for \(schemaPath) in \(candidates.map(\.path).joined(separator: ", ")). \
            Set COURSEKIT_CONFORMANCE_DIR or check out the shared conformance data beside the project (../shared/conformance).
            """)
        throw Missing.schema
    }

    enum Missing: Error { case schema, validator }

    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 has no jsonschema module: install it (Debian: apt-get install python3-jsonschema; .ci/run does)")
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        # This copy of the SARIF schema keeps the log-file constraints in definitions/Root and
        # none at its top level; validating against the top level alone would accept anything.
        if not any(key in schema for key in ("type", "properties", "$ref", "allOf", "anyOf", "oneOf")):
            if "Root" not in schema.get("definitions", {}):
                print("the SARIF schema constrains nothing at its root and has no definitions/Root")
                sys.exit(4)
            schema = {"$ref": "#/definitions/Root", "definitions": schema["definitions"]}
        document = json.load(open(sys.argv[2], encoding="utf-8"))
        validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            print("/" + "/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """

    /// Problems the schema finds in `sarif` (empty when valid).
    static func validate(_ sarif: String) throws -> [String] {
        let schema = try schema()
        let file = TestTemporary.url("coursekit.sarif")
        try sarif.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            Issue.record("cannot run python3 to validate SARIF: \(error); install it (Debian: apt-get install python3 python3-jsonschema; .ci/run does)")
            throw Missing.validator
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        switch process.terminationStatus {
        case 0: return []
        case 1: return text.split(separator: "\n").map(String.init)
        default:
            Issue.record("SARIF validation could not run (exit \(process.terminationStatus)): \(text)")
            throw Missing.validator
        }
    }

    @Test func theFixtureReportIsValid() throws {
        for language in MessageLanguage.allCases {
            let problems = try Self.validate(SARIFReporter().render(ReporterFixture.result, language: language))
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test func aCleanRunIsValid() throws {
        #expect(try Self.validate(SARIFReporter().render(ReporterFixture.clean, language: .en)).isEmpty)
    }

    @Test func aRealRunWithConfigurationAndSuppressionsIsValid() throws {
        let schemas = try ConfigFixtures.schemas()
        let options = ValidationOptions(
            workingDirectory: ConfigFixtures.repo,
            configuration: try ConfigurationLoader(schemas: schemas).resolve(explicitPath: nil, workingDirectory: ConfigFixtures.repo),
            schemas: schemas)
        let result = try Validator(options: options).validate(paths: [])
        #expect(!result.findings.isEmpty)
        let sarif = SARIFReporter(helpBaseURI: options.configuration.helpBaseURI).render(result, language: .hi)
        #expect(try Self.validate(sarif).isEmpty)
    }

    @Test func anInvalidDocumentIsCaught() throws {
        // The check itself works: an unknown result level is refused.
        let broken = SARIFReporter().render(ReporterFixture.result, language: .en)
            .replacingOccurrences(of: "\"level\": \"note\"", with: "\"level\": \"notice\"")
        #expect(!(try Self.validate(broken)).isEmpty)
    }

    @Test func structureAsGitHubCodeScanningNeedsIt() throws {
        let text = SARIFReporter(helpBaseURI: "https://example.gov.in/docs/rules").render(ReporterFixture.result, language: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["schema-type", "missing-translation", "unused-suppression"])
        for rule in rules {
            let help = try #require(rule["helpUri"] as? String)
            #expect(help == "https://example.gov.in/docs/rules/\(rule["id"] as! String).md")
            #expect(URL(string: help)?.scheme == "https")
        }
        let results = try #require(run["results"] as? [[String: Any]])
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test func fingerprintsSurviveLinesMovingAndDifferForDifferentLines() throws {
        let folder = try ConfigFixtures.temporaryFolder()
        try "a: 1\nduration: 45\nb: 45\n".write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        func fingerprints() throws -> [String] {
            let result = ValidationResult(
                findings: [2, 3].map { line in
                    Finding(ruleID: "schema-type", severity: .error, location: SourceLocation(file: "c.yaml", line: line, column: 4),
                            message: LocalizedText(en: "m", hi: "म"))
                },
                checkedFiles: ["c.yaml"], rules: [CoreRule.schemaType.descriptor], repositoryRoot: folder, displayBase: folder)
            let object = try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(result, language: .en).utf8)) as? [String: Any]
            let results = ((object?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
            return results.compactMap { ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] }
        }
        let before = try fingerprints()
        #expect(before.count == 2 && before[0] != before[1])
        try "# a comment added above\na: 1\nduration: 45\nb: 45\n".write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        // Same findings one line lower: the first keeps its fingerprint (the line text is the same).
        let result = ValidationResult(
            findings: [Finding(ruleID: "schema-type", severity: .error, location: SourceLocation(file: "c.yaml", line: 3, column: 4),
                               message: LocalizedText(en: "m", hi: "म"))],
            checkedFiles: ["c.yaml"], rules: [CoreRule.schemaType.descriptor], repositoryRoot: folder, displayBase: folder)
        let moved = SARIFReporter().render(result, language: .en)
        #expect(moved.contains(before[0]))
    }
}
