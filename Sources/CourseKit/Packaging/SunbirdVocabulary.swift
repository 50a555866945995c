import Foundation

/// The Sunbird / iGOT names coursekit writes into an ECAR: mime types, categories, licence
/// names, derived identifiers.
enum SunbirdVocabulary {
    static let collection = "application/vnd.ekstep.content-collection"
    static let htmlArchive = "application/vnd.ekstep.html-archive"
    static let questionSet = "application/vnd.sunbird.questionset"
    static let question = "application/vnd.sunbird.question"

    /// Mime types of lesson files that are packaged as they are.
    static let mediaTypes: [String: String] = [
        "pdf": "application/pdf", "mp4": "video/mp4", "webm": "video/webm", "m4v": "video/mp4",
        "mp3": "audio/mpeg", "m4a": "audio/mp4", "ogg": "audio/ogg", "epub": "application/epub+zip",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "svg": "image/svg+xml",
    ]

    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// SPDX `CC-BY-4.0` → Sunbird's `CC BY 4.0`; `CC-BY-SA-4.0` → `CC BY-SA 4.0`; others as written.
    static func licenceName(_ spdx: String) -> String {
        let parts = spdx.split(separator: "-").map(String.init)
        guard parts.count >= 3, parts[0] == "CC", let version = parts.last, version.first?.isNumber == true else { return spdx }
        return "CC \(parts[1..<(parts.count - 1)].joined(separator: "-")) \(version)"
    }

    /// A content identifier derived from where the item sits in the sources: `do_` and the first
    /// 24 hex digits of the SHA-256 of the seed. Stable across builds and machines.
    static func identifier(_ seed: [String]) -> String {
        "do_" + SHA256Hex.digest(Data(seed.joined(separator: "\u{1F}").utf8)).prefix(24)
    }

    /// An id for a competency name (`Public Health` → a stable hex id).
    static func competencyID(_ name: String) -> String {
        String(SHA256Hex.digest(Data(("competency\u{1F}" + name.lowercased()).utf8)).prefix(12))
    }

    /// A UUID-shaped message id derived from content (RFC 4122 layout, version 5-style bits).
    static func messageID(_ content: Data) -> String {
        var hex = Array(SHA256Hex.digest(content).utf8.prefix(32))
        hex[12] = UInt8(ascii: "5")
        let variant = "89ab".utf8.map { $0 }
        hex[16] = variant[Int(hex[16] % 4)]
        let text = String(decoding: hex, as: UTF8.self)
        let cuts = [8, 12, 16, 20]
        var out = ""
        for (index, character) in text.enumerated() {
            if cuts.contains(index) { out += "-" }
            out.append(character)
        }
        return out
    }
}
