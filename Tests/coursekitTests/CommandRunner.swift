import Foundation

/// Runs the built `coursekit` binary the way a user would and captures what it prints.
struct CommandResult {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String
}

enum CommandRunner {
    /// The package root (two levels above this test folder).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The folder SwiftPM put the test products in; the `coursekit` binary sits beside them.
    static var binary: URL {
        var candidates = [Bundle.main.bundleURL.appendingPathComponent("coursekit")]
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("coursekit"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/coursekit"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COURSEKIT_LANG"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["NO_COLOR"] = "1"
        environment["GITHUB_STEP_SUMMARY"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    /// Copies a fixture folder to a fresh temporary folder (outside any repository), so tests
    /// can change it and paths print relative to it.
    static func copyFixture(_ name: String) throws -> URL {
        let destination = TestTemporary.url("coursekit-e2e")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        let target = destination.appendingPathComponent(name)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: target)
        return destination
    }
}
