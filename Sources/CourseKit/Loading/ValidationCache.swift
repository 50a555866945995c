import Crypto
import Foundation

/// Remembers what each batch of a validation found (and, for `pack`, which archives it made),
/// so a batch none of whose inputs changed is neither loaded, parsed nor checked again.
///
/// A batch is keyed on its source files (paths and kinds, as `BatchPlan` groups them), the run's
/// mode (`validate`, or `pack` with its options), the bytes of the configuration file and of the
/// glossary it names, the shipped
/// schemas, coursekit's version and the running executable. Its entry lists every repository
/// path the batch's load and rules looked at and how (`AccessLog`: probed, sized, read, listed)
/// with a fingerprint of as much as was looked at (type; size; SHA-256 of the bytes; the sorted
/// names); the entry is used only when every fingerprint still matches (not on the bytes of files
/// it only probed). Repository-wide checks (duplicate ids, libraries, unused suppressions, the
/// pending findings of a `RepositoryWideRule` such as `case-study-used`) always run over every
/// batch's results, cached or not.
/// Entries are stored through `PackCache` (`batches/` in `.coursekit-cache`), HMAC-checked.
final class ValidationCache: @unchecked Sendable {
    /// A repository path, how the batch used it, and what was there.
    struct Dependency: Codable, Sendable {
        var access: AccessLog.Access
        var fingerprint: String
    }

    /// What is stored for one batch. `dependencies` is one line per dependency,
    /// `USE<TAB>PATH<TAB>FINGERPRINT` (a batch may have thousands: lines decode fast). Those
    /// outside the batch's own course folders (the library, a rule's scan of the repository),
    /// alike for most batches, are stored once by digest (`shared`) and checked once per run.
    struct Entry<Extra: Codable>: Codable {
        var dependencies: String
        var shared: String?
        var outcome: Validator.BatchOutcome
        var extra: Extra
    }

    static func lines(_ dependencies: [Dependency]) -> String {
        dependencies.map { "\($0.access.use.rawValue)\t\($0.access.path.string)\t\($0.fingerprint)\n" }.joined()
    }

    let store: PackCache
    let repository: Repository
    /// File digests kept between runs, so unchanged files are not read again.
    let digests: ContentDigests
    /// Digest of everything outside the sources a batch's results depend on.
    let context: String
    private let lock = NSLock()
    private var fingerprints: [AccessLog.Access: String] = [:]
    /// Batches answered from the cache and loaded, in this run (for tests and the benchmark).
    private(set) var reused = 0
    private(set) var loaded = 0
    private var loadedSources: [String] = []
    /// The first source of each batch loaded in this run, sorted.
    var loadedBatches: [String] { locked { loadedSources.sorted() } }

    convenience init(store: PackCache, repository: Repository, configuration: Configuration, mode: [String]) {
        let file = configuration.file.map { configuration.directory.appendingPathComponent(($0 as NSString).lastPathComponent).path }
        self.init(store: store, repository: repository, configurationFiles: [file, configuration.policy.glossaryFile?.path].compactMap { $0 },
                  mode: [configuration.directory.path] + mode)
    }

    init(store: PackCache, repository: Repository, configurationFiles: [String], mode: [String]) {
        self.store = store
        digests = ContentDigests(store: store)
        var plain = repository
        plain.accessLog = nil
        self.repository = plain
        var key = PackCache.KeyBuilder()
        key.add("validation-cache 2")
        key.add(CourseKitVersion.current)
        key.add(Self.executableIdentity())
        key.add(String(repository.maximumFileSize))
        key.add(String(configurationFiles.count))
        for file in configurationFiles {
            key.add(file)
            key.add(FileManager.default.contents(atPath: file) ?? Data("-".utf8))
        }
        if let schemas = try? SchemaSet.shippedDirectory(),
           let names = try? FileManager.default.contentsOfDirectory(atPath: schemas.path) {
            for name in names.sorted() {
                key.add(name)
                key.add(FileManager.default.contents(atPath: schemas.appendingPathComponent(name).path) ?? Data())
            }
        }
        key.add(String(mode.count))
        for part in mode { key.add(part) }
        context = key.finish()
    }

    var isUsable: Bool { store.folder != nil }

    /// The running program (path, size, modification time): a rebuilt coursekit may check differently.
    static func executableIdentity() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "?"
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    func key(_ sources: [(RepositoryPath, SourceKind)]) -> String {
        var key = PackCache.KeyBuilder()
        key.add(context)
        key.add(String(sources.count))
        for (path, kind) in sources {
            key.add(path.string)
            key.add(kind.rawValue)
        }
        return key.finish()
    }

