import Foundation

/// SHA-256 digests of file contents remembered between runs by the file's identity (device,
/// inode, size, modification and change times to the nanosecond), so checking a cached batch
/// reads and hashes only files whose identity moved: the way git's index avoids rehashing. A
/// file modified or changed within `racyWindow` of being hashed is not remembered (it could
/// change again without its times moving). Kept as one HMAC-checked `PackCache` entry; a run
/// stores the digests it used.
final class ContentDigests: @unchecked Sendable {
    /// Nanoseconds a file's times must lie before the hashing for its digest to be remembered.
    static let racyWindow: Int64 = 2_000_000_000
    private static let entryKey = "content-digests"

    private let store: PackCache
    private let lock = NSLock()
    private var stored: [Substring: Substring]?
    /// Digests used (found or made) in this run, by identity line.
    private var used: [String: String] = [:]
    private var changed = false

    init(store: PackCache) {
        self.store = store
    }

    /// What identifies a file's contents without reading them: `path<TAB>device<TAB>inode<TAB>
    /// size<TAB>modified<TAB>changed` (times in nanoseconds), and the later of the two times.
    static func identity(of path: String) -> (line: String, latest: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        return ("\(path)\t\(info.st_dev)\t\(info.st_ino)\t\(info.st_size)\t\(modified)\t\(changed)", max(modified, changed))
    }

    /// The SHA-256 of the regular file at `path` (hex), nil when it cannot be read.
    func digest(ofFileAt path: String) -> String? {
        guard let identity = Self.identity(of: path) else { return nil }
        if let known = locked({ () -> String? in
            if stored == nil { stored = load() }
            return stored?[Substring(identity.line)].map(String.init)
        }) {
            locked { used[identity.line] = known }
            return known
        }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else { return nil }
        let digest = SHA256Hex.digest(data)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let hashedAt = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        if identity.latest < hashedAt - Self.racyWindow, !path.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            locked {
                used[identity.line] = digest
                changed = true
            }
        }
        return digest
    }

    /// Stores the digests this run made, with those it used and those of earlier runs whose
    /// files are still the same; nothing when it made none.
    func save() {
        let (made, earlier): ([String: String], [Substring: Substring]) = locked { (changed ? used : [:], stored ?? [:]) }
        guard !made.isEmpty else { return }
        var kept = made
        for (line, digest) in earlier where kept[String(line)] == nil {
            let path = line.prefix { $0 != "\t" }
            if Self.identity(of: String(path))?.line == String(line) { kept[String(line)] = String(digest) }
        }
        let lines = kept.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined()
        store.writeEntry(store.batchURL(Self.entryKey), kind: "digests", key: Self.entryKey, payload: Data(lines.utf8))
    }

    private func load() -> [Substring: Substring] {
        guard let payload = store.readEntry(store.batchURL(Self.entryKey), kind: "digests", key: Self.entryKey) else { return [:] }
        var table: [Substring: Substring] = [:]
        for line in String(decoding: payload, as: UTF8.self).utf8.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.lastIndex(of: UInt8(ascii: "\t")) else { continue }
            table[Substring(line[..<tab])] = Substring(line[line.index(after: tab)...])
        }
        return table
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
