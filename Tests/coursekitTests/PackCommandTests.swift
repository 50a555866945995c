import Foundation
import Testing

@Suite("coursekit pack, verify and inspect, end to end")
struct PackCommandTests {
    /// A copy of the shipped catalogue in a fresh folder outside any git repository.
    func copyOfCourses() throws -> URL {
        let folder = TestTemporary.url("coursekit-pack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("courses"), to: folder.appendingPathComponent("courses"))
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("coursekit.yaml"), to: folder.appendingPathComponent("coursekit.yaml"))
        return folder
    }

    func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    @Test func packingIsByteIdenticalAcrossTimeZonesAndLocales() throws {
        let folder = try copyOfCourses()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = "courses/anm-asha-maternal-newborn-care"
        let first = try CommandRunner.run(["pack", course, "--out", "one"], in: folder, environment: ["TZ": "UTC"])
        #expect(first.exitCode == 0, "\(first.standardError)\(first.standardOutput)")
        #expect(first.standardError.contains("wrote one/anm-asha-maternal-newborn-care_1.0.0_hi.ecar"))
        let second = try CommandRunner.run(
            ["pack", course, "--out", "two", "--editions", "all", "--lang", "hi"], in: folder,
            environment: ["TZ": "Asia/Kolkata", "LANG": "hi_IN.UTF-8", "LC_ALL": "hi_IN.UTF-8"])
        #expect(second.exitCode == 0)
        #expect(second.standardError.contains("लिखा गया"))
        let one = try files(in: folder.appendingPathComponent("one"))
        let two = try files(in: folder.appendingPathComponent("two"))
        #expect(one.keys.sorted() == ["anm-asha-maternal-newborn-care_1.0.0_en.ecar", "anm-asha-maternal-newborn-care_1.0.0_hi.ecar"])
        #expect(one == two)
    }

