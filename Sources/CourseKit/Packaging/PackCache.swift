import Crypto
import Foundation

/// What `coursekit pack` remembers, within one run and between runs.
///
/// - **Lesson archives, content-addressed.** Every course embeds the same standard lessons
///   (the AI and cyber library), so a lesson's html-archive is rendered and compressed once per
///   distinct content, not once per course archive. The key is a SHA-256 over everything the
///   archive's bytes depend on: the renderer's version and coursekit's, the lesson file's bytes,
///   the names and bytes of the images it uses, its title, language and the course title shown
///   on the page. Lessons with image problems (findings) are never cached. Within a run the
///   archives are kept in memory (up to `memoryLimit` bytes); with a folder they are also
///   stored there for the next run.
/// - **Whole archives** (with a folder): an archive whose entries (names, compression and
///   SHA-256 of every entry, which covers the manifest with its `ts`, the configuration's effect
///   and the edition) and coursekit version match the record of the last run, and whose file on
///   disk still has the recorded size and SHA-256, is left untouched instead of rewritten.
///
/// Every stored file carries its key and an HMAC-SHA256 of key and payload under a secret kept
/// outside the repository (`$XDG_CACHE_HOME/coursekit/cache-secret`, made on first use, mode
/// 0600); an entry that fails to parse or whose tag does not match (corrupt, truncated, or
/// foreign: a `.coursekit-cache` committed to a repository cannot inject bytes) is ignored and
/// replaced. The folder is `.coursekit-cache/` at the repository root by default (git-ignored);
/// it can be deleted at any time. A folder that is a symbolic link or not a directory, or no
/// usable secret, turns the persistent cache off. `pack --no-cache` uses no folder (the in-run
/// memo stays).
public final class PackCache: @unchecked Sendable {
    /// The default folder, at the repository root.
    public static let folderName = ".coursekit-cache"
    static let header = "coursekit-cache 1"
    /// Raise when lesson rendering or zip writing changes the bytes made from the same sources.
    static let rendererVersion = "lesson-archive 2, \(ZipArchiveWriter.formatVersion)"
    /// Most bytes of lesson archives kept in memory during a run.
    static let memoryLimit = 96 << 20

    /// The persistent folder; nil keeps only the in-run memo.
    public let folder: URL?
    private let lock = NSLock()
    /// Lesson archives of this run, at most `memoryLimit` bytes.
    private var lessons = SharedUseMemo<LessonArchive>(limit: memoryLimit)
    private var written: [String] = []
    private var kept: [String] = []
    /// Counters, for tests and the benchmark: lessons rendered, found in memory, found on disk.
    private(set) var rendered = 0
    private(set) var memoryHits = 0
    private(set) var diskHits = 0

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    private let secret: SymmetricKey?

    public init(folder: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let folder, Self.usableFolder(folder), Self.usableFolder(folder.appendingPathComponent("lessons")),
              Self.usableFolder(folder.appendingPathComponent("archives")), let secret = Self.secret(environment) else {
            self.folder = nil
            self.secret = nil
            return
        }
        self.folder = folder
        self.secret = secret
    }

    /// The folder may be missing (it is created) or a real directory; never a link elsewhere.
    static func usableFolder(_ folder: URL) -> Bool {
        var info = stat()
        if lstat(folder.path, &info) != 0 { return errno == ENOENT }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The per-user secret that authenticates cache entries, created on first use.
    static func secret(_ environment: [String: String]) -> SymmetricKey? {
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.cache"
        } else {
            return nil
        }
        let folder = URL(fileURLWithPath: base).appendingPathComponent("coursekit")
        let file = folder.appendingPathComponent("cache-secret")
        if let data = try? Data(contentsOf: file), data.count == 32 { return SymmetricKey(data: data) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var bytes = [UInt8](repeating: 0, count: 32)
            var generator = SystemRandomNumberGenerator()
            for index in bytes.indices { bytes[index] = generator.next() }
            let temporary = folder.appendingPathComponent("cache-secret.\(UUID().uuidString.prefix(8)).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else { return nil }
            // link(2) fails when another run made the secret first; then use that one.
            _ = link(temporary.path, file.path)
            unlink(temporary.path)
            guard let data = try? Data(contentsOf: file), data.count == 32 else { return nil }
            return SymmetricKey(data: data)
        } catch {
            return nil
        }
    }

    func tag(kind: String, key: String, payload: Data) -> String {
        guard let secret else { return "" }
        var mac = HMAC<SHA256>(key: secret)
        mac.update(data: Data("\(Self.header) \(kind) \(key)\n".utf8))
        mac.update(data: payload)
        return SHA256Hex.hex(mac.finalize())
    }

    /// Archive file names written in this run, and those left as they were (sorted).
    public var rewrittenArchives: [String] { locked { Set(written).sorted() } }
    public var unchangedArchives: [String] { locked { Set(kept).sorted() } }

    // MARK: - Keys

    /// A SHA-256 over length-prefixed fields, so no two field lists give the same bytes.
    struct KeyBuilder {
        var hasher = SHA256()
        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
        }
        mutating func add(_ data: Data) {
            data.withUnsafeBytes { add(bytes: $0) }
        }
        /// The length, then the bytes: no two sequences of parts hash alike.
        private mutating func add(bytes: UnsafeRawBufferPointer) {
            var count = UInt64(bytes.count).littleEndian
            withUnsafeBytes(of: &count) { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: bytes)
        }
        func finish() -> String { SHA256Hex.hex(hasher.finalize()) }
    }

