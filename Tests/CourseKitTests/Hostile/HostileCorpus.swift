import Foundation
@testable import CourseKit

/// The hostile-input corpus: generators that write each hostile case into a fresh repository
/// at test time (the large inputs are built here, never committed), and a runner that starts
/// the built `coursekit` binary on it with a time and memory limit.
struct HostileCase: Sendable, CustomStringConvertible {
    var name: String
    /// The command line, run in the repository (`coursekit` is prepended).
    var arguments: [String]
    /// Exit codes accepted (1 or 2 unless said otherwise).
    var exits: Set<Int32> = [1, 2]
    /// Text the output must contain: the file named, and the position where there is one.
    var mentions: [String]
    /// Wall-clock limit, seconds.
    var timeLimit: Double = 60
    /// Writes the case into the repository root (already holding `HostileCorpus.base`).
    var generate: @Sendable (URL) throws -> Void
    /// Extra checks on the result.
    var check: @Sendable (HostileRun, URL) -> [String] = { _, _ in [] }

    var description: String { name }
}

struct HostileRun {
    var exitCode: Int32
    var output: String
    var seconds: Double
    var timedOut: Bool
}

enum HostileCorpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The built `coursekit` beside the test bundle, else in `.build/debug`.
    static var binary: URL {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("coursekit"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("coursekit"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/coursekit"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Address-space limit for the child, in KiB (`ulimit -v`).
    static let memoryLimitKiB = 2 * 1024 * 1024

    /// Runs the binary in `directory` with output to files (no pipe can fill up), killing it
    /// after `timeLimit` seconds.
    static func run(_ arguments: [String], in directory: URL, timeLimit: Double) throws -> HostileRun {
        let outputURL = directory.deletingLastPathComponent().appendingPathComponent("output-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let handle = try FileHandle(forWritingTo: outputURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memoryLimitKiB) 2>/dev/null; exec \"$0\" \"$@\"", binary.path] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COURSEKIT_LANG"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["NO_COLOR"] = "1"
        environment["SOURCE_DATE_EPOCH"] = "1767225600"
        environment["COURSEKIT_SCHEMAS"] = packageRoot.appendingPathComponent("schemas").path
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        let start = Date()
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        var timedOut = false
        if done.wait(timeout: .now() + timeLimit) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        try handle.close()
        let seconds = Date().timeIntervalSince(start)
        let data = (try? FileHandle(forReadingFrom: outputURL).read(upToCount: 4 << 20)) ?? Data()
        return HostileRun(
            exitCode: process.terminationStatus, output: String(decoding: data, as: UTF8.self),
            seconds: seconds, timedOut: timedOut)
    }

    /// Every file under `folder` (relative paths), with sizes, skipping `excluded` folders.
    static func snapshot(_ folder: URL, excluding excluded: [String] = []) -> [String: Int] {
        var files: [String: Int] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let relative = enumerator.nextObject() as? String {
            if excluded.contains(where: { relative == $0 || relative.hasPrefix($0 + "/") }) { continue }
            var info = stat()
            guard lstat(folder.appendingPathComponent(relative).path, &info) == 0 else { continue }
            files[relative] = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : -1
        }
        return files
    }

    // MARK: - The base repository

    static func write(_ root: URL, _ path: String, _ text: String) throws {
        try write(root, path, Data(text.utf8))
    }

    static func write(_ root: URL, _ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    static func course(id: String = "demo", languages: String = "[hi, en]", module: String = "modules/intro") -> String {
        """
        id: \(id)
        version: 1.0.0
        languages: \(languages)
        title: {hi: डेमो पाठ्यक्रम, en: Demo course}
        description: {hi: परीक्षण के लिए एक छोटा पाठ्यक्रम।, en: A small course for the tests.}
        duration: PT30M
        modules:
          - path: \(module)

        """
    }

    static func module(lesson: String = "lessons/welcome.md", duration: String = "PT20M") -> String {
        """
        id: intro
        languages: [hi, en]
        title: {hi: परिचय, en: Introduction}
        duration: \(duration)
        lessons:
          - file: \(lesson)
            title: {hi: स्वागत, en: Welcome}
            kind: reading

        """
    }

    /// A small, structurally valid repository: one course, one module, one lesson in two
    /// languages, and a configuration with only the structural checks.
    static func base(_ root: URL) throws {
        try write(root, "coursekit.yaml", "extends: none\n")
        try write(root, "courses/demo/course.yaml", course())
        try write(root, "courses/demo/modules/intro/module.yaml", module())
        try write(root, "courses/demo/modules/intro/lessons/welcome.md", "# स्वागत\n\nनमस्ते। यह पहला पाठ है।\n")
        try write(root, "courses/demo/modules/intro/lessons/welcome.en.md", "# Welcome\n\nHello. This is the first lesson.\n")
    }

    static let lessonPath = "courses/demo/modules/intro/lessons/welcome.md"
}