    @Test func sourceDateEpochSetsTheArchiveDate() throws {
        let folder = try copyOfCourses()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            ["pack", "courses/rural-roads-quality-control", "--editions", "en", "--out", "dist"], in: folder,
            environment: ["SOURCE_DATE_EPOCH": "1767225600"])
        #expect(result.exitCode == 0)
        let archive = folder.appendingPathComponent("dist/rural-roads-quality-control_1.0.0_en.ecar")
        let listing = try CommandRunner.run(["inspect", "dist/rural-roads-quality-control_1.0.0_en.ecar"], in: folder)
        #expect(listing.exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: archive.path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("dist/rural-roads-quality-control_1.0.0_hi.ecar").path))
        if let unzip = RequiredTool.path("unzip", package: "unzip", for: "the manifest date check") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: unzip)
            process.arguments = ["-p", archive.path, "manifest.json"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let manifest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(manifest.contains("\"ts\":\"2026-01-01T00:00:00Z\""))
        }
    }

    @Test func verifyAndInspectReportInBothLanguages() throws {
        let folder = try copyOfCourses()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CommandRunner.run(["pack", "courses/programmes/upam-7-day-induction", "--editions", "hi"], in: folder).exitCode == 0)
        let name = "dist/upam-7-day-induction_1.0.0_hi.ecar"
        let clean = try CommandRunner.run(["verify", name], in: folder)
        #expect(clean.exitCode == 0, "\(clean.standardOutput)")
        let tree = try CommandRunner.run(["inspect", name], in: folder)
        #expect(tree.exitCode == 0)
        #expect(tree.standardOutput.contains("[Program · application/vnd.ekstep.content-collection"))
        #expect(tree.standardOutput.contains("├─ दिन 1: "))

        // A damaged archive: findings, exit 1, in the language asked for.
        let damaged = folder.appendingPathComponent("dist/damaged.ecar")
        try Data("PK\u{3}\u{4} truncated".utf8).write(to: damaged)
        let english = try CommandRunner.run(["verify", "dist/damaged.ecar", "--no-color"], in: folder)
        #expect(english.exitCode == 1)
        #expect(english.standardOutput.contains("archive-unreadable"))
        let hindi = try CommandRunner.run(["verify", "dist/damaged.ecar", "--no-color", "--lang", "hi"], in: folder)
        #expect(hindi.standardOutput.contains("त्रुटि[archive-unreadable]"))
        let json = try CommandRunner.run(["verify", "dist/damaged.ecar", "--format", "json"], in: folder)
        #expect(json.exitCode == 1)
        #expect(json.standardOutput.contains("\"archive-unreadable\""))

        // Nothing there: coursekit could not run.
        let missing = try CommandRunner.run(["verify", "dist/nothing.ecar"], in: folder)
        #expect(missing.exitCode == 2)
        #expect(try CommandRunner.run(["inspect", "dist/nothing.ecar"], in: folder).exitCode == 2)
    }

    /// A copy of examples/department-repo in a fresh folder outside any git repository.
    func copyOfDepartmentRepository() throws -> (scratch: URL, repository: URL) {
        let folder = TestTemporary.url("coursekit-dept")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let repository = folder.appendingPathComponent("department-repo")
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("examples/department-repo"), to: repository)
        return (folder, repository)
    }

    /// validate and pack agree: run from another folder, both find the repository's
    /// coursekit.yaml (suppressions, drafts override); pack writes every edition validate accepts
    /// and skips the draft's English edition that the configuration knowingly leaves untranslated.
    @Test func packWritesWhatValidateAcceptsInTheDepartmentRepository() throws {
        let (scratch, repository) = try copyOfDepartmentRepository()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let elsewhere = scratch.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let validate = try CommandRunner.run(["validate", repository.appendingPathComponent("courses").path], in: elsewhere)
        #expect(validate.exitCode == 0, "\(validate.standardOutput)")
        #expect(validate.standardOutput.contains("4 suppressed inline"))
        let pack = try CommandRunner.run(["pack", repository.path, "--out", "dist"], in: elsewhere)
        #expect(pack.exitCode == 0, "\(pack.standardOutput)\(pack.standardError)")
        let written = try FileManager.default.contentsOfDirectory(atPath: elsewhere.appendingPathComponent("dist").path).sorted()
        #expect(written == ["e-office-for-revenue-clerks_1.0.0_en.ecar", "e-office-for-revenue-clerks_1.0.0_hi.ecar", "land-records-basics_0.1.0_hi.ecar"])
        #expect(pack.standardOutput.contains("info[pack-missing-edition]"))
        #expect(!pack.standardOutput.contains("error["))
    }

    /// An error about one edition (a broken link in the English lesson) blocks that edition
    /// only, and the message names it; the Hindi edition is still written.
    @Test func anErrorAboutOneEditionBlocksOnlyThatEdition() throws {
        let (scratch, repository) = try copyOfDepartmentRepository()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lesson = repository.appendingPathComponent("courses/e-office-for-revenue-clerks/modules/e-office-basics/lessons/opening-a-file.en.md")
        var text = try String(contentsOf: lesson, encoding: .utf8)
        text += "\nSee [the form](form-7.pdf).\n"
        try text.write(to: lesson, atomically: true, encoding: .utf8)
        let validate = try CommandRunner.run(["validate", "courses/e-office-for-revenue-clerks"], in: repository)
        #expect(validate.exitCode == 1)
        let pack = try CommandRunner.run(["pack", "courses/e-office-for-revenue-clerks", "--out", "dist", "--lang", "en"], in: repository)
        #expect(pack.exitCode == 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("dist").path).sorted()
        #expect(written == ["e-office-for-revenue-clerks_1.0.0_hi.ecar"])
        #expect(pack.standardOutput.contains("error[pack-edition-blocked]: the English (en) edition of course 'e-office-for-revenue-clerks' is not packed: 1 error about it"), "\(pack.standardOutput)")
        #expect(pack.standardOutput.contains("error[broken-link]"))
        // --editions picks editions; --lang stays the message language.
        let hindi = try CommandRunner.run(["pack", "courses/e-office-for-revenue-clerks", "--out", "hi-only", "--editions", "hi", "--lang", "hi"], in: repository)
        #expect(hindi.exitCode == 1)
        #expect(hindi.standardError.contains("लिखा गया"))
        #expect(!hindi.standardOutput.contains("pack-edition-blocked"))
        // The old spellings still work, with a warning.
        let old = try CommandRunner.run(["pack", "courses/e-office-for-revenue-clerks", "--out", "old", "--edition", "hi", "--messages", "hi"], in: repository)
        #expect(old.standardError.contains("--messages"))
        #expect(old.standardError.contains("--edition"))
        #expect(old.standardError.contains("लिखा गया"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("old").path) == ["e-office-for-revenue-clerks_1.0.0_hi.ecar"])
    }
}
