import Foundation

/// One file to put into a zip written by `ZipArchiveWriter`: its path inside the archive and
/// where its bytes come from. Directory entries are never written (their files imply them).
public struct ZipEntry: Sendable {
    /// Where an entry's bytes come from.
    public enum Content: Sendable {
        /// Bytes held in memory (generated JSON, HTML, inner zips).
        case data(Data)
        /// A file on disk, streamed in chunks when the archive is written; its size is taken
        /// when the entry is written.
        case file(URL)
    }

    /// The path inside the archive, `/`-separated, relative, without `.` or `..` components.
    public var path: String
    public var content: Content
    public var compression: ZipCompression
    /// The content's SHA-256 (lower-case hex) when already known, so packing does not hash the
    /// same bytes again (a lesson archive shared by many courses). Never written to the archive.
    public var digest: String?

    /// `compression` defaults to the right choice for the file's extension.
    public init(path: String, content: Content, compression: ZipCompression? = nil) {
        self.path = path
        self.content = content
        self.compression = compression ?? .default(forPath: path)
    }

    public static func data(_ path: String, _ data: Data, compression: ZipCompression? = nil, digest: String? = nil) -> ZipEntry {
        var entry = ZipEntry(path: path, content: .data(data), compression: compression)
        entry.digest = digest
        return entry
    }

    public static func file(_ path: String, _ url: URL, compression: ZipCompression? = nil) -> ZipEntry {
        ZipEntry(path: path, content: .file(url), compression: compression)
    }
}
