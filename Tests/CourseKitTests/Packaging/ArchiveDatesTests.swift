import Foundation
import Testing
@testable import CourseKit

/// `ArchiveDates` reads a checkout's history once per pack run; each folder's date must be the
/// one `git log -1 -- FOLDER` (`ArchiveTimestamp.fromGit`) gives, merges included.
@Suite("Archive dates from one git log")
struct ArchiveDatesTests {
    /// Runs git in `folder` with fixed author and committer dates.
    func git(_ arguments: [String], in folder: URL, at seconds: Int = 1_700_000_000) throws {
        let git = try #require(ArchiveTimestamp.gitExecutable, "git is needed for this test (apt-get install git)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["-C", folder.path, "-c", "user.name=Test", "-c", "user.email=test@example.org",
                             "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_DATE"] = "@\(seconds) +0000"
        environment["GIT_COMMITTER_DATE"] = "@\(seconds) +0000"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }

    func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970) }

    @Test func eachFolderGetsItsNewestCommitAsGitLogSays() throws {
        let scratch = try ScratchFolder("archive-dates")
        let repo = scratch.url
        try git(["init", "-q"], in: repo)
        try scratch.write("courses/a/one.md", "# One\n")
        try scratch.write("courses/b/two.md", "# Two\n")
        try scratch.write("courses/b/sub/three.md", "# Three\n")
        try git(["add", "."], in: repo)
        try git(["commit", "-q", "-m", "first"], in: repo, at: 1_700_000_000)
        try scratch.write("courses/b/sub/three.md", "# Three, changed\n")
        try git(["commit", "-q", "-am", "second"], in: repo, at: 1_700_001_000)
        // A side branch changes a; main changes b; the merge changes nothing by itself.
        try git(["checkout", "-q", "-b", "side"], in: repo)
        try scratch.write("courses/a/one.md", "# One, on the side\n")
        try git(["commit", "-q", "-am", "side"], in: repo, at: 1_700_002_000)
        try git(["checkout", "-q", "main"], in: repo)
        try scratch.write("courses/b/two.md", "# Two, on main\n")
        try git(["commit", "-q", "-am", "main"], in: repo, at: 1_700_003_000)
        try git(["merge", "-q", "--no-edit", "side"], in: repo, at: 1_700_004_000)
        try scratch.write("courses/c/untracked.md", "# Not committed\n")

        let dates = ArchiveDates(repository: repo, environment: [:])
        let folder = { (name: String) in repo.appendingPathComponent(name).path }
        #expect(seconds(dates.date(of: [folder("courses/a")], repository: repo)) == 1_700_002_000)
        #expect(seconds(dates.date(of: [folder("courses/b/sub")], repository: repo)) == 1_700_001_000)
        #expect(seconds(dates.date(of: [folder("courses/b")], repository: repo)) == 1_700_003_000)
        #expect(seconds(dates.date(of: [folder("courses/a"), folder("courses/b/sub")], repository: repo)) == 1_700_002_000)
        // a changed on one side, b on the other: courses/ differs from both parents of the merge.
        #expect(seconds(dates.date(of: [folder("courses")], repository: repo)) == 1_700_004_000)
        #expect(dates.date(of: [folder("courses/c")], repository: repo) == ArchiveTimestamp.fallback, "nothing committed there")
        // The same answers as one `git log -1 -- FOLDER` per folder.
        for name in ["courses/a", "courses/b", "courses/b/sub", "courses/b/two.md", "courses"] {
            let once = dates.date(of: [folder(name)], repository: repo)
            #expect(once == ArchiveTimestamp.fromGit(repository: repo, paths: [folder(name)]), "\(name)")
        }
    }

    @Test func sourceDateEpochWinsAndNoCheckoutGivesTheFloor() throws {
        let scratch = try ScratchFolder("archive-dates-plain")
        try scratch.write("courses/a/one.md", "# One\n")
        let plain = ArchiveDates(repository: scratch.url, environment: [:])
        #expect(plain.date(of: [scratch.file("courses/a").path], repository: scratch.url) == ArchiveTimestamp.fallback)
        let fixed = ArchiveDates(repository: scratch.url, environment: ["SOURCE_DATE_EPOCH": "1767225600"])
        #expect(seconds(fixed.date(of: [scratch.file("courses/a").path], repository: scratch.url)) == 1_767_225_600)
    }

    @Test func logParsingKeepsTheNewestDatePerFileAndFolder() {
        // `git log -m -z --format='%x01%ct %H' --name-only`: merge m comes once per parent.
        let log = Data(("\u{1}300 m\0\na/x.md\0b/y.md\0\u{1}300 m\0\na/w.md\0"
            + "\u{1}200 k\0\na/x.md\0b/y.md\0\u{1}100 j\0\na/x.md\0c/d/z.md\0").utf8)
        let newest = ArchiveDates.parse(log)
        #expect(newest["a"] == 300, "a differs from both parents of the merge")
        #expect(newest["a/x.md"] == 200 && newest["b"] == 200, "the same as one parent: the merge does not count")
        #expect(newest["c/d"] == 100 && newest["c"] == 100)
        #expect(newest[""] == 300)
    }
}

