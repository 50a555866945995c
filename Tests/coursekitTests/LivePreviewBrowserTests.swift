import Foundation
import Testing

/// `coursekit preview --serve` end to end: the built binary serves a copy of the `live-course`
/// fixture on a free port; headless Chromium, driven through the DevTools protocol
/// (`Fixtures/live-preview-browser.js`), opens a lesson, sees it reload itself with the new
/// text after the lesson file changes, sees the `broken-link` finding beside the lesson and the
/// `yaml-syntax` finding of a broken course.yaml on the index, answers the quiz and sees the
/// answers revealed only after Submit, and follows the language link to the Hindi quiz. Then
/// SIGINT stops the server: exit status 130, a last line, the port closed, nothing written.
@Suite("Live preview in a real browser", .serialized)
struct LivePreviewBrowserTests {
    @Test func servesReloadsShowsFindingsAndStopsOnSIGINT() throws {
        guard let chromium = LMSTestSupport.requireTool("chromium", package: "chromium fonts-noto-core"),
              let node = LMSTestSupport.requireTool("node", package: "nodejs") else { return }
        let scratch = try CommandRunner.copyFixture("live-course")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repository = scratch.appendingPathComponent("live-course")
        let before = Set(LMSTestSupport.files(in: repository))

        let server = Process()
        server.executableURL = CommandRunner.binary
        server.arguments = ["preview", "--serve", "--port", "0", "--lang", "en"]
        server.currentDirectoryURL = repository
        let outURL = scratch.appendingPathComponent("server.out"), errURL = scratch.appendingPathComponent("server.err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        server.standardOutput = try FileHandle(forWritingTo: outURL)
        server.standardError = try FileHandle(forWritingTo: errURL)
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        // The first line of standard output names the address.
        var firstLine: String?
        let deadline = Date().addingTimeInterval(60)
        while firstLine == nil, Date() < deadline, server.isRunning {
            let text = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            if let end = text.firstIndex(of: "\n") { firstLine = String(text[..<end]) } else { Thread.sleep(forTimeInterval: 0.1) }
        }
        let line = try #require(firstLine, "no address printed: \((try? String(contentsOf: errURL, encoding: .utf8)) ?? "")")
        let words = line.split(separator: " ").map(String.init)
        #expect(words.first == "Serving", "first line: \(line)")
        let base = try #require(words.dropFirst().first, "first line: \(line)")
        #expect(base.hasPrefix("http://127.0.0.1:") && base.hasSuffix("/"), "first line: \(line)")
        let port = try #require(URL(string: base)?.port.flatMap { UInt16(exactly: $0) }, "first line: \(line)")
        #expect(LoopbackClient.accepts(port: port))

        let script = CommandRunner.fixtures.appendingPathComponent("live-preview-browser.js")
        let (status, output, error) = try LMSTestSupport.run(
            node, ["--experimental-websocket", script.path, chromium, base, repository.path, scratch.appendingPathComponent("profile").path],
            in: scratch, timeout: 300)
        let seen = try #require(
            try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "driver output: \(output) \(error.suffix(2000))")
        #expect(status == 0, "\(seen["error"] ?? error.suffix(2000))")
        for step in ["loaded", "reloaded", "lessonFinding", "courseFinding", "courseFixed", "quizShown", "hiddenBefore", "quizRevealed", "hindiQuiz"] {
            #expect(seen[step] as? Bool == true, "\(step): \(seen[step + "Text"] ?? "not reached")")
        }

        kill(server.processIdentifier, SIGINT)
        let stopBy = Date().addingTimeInterval(15)
        while server.isRunning, Date() < stopBy { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!server.isRunning, "the server did not stop on SIGINT")
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 130)
        let printed = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        #expect(printed.hasSuffix("Stopped serving \(base)\n"), "\(printed)")
        #expect(!LoopbackClient.accepts(port: port), "port \(port) still open after the server stopped")
        // The driver changed two files and restored one; the preview itself wrote nothing.
        #expect(Set(LMSTestSupport.files(in: repository)) == before)
    }
}
