import Foundation
import Testing
@testable import CourseKit

/// The validation cache (`ValidationCache`): `pack` with a cache loads again exactly the batches
/// whose inputs changed, and its findings, archives and blocked editions are those of a run
/// without any cache.
@Suite("Incremental validation cache")
struct ValidationCacheTests {
    typealias Repository = PackCacheTests.Repository

    /// Packs with the cache and without it (into another folder), and checks both give the
    /// same findings and the same archive bytes.
    func packBoth(_ repository: Repository, _ label: String) throws -> CoursePackager.Result {
        let warm = try pack(repository, cache: true, into: repository.output)
        let cold = try pack(repository, cache: false, into: repository.scratch.file("cold-\(label)"))
        #expect(warm.findings == cold.findings, "\(label): findings differ from a run without cache")
        #expect(warm.archives.map(\.url.lastPathComponent) == cold.archives.map(\.url.lastPathComponent), "\(label)")
        for (a, b) in zip(warm.archives, cold.archives) {
            #expect(try Data(contentsOf: a.url) == Data(contentsOf: b.url), "\(label): \(a.url.lastPathComponent) differs")
        }
        return warm
    }

    func pack(_ repository: Repository, cache: Bool, into output: URL) throws -> CoursePackager.Result {
        var packager = CoursePackager(
            workingDirectory: repository.root, output: output,
            environment: ["SOURCE_DATE_EPOCH": "1767225600", "XDG_CACHE_HOME": repository.scratch.file("xdg").path])
        packager.unplayableQuestions = .convert
        packager.useCache = cache
        packager.cacheFolder = repository.cache
        packager.options = try ValidationOptions.load(workingDirectory: repository.root, paths: ["courses"])
        return try packager.pack(paths: [repository.root.appendingPathComponent("courses").path])
    }

    @Test func unchangedInputsAreNotLoadedAgain() throws {
        let repository = try Repository("vc-unchanged")
        try FileManager.default.copyItem(at: PackCacheTests.shippedConfiguration, to: repository.root.appendingPathComponent("coursekit.yaml"))
        let first = try packBoth(repository, "first")
        #expect(first.batchesReused == 0 && first.batchesLoaded >= 2)
        let second = try packBoth(repository, "second")
        #expect(second.batchesLoaded == 0, "nothing changed, nothing loaded")
        #expect(second.batchesReused == first.batchesLoaded)
        #expect(second.rewritten.isEmpty)
    }

    /// A finding in a cached batch is reported again, blocks its edition again, and goes away
    /// once the file is fixed; a changed lesson loads only its own batch again.
    @Test func aChangedLessonLoadsItsBatchAndKeepsFindingsExact() throws {
        let repository = try Repository("vc-lesson")
        try FileManager.default.copyItem(at: PackCacheTests.shippedConfiguration, to: repository.root.appendingPathComponent("coursekit.yaml"))
        let first = try packBoth(repository, "first")
        let lesson = "courses/police-citizen-centric-policing/modules/fir-and-zero-fir/lessons/"
            + (try FileManager.default.contentsOfDirectory(atPath: repository.root.appendingPathComponent("courses/police-citizen-centric-policing/modules/fir-and-zero-fir/lessons").path)
                .filter { $0.hasSuffix(".md") && !$0.contains(".hi.") }.sorted()[0])
        try repository.edit(lesson) { $0 + "\nReport it on fir-portal-up.com today.\n" }
        let broken = try packBoth(repository, "broken")
        #expect(broken.findings.contains { $0.ruleID == "example-domain-reserved" && $0.location.file == lesson })
        #expect(broken.findings.contains { $0.ruleID == PackRule.editionBlocked.id })
        #expect(broken.batchesLoaded >= 1 && broken.batchesLoaded < first.batchesLoaded + 1)
        let again = try packBoth(repository, "again")
        #expect(again.batchesLoaded >= 1, "a batch with a blocked edition is not stored, so it loads again")
        #expect(again.findings == broken.findings)
        try repository.edit(lesson) { $0.replacingOccurrences(of: "fir-portal-up.com", with: "cybercrime.gov.in") }
        let fixed = try packBoth(repository, "fixed")
        #expect(!fixed.findings.contains { $0.ruleID == "example-domain-reserved" })
        #expect(fixed.archives.count == first.archives.count)
    }

