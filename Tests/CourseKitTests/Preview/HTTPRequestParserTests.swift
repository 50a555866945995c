import Foundation
import Testing
@testable import CourseKit

@Suite("Live preview: HTTP request parser")
struct HTTPRequestParserTests {
    func parse(_ text: String) -> HTTPRequestParser.Outcome { HTTPRequestParser.parse(Array(text.utf8)) }

    @Test func readsARequestLineHeadersAndADecodedPath() throws {
        guard case .request(let request) = parse("GET /files/%E0%A4%95%20a.html?x=1#y HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept:  text/html \r\n\r\n") else {
            Issue.record("not parsed")
            return
        }
        #expect(request.method == "GET")
        #expect(request.path == "/files/क a.html")
        #expect(request.headers == [.init(name: "Host", value: "127.0.0.1"), .init(name: "Accept", value: "text/html")])
    }

    @Test func waitsForTheEndOfTheHead() {
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n") == .incomplete)
        #expect(parse("") == .incomplete)
    }

    @Test func boundsTheHeadSizeAndTheHeaderCount() {
        let long = "GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: HTTPRequestParser.maximumHeadBytes)
        #expect(parse(long) == .rejected(431))
        let many = "GET / HTTP/1.1\r\n" + (0...HTTPRequestParser.maximumHeaderCount).map { "X-\($0): 1\r\n" }.joined() + "\r\n"
        #expect(parse(many) == .rejected(431))
        let target = "GET /" + String(repeating: "a", count: HTTPRequestParser.maximumTargetBytes) + " HTTP/1.1\r\n\r\n"
        #expect(parse(target) == .rejected(400))
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n", "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n", "GET http://a/ HTTP/1.1\r\n\r\n",
        "GET /a\u{7F} HTTP/1.1\r\n\r\n", "GET / FTP/1.0\r\n\r\n", "GET / HTTP/1.1\r\nNo colon\r\n\r\n", "GET / HTTP/1.1\r\n: empty\r\n\r\n",
        "GET /%zz HTTP/1.1\r\n\r\n", "GET /%00 HTTP/1.1\r\n\r\n", "GET /%ff HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nX: a\u{1}b\r\n\r\n",
    ])
    func rejectsMalformedRequestsWith400(_ text: String) {
        #expect(parse(text) == .rejected(400), "\(text.debugDescription)")
    }

    @Test func rejectsOtherVersionsWith505() {
        #expect(parse("GET / HTTP/2.0\r\n\r\n") == .rejected(505))
    }

    @Test func rejectsBytesThatAreNotUTF8() {
        #expect(HTTPRequestParser.parse(Array("GET / HTTP/1.1\r\nX: ".utf8) + [0xFF, 0xFE] + Array("\r\n\r\n".utf8)) == .rejected(400))
    }
}

@Suite("Live preview: router")
struct PreviewRouterTests {
    static let router = PreviewRouter(
        entries: ["index.html": .bytes(Array("home".utf8)), "files/a/b.html": .bytes(Array("lesson".utf8)), "files/a/i.svg": .bytes([60])],
        generation: 7, repository: nil)

    func get(_ path: String, method: String = "GET") -> HTTPResponse {
        Self.router.respond(to: HTTPRequest(method: method, target: path, path: path, headers: []))
    }

    @Test func servesTheSitesPagesWithTheirContentTypes() {
        #expect(get("/").body == Array("home".utf8))
        #expect(get("/").contentType == "text/html; charset=utf-8")
        #expect(get("/files/a/b.html").body == Array("lesson".utf8))
        #expect(get("/files/a/i.svg").contentType == "image/svg+xml; charset=utf-8")
        #expect(get(PreviewLiveContext.generationPath).body == Array("7".utf8))
        #expect(get(PreviewLiveContext.generationPath).contentType == "text/plain; charset=utf-8")
    }

    @Test(arguments: ["/files/../index.html", "/files/a/../a/b.html", "/./index.html", "/..", "/files/", "/files/a", "/index.html/", "/etc/passwd", "/nothing.html"])
    func everythingElseIsA404Page(_ path: String) {
        let response = get(path)
        #expect(response.status == 404)
        #expect(response.contentType == "text/html; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self).contains("404"))
    }

    @Test func answersHeadWithoutABodyAndRefusesOtherMethods() {
        let head = get("/", method: "HEAD")
        #expect(head.status == 200)
        let bytes = String(decoding: head.serialized(headOnly: true), as: UTF8.self)
        #expect(bytes.hasPrefix("HTTP/1.1 200 OK\r\n") && bytes.contains("Content-Length: 4\r\n") && bytes.hasSuffix("\r\n\r\n"))
        let post = get("/", method: "POST")
        #expect(post.status == 405)
        #expect(post.extraHeaders.contains { $0.0 == "Allow" && $0.1 == "GET, HEAD" })
    }
}
