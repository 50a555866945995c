/// Answers the live preview's requests from one built site: `GET`/`HEAD` of exactly the
/// site's pages and files (`/` is the index), and of `PreviewLiveContext.generationPath` (the
/// build's generation, for the reload script). Nothing else exists: no file system lookup, no
/// directory listing; a path with a `..` or `.` segment, a folder or an unknown page is a 404
/// page; other methods are 405.
public struct PreviewRouter: Sendable {
    public var entries: [String: PreviewEntry]
    public var generation: Int
    public var repository: Repository?
    public var language: MessageLanguage

    public init(entries: [String: PreviewEntry], generation: Int, repository: Repository?, language: MessageLanguage = .en) {
        self.entries = entries
        self.generation = generation
        self.repository = repository
        self.language = language
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .plain(405, "405 Method Not Allowed", extraHeaders: [("Allow", "GET, HEAD")])
        }
        if request.path == PreviewLiveContext.generationPath {
            return HTTPResponse(status: 200, contentType: "text/plain; charset=utf-8", body: Array(String(generation).utf8))
        }
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return notFound() }
        let key = request.path == "/" ? "index.html" : String(request.path.dropFirst())
        switch entries[key] {
        case .bytes(let bytes):
            return HTTPResponse(status: 200, contentType: ContentType.forPath(key), body: bytes)
        case .source(let path):
            guard let repository, let data = try? repository.read(path, limit: PreviewSite.sourceLimit) else { return notFound() }
            return HTTPResponse(status: 200, contentType: ContentType.forPath(key), body: Array(data))
        case nil:
            return notFound()
        }
    }

    func notFound() -> HTTPResponse {
        let words = PreviewWords(language: language.rawValue)
        let body = "<h1>404 — \(HTMLEscaping.escape(words.notFound))</h1>\n<p><a href=\"/\">\(HTMLEscaping.escape(words.backToIndex))</a></p>\n"
        var page = LessonPage(title: "404", language: language.rawValue, bodyHTML: body)
        // A page that vanished while a file is broken comes back by itself once it is fixed.
        page.extraHead = PreviewLiveContext(findings: [], messages: language, generation: generation).reloadScript
        return HTTPResponse(status: 404, contentType: "text/html; charset=utf-8", body: Array(page.render().utf8))
    }
}
