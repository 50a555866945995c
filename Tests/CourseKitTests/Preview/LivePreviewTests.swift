import Foundation
import Testing
@testable import CourseKit

@Suite("Live preview: pages, findings and the socket server", .serialized)
struct LivePreviewTests {
    static let fixture = PreviewSiteTests.packageRoot.appendingPathComponent("Tests/coursekitTests/Fixtures/live-course")

    func copy() throws -> URL {
        let root = TestTemporary.url("live")
        try FileManager.default.copyItem(at: Self.fixture, to: root)
        return root
    }

    func page(_ entries: [String: PreviewEntry], _ path: String) -> String {
        guard case .bytes(let bytes)? = entries[path] else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func showsEachFilesFindingsBesideItsContentAndKeepsServingBrokenFiles() throws {
        let root = try copy()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("# Welcome\n\nSee [next](missing-<b>.md).\n".utf8).write(to: root.appendingPathComponent("modules/first-steps/lessons/welcome.en.md"))
        var built = LivePreview.build(workingDirectory: root, paths: [], messages: .hi, generation: 3)
        let lesson = page(built.entries, "files/modules/first-steps/lessons/welcome.en.html")
        #expect(lesson.contains("<code class=\"ck-rule\">broken-link</code>"))
        #expect(lesson.contains("modules/first-steps/lessons/welcome.en.md:3:5"))
        #expect(lesson.contains("missing-&lt;b&gt;.md"), "finding messages are escaped")
        #expect(lesson.contains("सुझाव:") == false, "chrome follows the English page")
        #expect(lesson.contains("Hint:"))
        #expect(lesson.contains(PreviewLiveContext.generationPath) && lesson.contains("var g=\"3\""))
        #expect(lesson.contains("hreflang=\"hi\" href=\"../../../../files/modules/first-steps/lessons/welcome.html\""))

        try Data("id: live-preview-demo\ntitle: [unclosed\n".utf8).write(to: root.appendingPathComponent("course.yaml"))
        built = LivePreview.build(workingDirectory: root, paths: [], messages: .en, generation: 4)
        let index = page(built.entries, "index.html")
        #expect(index.contains("<code>course.yaml</code>"))
        #expect(index.contains("<code class=\"ck-rule\">yaml-syntax</code>"))
        #expect(built.entries["live-preview-demo.en.html"] == nil)
    }

    @Test func staticAndLiveQuizPagesHideTheAnswersUntilSubmitInThePagesLanguage() throws {
        let root = try copy()
        defer { try? FileManager.default.removeItem(at: root) }
        let catalogue = try Validator(workingDirectory: root).loadCatalogue(paths: [])
        var first = PreviewPages(catalogue: catalogue)
        first.build()
        var second = PreviewPages(catalogue: catalogue)
        second.build()
        #expect(first.entries == second.entries, "identical input, identical bytes")
        let hindi = page(first.entries, "files/modules/first-steps/quiz.hi.html")
        #expect(hindi.contains("<html lang=\"hi\""))
        #expect(hindi.contains(">जमा करें</button>"))
        #expect(hindi.contains("<div class=\"ck-answer\" hidden><p><strong>उत्तर:</strong> 1930</p>"))
        #expect(hindi.contains("data-answer=\"[&quot;0&quot;]\""))
        #expect(!hindi.contains(PreviewLiveContext.generationPath), "the static site has no reload script")
        let course = page(first.entries, "live-preview-demo.en.html")
        #expect(course.contains("href=\"files/modules/first-steps/quiz.en.html\""))
        #expect(course.contains("hreflang=\"hi\" href=\"live-preview-demo.hi.html\""))
    }

    @Test func theSocketServerAnswersOnLoopbackAndRejectsBadRequests() throws {
        let server = try HTTPServer(port: 0) { request in
            PreviewRouter(entries: ["index.html": .bytes(Array("home".utf8))], generation: 1, repository: nil).respond(to: request)
        }
        server.start()
        defer { server.stop() }
        #expect(try LoopbackClient.exchange(port: server.port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n").hasSuffix("\r\n\r\nhome"))
        #expect(try LoopbackClient.exchange(port: server.port, "GET / HTTP/1.1\r\nHost: localhost:\(server.port)\r\n\r\n").hasSuffix("\r\n\r\nhome"))
        // DNS rebinding: a page of another site whose name resolves to 127.0.0.1.
        #expect(try LoopbackClient.exchange(port: server.port, "GET / HTTP/1.1\r\nHost: evil.example:\(server.port)\r\n\r\n").hasPrefix("HTTP/1.1 400 "))
        #expect(try LoopbackClient.exchange(port: server.port, "GARBAGE\r\n\r\n").hasPrefix("HTTP/1.1 400 "))
        #expect(try LoopbackClient.exchange(port: server.port, "GET /../index.html HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 404 "))
        #expect(try LoopbackClient.exchange(port: server.port, "GET / HTTP/1.1\r\n" + String(repeating: "X: y\r\n", count: 2000)).hasPrefix("HTTP/1.1 431 "))
        let port = server.port
        server.stop()
        #expect(throws: (any Error).self) { try LoopbackClient.exchange(port: port, "GET / HTTP/1.1\r\n\r\n") }
    }
}
