import Foundation

/// Loads courses, modules, quizzes, lessons, programmes and case studies from the requested
/// paths, following the references between them, evaluating each file's schema and checking
/// that every reference resolves. It reports every problem it meets and never stops at the first.
public struct CatalogueLoader: Sendable {
    public var repository: Repository
    public var schemas: SchemaSet

    public init(repository: Repository, schemas: SchemaSet) {
        self.repository = repository
        self.schemas = schemas
    }

    /// A requested path that cannot be used at all (exit 2).
    public struct InputError: Error, Sendable {
        public var message: LocalizedText
    }

    /// Loads everything under `paths` (files or folders) into one catalogue.
    public func load(paths: [URL]) throws(InputError) -> Catalogue {
        let session = LoadSession(repository: repository, schemas: schemas)
        for (path, kind) in try sources(for: paths) {
            session.load(path, kind: kind)
        }
        var catalogue = session.finish()
        catalogue.findings += DuplicateIdentifiers.findings(in: catalogue.identifierUses)
        catalogue.findings.sort()
        return catalogue
    }

    /// Loads the sources under `paths` in independent batches of about `batchSize` courses
    /// (each with the modules, lessons and quizzes it references), hands each batch to `body`
    /// and keeps only what `body` returns, so memory stays flat however big the catalogue is.
    /// Batches run in parallel on all cores. Results come back in batch order.
    public func process<Result: Sendable>(
        paths: [URL], batchSize: Int = CatalogueLoader.defaultBatchSize, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        _ body: @Sendable (Catalogue) -> Result
    ) throws(InputError) -> [Result] {
        try process(paths: paths, batchSize: batchSize, progress: progress, reuse: { _ in nil }, logging: false) { catalogue, _, _ in
            body(catalogue)
        }
    }

    /// Courses per batch when nothing is cached. Peak memory follows the batch (two batches
    /// in memory on two cores), so batches of the same size keep it nearly flat as catalogues
    /// grow: with 64, a 300-course catalogue made 8 batches of 38 and a 1,200-course one 20
    /// of 60, and the larger run peaked 1.5–1.6× higher.
    public static let defaultBatchSize = 40

    /// `process` for a cache: `reuse` may answer a batch (given its sources) without loading it;
    /// with `logging`, each loaded batch's repository records every path the load and `body`
    /// look at, and `body` gets that record. `discovered` is `sources(for: paths)` when the
    /// caller has it already, so the folders are not searched twice.
    func process<Result: Sendable>(
        paths: [URL], discovered: [(RepositoryPath, SourceKind)]? = nil, batchSize: Int = CatalogueLoader.defaultBatchSize,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        reuse: @Sendable (_ sources: [(RepositoryPath, SourceKind)]) -> Result?, logging: Bool,
        _ body: @Sendable (Catalogue, _ sources: [(RepositoryPath, SourceKind)], AccessLog?) -> Result
    ) throws(InputError) -> [Result] {
        let found: [(RepositoryPath, SourceKind)]
        if let discovered { found = discovered } else { found = try sources(for: paths) }
        let batches = BatchPlan(sources: found, batchSize: batchSize).batches
        let results = ResultSlots<Result>(count: batches.count, progress: progress)
        let repository = self.repository, schemas = self.schemas
        DispatchQueue.concurrentPerform(iterations: batches.count) { index in
            if let reused = reuse(batches[index]) {
                results.set(index, reused)
                return
            }
            var logged = repository
            logged.accessLog = logging ? AccessLog() : nil
            let session = LoadSession(repository: logged, schemas: schemas)
            for (path, kind) in batches[index] {
                session.load(path, kind: kind)
            }
            results.set(index, body(session.finish(), batches[index], logged.accessLog))
        }
        return results.values
    }

    /// The source files named by `paths`: folders are searched, files taken as they are.
    /// Several paths, or a folder's subfolders, are searched on all cores; the result is in the
    /// order of `paths`, and the first path that cannot be used is the one reported.
    func sources(for paths: [URL]) throws(InputError) -> [(RepositoryPath, SourceKind)] {
        let outcomes = ResultSlots<Result<[(RepositoryPath, SourceKind)], InputError>>(count: paths.count)
        let searched = { @Sendable (index: Int, parallel: Bool) in
            outcomes.set(index, Result { () throws(InputError) in try sources(at: paths[index], parallel: parallel) })
        }
        if paths.count == 1 {
            searched(0, true)
        } else {
            DispatchQueue.concurrentPerform(iterations: paths.count) { searched($0, false) }
        }
        var found: [(RepositoryPath, SourceKind)] = []
        for outcome in outcomes.values { found += try outcome.get() }
        if found.isEmpty {
            let shown = paths.map { url in
                repository.repositoryPath(of: url.standardizedFileURL.resolvingSymlinksInPath()).map { repository.displayPath(for: $0) } ?? url.path
            }.joined(separator: ", ")
            throw InputError(message: LocalizedText(
                en: "no course files in \(shown): found no course.yaml, module.yaml, programme.yaml, case-study.yaml or lesson (hidden folders are skipped); check the path",
                hi: "\(shown) में कोई पाठ्यक्रम फ़ाइल नहीं है: course.yaml, module.yaml, programme.yaml, case-study.yaml या पाठ नहीं मिला (छिपे फ़ोल्डर छोड़े जाते हैं); पथ जाँचें"))
        }
        return found
    }

