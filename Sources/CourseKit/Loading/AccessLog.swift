import Foundation

/// The repository paths one batch of a validation looked at, and how (checked what is there,
/// its size, read its bytes, listed its names), collected through `Repository`: what a cached
/// batch depends on (`ValidationCache`). Safe to use from concurrent tasks.
final class AccessLog: @unchecked Sendable {
    /// How a path was used; each kind is fingerprinted only as far as it was looked at.
    enum Use: String, Codable, Sendable, Comparable {
        case probe, size, content, listing
        /// Listed to find sources (`SourceDiscovery`): only the names it can use count.
        case sourceListing
        static func < (left: Use, right: Use) -> Bool { left.rawValue < right.rawValue }
    }

    struct Access: Hashable, Comparable, Codable, Sendable {
        var path: RepositoryPath
        var use: Use
        static func < (left: Access, right: Access) -> Bool { (left.path, left.use) < (right.path, right.use) }
    }

    private var accesses: Set<Access> = []
    private let lock = NSLock()

    func note(_ path: RepositoryPath, _ use: Use) {
        lock.lock()
        accesses.insert(Access(path: path, use: use))
        lock.unlock()
    }

    /// Every access noted, sorted.
    var sorted: [Access] {
        lock.lock()
        defer { lock.unlock() }
        return accesses.sorted()
    }
}
