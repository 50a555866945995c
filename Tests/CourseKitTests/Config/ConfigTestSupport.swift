import Foundation
import Testing
@testable import CourseKit

/// Fixture locations and shared helpers for the configuration and reporter tests.
enum ConfigFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Config
        .deletingLastPathComponent()  // CourseKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
    static let folder = packageRoot.appendingPathComponent("Tests/CourseKitTests/Fixtures/config")
    /// A small repository with `coursekit.yaml`, suppressions and overrides.
    static let repo = folder.appendingPathComponent("repo")
    static let bad = folder.appendingPathComponent("bad")
    static let good = folder.appendingPathComponent("good")

    private static let loadedSchemas: Result<SchemaSet, SchemaSet.LoadError> = Result { () throws(SchemaSet.LoadError) in
        try SchemaSet(directory: packageRoot.appendingPathComponent("schemas"))
    }

    static func schemas() throws -> SchemaSet { try loadedSchemas.get() }

    static func loader(catalog: RuleCatalog = RuleCatalog()) throws -> ConfigurationLoader {
        ConfigurationLoader(schemas: try schemas(), catalog: catalog)
    }

    /// Loads `bad/<name>` expecting a `ToolError`, and returns it.
    static func error(loading name: String, in folder: URL = bad, catalog: RuleCatalog = RuleCatalog()) throws -> ToolError {
        let loader = try loader(catalog: catalog)
        do throws(ToolError) {
            _ = try loader.load(fileAt: folder.appendingPathComponent(name), workingDirectory: folder)
        } catch {
            return error
        }
        Issue.record("\(name) loaded without error")
        throw FixtureError.expectedFailure(name)
    }

    /// Parses config text expecting a `ToolError`.
    static func error(parsing text: String, catalog: RuleCatalog = RuleCatalog()) throws -> ToolError {
        let loader = try loader(catalog: catalog)
        do throws(ToolError) {
            _ = try loader.parse(text: text, file: "coursekit.yaml", directory: URL(fileURLWithPath: "/tmp"))
        } catch {
            return error
        }
        Issue.record("config loaded without error:\n\(text)")
        throw FixtureError.expectedFailure(text)
    }

    enum FixtureError: Error { case expectedFailure(String) }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = TestTemporary.url("coursekit-config")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    /// A copy of a fixture folder in a temporary folder.
    static func copy(_ fixture: URL) throws -> URL {
        let target = try temporaryFolder().appendingPathComponent(fixture.lastPathComponent)
        try FileManager.default.copyItem(at: fixture, to: target)
        return target
    }

    /// The catalog of rule ids plus a test pack with a parameterised policy rule.
    static let testCatalog = RuleCatalog(packs: [
        PolicyPack.upKarmayogi2026.name: .upKarmayogi2026,
        "test-pack": PolicyPack(
            name: "test-pack", summary: LocalizedText(en: "rules for tests", hi: "परीक्षणों के नियम"),
            rules: [MinimumModulesRule.self, NeverFiresRule.self]),
    ])
}

/// A policy rule with a typed parameter, for configuration tests.
struct MinimumModulesRule: Rule {
    static let minimumParameter = RuleParameter(
        "minimum", default: .integer(2),
        summary: LocalizedText(en: "fewest modules a course needs", hi: "पाठ्यक्रम में न्यूनतम मॉड्यूल"))
    static let descriptor = RuleDescriptor(
        id: "minimum-modules", defaultSeverity: .warning, parameters: [minimumParameter],
        summary: LocalizedText(en: "a course has too few modules", hi: "पाठ्यक्रम में बहुत कम मॉड्यूल हैं"))

    let minimum: Int

    init(options: RuleOptions) throws(ToolError) {
        minimum = try options.int(Self.minimumParameter)
    }

    func check(_ catalogue: Catalogue) -> [Finding] {
        catalogue.courses.filter { $0.modules.count < minimum }.map { course in
            Finding(
                ruleID: Self.descriptor.id, severity: Self.descriptor.defaultSeverity,
                location: course.value["modules"]?.location ?? course.file.location,
                message: LocalizedText(
                    en: "the course has \(course.modules.count) modules, fewer than \(minimum)",
                    hi: "पाठ्यक्रम में \(course.modules.count) मॉड्यूल हैं, \(minimum) से कम"))
        }
    }
}

/// A policy rule that finds nothing (to see which rules run).
struct NeverFiresRule: Rule {
    static let descriptor = RuleDescriptor(
        id: "never-fires", defaultSeverity: .info,
        summary: LocalizedText(en: "finds nothing", hi: "कुछ नहीं पाता"))

    init(options: RuleOptions) throws(ToolError) {}

    func check(_ catalogue: Catalogue) -> [Finding] { [] }
}

extension String {
    /// True when the text contains Devanagari letters.
    var hasDevanagari: Bool { unicodeScalars.contains { (0x0900...0x097F).contains($0.value) } }
}