    /// The key of a lesson's rendered body: the body as parsed (front matter apart), its
    /// images and language.
    static func bodyKey(body: String, images: [ZipEntry], language: String) -> String {
        var key = KeyBuilder()
        key.add(header)
        key.add(rendererVersion)
        key.add(CourseKitVersion.current)
        key.add("body")
        key.add(body)
        key.add(language)
        key.add(String(images.count))
        for image in images {
            key.add(image.path)
            key.add(image.compression.rawValue)
            if let digest = image.digest {
                key.add(digest)
            } else if case .data(let data) = image.content {
                key.add(SHA256Hex.digest(data))
            } else {
                key.add("?")
            }
        }
        return key.finish()
    }

    /// The key of a lesson's html-archive: its body's key, its title and the course title
    /// shown on the page (each course shows its own, so the page differs between courses).
    static func lessonKey(body: String, title: String, courseTitle: String?) -> String {
        var key = KeyBuilder()
        key.add(body)
        key.add(title)
        key.add(courseTitle == nil ? "-" : "+" + courseTitle!)
        return key.finish()
    }

    /// Rendered bodies (HTML), in memory only: each distinct lesson body is rendered once per run.
    private var bodies = SharedUseMemo<String>(limit: memoryLimit)
    private(set) var bodyHits = 0

    func body(_ key: String) -> String? {
        locked {
            guard let found = bodies.value(key) else { return nil }
            bodyHits += 1
            return found
        }
    }

    func storeBody(_ key: String, _ html: String) {
        locked { bodies.store(key, html, size: html.utf8.count) }
    }

    // MARK: - Question sets

    /// Question sets converted in this run, by quiz file, language and policy (in memory
    /// only): the quiz of a library module that every course uses is converted once per
    /// edition, not once per archive.
    private var questionSets = SharedUseMemo<QuMLQuestionSet>(limit: 32)
    /// Question sets converted (not found in the memo), for tests.
    private(set) var questionSetsBuilt = 0

    func questionSet(quiz path: String, language: String, policy: UnplayableQuestionPolicy,
                     build: () -> QuMLQuestionSet) -> QuMLQuestionSet {
        let key = path + "\u{1F}" + language + "\u{1F}" + policy.rawValue
        if let found = locked({ questionSets.value(key) }) { return found }
        let set = build()
        locked {
            questionSetsBuilt += 1
            questionSets.store(key, set)
        }
        return set
    }

    // MARK: - Images

    /// A lesson image that passed its checks, with its SHA-256 (hex).
    struct ImageFile {
        var data: Data
        var digest: String
    }

    /// Images read in this run, by repository path (in memory only, at most 4 MB, shared
    /// ones kept): a library lesson's images are checked, read and hashed once, not per archive
    /// (twice at most when two batches miss the same image at the same moment).
    private var images = SharedUseMemo<ImageFile>(limit: 4 << 20)
    /// Images read from disk (not found in the memo), for tests.
    private(set) var imagesRead = 0

    func image(_ path: String) -> ImageFile? {
        locked { images.value(path) }
    }

    func storeImage(_ path: String, _ file: ImageFile) {
        locked {
            imagesRead += 1
            images.store(path, file, size: file.data.count)
        }
    }

    // MARK: - Lesson archives

    func lesson(_ key: String) -> LessonArchive? {
        if let found = locked({ lessons.value(key) }) {
            locked { memoryHits += 1 }
            return found
        }
        guard let folder, let payload = readEntry(lessonURL(folder, key), kind: "lesson", key: key) else { return nil }
        let archive = LessonArchive(data: payload, findings: [], digest: SHA256Hex.digest(payload))
        remember(key, archive)
        locked { diskHits += 1 }
        return archive
    }

