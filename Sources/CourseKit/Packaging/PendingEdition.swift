import Foundation

/// One edition of a course, programme or quiz that a `pack` batch made (its archives staged,
/// not yet in place) or held back, waiting until every finding of the run is known:
/// `CoursePackager.settle` then puts the archives in place or reports the edition blocked.
struct PendingEdition: Sendable, Codable {
    /// What the `pack-edition-blocked` finding names; nil when another package of the same
    /// edition reports it.
    struct Report: Sendable, Codable {
        var kind: LocalizedText
        var id: String
        var location: SourceLocation
    }

    /// What making the edition gave: findings and staged archives.
    struct Made: Sendable, Codable {
        struct Item: Sendable, Codable {
            var staged: PackCache.StagedArchive
            var archive: CoursePackager.PackedArchive
            /// Size, modification time and inode of the archive once in place (cached batches).
            var identity: String?
        }
        var findings: [Finding] = []
        var staged: [Item] = []
    }

    /// Repository path prefixes of the folders the edition is made from ("" is the root).
    var prefixes: [String]
    var language: String
    /// The single language of each lesson file under `prefixes` (see `CoursePackager.editionFiles`).
    var editionFiles: [String: String]
    var report: Report?
    var location: SourceLocation
    /// The course's or programme's folder, loaded again when the batch held the edition back
    /// but the run's errors do not.
    var source: RepositoryPath
    /// Nil when the errors known in the batch held the edition back.
    var made: Made?

    /// The errors that block this edition: those in its folders that concern every language
    /// or this one.
    func blockers(in errors: [Finding]) -> [Finding] {
        errors.filter { finding in
            // Findings carry repository paths, so a folder's findings share its path as prefix.
            guard prefixes.contains(where: { finding.location.file.hasPrefix($0) }) else { return false }
            let concerns = finding.edition ?? editionFiles[finding.location.file]
            return concerns == nil || concerns == language
        }
    }
}

/// The lesson files of one language (`CoursePackager.editionFiles`), grouped by every folder
/// above them, so an edition keeps only the entries under its own folders.
struct EditionFileIndex {
    private let all: [String: String]
    private var byFolder: [String: [String]] = [:]

    init(_ files: [String: String]) {
        all = files
        for path in files.keys {
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/") {
                byFolder[String(path[...slash]), default: []].append(path)
                end = slash
            }
        }
    }

    /// The entries whose path starts with one of `prefixes` (folder paths ending in "/").
    func subset(under prefixes: [String]) -> [String: String] {
        if prefixes.contains("") { return all }
        var found: [String: String] = [:]
        for prefix in prefixes {
            for path in byFolder[prefix] ?? [] { found[path] = all[path] }
        }
        return found
    }
}

/// Size, modification time (ns) and inode of a file, or nil when it is not a regular file: how a
/// cached `pack` batch knows the archives it wrote are still in place untouched.
enum FileIdentity {
    static func of(_ url: URL) -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }
}