    /// The sources of one requested path (`sources(for:)`).
    private func sources(at url: URL, parallel: Bool) throws(InputError) -> [(RepositoryPath, SourceKind)] {
        guard let path = repository.repositoryPath(of: url.standardizedFileURL.resolvingSymlinksInPath()) else {
            throw InputError(message: LocalizedText(
                en: "\(url.path) is outside the repository at \(repository.root.path)",
                hi: "\(url.path) रिपॉज़िटरी \(repository.root.path) से बाहर है"))
        }
        switch repository.entryType(path) {
        case .directory:
            let discovery = SourceDiscovery(repository: repository)
            return parallel ? discovery.sourcesInParallel(under: path) : discovery.sources(under: path)
        case .file:
            guard let kind = SourceDiscovery(repository: repository).kind(of: path) else {
                throw InputError(message: LocalizedText(
                    en: "\(url.path): not a coursekit source (expected course.yaml, module.yaml, programme.yaml, case-study.yaml, a quiz naming quiz.schema.json, or a Markdown lesson)",
                    hi: "\(url.path): यह coursekit स्रोत नहीं है (course.yaml, module.yaml, programme.yaml, case-study.yaml, quiz.schema.json वाली क्विज़ या Markdown पाठ अपेक्षित है)"))
            }
            return [(path, kind)]
        case .missing:
            throw InputError(message: LocalizedText(
                en: "\(url.path): no such file or folder", hi: "\(url.path): ऐसी कोई फ़ाइल या फ़ोल्डर नहीं है"))
        case .linkOutside:
            throw InputError(message: LocalizedText(
                en: "\(url.path) is a symbolic link out of the repository", hi: "\(url.path) रिपॉज़िटरी से बाहर का सिम्बॉलिक लिंक है"))
        case .other:
            throw InputError(message: LocalizedText(
                en: "\(url.path) is not a regular file or folder", hi: "\(url.path) सामान्य फ़ाइल या फ़ोल्डर नहीं है"))
        }
    }
}

/// Groups sources into batches that can load independently: each course with the files inside
/// its folder; files that belong to no course (library modules, programmes, case studies) in a
/// first batch of their own.
struct BatchPlan {
    let batches: [[(RepositoryPath, SourceKind)]]

    init(sources: [(RepositoryPath, SourceKind)], batchSize: Int) {
        let courseFolders = Set(sources.filter { $0.1 == .course }.map(\.0.parent))
        var groups: [RepositoryPath: [(RepositoryPath, SourceKind)]] = [:]
        var loose: [(RepositoryPath, SourceKind)] = []
        for source in sources {
            var folder = source.0.parent
            var owner: RepositoryPath?
            while true {
                if courseFolders.contains(folder) { owner = folder; break }
                if folder.components.isEmpty { break }
                folder = folder.parent
            }
            if let owner { groups[owner, default: []].append(source) } else { loose.append(source) }
        }
        var batches: [[(RepositoryPath, SourceKind)]] = loose.isEmpty ? [] : [loose]
        let ordered = groups.keys.sorted()
        if batchSize <= 8 {
            // The cache's small batches: runs of neighbouring courses, as it keys them.
            for start in stride(from: 0, to: ordered.count, by: batchSize) {
                batches.append(ordered[start..<min(start + batchSize, ordered.count)].flatMap { groups[$0]! })
            }
        } else {
            let count = Self.batchCount(courses: ordered.count, limit: batchSize)
            let shares = Self.spread(ordered, into: count) { groups[$0]!.count }
            batches += shares.map { $0.flatMap { groups[$0]! } }
        }
        self.batches = batches
    }

    /// How many batches to deal `courses` courses into: enough for about `limit` courses each,
    /// and at least four per core, in a multiple of the core count. With only as many batches
    /// as cores, or one more, one core finished its share and waited while the other ran the
    /// last batch alone (5 batches of 60 on 2 cores: a third of the run on one core). Loading is
    /// per batch, so a batch loads the shared library modules its courses use again; four per
    /// core keep that small.
    static func batchCount(courses: Int, limit: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        guard courses > 0 else { return 0 }
        let limit = max(limit, 1), cores = max(cores, 1)
        let wanted = max((courses + limit - 1) / limit, 4 * cores)
        return min((wanted + cores - 1) / cores * cores, courses)
    }

    /// Courses dealt into `count` batches of about the same work, the biggest first, each to
    /// the batch with the fewest files so far (ties: the first such batch); each batch lists its
    /// courses in path order. Neighbouring courses are often alike (one department's courses,
    /// copies of one template): cutting the sorted list into runs gave one batch all the large
    /// courses, which then ran alone on one core at the end.
    static func spread(_ courses: [RepositoryPath], into count: Int, cost: (RepositoryPath) -> Int) -> [[RepositoryPath]] {
        guard count > 1 else { return courses.isEmpty ? [] : [courses] }
        var shares = Array(repeating: [RepositoryPath](), count: count)
        var loads = Array(repeating: 0, count: count)
        let costs = courses.map(cost)
        let biggestFirst = courses.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        for index in biggestFirst {
            let target = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 }!
            shares[target].append(courses[index])
            loads[target] += costs[index]
        }
        return shares.filter { !$0.isEmpty }.map { $0.sorted() }
    }
}

