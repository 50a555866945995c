import Foundation
import Testing
@testable import CourseKit

/// The pack cache (`PackCache`): a change rewrites exactly the archives that contain it, the
/// bytes are those of a run without cache, and corrupt or foreign cache entries are ignored.
@Suite("Incremental pack cache")
struct PackCacheTests {
    /// A copy of the shipped catalogue (courses, programmes, library) in a scratch folder.
    struct Repository {
        let scratch: ScratchFolder
        var root: URL { scratch.file("repo") }
        var cache: URL { scratch.file("cache") }
        var output: URL { root.appendingPathComponent("dist") }

        init(_ name: String) throws {
            scratch = try ScratchFolder(name)
            let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("courses")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: shipped, to: root.appendingPathComponent("courses"))
        }

        /// Packs every course and programme; the secret lives in the scratch folder.
        func pack(epoch: String = "1767225600", cache useCache: Bool = true, into output: URL? = nil) throws -> CoursePackager.Result {
            var packager = CoursePackager(
                workingDirectory: root, output: output ?? self.output,
                environment: ["SOURCE_DATE_EPOCH": epoch, "XDG_CACHE_HOME": scratch.file("xdg").path])
            packager.unplayableQuestions = .convert
            packager.useCache = useCache
            packager.cacheFolder = cache
            let result = try packager.pack(paths: [root.appendingPathComponent("courses").path])
            #expect(!result.findings.contains { $0.severity == .error }, "\(result.findings.filter { $0.severity == .error }.prefix(3).map { "\($0.location) \($0.message.en)" })")
            return result
        }

        /// Loads the copied catalogue in validation's batches and returns `body`'s answer for each.
        /// The batches load in parallel; `body` runs for one batch at a time, because the run's
        /// memos may build a value twice when two batches miss it at the same moment (the same
        /// bytes, so harmless), and the tests below count builds exactly.
        func eachBatch<T: Sendable>(_ body: @escaping @Sendable (Catalogue) -> T) throws -> [T] {
            let (loader, urls) = try Validator(workingDirectory: root).makeLoader(paths: [root.appendingPathComponent("courses").path])
            let inTurn = NSLock()
            return try loader.process(paths: urls) { catalogue in inTurn.withLock { body(catalogue) } }
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changed nothing")
            try changed.write(to: url, atomically: true, encoding: .utf8)
        }

