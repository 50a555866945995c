import Foundation
import Testing
@testable import CourseKit

@Suite("coursekit.yaml: discovery and reading")
struct ConfigurationDiscoveryTests {
    @Test func walksUpFromTheWorkingDirectoryToTheNearestConfig() throws {
        let nested = ConfigFixtures.repo.appendingPathComponent("courses/demo/modules/intro")
        let found = try #require(ConfigurationLoader.discover(from: nested))
        #expect(found.path == ConfigFixtures.repo.appendingPathComponent("coursekit.yaml").resolvingSymlinksInPath().path)
    }

    @Test func theNearestConfigWinsOverOneFurtherUp() throws {
        let root = try ConfigFixtures.temporaryFolder()
        let inner = root.appendingPathComponent("department/courses")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try "extends: none\n".write(to: root.appendingPathComponent("coursekit.yaml"), atomically: true, encoding: .utf8)
        try "failSeverity: warning\n".write(to: root.appendingPathComponent("department/coursekit.yml"), atomically: true, encoding: .utf8)
        let configuration = try ConfigFixtures.loader().resolve(explicitPath: nil, workingDirectory: inner)
        #expect(configuration.file == root.appendingPathComponent("department/coursekit.yml").path)
        #expect(configuration.failSeverity == .warning)
        #expect(configuration.pack?.name == "up-karmayogi-2026")
    }

    @Test func withoutAConfigTheDefaultPackApplies() throws {
        let folder = try ConfigFixtures.temporaryFolder()
        #expect(ConfigurationLoader.discover(from: folder) == nil)
        let configuration = try ConfigFixtures.loader().resolve(explicitPath: nil, workingDirectory: folder)
        #expect(configuration.file == nil)
        #expect(configuration.pack?.name == Configuration.defaultPackName)
        #expect(configuration.rules.isEmpty && configuration.overrides.isEmpty && configuration.failSeverity == nil)
    }

    @Test func explicitConfigOverridesDiscovery() throws {
        let configuration = try ConfigFixtures.loader().resolve(
            explicitPath: "../good/none.yaml", workingDirectory: ConfigFixtures.repo)
        #expect(configuration.file?.hasSuffix("good/none.yaml") == true)
        #expect(configuration.pack == nil)
        #expect(configuration.directory.path == ConfigFixtures.good.resolvingSymlinksInPath().path)
    }

    @Test func aMissingExplicitConfigIsAToolError() throws {
        let folder = try ConfigFixtures.temporaryFolder()
        let loader = try ConfigFixtures.loader()
        do throws(ToolError) {
            _ = try loader.resolve(explicitPath: "ci/coursekit.yaml", workingDirectory: folder)
            Issue.record("no error")
        } catch {
            #expect(error.text(in: .en) == "configuration file ci/coursekit.yaml not found")
            #expect(error.text(in: .hi) == "कॉन्फ़िगरेशन फ़ाइल ci/coursekit.yaml नहीं मिली")
        }
    }

    @Test func aCommentOnlyFileIsTheDefaults() throws {
        let configuration = try ConfigFixtures.loader().load(
            fileAt: ConfigFixtures.good.appendingPathComponent("empty.yaml"), workingDirectory: ConfigFixtures.good)
        #expect(configuration.file == "empty.yaml")
        #expect(configuration.pack?.name == Configuration.defaultPackName)
    }

    @Test func readsEverySetting() throws {
        let configuration = try ConfigFixtures.loader().load(
            fileAt: ConfigFixtures.good.appendingPathComponent("full.yaml"), workingDirectory: ConfigFixtures.good)
        #expect(configuration.pack?.name == "up-karmayogi-2026")
        #expect(configuration.failSeverity == .warning)
        #expect(configuration.rules["schema-reference"]?.level == .info)
        #expect(configuration.rules["unused-suppression"]?.level == .off)
        #expect(configuration.rules["missing-translation"]?.level == .warning)
        #expect(configuration.rules["suppression-reason-missing"]?.level == .error)
        #expect(configuration.rules["schema-reference"]?.location?.description == "full.yaml:5:3")
        #expect(try configuration.suppressionSettings().minimumReasonLength == 12)
        #expect(configuration.overrides.count == 2)
        #expect(configuration.overrides[0].paths.map(\.pattern) == ["courses/drafts/**", "courses/*/old-*.yaml"])
        #expect(configuration.level(for: "missing-translation", at: "courses/drafts/a/course.yaml") == .off)
        #expect(configuration.level(for: "missing-translation", at: "courses/drafts/keep/course.yaml") == .error)
        #expect(configuration.level(for: "missing-translation", at: "courses/police/course.yaml") == .warning)
        #expect(configuration.level(for: "missing-translation", at: "courses/police/old-notes.yaml") == .off)
        #expect(configuration.level(for: "schema-type", at: "courses/police/course.yaml") == nil)
        #expect(configuration.helpURI(for: "schema-type") == "https://git.example.gov.in/upam/coursekit/-/blob/main/docs/rules/schema-type.md")
    }
}

