/// How much an archive may expand when read, so a zip bomb is refused after a bounded amount
/// of work. Sizes are checked against the declared sizes in the headers and, because headers
/// can lie, against the bytes actually produced while reading.
public struct ArchiveLimits: Sendable, Hashable {
    /// Largest uncompressed size of one entry.
    public var maximumEntrySize: Int64
    /// Largest uncompressed size of all entries together.
    public var maximumTotalSize: Int64
    /// Largest ratio of uncompressed to compressed bytes, for an entry (once it has produced
    /// `ratioThreshold` bytes) and for the whole archive against its size on disk.
    public var maximumCompressionRatio: Double
    /// Entries smaller than this are not held to the ratio (tiny files compress extremely well).
    public var ratioThreshold: Int64
    /// Most entries an archive may hold.
    public var maximumEntries: Int

    public init(
        maximumEntrySize: Int64 = 4 << 30, maximumTotalSize: Int64 = 16 << 30,
        maximumCompressionRatio: Double = 100, ratioThreshold: Int64 = 1 << 20, maximumEntries: Int = 100_000
    ) {
        self.maximumEntrySize = maximumEntrySize
        self.maximumTotalSize = maximumTotalSize
        self.maximumCompressionRatio = maximumCompressionRatio
        self.ratioThreshold = ratioThreshold
        self.maximumEntries = maximumEntries
    }
}