    /// A changed severity in coursekit.yaml changes every batch's key: all load again, and the
    /// findings are graded as a run without cache grades them.
    @Test func aChangedConfigurationLoadsEverythingAgain() throws {
        let repository = try Repository("vc-config")
        let config = repository.root.appendingPathComponent("coursekit.yaml")
        try FileManager.default.copyItem(at: PackCacheTests.shippedConfiguration, to: config)
        let first = try packBoth(repository, "first")
        let text = try String(contentsOf: config, encoding: .utf8)
        try (text + "\n# a comment changes the bytes\n").write(to: config, atomically: true, encoding: .utf8)
        let second = try packBoth(repository, "second")
        #expect(second.batchesReused == 0 && second.batchesLoaded == first.batchesLoaded)
    }

    /// A changed shared library module loads again every batch that uses it.
    @Test func aChangedSharedModuleLoadsItsUsers() throws {
        let repository = try Repository("vc-shared")
        try FileManager.default.copyItem(at: PackCacheTests.shippedConfiguration, to: repository.root.appendingPathComponent("coursekit.yaml"))
        let first = try packBoth(repository, "first")
        let library = repository.root.appendingPathComponent("courses/library/cyber-safety-for-field-staff")
        let lessons = library.appendingPathComponent("lessons")
        let name = try FileManager.default.contentsOfDirectory(atPath: lessons.path).filter { $0.hasSuffix(".md") }.sorted()[0]
        try repository.edit("courses/library/cyber-safety-for-field-staff/lessons/\(name)") { $0 + "\nOne more line.\n" }
        let second = try packBoth(repository, "second")
        #expect(second.batchesLoaded >= 1 && second.batchesLoaded <= first.batchesLoaded)
        #expect(!second.rewritten.isEmpty)
    }

    /// `validate --cache`: the same findings as a run without cache after a rule's severity
    /// changes in coursekit.yaml and after the glossary it names changes.
    @Test func validateWithCacheFollowsSeverityAndGlossaryChanges() throws {
        let repository = try Repository("vc-validate")
        let config = repository.root.appendingPathComponent("coursekit.yaml")
        try FileManager.default.copyItem(at: PackCacheTests.shippedConfiguration, to: config)
        let lesson = "courses/rural-roads-quality-control/"
            + (try FileManager.default.subpathsOfDirectory(atPath: repository.root.appendingPathComponent("courses/rural-roads-quality-control").path)
                .filter { $0.hasSuffix(".md") && !$0.contains(".hi.") }.sorted()[0])
        try repository.edit(lesson) { $0 + "\nSee roads-portal-up.com for forms.\n" }
        func validate(cache: Bool) throws -> (findings: [Finding], reused: Int) {
            var validator = try Validator(options: ValidationOptions.load(workingDirectory: repository.root, paths: ["courses"]))
            if cache {
                try validator.enableCache(paths: ["courses"], folder: repository.cache,
                                          environment: ["XDG_CACHE_HOME": repository.scratch.file("xdg").path])
                #expect(validator.cache != nil)
            }
            return (try validator.validate(paths: ["courses"]).findings, validator.cache?.reused ?? 0)
        }
        var reused = 0
        func expectSame(_ label: String) throws -> [Finding] {
            let warm = try validate(cache: true)
            reused = warm.reused
            #expect(warm.findings == (try validate(cache: false)).findings, "\(label): findings differ from a run without cache")
            return warm.findings
        }
        let first = try expectSame("first")
        #expect(reused == 0)
        #expect(first.contains { $0.ruleID == "example-domain-reserved" && $0.severity == .error })
        #expect(try expectSame("again") == first)
        #expect(reused > 0, "nothing changed: batches come from the cache")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "overrides:\n", with: "rules:\n  example-domain-reserved: warning\noverrides:\n")
            .write(to: config, atomically: true, encoding: .utf8)
        let graded = try expectSame("severity")
        #expect(graded.contains { $0.ruleID == "example-domain-reserved" && $0.severity == .warning })
        #expect(reused == 0, "a changed configuration loads every batch again")
        try repository.edit("courses/glossary.yaml") { $0 + "\n" }
        _ = try expectSame("glossary")
        #expect(reused == 0, "a changed glossary loads every batch again")
    }
}