    /// The stored result of a batch whose every dependency is unchanged and that `accept`s.
    func lookup<Extra: Codable>(_ sources: [(RepositoryPath, SourceKind)], as type: Extra.Type,
                                accept: (Extra) -> Bool = { _ in true }) -> Entry<Extra>? {
        guard isUsable, let payload = store.readEntry(store.batchURL(key(sources)), kind: "batch", key: key(sources)),
              let entry = try? JSONDecoder().decode(Entry<Extra>.self, from: payload),
              unchanged(entry.dependencies), entry.shared.map(sharedUnchanged) ?? true, accept(entry.extra)
        else {
            locked {
                loaded += 1
                loadedSources.append(sources.first?.0.string ?? "-")
            }
            return nil
        }
        locked { reused += 1 }
        return entry
    }

    /// Shared dependency lists already checked in this run, by digest.
    private var sharedChecked: [String: Bool] = [:]

    func sharedUnchanged(_ digest: String) -> Bool {
        if let known = locked({ sharedChecked[digest] }) { return known }
        let result = store.readEntry(store.batchURL("deps-" + digest), kind: "deps", key: digest)
            .flatMap { String(data: $0, encoding: .utf8) }
            .map { SHA256Hex.digest(Data($0.utf8)) == digest && unchanged($0) } ?? false
        locked { sharedChecked[digest] = result }
        return result
    }

    /// Current fingerprints by dependency line prefix (`USE<TAB>PATH`), shared by all batches.
    private var current: [Substring: String] = [:]

    /// Whether every dependency line still holds (a malformed line does not). Lines are cut on
    /// their UTF-8 bytes: splitting by `Character` costs more than the checks.
    func unchanged(_ lines: String) -> Bool {
        let tab = UInt8(ascii: "\t"), slash = UInt8(ascii: "/")
        for line in lines.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let last = line.lastIndex(of: tab) else { return false }
            let head = Substring(line[..<last]), stored = Substring(line[line.index(after: last)...])
            if let known = locked({ current[head] }) {
                guard known == stored else { return false }
                continue
            }
            guard let first = head.utf8.firstIndex(of: tab), let use = AccessLog.Use(rawValue: String(head[..<first])) else { return false }
            let path = head.utf8[head.utf8.index(after: first)...]
            let found = fingerprint(AccessLog.Access(path: RepositoryPath(components: path.split(separator: slash).map { String(Substring($0)) }), use: use))
            locked { current[head] = found }
            guard found == stored else { return false }
        }
        return true
    }

    /// The dependencies a loaded batch had, fingerprinted now.
    func dependencies(_ log: AccessLog?) -> [Dependency] {
        (log?.sorted ?? []).map { Dependency(access: $0, fingerprint: fingerprint($0)) }
    }

    func save<Extra: Codable>(_ sources: [(RepositoryPath, SourceKind)], dependencies: [Dependency], outcome: Validator.BatchOutcome, extra: Extra) {
        // A path with a tab or a line break would not survive the line format: such a batch is not stored.
        guard isUsable, !dependencies.contains(where: { $0.access.path.string.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) })
        else { return }
        let own = Set(sources.filter { $0.1 == .course }.map(\.0.parent.components))
        func isOwn(_ path: RepositoryPath) -> Bool { own.contains { path.components.starts(with: $0) } }
        let shared = Self.lines(dependencies.filter { !isOwn($0.access.path) })
        var digest: String?
        if !shared.isEmpty {
            let sharedDigest = SHA256Hex.digest(Data(shared.utf8))
            digest = sharedDigest
            if locked({ sharedChecked[sharedDigest] }) != true {
                store.writeEntry(store.batchURL("deps-" + sharedDigest), kind: "deps", key: sharedDigest, payload: Data(shared.utf8))
                locked { sharedChecked[sharedDigest] = true }
            }
        }
        let entry = Entry(dependencies: Self.lines(dependencies.filter { isOwn($0.access.path) }), shared: digest, outcome: outcome, extra: extra)
        guard let payload = try? JSONEncoder().encode(entry) else { return }
        let key = key(sources)
        store.writeEntry(store.batchURL(key), kind: "batch", key: key, payload: payload)
    }

    /// What is at a path now, as far as the batch looked: its type (probe), its size, its
    /// type and SHA-256 (content), or its sorted names (listing).
    func fingerprint(_ access: AccessLog.Access) -> String {
        if let known = locked({ fingerprints[access] }) { return known }
        let path = access.path
        let type = repository.entryType(path)
        var found = "\(type)"
        switch (access.use, type) {
        case (.probe, _): break
        case (.size, _): found += " \(repository.fileSize(path).map(String.init) ?? "-")"
        case (.content, .file):
            if let digest = digests.digest(ofFileAt: repository.absolutePath(path)) {
                found += " " + digest
            } else {
                found += " unreadable"
            }
        case (.listing, .directory):
            found += " " + SHA256Hex.digest(Data(repository.listing(path).sorted().joined(separator: "\n").utf8))
        case (.sourceListing, .directory):
            let names = SourceDiscovery.usable(repository.typedListing(path), in: path, repository)
            found += " " + SHA256Hex.digest(Data(names.sorted().joined(separator: "\n").utf8))
        case (.content, _), (.listing, _), (.sourceListing, _): break
        }
        locked { fingerprints[access] = found }
        return found
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
