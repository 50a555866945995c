/// Why an archive could not be written or was refused when read: the kind (for programs and
/// tests), the entry concerned when there is one, and a message in English and Hindi.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The archive could not be opened, created, read or written (I/O, not a zip, corrupt).
        case io
        /// The archive is damaged or not in the expected format.
        case format
        /// An entry name is absolute (`/etc/passwd`, `C:\x`, `\\server\x`).
        case absolutePath
        /// An entry name has a `..` component or a backslash, so it could escape its folder.
        case parentComponent
        /// An entry name is empty, not valid UTF-8, or holds control characters.
        case invalidName
        /// A symbolic or hard link.
        case link
        /// A device, FIFO, socket or other non-regular entry.
        case specialFile
        /// An encrypted entry, which cannot be checked.
        case encrypted
        /// Two entries with the same name.
        case duplicateName
        /// Two entries whose names differ only by letter case (they collide on Windows and macOS).
        case caseCollision
        /// An entry (declared or actual size) over the per-entry limit.
        case entryTooLarge
        /// All entries together expand beyond the total limit.
        case totalTooLarge
        /// An entry expands far more than real data does: a zip bomb.
        case compressionRatio
        /// More entries than the limit.
        case tooManyEntries
    }

    public var kind: Kind
    /// The entry name as found in the archive, when the problem concerns one entry.
    public var entry: String?
    public var message: LocalizedText

    public init(_ kind: Kind, entry: String? = nil, _ message: LocalizedText) {
        self.kind = kind
        self.entry = entry
        self.message = message
    }

    public var description: String {
        (entry.map { "\($0): " } ?? "") + message.en
    }
}
