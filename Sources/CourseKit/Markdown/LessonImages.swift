import Foundation

/// What may appear as an image in a lesson. Pages never load anything from the network, and
/// only real image files are copied into pages and archives: the extension must be an image
/// type AND the file must start with that type's signature, so `![x](../../.env)` or a
/// renamed script is refused.
public enum LessonImages {
    /// Extensions accepted as images, with the signature their files start with.
    public static let types: [String: String] = [
        "png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WebP", "svg": "SVG",
    ]

    /// A destination that loads from the network: `http:`, `https:` or protocol-relative `//`.
    public static func isRemote(_ destination: String) -> Bool {
        let lowered = destination.trimmingCharacters(in: .whitespaces).lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("//")
    }

    /// Why the file at `path` cannot be used as an image, or nil when it is a real image.
    public static func problem(with path: RepositoryPath, repository: Repository) -> LocalizedText? {
        let name = path.name
        let ext = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]).lowercased() } ?? ""
        guard let kind = types[ext] else {
            return LocalizedText(
                en: "'\(name)' is not an image file (accepted: .png, .jpg, .jpeg, .gif, .webp, .svg)",
                hi: "'\(name)' चित्र फ़ाइल नहीं है (मान्य: .png, .jpg, .jpeg, .gif, .webp, .svg)")
        }
        guard repository.entryType(path) == .file else { return nil }  // missing: reported as a broken link
        let head = readHead(repository.absolutePath(path), count: 512)
        guard matches(head, kind: kind) else {
            return LocalizedText(
                en: "'\(name)' does not contain \(kind) image data (its first bytes are not a \(kind) signature)",
                hi: "'\(name)' में \(kind) चित्र का डेटा नहीं है (इसके आरंभिक बाइट \(kind) हस्ताक्षर नहीं हैं)")
        }
        return nil
    }

    static func matches(_ head: [UInt8], kind: String) -> Bool {
        func starts(_ bytes: [UInt8]) -> Bool { head.count >= bytes.count && Array(head.prefix(bytes.count)) == bytes }
        switch kind {
        case "PNG": return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "JPEG": return starts([0xFF, 0xD8, 0xFF])
        case "GIF": return starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8))
        case "WebP": return head.count >= 12 && starts(Array("RIFF".utf8)) && Array(head[8..<12]) == Array("WEBP".utf8)
        case "SVG": return startsLikeSVG(head)
        default: return false
        }
    }

    static let svgOpenings = ["<svg", "<?xml", "<!--", "<!DOCTYPE svg"]

    /// Whether a file's first bytes open an SVG document (after a byte-order mark and white
    /// space). Every shipped SVG starts with ASCII, decided on the bytes; anything else (white
    /// space beyond ASCII, an opening followed by a combining mark) goes through `String`.
    static func startsLikeSVG(_ head: [UInt8]) -> Bool {
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < head.count, head[start] == 0x20 || (0x09...0x0D).contains(head[start]) { start += 1 }
        let rest = head[start...]
        for opening in svgOpenings {
            let bytes = opening.utf8
            // The byte after the opening must be ASCII too: a combining mark would join its last letter.
            if rest.starts(with: bytes), rest.count > bytes.count, rest[rest.startIndex + bytes.count] < 0x80 { return true }
        }
        if start < head.count, head[start] < 0x80, !svgOpenings.contains(where: { $0.utf8.first == head[start] }) { return false }
        var text = String(decoding: head, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return svgOpenings.contains { text.hasPrefix($0) }
    }

    /// Up to `count` bytes from the start of the regular file at `path` (none if it cannot be
    /// opened or is not a regular file; O_NONBLOCK so that a FIFO put in its place never blocks).
    static func readHead(_ path: String, count: Int) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return [] }
        var head = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = head.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        head.removeLast(count - filled)
        return head
    }

    /// Removes `<img>` elements that would load from the network, keeping their alt text, so
    /// no page coursekit writes (preview or archive) fetches anything.
    static func removingRemoteImages(_ html: String) -> String {
        guard html.contains("<img"),
              let pattern = try? NSRegularExpression(
                pattern: #"<img\s[^>]*?src="\s*(?:[hH][tT][tT][pP][sS]?:|//)[^"]*"(?:[^>]*?\salt="([^"]*)")?[^>]*>"#)
        else { return html }
        let source = html as NSString
        var out = ""
        var last = 0
        for match in pattern.matches(in: html, range: NSRange(location: 0, length: source.length)) {
            out += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let alt = match.range(at: 1).location == NSNotFound ? "" : source.substring(with: match.range(at: 1))
            out += "<span class=\"remote-image\">[\(alt)]</span>"
            last = match.range.location + match.range.length
        }
        out += source.substring(from: last)
        return out
    }

    /// True when a lesson body has no text at all: no letter or digit in any script.
    static func isEmpty(_ body: String) -> Bool {
        !body.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}
