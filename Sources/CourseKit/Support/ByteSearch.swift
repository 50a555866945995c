import Foundation

/// Byte searches over UTF-8 text and file contents through the C library (`memchr`, `memcmp`),
/// for the scans every file goes through (a `~` before a Markdown parse, `&` and `*` before the
/// YAML alias scan, the suppression marker). The generic `Sequence.contains` and
/// `Data.range(of:)` look at one element at a time.
enum ByteSearch {
    /// True when `text` contains the byte `byte` (an ASCII character: UTF-8 never uses bytes
    /// below 0x80 inside a multi-byte character).
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// The index of the first `byte` in `bytes` at or after `start`, or nil.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// True when `data` contains `needle` (not empty).
    static func contains(_ needle: [UInt8], in data: Data) -> Bool {
        data.withUnsafeBytes { firstOffset(of: needle, in: $0.bindMemory(to: UInt8.self)) != nil }
    }

    /// Where `needle` (not empty) first starts in `bytes`, or nil.
    static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, let base = bytes.baseAddress else { return nil }
        return needle.withUnsafeBytes { wanted -> Int? in
            // `memmem` is a GNU extension Swift's Glibc module does not offer: find the first
            // byte with `memchr`, compare the rest with `memcmp`.
            let first = Int32(needle[0])
            let last = bytes.count - needle.count
            var from = 0
            while from <= last, let found = memchr(base + from, first, last - from + 1) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, wanted.baseAddress!, needle.count) == 0 { return at }
                from = at + 1
            }
            return nil
        }
    }

    /// The offset just after every `byte` in `bytes`, in order (for `\n`: where each line after
    /// the first starts).
    static func offsetsAfter(_ byte: UInt8, in bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var from = 0
            while from < buffer.count, let found = memchr(base + from, Int32(byte), buffer.count - from) {
                from = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                offsets.append(from)
            }
        }
        return offsets
    }
}