@Suite("coursekit.yaml: every error is exit 2 at file:line:col, in English and Hindi")
struct ConfigurationErrorTests {
    /// (fixture, expected English text, a Hindi fragment)
    static let cases: [(String, String, String)] = [
        ("yaml-syntax.yaml", "yaml-syntax.yaml:3:1: YAML syntax error:", "YAML वाक्य-रचना त्रुटि"),
        ("unknown-key.yaml", "unknown-key.yaml:2:1: unknown key 'colour'", "अज्ञात कुंजी 'colour'"),
        ("bad-severity.yaml", "bad-severity.yaml:2:16: \"critical\" is not one of the allowed values: \"off\", \"info\", \"warning\", \"error\"", "अनुमत मानों में से नहीं है"),
        ("bad-fail-severity.yaml", "bad-fail-severity.yaml:1:15: \"fatal\" is not one of the allowed values: \"info\", \"warning\", \"error\"", "अनुमत मानों में से नहीं है"),
        ("unknown-pack.yaml", "unknown-pack.yaml:2:10: unknown policy pack 'up-karmayogi-2025' (did you mean 'up-karmayogi-2026'?); available: up-karmayogi-2026, or none", "अज्ञात नीति-पैक 'up-karmayogi-2025' (क्या आपका आशय 'up-karmayogi-2026' से था?)"),
        ("unknown-rule.yaml", "unknown-rule.yaml:3:3: unknown rule 'brokn-link' (did you mean 'broken-link'?); docs/rules/ lists every rule", "अज्ञात नियम 'brokn-link' (क्या आपका आशय 'broken-link' से था?)"),
        ("unknown-override-rule.yaml", "unknown-override-rule.yaml:4:7: unknown rule 'schema-tipe' (did you mean 'schema-type'?)", "अज्ञात नियम 'schema-tipe'"),
        ("bad-glob.yaml", "bad-glob.yaml:2:13: '/etc/**': the path pattern is absolute; write it relative to the folder of coursekit.yaml\nbad-glob.yaml:2:24: '../other/**': the path pattern uses '..'; overrides apply only below the folder of coursekit.yaml", "पथ-पैटर्न निरपेक्ष है"),
        ("parameters-wrong-type.yaml", "parameters-wrong-type.yaml:4:22: parameter 'minimumLength' of rule 'suppression-reason-missing' must be a whole number, found string", "पूर्ण संख्या होना चाहिए"),
        ("parameters-unknown.yaml", "parameters-unknown.yaml:4:18: rule 'suppression-reason-missing' has no parameter 'minimumLenght' (did you mean 'minimumLength'?); it accepts: minimumLength", "नाम का पैरामीटर नहीं है"),
        ("parameters-on-core-rule.yaml", "parameters-on-core-rule.yaml:3:18: rule 'schema-type' takes no parameters, but 'parameters' sets 'strict'", "कोई पैरामीटर नहीं लेता"),
        ("empty-rule-setting.yaml", "empty-rule-setting.yaml:2:16:", "कम से कम 1"),
    ]

    @Test(arguments: cases)
    func reportsTheProblemAtItsLocation(fixture: String, english: String, hindi: String) throws {
        let error = try ConfigFixtures.error(loading: fixture)
        let location = try #require(error.location, "no location for \(fixture)")
        #expect(location.file == fixture)
        #expect(error.text(in: .en).hasPrefix(english), "\(error.text(in: .en))")
        #expect(error.text(in: .hi).contains(hindi), "\(error.text(in: .hi))")
        #expect(error.text(in: .hi).hasDevanagari)
        #expect(error.text(in: .hi).hasPrefix(location.description))
    }

    @Test func reportsEveryProblemOfAFileInOrder() throws {
        let error = try ConfigFixtures.error(loading: "several-problems.yaml")
        let lines = error.text(in: .en).split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        #expect(lines == [
            "several-problems.yaml:1:10:", "several-problems.yaml:3:16:", "several-problems.yaml:4:3:", "several-problems.yaml:6:13:",
        ])
        #expect(error.text(in: .hi).split(separator: "\n").count == 4)
    }

    @Test func invalidUTF8IsAToolErrorAtTheFile() throws {
        let folder = try ConfigFixtures.temporaryFolder()
        try Data([0x72, 0x75, 0x6C, 0x65, 0x73, 0x3A, 0x20, 0xFF, 0x0A]).write(to: folder.appendingPathComponent("coursekit.yaml"))
        let loader = try ConfigFixtures.loader()
        do throws(ToolError) {
            _ = try loader.resolve(explicitPath: nil, workingDirectory: folder)
            Issue.record("no error")
        } catch {
            #expect(error.text(in: .en) == "coursekit.yaml:1:1: file is not valid UTF-8 text; save it as UTF-8")
            #expect(error.text(in: .hi).hasDevanagari)
        }
    }

    @Test func aConfigThatIsNotAMappingIsRefused() throws {
        let error = try ConfigFixtures.error(parsing: "- extends\n- up-karmayogi-2026\n")
        #expect(error.location?.description == "coursekit.yaml:1:1")
    }

    // Policy-rule parameters, with a test pack whose rule has a typed parameter.

    @Test func policyRuleParametersAreCheckedByTheRule() throws {
        let wrong = try ConfigFixtures.error(parsing: """
            extends: test-pack
            rules:
              minimum-modules:
                parameters: {minimum: two}
            """, catalog: ConfigFixtures.testCatalog)
        #expect(wrong.text(in: .en) == "coursekit.yaml:4:27: parameter 'minimum' of rule 'minimum-modules' must be a whole number, found string")
        let unknown = try ConfigFixtures.error(parsing: """
            extends: test-pack
            rules:
              minimum-modules:
                parameters:
                  minimun: 3
            """, catalog: ConfigFixtures.testCatalog)
        #expect(unknown.text(in: .en) == "coursekit.yaml:5:7: rule 'minimum-modules' has no parameter 'minimun' (did you mean 'minimum'?); it accepts: minimum")
    }

    @Test func parametersOfARuleThatIsOffAreStillChecked() throws {
        let error = try ConfigFixtures.error(parsing: """
            rules:
              minimum-modules: {severity: off, parameters: {minimum: -}}
            """, catalog: ConfigFixtures.testCatalog)
        #expect(error.location?.description == "coursekit.yaml:2:58")
    }
}