        /// Modification time (ns) of every archive in the output folder.
        func times() throws -> [String: Int] {
            var times: [String: Int] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
                var info = stat()
                #expect(stat(output.appendingPathComponent(name).path, &info) == 0)
                times[name] = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            }
            return times
        }
    }

    /// The project's own coursekit.yaml (all rules of the shipped policy pack).
    static let shippedConfiguration = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("coursekit.yaml")

    static func archives(_ result: CoursePackager.Result) -> Set<String> { Set(result.archives.map(\.url.lastPathComponent)) }

    /// Packs, applies `change`, packs again; checks the second run rewrote exactly `expected`
    /// (by the run's own account and by file modification times) and that its bytes equal a
    /// run without cache.
    func expectRebuilds(_ name: String, _ change: (Repository) throws -> Void, epoch: String = "1767225600",
                        expected: (Set<String>) -> Set<String>) throws {
        let repository = try Repository(name)
        let first = try repository.pack()
        let all = Self.archives(first)
        #expect(all.count >= 14, "\(all.sorted())")
        #expect(Set(first.rewritten) == all)
        let before = try repository.times()
        usleep(20_000)
        try change(repository)
        let second = try repository.pack(epoch: epoch)
        let wanted = expected(all)
        #expect(!wanted.isEmpty || name == "comment" || name == "unchanged")
        #expect(Set(second.rewritten) == wanted, "\(name): rewrote \(second.rewritten.sorted()), expected \(wanted.sorted())")
        #expect(Set(second.unchanged) == all.subtracting(wanted))
        let after = try repository.times()
        let touched = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(touched == wanted, "\(name): files with a new modification time: \(touched.sorted())")
        let log = try String(contentsOf: repository.cache.appendingPathComponent("last-pack.log"), encoding: .utf8)
        #expect(log.split(separator: "\n").filter { $0.hasPrefix("written ") }.count == wanted.count)
        // The bytes are those of a run without cache.
        let fresh = repository.scratch.file("fresh")
        _ = try repository.pack(epoch: epoch, cache: false, into: fresh)
        for archive in all {
            #expect(try Data(contentsOf: repository.output.appendingPathComponent(archive))
                    == Data(contentsOf: fresh.appendingPathComponent(archive)), "\(name): \(archive) differs from a run without cache")
        }
    }

    @Test func nothingChangedRewritesNothing() throws {
        try expectRebuilds("unchanged", { _ in }, expected: { _ in [] })
    }

    @Test func aChangedDepartmentLessonRewritesOnlyItsEdition() throws {
        try expectRebuilds("department lesson", { repository in
            try repository.edit("courses/police-citizen-centric-policing/modules/cyber-crime-complaint/lessons/golden-hour.md") { $0 + "\nएक और पंक्ति।\n" }
        }, expected: { all in all.filter { $0.hasPrefix("police-citizen-centric-policing_") && $0.hasSuffix("_hi.ecar") } })
    }

    @Test func aChangedSharedLessonRewritesEveryArchiveThatEmbedsIt() throws {
        try expectRebuilds("shared lesson", { repository in
            try repository.edit("courses/library/ai-for-field-staff/lessons/job-aid.en.md") { $0 + "\nOne more line.\n" }
        }, expected: { all in
            all.filter { ($0.hasPrefix("police-citizen-centric-policing_") || $0.hasPrefix("anm-asha-maternal-newborn-care_")) && $0.hasSuffix("_en.ecar") }
        })
    }

    @Test func aChangedImageRewritesOnlyTheEditionThatShowsIt() throws {
        try expectRebuilds("image", { repository in
            let url = repository.root.appendingPathComponent("courses/police-citizen-centric-policing/modules/citizen-centric-policing/assets/helplines.svg")
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "</svg>", with: "<!-- changed --></svg>")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }, expected: { all in all.filter { $0.hasPrefix("police-citizen-centric-policing_") && $0.hasSuffix("_en.ecar") } })
    }

    @Test func aChangedSharedModuleRewritesTheCoursesAndProgrammesUsingIt() throws {
        try expectRebuilds("shared module", { repository in
            try repository.edit("courses/library/cyber-security-essentials/module.yaml") {
                $0.replacingOccurrences(of: "  en: Cyber security essentials\n", with: "  en: Cyber security essentials (2026)\n")
            }
        }, expected: { all in
            all.filter { ["panchayat-ulb-grievance-citizen-services_", "rural-roads-quality-control_", "engineers-7-day_", "in-service-7-day_", "upam-7-day-induction_"]
                .contains(where: $0.hasPrefix) && $0.hasSuffix("_en.ecar") }
        })
    }

    @Test func aCommentOnlyChangeRewritesNothing() throws {
        try expectRebuilds("comment", { repository in
            try repository.edit("courses/library/cyber-security-essentials/module.yaml") { $0 + "# reviewed\n" }
        }, expected: { _ in [] })
    }

    @Test func aNewTimestampRewritesEverything() throws {
        try expectRebuilds("timestamp", { _ in }, epoch: "1767312000", expected: { $0 })
    }

    @Test func corruptOrForeignEntriesAreIgnored() throws {
        let repository = try Repository("corrupt")
        let first = try repository.pack()
        let all = Self.archives(first)
        let reference = try all.map { try Data(contentsOf: repository.output.appendingPathComponent($0)) }
        // Flip a byte in every stored payload, and make one entry "foreign": a well-formed entry
        // written with another secret (as a committed .coursekit-cache would be).
        let files = FileManager.default.enumerator(at: repository.cache, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && $0.lastPathComponent != "last-pack.log" }
        #expect(files.count > all.count)
        for file in files {
            var data = try Data(contentsOf: file)
            data[data.count - 1] ^= 0x55
            try data.write(to: file)
        }
        let foreign = PackCache(folder: repository.cache, environment: ["XDG_CACHE_HOME": repository.scratch.file("other-secret").path])
        let lessonFile = try #require(files.first { $0.path.contains("/lessons/") })
        foreign.writeEntry(lessonFile, kind: "lesson", key: lessonFile.lastPathComponent, payload: Data("<script>".utf8))
        // A changed archive on disk is not trusted either.
        let victim = try #require(all.sorted().first)
        try Data("not an archive".utf8).write(to: repository.output.appendingPathComponent(victim))
        let second = try repository.pack()
        #expect(Set(second.rewritten) == all, "every record was corrupt, so every archive is written again")
        for (name, data) in zip(all, reference) {
            #expect(try Data(contentsOf: repository.output.appendingPathComponent(name)) == data, "\(name) differs after a corrupt cache")
        }
        // And the rewritten cache works again.
        let third = try repository.pack()
        #expect(third.rewritten.isEmpty)
    }

    @Test func noCacheWritesNothingThere() throws {
        let repository = try Repository("no-cache")
        let result = try repository.pack(cache: false)
        #expect(Set(result.rewritten) == Self.archives(result))
        #expect(!FileManager.default.fileExists(atPath: repository.cache.path))
    }

    @Test func aLinkedCacheFolderIsNotUsed() throws {
        let scratch = try ScratchFolder("linked-cache")
        let elsewhere = scratch.file("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: scratch.file("cache"), withDestinationURL: elsewhere)
        let cache = PackCache(folder: scratch.file("cache"), environment: ["XDG_CACHE_HOME": scratch.file("xdg").path])
        #expect(cache.folder == nil)
    }

    /// Within one run every distinct lesson body is rendered once: the shipped library lessons
    /// are embedded by several courses (each page shows its own course title, so the archives
    /// differ, but cmark-gfm parses each body once); packing a course twice reuses the archives.
    @Test func sharedLessonsAreRenderedOncePerRun() throws {
        let repository = try Repository("once")
        let cache = PackCache(folder: nil)
        let (loader, urls) = try Validator(workingDirectory: repository.root).makeLoader(paths: [repository.root.appendingPathComponent("courses").path])
        let planned = try loader.process(paths: urls) { catalogue in
            var count = 0
            for course in catalogue.courses where course.id == "anm-asha-maternal-newborn-care" || course.id == "police-citizen-centric-policing" {
                var builder = ECARBuilder(catalogue: catalogue, timestamp: ArchiveTimestamp.fallback, unplayableQuestions: .convert)
                builder.cache = cache
                _ = try? builder.plan(course: course, language: "hi")
                count += 1
            }
            return count
        }
        #expect(planned.reduce(0, +) == 2)
        #expect(cache.bodyHits > 0, "the second course reuses the library lesson bodies the first one rendered")
        let rendered = cache.rendered
        let again = try loader.process(paths: urls) { catalogue in
            for course in catalogue.courses where course.id == "anm-asha-maternal-newborn-care" {
                var builder = ECARBuilder(catalogue: catalogue, timestamp: ArchiveTimestamp.fallback, unplayableQuestions: .convert)
                builder.cache = cache
                _ = try? builder.plan(course: course, language: "hi")
            }
            return 0
        }
        _ = again
        #expect(cache.rendered == rendered, "packing a course again renders no lesson")
        #expect(cache.memoryHits > 0)
    }
    /// A library module's quiz is converted to QuML once per language and run, however many
    /// courses use it, and the plans are the bytes of plans made without the memo.
    @Test func sharedQuizzesAreConvertedOncePerLanguage() throws {
        let repository = try Repository("quiz-once")
        let cache = PackCache(folder: nil)
        let batches = try repository.eachBatch { catalogue -> (quizzes: [String], identical: Int) in
            let courses = catalogue.courses.filter { $0.id == "anm-asha-maternal-newborn-care" || $0.id == "police-citizen-centric-policing" }
            let quizzes = courses.flatMap { course in
                course.modules.compactMap { catalogue.module(for: $0) }.compactMap { catalogue.quiz(for: $0)?.file.path.string }
            }
            return (quizzes, courses.filter { Self.plansAgree($0, catalogue, cache, language: "hi") }.count)
        }
        let quizzes = batches.flatMap { $0.quizzes }, identical = batches.map { $0.identical }.reduce(0, +)
        let (uses, distinct) = (quizzes.count, Set(quizzes).count)
        #expect(identical == 2, "both courses' plans are identical with and without the memo")
        #expect(distinct < uses, "the two courses share library quizzes (\(uses) uses of \(distinct) quizzes)")
        #expect(cache.questionSetsBuilt == distinct)
    }

    /// The images of library lessons two courses embed are read and hashed once per run, and
    /// the archives hold the same bytes as archives made without the memo.
    @Test func sharedLessonImagesAreReadOncePerRun() throws {
        let repository = try Repository("images-once")
        let cache = PackCache(folder: nil)
        let batches = try repository.eachBatch { catalogue -> (images: [String], identical: Int) in
            let courses = catalogue.courses.filter { $0.id == "panchayat-ulb-grievance-citizen-services" || $0.id == "rural-roads-quality-control" }
            var images: [String] = [], identical = 0
            for course in courses {
                for module in course.modules.compactMap({ catalogue.module(for: $0) }) {
                    for edition in module.lessons.flatMap(\.editions) where edition.language == "en" {
                        guard let document = edition.markdown else { continue }
                        images += document.references.filter { $0.kind == .image }
                            .compactMap { edition.path.parent.resolving(LessonArchive.normalized($0.destination))?.string }
                    }
                }
                if Self.plansAgree(course, catalogue, cache, language: "en") { identical += 1 }
            }
            return (images, identical)
        }
        let images = batches.flatMap { $0.images }, identical = batches.map { $0.identical }.reduce(0, +)
        #expect(identical == 2, "both courses' plans are identical with and without the memo")
        #expect(Set(images).count < images.count, "the two courses share lesson images (\(images.count) uses of \(Set(images).count) files)")
        #expect(cache.imagesRead == Set(images).count)
    }

    /// Whether an edition planned with `cache` holds the same bytes as one planned without.
    static func plansAgree(_ course: Course, _ catalogue: Catalogue, _ cache: PackCache, language: String) -> Bool {
        var cached = ECARBuilder(catalogue: catalogue, timestamp: ArchiveTimestamp.fallback, unplayableQuestions: .convert)
        cached.cache = cache
        let plain = ECARBuilder(catalogue: catalogue, timestamp: ArchiveTimestamp.fallback, unplayableQuestions: .convert)
        guard let memo = try? cached.plan(course: course, language: language),
              let fresh = try? plain.plan(course: course, language: language), !memo.entries.isEmpty else { return false }
        return memo.entries.map(bytes) == fresh.entries.map(bytes)
    }

    static func bytes(_ entry: ZipEntry) -> Data {
        switch entry.content {
        case .data(let data): data
        case .file(let url): (try? Data(contentsOf: url)) ?? Data()
        }
    }

    /// Pack makes archives in validation's batches but puts them in place only once the run's
    /// errors are known: a duplicate module id (found across all batches) blocks the course
    /// that repeats it, its staged archives are dropped, the archives an earlier run wrote stay
    /// untouched, and no temporary file is left.
    @Test func anErrorOnlyTheWholeRunSeesStillBlocksTheEdition() throws {
        let repository = try Repository("run-wide")
        let courses = repository.root.appendingPathComponent("courses")
        let copy = courses.appendingPathComponent("zz-copy")
        try FileManager.default.copyItem(at: courses.appendingPathComponent("police-citizen-centric-policing"), to: copy)
        let modules = try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("modules").path)
        try repository.edit("courses/zz-copy/course.yaml") { $0.replacingOccurrences(of: "\nid: ", with: "\nid: zz-") }
        for module in modules {
            for file in ["module.yaml", "quiz.yaml"] {
                try repository.edit("courses/zz-copy/modules/\(module)/\(file)") { $0.replacingOccurrences(of: "\nid: ", with: "\nid: zz-") }
            }
        }
        let first = try repository.pack()
        let copies = Self.archives(first).filter { $0.hasPrefix("zz-") }
        #expect(copies.count == 2)
        let before = try repository.times()
        usleep(20_000)
        // The copy's first module takes the original's id again: a duplicate only the whole run sees.
        try repository.edit("courses/zz-copy/modules/\(modules.sorted()[0])/module.yaml") { $0.replacingOccurrences(of: "\nid: zz-", with: "\nid: ") }
        var packager = CoursePackager(
            workingDirectory: repository.root, output: repository.output,
            environment: ["SOURCE_DATE_EPOCH": "1767225600", "XDG_CACHE_HOME": repository.scratch.file("xdg").path])
        packager.unplayableQuestions = .convert
        packager.useCache = true
        packager.cacheFolder = repository.cache
        let second = try packager.pack(paths: [courses.path])
        #expect(second.findings.contains { $0.ruleID == CoreRule.duplicateID.id })
        let blocked = second.findings.filter { $0.ruleID == PackRule.editionBlocked.id }
        #expect(blocked.count == 2 && blocked.allSatisfy { $0.location.file.hasPrefix("courses/zz-copy/") },
                "\(blocked.map { "\($0.location) \($0.message.en)" })")
        #expect(Set(second.archives.map(\.url.lastPathComponent)) == Self.archives(first).subtracting(copies))
        #expect(second.rewritten.isEmpty, "\(second.rewritten)")
        #expect(try repository.times() == before, "nothing rewritten; the blocked editions' old archives untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: repository.output.path).allSatisfy { !$0.hasSuffix(".tmp") })
    }
}