    func store(_ key: String, _ archive: LessonArchive) {
        remember(key, archive)
        locked { rendered += 1 }
        if let folder { writeEntry(lessonURL(folder, key), kind: "lesson", key: key, payload: archive.data) }
    }

    private func remember(_ key: String, _ archive: LessonArchive) {
        locked { lessons.store(key, archive, size: archive.data.count) }
    }

    /// Where `ValidationCache` keeps a batch's entry (nil folder: a path nothing reads).
    func batchURL(_ key: String) -> URL {
        (folder ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent("batches")
            .appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key)
    }

    private func lessonURL(_ folder: URL, _ key: String) -> URL {
        folder.appendingPathComponent("lessons").appendingPathComponent(String(key.prefix(2)))
            .appendingPathComponent(key)
    }

    // MARK: - Whole archives

    /// The key of an archive: coursekit's version and every entry's name, compression and digest.
    static func archiveKey(_ entries: [ZipEntry], deflateLevel: Int = ZipArchiveWriter.defaultDeflateLevel) throws(ArchiveError) -> String {
        var key = KeyBuilder()
        key.add(header)
        key.add(CourseKitVersion.current)
        key.add(ZipArchiveWriter.formatVersion)
        key.add("level \(deflateLevel)")
        let ordered = entries.sorted { ArchiveEntryName.precedes($0.path, $1.path) }
        key.add(String(ordered.count))
        for entry in ordered {
            key.add(entry.path)
            key.add(entry.compression.rawValue)
            if let digest = entry.digest {
                key.add(digest)
                continue
            }
            switch entry.content {
            case .data(let data): key.add(SHA256Hex.digest(data))
            case .file(let url):
                do {
                    key.add(try SHA256Hex.digest(ofFile: url))
                } catch {
                    throw ArchiveError(.io, entry: entry.path, LocalizedText(
                        en: "cannot read \(url.path): \(error.localizedDescription)",
                        hi: "\(url.path) पढ़ी नहीं जा सकी: \(error.localizedDescription)"))
                }
            }
        }
        return key.finish()
    }

    /// Writes `entries` as `folder/name` unless the last run wrote the same entries there and
    /// the file is still what it wrote. Returns the archive's URL.
    func write(_ entries: [ZipEntry], named name: String, into output: URL) throws(ArchiveError) -> URL {
        try commit(stage(entries, named: name, into: output))
    }

    /// An archive made but not yet in place: `pack` decides whether it may be written only
    /// once every finding of the run is known (`commit` or `discard`).
    struct StagedArchive: Sendable, Codable {
        /// The cache record of an archive: its file and key.
        struct Record: Sendable, Codable {
            var url: URL
            var key: String
            /// The staged archive's SHA-256 and size, taken while it was written.
            var digest: String?
            var size: Int?
        }

        var name: String
        var destination: URL
        /// The finished archive beside its destination; nil when the file there is already it.
        var temporary: URL?
        /// The cache record to write on commit: its file, key and the archive's digest and size.
        var record: Record?
    }

    /// Makes the archive of `entries` for `output/name` as a temporary file, or finds that the
    /// last run wrote the same entries there and the file is still what it wrote.
    func stage(_ entries: [ZipEntry], named name: String, into output: URL, deflateLevel: Int = ZipArchiveWriter.defaultDeflateLevel) throws(ArchiveError) -> StagedArchive {
        let destination = output.appendingPathComponent(name)
        let writer = ZipArchiveWriter(deflateLevel: deflateLevel)
        guard let folder else {
            return StagedArchive(name: name, destination: destination,
                                 temporary: try writer.writeTemporary(entries, for: destination, hashing: false, flushed: false).url)
        }
        let key = try Self.archiveKey(entries, deflateLevel: writer.deflateLevel)
        let record = folder.appendingPathComponent("archives")
            .appendingPathComponent(SHA256Hex.digest(Data(destination.standardizedFileURL.path.utf8)))
        if let stored = readEntry(record, kind: "archive", key: key),
           let line = String(data: stored, encoding: .utf8)?.split(separator: " "), line.count == 2,
           let size = Int(line[1]),
           let attributes = try? FileManager.default.attributesOfItem(atPath: destination.path),
           (attributes[.type] as? FileAttributeType) == .typeRegular,
           (attributes[.size] as? NSNumber)?.intValue == size,
           (try? SHA256Hex.digest(ofFile: destination)) == String(line[0]) {
            return StagedArchive(name: name, destination: destination, temporary: nil)
        }
        let written = try writer.writeTemporary(entries, for: destination, hashing: true, flushed: false)
        return StagedArchive(name: name, destination: destination, temporary: written.url,
                             record: .init(url: record, key: key, digest: written.digest, size: written.size))
    }

