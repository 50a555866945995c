import Foundation
import Testing

/// `scripts/install.sh` into a temporary PREFIX, then the installed coursekit run from outside
/// the checkout with a scrubbed environment (`env -i PATH=/usr/bin:/bin`): it must find its
/// schemas and standard library beside itself, and (for the static release build) need nothing
/// from the Swift toolchain.
@Suite("install into a PREFIX and run anywhere")
struct InstallTests {
    /// The binary to install: with `CI` set, a fresh static release build (the real
    /// `make install` path, built in its own scratch folder); else the static release build in
    /// `.build` when there is one, else the binary under test.
    static func binary() throws -> (URL, static: Bool) {
        let root = CommandRunner.packageRoot
        if !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty {
            let scratch = root.appendingPathComponent(".build/install-test")
            let build = try run("/usr/bin/env", ["swift", "build", "--package-path", root.path, "--scratch-path", scratch.path,
                                                "-c", "release", "--static-swift-stdlib", "--product", "coursekit"], in: root)
            #expect(build.exitCode == 0, "\(build.standardError)")
            return (scratch.appendingPathComponent("release/coursekit"), true)
        }
        let release = root.appendingPathComponent(".build/release/coursekit")
        if FileManager.default.isExecutableFile(atPath: release.path),
           let ldd = try? run("/usr/bin/ldd", [release.path], in: root), !ldd.standardOutput.contains("libswiftCore") {
            return (release, true)
        }
        print("InstallTests: no static release build in .build (make build); installing the test binary, static linking not checked")
        return (CommandRunner.binary, false)
    }

    static func run(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorData = Data()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        _ = errorData
        return CommandResult(exitCode: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                             standardError: String(decoding: errData, as: UTF8.self))
    }

    @Test func installsARelocatableTreeThatRunsWithAScrubbedEnvironment() throws {
        let (binary, isStatic) = try Self.binary()
        let work = TestTemporary.url("install")
        let prefix = work.appendingPathComponent("prefix")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let root = CommandRunner.packageRoot
        let installed = try Self.run("/bin/bash", [root.appendingPathComponent("scripts/install.sh").path, "--prefix", prefix.path,
                                                   "--binary", binary.path], in: work)
        #expect(installed.exitCode == 0, "\(installed.standardError)")
        for path in ["bin/coursekit", "share/coursekit/schemas/course.schema.json", "share/coursekit/schemas/competencies.json",
                     "share/coursekit/library/library.yaml", "share/coursekit/library/ai-for-public-servants/module.yaml",
                     "share/coursekit/LICENSE", "share/man/man1/coursekit.1", "share/bash-completion/completions/coursekit",
                     "share/zsh/site-functions/_coursekit", "share/fish/vendor_completions.d/coursekit.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "\(path)")
        }
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/coursekit"), encoding: .utf8)
        #expect(bash.contains("validate") && bash.contains("library"))

        // Relocatable: move the whole tree, then run it from a folder outside the checkout.
        let moved = work.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: prefix, to: moved)
        let coursekit = moved.appendingPathComponent("bin/coursekit").path
        let scrubbed = ["PATH": "/usr/bin:/bin"]
        let version = try Self.run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", coursekit, "--version"], in: work, environment: scrubbed)
        #expect(version.exitCode == 0, "\(version.standardError)")
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)

        // A copy of a shipped course (and the library it uses), outside the checkout.
        let courses = work.appendingPathComponent("repo/courses")
        try FileManager.default.createDirectory(at: courses, withIntermediateDirectories: true)
        for name in ["police-citizen-centric-policing", "library", "case-studies"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent("courses/\(name)"), to: courses.appendingPathComponent(name))
        }
        let validated = try Self.run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", coursekit, "validate", "courses/police-citizen-centric-policing"],
                                     in: work.appendingPathComponent("repo"), environment: scrubbed)
        #expect(validated.exitCode == 0, "\(validated.standardOutput)\(validated.standardError)")
        #expect(validated.standardOutput.hasPrefix("No problems found"))

        // init takes the standard library from the installed tree.
        let made = try Self.run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", coursekit, "init", "dept"], in: work, environment: scrubbed)
        #expect(made.exitCode == 0, "\(made.standardError)")
        let clean = try Self.run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", coursekit, "validate"], in: work.appendingPathComponent("dept"), environment: scrubbed)
        #expect(clean.exitCode == 0, "\(clean.standardOutput)\(clean.standardError)")

        if isStatic {
            let ldd = try Self.run("/usr/bin/ldd", [coursekit], in: work)
            #expect(!ldd.standardOutput.contains("libswift"), "\(ldd.standardOutput)")
            #expect(!ldd.standardOutput.contains("/opt/swift"))
            #expect(!ldd.standardOutput.contains("libFoundation"))
        }
    }
}