/// Fixed slots that parallel batches write their results into.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private var done = 0
    private let lock = NSLock()
    private let progress: (@Sendable (Int, Int) -> Void)?

    init(count: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        slots = Array(repeating: nil, count: count)
        self.progress = progress
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        done += 1
        progress?(done, slots.count)
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// Finds source files in a folder tree, in a stable order, skipping hidden and build folders.
struct SourceDiscovery {
    let repository: Repository

    func sources(under folder: RepositoryPath) -> [(RepositoryPath, SourceKind)] {
        var found: [(RepositoryPath, SourceKind)] = []
        walk(folder, into: &found)
        return found
    }

    /// `sources(under:)` with the folder's subfolders searched on all cores: the same sources
    /// in the same order. Worth it for a command's own paths (a catalogue of hundreds of course
    /// folders), not inside a batch, which already has its core.
    func sourcesInParallel(under folder: RepositoryPath) -> [(RepositoryPath, SourceKind)] {
        let parts = parts(of: folder)
        let results = ResultSlots<[(RepositoryPath, SourceKind)]>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            switch parts[index] {
            case .source(let path, let kind): results.set(index, [(path, kind)])
            case .folder(let path):
                var found: [(RepositoryPath, SourceKind)] = []
                walk(path, into: &found)
                results.set(index, found)
            }
        }
        return results.values.flatMap { $0 }
    }

    /// What a folder holds for the walk, in order: a source, or a subfolder to walk.
    private enum Part: Sendable {
        case source(RepositoryPath, SourceKind)
        case folder(RepositoryPath)
    }

    private func walk(_ folder: RepositoryPath, into found: inout [(RepositoryPath, SourceKind)]) {
        for part in parts(of: folder) {
            switch part {
            case .source(let path, let kind): found.append((path, kind))
            case .folder(let path): walk(path, into: &found)
            }
        }
    }

    private func parts(of folder: RepositoryPath) -> [Part] {
        var parts: [Part] = []
        let entries = repository.typedListing(folder, forSources: true).sorted { $0.name < $1.name }
        for (name, plainFile) in entries {
            if Self.skipped(name) { continue }
            // A plain file not named like a source is nothing to the walk: no probe needed.
            if plainFile && SourceKind.forFileName(name) == nil { continue }
            let child = folder.appending(name)
            // Only a source-named entry's type matters beyond what the folder's source listing
            // records (which names are folders), so only those probes are dependencies.
            let probing = SourceKind.forFileName(name) == nil ? repository.unlogged : repository
            switch probing.entryType(child) {
            case .directory:
                // Symbolic links to folders are not followed when walking.
                var info = stat()
                let isLink = lstat(repository.absolutePath(child), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
                if !isLink { parts.append(.folder(child)) }
            case .file:
                if let kind = SourceKind.forFileName(name), kind != .config { parts.append(.source(child, kind)) }
            case .linkOutside, .other:
                // A course.yaml that is a FIFO, a device or a symlink out of the repository is
                // kept, so loading it reports why it cannot be read instead of skipping it.
                if let kind = SourceKind.forFileName(name), kind != .config { parts.append(.source(child, kind)) }
            case .missing:
                continue
            }
        }
        return parts
    }

    /// Hidden names and `node_modules` are never searched.
    static func skipped(_ name: String) -> Bool { name.hasPrefix(".") || name == "node_modules" }

    /// The names in `folder` the walk can use: folders, and files named like a source.
    /// Folders are marked `/`, or `@` when they are symbolic links (which the walk does not follow).
    static func usable(_ entries: [(name: String, plainFile: Bool)], in folder: RepositoryPath, _ repository: Repository) -> [String] {
        entries.compactMap { name, plainFile in
            if skipped(name) { return nil }
            if SourceKind.forFileName(name) != nil { return name }
            if plainFile { return nil }
            let child = folder.appending(name)
            guard repository.entryType(child) == .directory else { return nil }
            var info = stat()
            return lstat(repository.absolutePath(child), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK ? name + "@" : name + "/"
        }
    }

    /// The kind of a single file named on the command line.
    func kind(of path: RepositoryPath) -> SourceKind? {
        if let kind = SourceKind.forFileName(path.name) { return kind }
        if path.name.hasSuffix(".md") { return .lesson }
        guard path.name.hasSuffix(".yaml") || path.name.hasSuffix(".yml"),
              let data = try? repository.read(path, limit: 64 * 1024 + repository.maximumFileSize)
        else { return nil }
        let head = String(decoding: data.prefix(512), as: UTF8.self)
        for kind in SourceKind.allCases where head.contains("$schema=") && head.contains(kind.schemaFileName) {
            return kind
        }
        return nil
    }
}