    /// Puts a staged archive in place (and records it). Returns the archive's URL. Staged
    /// archives are written without waiting for the disk: unless `flushed` says the caller has
    /// flushed their file system since (`flushStaged`), the file is flushed before the rename.
    func commit(_ staged: StagedArchive, flushed: Bool = false) throws(ArchiveError) -> URL {
        guard let temporary = staged.temporary else {
            locked { kept.append(staged.name) }
            return staged.destination
        }
        defer { TemporaryFiles.unregister(temporary.path) }
        do throws(ArchiveError) {
            guard flushed || DiskSync.flush(fileAt: temporary.path) else {
                let detail = ZipArchiveWriter.systemError()
                throw ArchiveError(.io, LocalizedText(
                    en: "could not write \(staged.destination.lastPathComponent) to disk: \(detail)",
                    hi: "\(staged.destination.lastPathComponent) डिस्क पर नहीं लिखा जा सका: \(detail)"))
            }
            try ZipArchiveWriter.moveIntoPlace(temporary, staged.destination)
        } catch {
            unlink(temporary.path)
            throw error
        }
        locked { written.append(staged.name) }
        if let record = staged.record, let digest = record.digest, let size = record.size {
            writeEntry(record.url, kind: "archive", key: record.key, payload: Data("\(digest) \(size)".utf8))
        }
        return staged.destination
    }

    /// Flushes the file systems of the staged archives' temporary files at once, so that
    /// `commit(_:flushed:)` need not flush each; false when that could not be done.
    static func flushStaged(_ staged: [StagedArchive]) -> Bool {
        let folders = Set(staged.compactMap { $0.temporary?.deletingLastPathComponent().path })
        return folders.sorted().allSatisfy { DiskSync.flushFileSystem(containing: URL(fileURLWithPath: $0)) }
    }

    /// Drops a staged archive: the file already in place, if any, stays as it was.
    func discard(_ staged: StagedArchive) {
        guard let temporary = staged.temporary else { return }
        unlink(temporary.path)
        TemporaryFiles.unregister(temporary.path)
    }

    /// Writes `last-pack.log` (one line per archive: `written NAME` or `unchanged NAME`).
    /// Also lists the validation batches loaded again (`loaded FIRST-SOURCE`) and the number
    /// taken from the cache (`reused N`).
    func writeLog(batches: ValidationCache? = nil) {
        guard let folder else { return }
        var lines = rewrittenArchives.map { "written \($0)\n" } + unchangedArchives.map { "unchanged \($0)\n" }
        if let batches {
            lines += batches.loadedBatches.map { "loaded \($0)\n" } + ["reused \(batches.reused)\n"]
        }
        try? Data(lines.joined().utf8).write(to: folder.appendingPathComponent("last-pack.log"), options: .atomic)
    }

    // MARK: - Stored entries

    /// `coursekit-cache 1 KIND KEY\nHMAC-OF-KEY-AND-PAYLOAD\n` then the payload.
    func writeEntry(_ url: URL, kind: String, key: String, payload: Data) {
        var data = Data("\(Self.header) \(kind) \(key)\n\(tag(kind: kind, key: key, payload: payload))\n".utf8)
        data.append(payload)
        do {
            guard Self.usableFolder(url.deletingLastPathComponent()) else { return }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            // A cache that cannot be written only costs time.
        }
    }

    /// The payload of a stored entry, or nil when it is missing, for another key or kind,
    /// malformed, or its digest does not match.
    func readEntry(_ url: URL, kind: String, key: String) -> Data? {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        let expected = Data("\(Self.header) \(kind) \(key)\n".utf8)
        guard data.count >= expected.count + 65, data.prefix(expected.count) == expected else { return nil }
        let digestStart = data.startIndex + expected.count
        guard data[digestStart + 64] == UInt8(ascii: "\n") else { return nil }
        let digest = String(decoding: data[digestStart ..< digestStart + 64], as: UTF8.self)
        let payload = Data(data[(digestStart + 65)...])
        guard secret != nil, tag(kind: kind, key: key, payload: payload) == digest else { return nil }
        return payload
    }
}
