import Foundation
import Testing

/// Packs the shipped catalogue, the example department repository and a fixture with PDF and
/// video lessons, then imports every archive with Sunbird's own client code
/// (`shared/conformance/sunbird-clients`: the mobile SDK's import chain and the desktop app's
/// import worker) and checks what a learner gets: every lesson playable offline, the tree in
/// the order of the sources, the desktop table of contents complete, no empty unit, and the
/// question-set archives' questions read from the device.
@Suite("Sunbird clients import and play every packed archive", .serialized)
struct SunbirdClientsConformanceTests {
    /// Where the harness is: `$COURSEKIT_CONFORMANCE_DIR/sunbird-clients`, else
    /// `../shared/conformance/sunbird-clients` beside the checkout.
    static var harnessCandidates: [URL] {
        var result: [URL] = []
        if let override = ProcessInfo.processInfo.environment["COURSEKIT_CONFORMANCE_DIR"], !override.isEmpty {
            result.append(URL(fileURLWithPath: override).appendingPathComponent("sunbird-clients"))
        }
        result.append(CommandRunner.packageRoot.appendingPathComponent("../shared/conformance/sunbird-clients").standardizedFileURL)
        return result
    }

    static var harness: URL? {
        harnessCandidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("run.js").path) }
    }

    /// The path of an executable on PATH, or nil.
    static func tool(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a program and returns its exit code and standard output.
    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// One source tree to pack: a folder copied into the scratch area and the command's folder.
    struct Source: Sendable {
        var name: String
        var copy: @Sendable (URL) throws -> URL
    }

    static let sources: [Source] = [
        Source(name: "catalogue") { scratch in
            let repo = scratch.appendingPathComponent("catalogue")
            try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("courses"), to: repo.appendingPathComponent("courses"))
            try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("coursekit.yaml"), to: repo.appendingPathComponent("coursekit.yaml"))
            return repo
        },
        Source(name: "department") { scratch in
            let repo = scratch.appendingPathComponent("department")
            try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("examples/department-repo"), to: repo)
            return repo
        },
        Source(name: "media") { scratch in
            let repo = scratch.appendingPathComponent("media")
            try FileManager.default.copyItem(at: CommandRunner.fixtures.appendingPathComponent("media-course"), to: repo)
            return repo
        },
    ]

    @Test func everyArchivePlaysInTheRealSunbirdClients() throws {
        guard let harness = Self.harness else {
            Issue.record("the Sunbird clients harness was not found; looked in: \(Self.harnessCandidates.map(\.path).joined(separator: ", ")). Check out shared/conformance beside the project or set COURSEKIT_CONFORMANCE_DIR.")
            return
        }
        guard let node = Self.tool("node"), Self.tool("unzip") != nil else {
            Issue.record("node and unzip are needed to run Sunbird's client code: apt-get install -y nodejs node-typescript node-lodash node-yauzl node-inquirer unzip")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("coursekit-sunbird-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        var courseArchives: [URL] = []
        var questionSetArchives: [URL] = []
        for source in Self.sources {
            let repo = try source.copy(scratch)
            let dist = scratch.appendingPathComponent("dist-\(source.name)")
            let packed = try CommandRunner.run(["pack", "--out", dist.path, "--question-sets"], in: repo,
                                               environment: ["SOURCE_DATE_EPOCH": "1767225600"])
            #expect(packed.exitCode == 0, "pack of \(source.name) failed:\n\(packed.standardError)\(packed.standardOutput)")
            let names = try FileManager.default.contentsOfDirectory(atPath: dist.path).filter { $0.hasSuffix(".ecar") }.sorted()
            #expect(!names.isEmpty, "pack of \(source.name) wrote no archive")
            let verified = try CommandRunner.run(["verify"] + names.map { dist.appendingPathComponent($0).path }, in: dist)
            #expect(verified.exitCode == 0, "verify of \(source.name): \(verified.standardOutput)")
            for name in names {
                let url = dist.appendingPathComponent(name)
                if try Self.rootMimeType(url) == "application/vnd.sunbird.questionset" {
                    questionSetArchives.append(url)
                } else {
                    courseArchives.append(url)
                }
            }
        }
        #expect(courseArchives.count >= 12)
        #expect(questionSetArchives.count >= 20)

        // Course and programme archives: both clients.
        let out = scratch.appendingPathComponent("harness")
        let (status, stdout, stderr) = try Self.run(node, [harness.appendingPathComponent("run.js").path] + courseArchives.map(\.path)
                                                     + ["--json", "--out", out.path], in: scratch)
        #expect(status != 2 && status != 3, "the harness could not import: \(stderr)")
        let jsonStart = stdout.firstIndex(of: "[") ?? stdout.startIndex
        let verdicts = try #require(try JSONSerialization.jsonObject(with: Data(stdout[jsonStart...].utf8)) as? [[String: Any]],
                                    "no JSON verdicts from the harness: \(stdout.prefix(2000)) \(stderr.prefix(2000))")
        #expect(verdicts.count == courseArchives.count)
        for (archive, verdict) in zip(courseArchives, verdicts) {
            let name = archive.lastPathComponent
            #expect(verdict["mobileImport"] as? String == "imported", "\(name): \(verdict["mobileImport"] ?? "")")
            #expect(verdict["mobileOrderMatchesHierarchy"] as? Bool == true, "\(name): the app shows another order than hierarchy.json")
            let playable = verdict["mobileOfflinePlayable"] as? [String: [String: Int]] ?? [:]
            for (mimeType, counts) in playable where mimeType != "application/vnd.sunbird.questionset" {
                #expect(counts["playable"] == counts["total"], "\(name): \(mimeType) \(counts["playable"] ?? 0)/\(counts["total"] ?? 0) playable offline")
            }
            #expect(playable["application/vnd.ekstep.html-archive"]?["total"] ?? 0 > 0, "\(name): no html lesson reached the player")
            #expect(verdict["desktopImport"] as? String == "imported", "\(name): desktop \(verdict["desktopImport"] ?? "")")
            let manifest = try Self.manifest(archive)
            let items = (manifest["archive"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
            let rootChildren = (items.first?["children"] as? [[String: Any]])?.count ?? -1
            #expect(verdict["desktopTocChildren"] as? Int == rootChildren, "\(name): desktop stored \(verdict["desktopTocChildren"] ?? "nil") of \(rootChildren) children")
            for item in items.dropFirst() where item["mimeType"] as? String == "application/vnd.ekstep.content-collection" {
                #expect(!((item["children"] as? [Any]) ?? []).isEmpty, "\(name): unit \(item["name"] ?? "") is empty")
            }
        }
        // The catalogue's audio lesson (newborn danger signs, for ASHAs) plays offline in both editions.
        let audio = zip(courseArchives, verdicts).filter { $0.0.lastPathComponent.hasPrefix("anm-asha-maternal-newborn-care_") }
        #expect(audio.count == 2)
        for (archive, verdict) in audio {
            let playable = verdict["mobileOfflinePlayable"] as? [String: [String: Int]] ?? [:]
            #expect(playable["audio/mpeg"] == ["total": 1, "playable": 1, "online": 0], "\(archive.lastPathComponent): \(playable)")
        }
        let media = zip(courseArchives, verdicts).filter { $0.0.lastPathComponent.hasPrefix("report-cyber-fraud-media") }
        #expect(media.count == 2)
        for (_, verdict) in media {
            let playable = verdict["mobileOfflinePlayable"] as? [String: [String: Int]] ?? [:]
            #expect(playable["application/pdf"] == ["total": 1, "playable": 1, "online": 0])
            #expect(playable["video/mp4"] == ["total": 1, "playable": 1, "online": 0])
        }

        // Question-set archives: the app reads their questions from the device.
        let script = CommandRunner.fixtures.appendingPathComponent("sunbird/question-set-offline.js")
        let (qsStatus, qsOut, qsErr) = try Self.run(node, [script.path, harness.path, scratch.appendingPathComponent("qs").path]
                                                     + questionSetArchives.map(\.path), in: scratch)
        #expect(qsStatus == 0, "question-set check failed: \(qsErr.prefix(2000))")
        let results = qsOut.split(separator: "\n").filter { $0.hasPrefix("{") }.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(results.count == questionSetArchives.count)
        for result in results {
            let name = result["file"] as? String ?? "?"
            let archive = try #require(questionSetArchives.first { $0.lastPathComponent == name })
            let manifest = try Self.manifest(archive)
            let items = (manifest["archive"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
            let questions = items.filter { $0["mimeType"] as? String == "application/vnd.sunbird.question" }.count
            #expect(result["imported"] as? Bool == true, "\(name): \(result["error"] ?? "")")
            #expect(result["contentState"] as? Int == 2, "\(name): the question set is not available locally")
            #expect(questions > 0 && result["questionsLoaded"] as? Int == questions,
                    "\(name): \(result["questionsLoaded"] ?? 0) of \(questions) questions read offline \(result["error"] ?? "")")
        }
    }

    static func manifest(_ archive: URL) throws -> [String: Any] {
        let (status, text, error) = try run(tool("unzip") ?? "/usr/bin/unzip", ["-p", archive.path, "manifest.json"], in: archive.deletingLastPathComponent())
        guard status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: error]) }
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    static func rootMimeType(_ archive: URL) throws -> String? {
        let items = (try manifest(archive)["archive"] as? [String: Any])?["items"] as? [[String: Any]]
        return items?.first?["mimeType"] as? String
    }
}
