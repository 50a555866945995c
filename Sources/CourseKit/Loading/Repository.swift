import Foundation

/// The folder tree coursekit works on, with its root (where `coursekit.yaml` or `.git` lives)
/// and the folder that paths are shown relative to. All file access goes through it, so no
/// reference can read outside the root, follow a symlink out of it, or read a huge file.
public struct Repository: Sendable {
    public let root: URL
    /// The working directory the run started in (paths in findings are relative to `root`;
    /// reporters show them relative to this folder).
    public let displayBase: URL
    public var maximumFileSize: Int
    /// Records every path this copy looks at (`ValidationCache` dependencies); nil records nothing.
    var accessLog: AccessLog?

    /// `root.path`, and it with a trailing `/`, computed once (`URL.path` is not free).
    private let rootPath: String, rootPrefix: String

    public init(root: URL, displayBase: URL, maximumFileSize: Int = 8 * 1024 * 1024) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        rootPath = self.root.path
        rootPrefix = rootPath == "/" ? "/" : rootPath + "/"
        self.displayBase = displayBase.standardizedFileURL.resolvingSymlinksInPath()
        self.maximumFileSize = maximumFileSize
    }

    /// Finds the repository root for `path` by walking up to the nearest folder holding
    /// `coursekit.yaml`, else `.git`; failing both, the working directory when `path` is inside
    /// it, else the folder of `path` itself.
    public static func discover(for path: URL, workingDirectory: URL) -> Repository {
        let start = path.standardizedFileURL.resolvingSymlinksInPath()
        let cwd = workingDirectory.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: start.path, isDirectory: &isDirectory)
        let folder = exists && isDirectory.boolValue ? start : start.deletingLastPathComponent()
        for marker in ["coursekit.yaml", "coursekit.yml", ".git"] {
            var candidate = folder
            while true {
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) {
                    return Repository(root: candidate, displayBase: cwd)
                }
                let parent = candidate.deletingLastPathComponent()
                if parent.path == candidate.path { break }
                candidate = parent
            }
        }
        let root = folder.path.hasPrefix(cwd.path + "/") || folder.path == cwd.path ? cwd : folder
        return Repository(root: root, displayBase: cwd)
    }

    public func url(for path: RepositoryPath) -> URL {
        accessLog?.note(path, .content)
        return URL(fileURLWithPath: absolutePath(path))
    }

    /// This repository without an access log (for looks that are not dependencies).
    var unlogged: Repository {
        var copy = self
        copy.accessLog = nil
        return copy
    }

    /// The names in a folder (unsorted; empty when it cannot be listed). `forSources` says only
    /// the names source discovery can use matter (see `SourceDiscovery.usable`).
    func listing(_ folder: RepositoryPath, forSources: Bool = false) -> [String] {
        accessLog?.note(folder, forSources ? .sourceListing : .listing)
        return (try? FileManager.default.contentsOfDirectory(atPath: absolutePath(folder))) ?? []
    }

    /// The names in a folder with whether each is, by the folder's own record (`d_type`), a
    /// plain file: such an entry is neither a folder nor a link, so a walk that only descends
    /// into folders need not look at it. Unsorted; empty when the folder cannot be listed.
    func typedListing(_ folder: RepositoryPath, forSources: Bool = false) -> [(name: String, plainFile: Bool)] {
        accessLog?.note(folder, forSources ? .sourceListing : .listing)
        guard let directory = opendir(absolutePath(folder)) else { return [] }
        defer { closedir(directory) }
        var names: [(name: String, plainFile: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            names.append((name, entry.pointee.d_type == UInt8(DT_REG)))
        }
        return names
    }

    /// The file-system path of a repository path (string work only: no URL parsing).
    public func absolutePath(_ path: RepositoryPath) -> String {
        path.components.isEmpty ? rootPath : rootPrefix + path.string
    }

    /// The path findings carry for a file: relative to the repository root. How it is shown
    /// (relative to the working directory, to a CI workspace) is decided by the reporters.
    public func displayPath(for path: RepositoryPath) -> String {
        path.components.isEmpty ? "." : path.string
    }

    /// The repository path of an absolute URL, when it lies inside the root.
    public func repositoryPath(of url: URL) -> RepositoryPath? {
        let absolute = url.standardizedFileURL.path
        if absolute == rootPath { return RepositoryPath(components: []) }
        guard absolute.hasPrefix(rootPrefix) else { return nil }
        return RepositoryPath(normalizing: String(absolute.dropFirst(rootPrefix.count)))
    }

    public enum EntryType: Sendable, Equatable {
        case file
        case directory
        case missing
        /// A symbolic link whose target lies outside the repository.
        case linkOutside
        case other
    }

    /// What is at `path`, following symlinks only while they stay inside the repository. Plain
    /// files cost one `lstat`; only symbolic links (in the path or its folders) are resolved.
    public func entryType(_ path: RepositoryPath) -> EntryType {
        accessLog?.note(path, .probe)
        let absolute = absolutePath(path)
        var info = stat()
        guard lstat(absolute, &info) == 0 else { return .missing }
        var isLink = (info.st_mode & S_IFMT) == S_IFLNK
        if !isLink && !path.components.isEmpty {
            isLink = !folderIsReal(path.parent)
        }
        if isLink {
            guard let real = realpath(absolute, nil) else { return .linkOutside }
            defer { free(real) }
            let target = String(cString: real)
            guard target == rootPath || target.hasPrefix(rootPrefix) else { return .linkOutside }
            guard stat(target, &info) == 0 else { return .missing }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// True when no folder from the root down to `folder` is a symbolic link (cached).
    private func folderIsReal(_ folder: RepositoryPath) -> Bool {
        if folder.components.isEmpty { return true }
        if let known = realFolders.lookup(folder) { return known }
        var info = stat()
        let real = lstat(absolutePath(folder), &info) == 0 && (info.st_mode & S_IFMT) != S_IFLNK && folderIsReal(folder.parent)
        realFolders.store(folder, real)
        return real
    }

    private let realFolders = FolderCache()

    public struct ReadError: Error, Sendable {
        public var message: LocalizedText
        /// The file is over the size limit (reported as `file-too-large`, not `unreadable-file`).
        public var tooLarge = false
    }

    /// Reads a regular file inside the repository, refusing links out of it and files over the limit.
    public func read(_ path: RepositoryPath, limit: Int? = nil) throws(ReadError) -> Data {
        let limit = limit ?? maximumFileSize
        switch entryType(path) {
        case .file: break
        case .linkOutside:
            throw ReadError(message: LocalizedText(
                en: "refusing to read a symbolic link that points outside the repository",
                hi: "रिपॉज़िटरी से बाहर इंगित करने वाले सिम्बॉलिक लिंक को पढ़ने से मना किया गया"))
        case .missing:
            throw ReadError(message: LocalizedText(en: "file not found", hi: "फ़ाइल नहीं मिली"))
        case .directory, .other:
            throw Self.notRegularFile
        }
        accessLog?.note(path, .content)
        accessLog?.note(path, .size)
        // One open, fstat and read (Foundation's `Data(contentsOf:)` and a separate stat cost
        // several times that on a catalogue of thousands of files).
        // O_NONBLOCK: should the file have been replaced by a FIFO since it was looked at, open
        // must not wait for a writer (fstat then refuses it).
        let descriptor = open(absolutePath(path), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Self.readError(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.readError(String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw Self.notRegularFile }
        let size = Int(info.st_size)
        func tooLarge(_ size: Int) -> ReadError {
            ReadError(message: LocalizedText(
                en: "file is \(size) bytes, over the \(limit)-byte limit for source files",
                hi: "फ़ाइल \(size) बाइट की है, जो स्रोत फ़ाइलों की \(limit) बाइट की सीमा से अधिक है"), tooLarge: true)
        }
        guard size <= limit else { throw tooLarge(size) }
        // Read to the end (the file may have grown since fstat), never past the limit.
        var data = Data(count: size + 1)
        var count = 0
        while true {
            if count == data.count {
                guard data.count <= limit else { throw tooLarge(count) }
                data.count = min(data.count * 2, limit + 1)
            }
            let got = data.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw Self.readError(String(cString: strerror(errno)))
            }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else { throw tooLarge(count) }
        data.count = count
        return data
    }

    private static let notRegularFile = ReadError(message: LocalizedText(en: "not a regular file", hi: "यह सामान्य फ़ाइल नहीं है"))

    private static func readError(_ detail: String) -> ReadError {
        ReadError(message: LocalizedText(
            en: "could not read the file: \(detail)", hi: "फ़ाइल पढ़ी नहीं जा सकी: \(detail)"))
    }

    /// Size in bytes of a file, or nil when it cannot be read.
    public func fileSize(_ path: RepositoryPath) -> Int? {
        accessLog?.note(path, .size)
        var info = stat()
        return stat(absolutePath(path), &info) == 0 ? Int(info.st_size) : nil
    }
}

/// Remembers which folders were found to be free of symbolic links; shared by copies of a
/// `Repository` and safe to use from concurrent tasks.
final class FolderCache: @unchecked Sendable {
    private var known: [RepositoryPath: Bool] = [:]
    private let lock = NSLock()

    func lookup(_ folder: RepositoryPath) -> Bool? {
        lock.lock()
        defer { lock.unlock() }
        return known[folder]
    }

    func store(_ folder: RepositoryPath, _ value: Bool) {
        lock.lock()
        defer { lock.unlock() }
        known[folder] = value
    }
}
