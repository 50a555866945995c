import Foundation
import Testing
@testable import CourseKit

/// Runs the built `coursekit` over every hostile case with a time and memory limit and
/// asserts: the expected exit (1 or 2: never a signal, never 0 for bad input), a message
/// naming the file (and position where there is one), and nothing written outside the
/// output folder.
@Suite("Hostile-input corpus", .serialized)
struct HostileCorpusTests {
    @Test(arguments: HostileCorpus.cases)
    func hostileInputIsReportedNotFatal(_ hostile: HostileCase) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("coursekit-hostile-\(UUID().uuidString)")
        let root = scratch.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try HostileCorpus.base(root)
        try hostile.generate(root)
        let outputFolder = hostile.arguments.firstIndex(of: "--out").map { hostile.arguments[$0 + 1] }
        // pack's own cache (git-ignored, see PackCache) is the one other folder it writes.
        let excluded = (outputFolder.map { [$0] } ?? []) + [PackCache.folderName]
        let before = HostileCorpus.snapshot(scratch, excluding: excluded.map { "repo/" + $0 })
        let run = try HostileCorpus.run(hostile.arguments, in: root, timeLimit: hostile.timeLimit)
        let after = HostileCorpus.snapshot(scratch, excluding: excluded.map { "repo/" + $0 })
        let shown = String(run.output.prefix(1_500))
        print("hostile case '\(hostile.name)': exit \(run.exitCode) in \(String(format: "%.2f", run.seconds)) s")
        #expect(!run.timedOut, "\(hostile.name): still running after \(hostile.timeLimit) s")
        #expect(hostile.exits.contains(run.exitCode), "\(hostile.name): exit \(run.exitCode); output: \(shown)")
        for mention in hostile.mentions {
            #expect(run.output.contains(mention), "\(hostile.name): the output does not mention '\(mention)': \(shown)")
        }
        // Only the output folder (and output-* capture files beside the repository) may change.
        let changed = Set(before.keys).symmetricDifference(after.keys).union(before.keys.filter { before[$0] != after[$0] })
            .filter { !$0.hasPrefix("output-") }
        #expect(changed.isEmpty, "\(hostile.name): wrote outside the output folder: \(changed.sorted().prefix(10))")
        for problem in hostile.check(run, root) {
            Issue.record("\(hostile.name): \(problem)")
        }
    }

    @Test func sigtermDuringPackLeavesNoTemporaryFiles() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("coursekit-hostile-\(UUID().uuidString)")
        let root = scratch.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try HostileCorpus.base(root)
        // Many courses with large lessons, so the pack is still running when the signal comes.
        let body = String(repeating: "पाठ का एक लंबा अनुच्छेद, with words. ", count: 20_000)
        for index in 0..<24 {
            try HostileCorpus.write(root, "courses/c\(index)/course.yaml", HostileCorpus.course(id: "course-\(index)"))
            try HostileCorpus.write(root, "courses/c\(index)/modules/intro/module.yaml", HostileCorpus.module())
            try HostileCorpus.write(root, "courses/c\(index)/modules/intro/lessons/welcome.md", "# x\n\n\(index) " + body)
            try HostileCorpus.write(root, "courses/c\(index)/modules/intro/lessons/welcome.en.md", "# x\n\n\(index) " + body)
        }
        for (signalNumber, expected) in [(SIGTERM, Int32(143)), (SIGINT, Int32(130))] {
            let process = Process()
            process.executableURL = HostileCorpus.binary
            process.arguments = ["pack", "courses", "--out", "dist"]
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait until a temporary archive exists, then interrupt.
            let dist = root.appendingPathComponent("dist")
            let deadline = Date().addingTimeInterval(60)
            var sawTemporary = false
            while Date() < deadline && process.isRunning {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: dist.path)) ?? []
                if names.contains(where: { $0.hasSuffix(".tmp") }) { sawTemporary = true; break }
                usleep(2_000)
            }
            print("signal \(signalNumber): temporary archive seen: \(sawTemporary)")
            kill(process.processIdentifier, signalNumber)
            process.waitUntilExit()
            let left = ((try? FileManager.default.contentsOfDirectory(atPath: dist.path)) ?? []).filter { $0.hasSuffix(".tmp") }
            #expect(left.isEmpty, "temporary files left after signal \(signalNumber): \(left)")
            if sawTemporary {
                #expect(process.terminationStatus == expected, "exit \(process.terminationStatus) after signal \(signalNumber)")
            }
            try? FileManager.default.removeItem(at: dist)
        }
    }
}
