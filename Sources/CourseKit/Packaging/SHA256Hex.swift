import Crypto
import Foundation

/// SHA-256 digests as lower-case hex, the form `sha256sum` prints.
enum SHA256Hex {
    static func digest(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hashes a file on disk in chunks.
    static func digest(ofFile url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hex(hasher.finalize())
    }
}

/// The lines of a `checksums.sha256` file in `sha256sum` format: `<hex>  <path>`.
struct ChecksumList {
    struct Line {
        var digest: String
        var path: String
        var line: Int
    }

    var lines: [Line] = []
    /// Line numbers that are not in the format.
    var malformed: [Int] = []

    init(parsing text: String) {
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty { continue }
            let utf8 = Array(line.utf8)
            let hexDigits = Set("0123456789abcdefABCDEF".utf8)
            guard utf8.count > 66, utf8[0..<64].allSatisfy({ hexDigits.contains($0) }), utf8[64] == UInt8(ascii: " "),
                  utf8[65] == UInt8(ascii: " ") || utf8[65] == UInt8(ascii: "*")
            else {
                malformed.append(number)
                continue
            }
            lines.append(Line(
                digest: String(decoding: utf8[0..<64], as: UTF8.self).lowercased(),
                path: String(decoding: utf8[66...], as: UTF8.self), line: number))
        }
    }

    /// Renders `(path, digest)` pairs, sorted by path, in `sha256sum` format.
    static func render(_ digests: [(path: String, digest: String)]) -> String {
        digests.sorted { ArchiveEntryName.precedes($0.path, $1.path) }
            .map { "\($0.digest)  \($0.path)\n" }.joined()
    }
}
