import Foundation

/// The dates a pack run gives its archives (`ArchiveTimestamp`), worked out once per run:
/// `SOURCE_DATE_EPOCH` when set; else, in a git checkout, the newest commit date of every
/// file and folder, read with a single `git log` (a catalogue of 1,000 courses used to start
/// 1,000 git processes); else 1980-01-01.
///
/// A folder's date is that of the newest commit changing a file under it; a merge counts for a
/// folder only when the folder differs from every parent, as `git log -1 -- FOLDER` decides.
public struct ArchiveDates: Sendable {
    /// `SOURCE_DATE_EPOCH`, when set.
    let fixed: Date?
    /// The checkout's top folder (symbolic links resolved), when there is one.
    let top: String?
    /// Seconds since 1970 of the newest commit per path relative to `top` (files and every
    /// folder above them; "" is the top itself); nil when the history was too long to read.
    let newest: [String: Int64]?

    /// Most bytes of `git log` output read; a longer history falls back to one git call per
    /// folder (`ArchiveTimestamp.fromGit`).
    static let outputLimit = 256 << 20

    public init(repository: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let date = ArchiveTimestamp.fromEnvironment(environment) {
            (fixed, top, newest) = (date, nil, nil)
            return
        }
        fixed = nil
        guard let git = ArchiveTimestamp.gitExecutable,
              let topText = ArchiveTimestamp.runGit(git, ["-C", repository.path, "rev-parse", "--show-toplevel"], limit: 1 << 16)
        else {
            (top, newest) = (nil, nil)
            return
        }
        let topPath = String(decoding: topText, as: UTF8.self).trimmingCharacters(in: .newlines)
        top = URL(fileURLWithPath: topPath).resolvingSymlinksInPath().path
        newest = ArchiveTimestamp.runGit(git, ["-C", repository.path, "log", "-m", "-z", "--format=%x01%ct %H", "--name-only", "--", "."],
                          limit: Self.outputLimit).map(Self.parse)
    }

    /// The date of an archive built from `paths` (absolute files or folders).
    public func date(of paths: [String], repository: URL) -> Date {
        if let fixed { return fixed }
        guard let top else { return ArchiveTimestamp.fallback }
        guard let newest else {
            // A history too long to read at once: ask git per archive.
            return ArchiveTimestamp.fromGit(repository: repository, paths: paths) ?? ArchiveTimestamp.fallback
        }
        var best: Int64?
        for path in paths {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let relative: String
            if resolved == top {
                relative = ""
            } else if resolved.hasPrefix(top + "/") {
                relative = String(resolved.dropFirst(top.count + 1))
            } else {
                continue
            }
            if let seconds = newest[relative] { best = max(best ?? seconds, seconds) }
        }
        return best.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? ArchiveTimestamp.fallback
    }

    /// Reads `git log -m -z --format='%x01%ct %H' --name-only` output: a commit is
    /// `\u{1}SECONDS HASH`, then the files it changed, each ended by NUL (the first after a
    /// newline). A merge comes once per parent, with the files that differ from that parent; as
    /// `git log -- PATH` decides, it counts for a path only when the path differs from every
    /// parent. The newest date per path is kept, whatever order commits come in.
    static func parse(_ log: Data) -> [String: Int64] {
        var newest: [String: Int64] = [:]
        /// The commit being read: its hash, date and, per parent, the paths it changed.
        var commit: (hash: Substring, seconds: Int64, parents: [Set<String>])?
        func settle() {
            guard let commit, var paths = commit.parents.first else { return }
            for other in commit.parents.dropFirst() { paths.formIntersection(other) }
            for path in paths where (newest[path] ?? .min) < commit.seconds { newest[path] = commit.seconds }
        }
        for token in log.split(separator: 0, omittingEmptySubsequences: true) {
            var bytes = token[...]
            while bytes.first == 0x0A { bytes = bytes.dropFirst() }
            if bytes.first == 0x01 {
                let header = String(decoding: bytes.dropFirst(), as: UTF8.self).split(separator: " ", maxSplits: 1)
                guard header.count == 2, let seconds = Int64(header[0]) else { continue }
                if let current = commit, current.hash == header[1] {
                    commit?.parents.append([])
                } else {
                    settle()
                    commit = (header[1], seconds, [[]])
                }
                continue
            }
            guard commit != nil, !bytes.isEmpty else { continue }
            // The file and every folder above it, up to the top ("").
            var path = String(decoding: bytes, as: UTF8.self)
            while commit!.parents[commit!.parents.count - 1].insert(path).inserted, !path.isEmpty {
                path = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
            }
        }
        settle()
        return newest
    }
}