@Suite("Validation batches")
struct BatchPlanBalanceTests {
    @Test func everyCoreGetsSeveralBatches() {
        // 300 courses, about 64 per batch, on 2 cores: 8 batches (four per core), not 5 (the
        // fifth ran alone on one core).
        #expect(BatchPlan.batchCount(courses: 300, limit: 64, cores: 2) == 8)
        #expect(BatchPlan.batchCount(courses: 1_000, limit: 64, cores: 2) == 16)
        #expect(BatchPlan.batchCount(courses: 1_001, limit: 64, cores: 4) == 16)
        #expect(BatchPlan.batchCount(courses: 3, limit: 64, cores: 2) == 3, "never more batches than courses")
        #expect(BatchPlan.batchCount(courses: 0, limit: 64, cores: 2) == 0)
        for courses in [9, 65, 129, 1_000, 1_501] {
            for cores in [1, 2, 3, 4, 8] where courses >= 4 * cores {
                let count = BatchPlan.batchCount(courses: courses, limit: 64, cores: cores)
                #expect(count % cores == 0 && count >= 4 * cores, "\(courses) courses on \(cores) cores: \(count) batches")
                #expect((courses + count - 1) / count <= 64)
            }
        }
    }

    @Test func coursesAreDealtSoBatchesCarryTheSameWork() {
        // Neighbouring courses alike, as in one department's catalogue: ten large ones first,
        // then thirty small ones. Cutting the sorted list into runs put every large course in
        // the first batch.
        let courses = (0..<40).map { RepositoryPath(components: ["courses", String(format: "c%02d", $0)]) }
        let files = Dictionary(uniqueKeysWithValues: courses.enumerated().map { ($0.element, $0.offset < 10 ? 40 : 8) })
        let shares = BatchPlan.spread(courses, into: 4) { files[$0]! }
        #expect(shares.count == 4)
        #expect(shares.flatMap { $0 }.sorted() == courses, "every course once")
        let loads = shares.map { $0.reduce(0) { $0 + files[$1]! } }
        #expect(loads.max()! - loads.min()! <= 40, "loads \(loads)")
        #expect(shares.allSatisfy { $0 == $0.sorted() }, "each batch in path order")
        #expect(BatchPlan.spread(courses, into: 4) { files[$0]! } == shares, "the same input deals the same batches")
    }

    @Test func theCacheKeepsItsRunsOfNeighbouringCourses() {
        let sources = (0..<10).map { (RepositoryPath(components: ["courses", "c\($0)", "course.yaml"]), SourceKind.course) }
        let batches = BatchPlan(sources: sources, batchSize: 4).batches
        #expect(batches.map { $0.map(\.0.parent.components.last!) } == [["c0", "c1", "c2", "c3"], ["c4", "c5", "c6", "c7"], ["c8", "c9"]])
    }
}
