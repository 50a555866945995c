import Foundation

/// The live preview: builds the site in memory from the sources with the findings
/// `coursekit validate` reports for them (configuration, rules and suppressions alike), keeps
/// serving whatever state the files are in, and rebuilds whenever `ChangeWatcher` sees a
/// change, increasing the generation the pages' reload script polls. It writes nothing to
/// disk. A problem that stops validation altogether (a broken `coursekit.yaml`) becomes the
/// index page's message.
public final class LivePreview: @unchecked Sendable {
    public let workingDirectory: URL
    public let paths: [String]
    public let messages: MessageLanguage
    public let watcher: ChangeWatcher
    private let lock = NSLock()
    private var router: PreviewRouter
    private var stopped = false

    public init(workingDirectory: URL, paths: [String], messages: MessageLanguage) {
        self.workingDirectory = workingDirectory
        self.paths = paths
        self.messages = messages
        let first = (paths.first ?? ".").hasPrefix("/") ? URL(fileURLWithPath: paths[0]) : workingDirectory.appendingPathComponent(paths.first ?? ".")
        let repository = Repository.discover(for: first, workingDirectory: workingDirectory)
        watcher = ChangeWatcher(root: repository.root)
        router = PreviewRouter(entries: [:], generation: 0, repository: repository, language: messages)
    }

    /// The current build's generation (0 before the first build).
    public var generation: Int {
        lock.lock()
        defer { lock.unlock() }
        return router.generation
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        lock.lock()
        let current = router
        lock.unlock()
        return current.respond(to: request)
    }

    /// Builds the site again and publishes it under the next generation.
    public func rebuild() {
        let next = generation + 1
        let built = Self.build(workingDirectory: workingDirectory, paths: paths, messages: messages, generation: next)
        lock.lock()
        router = PreviewRouter(entries: built.entries, generation: next, repository: built.repository ?? router.repository, language: messages)
        lock.unlock()
    }

    static func build(workingDirectory: URL, paths: [String], messages: MessageLanguage, generation: Int)
        -> (entries: [String: PreviewEntry], repository: Repository?) {
        do {
            let options = try ValidationOptions.load(workingDirectory: workingDirectory, paths: paths)
            let validator = try Validator(options: options)
            let findings = try validator.validate(paths: paths).findings
            let catalogue = try validator.loadCatalogue(paths: paths)
            var pages = PreviewPages(catalogue: catalogue, live: PreviewLiveContext(findings: findings, messages: messages, generation: generation))
            pages.build()
            return (pages.entries, catalogue.repository)
        } catch {
            let live = PreviewLiveContext(findings: [], messages: messages, generation: generation)
            let body = "<h1>coursekit preview</h1>\n<aside class=\"ck-findings\" role=\"alert\"><p>\(HTMLEscaping.escape(error.text(in: messages)))</p></aside>\n"
            var page = LessonPage(title: "coursekit preview", language: messages.rawValue, bodyHTML: body)
            page.extraHead = "<style>\(FindingsPanelHTML.stylesheet)</style>\n" + live.reloadScript
            return (["index.html": .bytes(Array(page.render().utf8))], nil)
        }
    }

    /// Builds the first generation, then polls the repository every `interval` seconds on a
    /// thread of its own and rebuilds after a change, until `stop()`. (The first snapshot is
    /// taken before the first build, so no change is missed.)
    public func start(interval: TimeInterval = 0.4) {
        let first = watcher.snapshot()
        rebuild()
        let thread = Thread { [self] in
            var last = first
            while !isStopped {
                Thread.sleep(forTimeInterval: interval)
                let now = watcher.snapshot()
                if now != last {
                    last = now
                    rebuild()
                }
            }
        }
        thread.name = "coursekit.preview.watch"
        thread.start()
    }

    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }
}
