import Foundation
import Testing
@testable import CourseKit

/// The run-wide confirmation of `case-study-used`: pending findings a batch settled are dropped
/// without scanning; the others are confirmed by the repository scan.
@Suite("Confirming repository-wide findings once per run")
struct RepositoryWidePassTests {
    static func pending(_ folder: String) -> PendingFinding {
        PendingFinding(
            finding: Finding(ruleID: CaseStudyUsed.descriptor.id, severity: .warning,
                             location: SourceLocation(file: "\(folder)/case-study.yaml", line: 1, column: 1),
                             message: LocalizedText(en: "case study '\(folder)' is not used", hi: "केस स्टडी '\(folder)' प्रयुक्त नहीं है")),
            subject: RepositoryPath(normalizing: folder)!)
    }

    /// An empty repository: its scan finds no use of anything, so a pending finding stands
    /// unless a batch settled it.
    static func emptyRepositoryPass() throws -> (RepositoryWidePass, ScratchFolder) {
        let scratch = try ScratchFolder()
        let repository = Repository(root: scratch.url, displayBase: scratch.url)
        return (RepositoryWidePass(rules: [try CaseStudyUsed(options: RuleOptions(ruleID: CaseStudyUsed.descriptor.id))],
                                   repository: repository), scratch)
    }

    @Test func aCaseStudySomeBatchNamesIsNotReported() throws {
        let (pass, _) = try Self.emptyRepositoryPass()
        let pending = [Self.pending("studies/a"), Self.pending("studies/b")]
        let settled: [[String: [RepositoryPath]]?] = [[CaseStudyUsed.descriptor.id: [RepositoryPath(normalizing: "studies/a")!]], nil]
        let confirmed = pass.confirm(pending, settled: settled)
        #expect(confirmed.map(\.location.file) == ["studies/b/case-study.yaml"])
    }

    @Test func withNothingSettledTheScanDecides() throws {
        let (pass, _) = try Self.emptyRepositoryPass()
        let pending = [Self.pending("studies/a"), Self.pending("studies/b")]
        #expect(pass.confirm(pending, settled: [nil, [:]]).count == 2)
        // Another rule's settled subjects do not count for this one.
        #expect(pass.confirm(pending, settled: [["other-rule": [RepositoryPath(normalizing: "studies/a")!]]]).count == 2)
    }

    @Test func aBatchSettlesTheCaseStudiesItsCoursesName() throws {
        let copy = try CatalogueCopy()
        let options = try ValidationOptions.load(workingDirectory: copy.folder)
        let validator = try Validator(options: options)
        let (loader, urls) = try validator.makeLoader(paths: ["courses/anm-asha-maternal-newborn-care", "courses/programmes"])
        let catalogue = try loader.load(paths: urls)
        let settled = RepositoryWidePass(rules: validator.rules, repository: loader.repository).settled(catalogue)
        let folders = Set(settled[CaseStudyUsed.descriptor.id] ?? [])
        // The in-service programme schedules both case studies; every one a course or
        // programme names is settled, and nothing else.
        let named = Set(CaseStudyUsed.references(in: catalogue).compactMap(\.resolved))
        #expect(!folders.isEmpty && folders == named, "\(folders)")
        #expect(folders.allSatisfy { $0.string.hasPrefix("courses/case-studies/") })
    }
}
