import Foundation

/// The folder tree coursekit works on, with its root (where `coursekit.yaml` or `.git` lives)
/// and the folder that paths are shown relative to. All file access goes through it, so no
/// reference can read outside the root, follow a symlink out of it, or read a huge file.
public struct Repository: Sendable {
    public let root: URL
    /// Paths in diagnostics are shown relative to this folder (normally the working directory).
    public let displayBase: URL
    public var maximumFileSize: Int

    public init(root: URL, displayBase: URL, maximumFileSize: Int = 8 * 1024 * 1024) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
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
        path.components.reduce(root) { $0.appendingPathComponent($1) }
    }

    /// The path as shown to the user: relative to the display base when inside it.
    public func displayPath(for path: RepositoryPath) -> String {
        let absolute = url(for: path).path
        let base = displayBase.path == "/" ? "/" : displayBase.path + "/"
        if absolute.hasPrefix(base) { return String(absolute.dropFirst(base.count)) }
        if absolute == displayBase.path { return "." }
        return absolute
    }

    /// The repository path of an absolute URL, when it lies inside the root.
    public func repositoryPath(of url: URL) -> RepositoryPath? {
        let absolute = url.standardizedFileURL.path
        let rootPath = root.path
        if absolute == rootPath { return RepositoryPath(components: []) }
        let prefix = rootPath == "/" ? "/" : rootPath + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return RepositoryPath(normalizing: String(absolute.dropFirst(prefix.count)))
    }

    public enum EntryType: Sendable, Equatable {
        case file
        case directory
        case missing
        /// A symbolic link whose target lies outside the repository.
        case linkOutside
        case other
    }

    /// What is at `path`, following symlinks only while they stay inside the repository.
    public func entryType(_ path: RepositoryPath) -> EntryType {
        let url = url(for: path)
        guard (try? url.checkResourceIsReachable()) == true || FileManager.default.fileExists(atPath: url.path) else {
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil { return .linkOutside }
            return .missing
        }
        let real = url.resolvingSymlinksInPath().path
        let rootPath = root.path
        guard real == rootPath || real.hasPrefix(rootPath == "/" ? "/" : rootPath + "/") else { return .linkOutside }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .directory }
        let attributes = try? FileManager.default.attributesOfItem(atPath: real)
        return (attributes?[.type] as? FileAttributeType) == .typeRegular ? .file : .other
    }

    public struct ReadError: Error, Sendable {
        public var message: LocalizedText
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
            throw ReadError(message: LocalizedText(en: "not a regular file", hi: "यह सामान्य फ़ाइल नहीं है"))
        }
        let url = url(for: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            throw ReadError(message: LocalizedText(
                en: "file is \(size) bytes, over the \(limit)-byte limit for source files",
                hi: "फ़ाइल \(size) बाइट की है, जो स्रोत फ़ाइलों की \(limit) बाइट की सीमा से अधिक है"))
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ReadError(message: LocalizedText(
                en: "could not read the file: \(error.localizedDescription)",
                hi: "फ़ाइल पढ़ी नहीं जा सकी: \(error.localizedDescription)"))
        }
    }

    /// Size in bytes of a file, or nil when it cannot be read.
    public func fileSize(_ path: RepositoryPath) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url(for: path).path)[.size] as? NSNumber)?.intValue
    }
}
