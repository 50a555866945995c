/// How one zip entry is stored: deflated, or stored as it is when the data is already
/// compressed (images, audio, video, PDF, archives), where deflating only costs time.
public enum ZipCompression: String, Sendable, Hashable {
    case stored
    case deflated

    /// File name extensions (lower case) of formats that are already compressed.
    public static let alreadyCompressedExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "mp4", "webm", "mp3", "m4a", "pdf", "zip", "gz",
        "ecar", "ogg", "oga", "ogv", "woff2",
    ]

    /// The compression coursekit uses for a file of this name: stored for already compressed
    /// formats, deflated otherwise.
    public static func `default`(forPath path: String) -> ZipCompression {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .deflated }
        let ext = name[name.index(after: dot)...].lowercased()
        return alreadyCompressedExtensions.contains(ext) ? .stored : .deflated
    }
}
