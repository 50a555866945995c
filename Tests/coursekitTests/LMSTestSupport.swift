import Foundation
import Testing

/// What the SCORM/cmi5 tests share: finding tools and conformance data, running programs
/// with their output in files (so a chatty browser cannot block a pipe), packing and unzipping.
enum LMSTestSupport {
    /// Conformance data: `$COURSEKIT_CONFORMANCE_DIR`, else `../shared/conformance` beside the checkout.
    static var conformanceCandidates: [URL] {
        var result: [URL] = []
        if let override = ProcessInfo.processInfo.environment["COURSEKIT_CONFORMANCE_DIR"], !override.isEmpty {
            result.append(URL(fileURLWithPath: override))
        }
        result.append(CommandRunner.packageRoot.appendingPathComponent("../shared/conformance").standardizedFileURL)
        return result
    }

    /// A file of the conformance data, or nil (after recording an issue saying where we looked).
    static func conformanceFile(_ relative: String) -> URL? {
        for folder in conformanceCandidates {
            let url = folder.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        Issue.record("conformance file \(relative) not found; looked in: \(conformanceCandidates.map(\.path).joined(separator: ", ")). Check out shared/conformance beside the project or set COURSEKIT_CONFORMANCE_DIR.")
        return nil
    }

    static var inCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// The path of a program on PATH. When it is missing: in CI (`CI` set) the test fails
    /// saying what to install; elsewhere the reason is printed and the test skips its checks.
    static func requireTool(_ name: String, package: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        let message = "\(name) is not installed (Debian: apt-get install -y \(package)); the SCORM/cmi5 checks that need it did not run"
        if inCI { Issue.record(Comment(rawValue: message)) } else { print("SKIPPED: " + message) }
        return nil
    }

    /// Runs a program with standard output and error going to files; returns status, output, error.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL, timeout: TimeInterval = 180) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let id = UUID().uuidString
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("ck-out-\(id)")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("ck-err-\(id)")
        // A file that could not be made fails the test below, when FileHandle opens it.
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        return (process.terminationStatus, (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coursekit-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Packs the shipped catalogue (the repository root's `courses/` with its `coursekit.yaml`)
    /// into `dist` in the given formats.
    static func packCatalogue(into dist: URL, formats: String, extra: [String] = []) throws -> CommandResult {
        try CommandRunner.run(["pack", "courses", "--out", dist.path, "--format", formats] + extra, in: CommandRunner.packageRoot,
                              environment: ["SOURCE_DATE_EPOCH": "1767225600"])
    }

    /// Unzips a package into a new folder and returns it.
    static func unzip(_ archive: URL, into folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (status, _, error) = try run("/usr/bin/env", ["unzip", "-q", "-o", archive.path, "-d", folder.path], in: folder)
        if status != 0 { Issue.record("unzip \(archive.lastPathComponent) failed: \(error)") }
        return folder
    }

    /// Every file below a folder, as paths relative to it.
    static func files(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var out: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            out.append(path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path)
        }
        return out.sorted()
    }
}
