import Foundation
import Testing
@testable import CourseKit

@Suite("Loading a repository")
struct CatalogueLoaderTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/loader/repo")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh copy of the fixture repository, so tests may add symlinks.
    func copyOfFixture() throws -> URL {
        let target = TestTemporary.url("coursekit-loader")
        try FileManager.default.copyItem(at: Self.fixture, to: target)
        return target
    }

    @Test func loadsCoursesModulesAndLessonEditions() throws {
        let root = try copyOfFixture()
        let catalogue = try Validator(workingDirectory: root).loadCatalogue(paths: ["courses"])
        #expect(catalogue.courses.map(\.id) == ["demo-course", "demo-course"])
        let module = try #require(catalogue.sortedModules.first)
        #expect(module.id == "intro")
        let welcome = try #require(module.lessons.first)
        #expect(welcome.editions.map(\.language) == ["hi", "en"])
        #expect(welcome.editions.allSatisfy { $0.markdown != nil })
        #expect(welcome.editions[0].markdown?.headings.first?.text == "स्वागत")
    }

    @Test func refusesPathsThatLeaveTheRepository() throws {
        let root = try copyOfFixture()
        let catalogue = try Validator(workingDirectory: root).loadCatalogue(paths: ["courses"])
        let outside = catalogue.findings.filter { $0.ruleID == "path-outside-repository" }
        #expect(outside.map(\.location.description).sorted() == [
            "courses/demo/course.yaml:10:11",
            "courses/demo/course.yaml:9:11",
            "courses/demo/modules/intro/lessons/welcome.en.md:3:8",
        ])
    }

    @Test func refusesSymbolicLinksOutOfTheRepository() throws {
        let root = try copyOfFixture()
        let lessons = root.appendingPathComponent("courses/demo/modules/intro/lessons")
        try FileManager.default.createSymbolicLink(atPath: lessons.appendingPathComponent("secret.md").path, withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: lessons.appendingPathComponent("secret.en.md").path, withDestinationPath: "welcome.en.md")
        let catalogue = try Validator(workingDirectory: root).loadCatalogue(paths: ["courses/demo"])
        let finding = try #require(catalogue.findings.first { $0.ruleID == "path-outside-repository" && $0.location.file.hasSuffix("module.yaml") })
        #expect(finding.location.file == "courses/demo/modules/intro/module.yaml")
        #expect(finding.message.en.contains("symbolic link"))
        // A link that stays inside the repository is fine.
        #expect(!catalogue.findings.contains { $0.message.en.contains("secret.en.md") })
    }

    @Test func findsDuplicateIdentifiersAcrossBatches() throws {
        let root = try copyOfFixture()
        let result = try Validator(workingDirectory: root).validate(paths: ["courses"])
        let duplicate = try #require(result.findings.first { $0.ruleID == "duplicate-id" })
        #expect(duplicate.location.description == "courses/demo/course.yaml:2:5")
        #expect(duplicate.notes.first?.location.description == "courses/copy/course.yaml:2:5")
    }

    @Test func theShippedCatalogueLoadsWithoutStructuralErrors() throws {
        let catalogue = try Validator(workingDirectory: Self.packageRoot).loadCatalogue(paths: ["courses"])
        #expect(catalogue.courses.count >= 4)
        let structural = catalogue.findings.filter { $0.severity == .error }
        #expect(structural.isEmpty, "\(structural.prefix(5).map { "\($0.location): \($0.ruleID) \($0.message.en)" })")
    }
}
