import Foundation

/// Notices changes to a repository's files by comparing snapshots of every file's path, size
/// and modification time (to the nanosecond). The walk is bounded: at most `maximumFiles`
/// files and `maximumDepth` folders deep; it skips hidden entries (`.git`, `.build`, …),
/// `node_modules`, symbolic links and folders holding a preview (`.coursekit-preview`), so
/// writing a static preview inside the repository does not trigger a rebuild.
public struct ChangeWatcher: Sendable {
    public var root: URL
    public var maximumFiles: Int
    public var maximumDepth: Int

    /// What the watcher saw: each file's size and modification time.
    public struct Snapshot: Sendable, Equatable {
        public var files: [String: Stamp] = [:]
        /// True when the walk stopped at `maximumFiles`.
        public var truncated = false
    }

    public struct Stamp: Sendable, Equatable {
        public var size: Int64
        public var seconds: Int
        public var nanoseconds: Int
    }

    public init(root: URL, maximumFiles: Int = 20_000, maximumDepth: Int = 32) {
        self.root = root
        self.maximumFiles = maximumFiles
        self.maximumDepth = maximumDepth
    }

    public func snapshot() -> Snapshot {
        var result = Snapshot()
        var pending: [(path: String, relative: String, depth: Int)] = [(root.path, "", 0)]
        while let folder = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            if folder.depth > 0, names.contains(PreviewSite.markerName) { continue }
            for name in names.sorted() where !name.hasPrefix(".") && name != "node_modules" {
                let path = folder.path + "/" + name
                let relative = folder.relative.isEmpty ? name : folder.relative + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if folder.depth < maximumDepth { pending.append((path, relative, folder.depth + 1)) }
                case S_IFREG:
                    guard result.files.count < maximumFiles else {
                        result.truncated = true
                        return result
                    }
                    result.files[relative] = Stamp(size: Int64(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
                default:
                    continue
                }
            }
        }
        return result
    }
}
