/// The rules an entry name must follow, in archives coursekit writes and in archives it reads:
/// relative, `/`-separated, no `..`, `.` or empty components, no backslashes or drive letters,
/// no control characters. A name that passes cannot escape the folder it is extracted into on
/// any common system.
public enum ArchiveEntryName {
    /// Most path components an entry name may have (bounds `ArchiveNameRegistry`'s prefixes).
    public static let maximumDepth = 64
    /// Longest entry name, in UTF-8 bytes (PATH_MAX on Linux).
    public static let maximumNameLength = 4_096

    /// Checks one name (a directory name may end with `/`). Returns why it is unsafe, or nil.
    public static func problem(with name: String) -> ArchiveError? {
        isPlainName(name) ? nil : problemByFullCheck(name)
    }

    /// `problem(with:)` without the plain-name fast path.
    static func problemByFullCheck(_ name: String) -> ArchiveError? {
        var path = Substring(name)
        if path.hasSuffix("/") { path = path.dropLast() }
        if path.isEmpty {
            return ArchiveError(.invalidName, entry: name, LocalizedText(
                en: "an entry has an empty name", hi: "एक प्रविष्टि का नाम खाली है"))
        }
        if path.hasPrefix("/") || path.hasPrefix("\\") || isDriveLetterPath(path) {
            return ArchiveError(.absolutePath, entry: name, LocalizedText(
                en: "entry '\(name)' has an absolute path, which could overwrite any file when extracted",
                hi: "प्रविष्टि '\(name)' का पथ निरपेक्ष है, जिससे निकालते समय कोई भी फ़ाइल बदली जा सकती है"))
        }
        if path.utf8.count > maximumNameLength {
            return ArchiveError(.invalidName, entry: String(name.prefix(200)) + "…", LocalizedText(
                en: "an entry name is \(path.utf8.count) bytes long, over the limit of \(maximumNameLength)",
                hi: "एक प्रविष्टि का नाम \(path.utf8.count) बाइट लंबा है, जो \(maximumNameLength) की सीमा से अधिक है"))
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.count > maximumDepth {
            return ArchiveError(.invalidName, entry: String(name.prefix(200)) + "…", LocalizedText(
                en: "an entry name has \(components.count) path components, over the limit of \(maximumDepth)",
                hi: "एक प्रविष्टि के नाम में \(components.count) पथ-भाग हैं, जो \(maximumDepth) की सीमा से अधिक है"))
        }
        if components.contains(where: { $0.split(separator: "\\", omittingEmptySubsequences: false).contains("..") }) {
            return ArchiveError(.parentComponent, entry: name, LocalizedText(
                en: "entry '\(name)' contains '..', which could write outside the extraction folder",
                hi: "प्रविष्टि '\(name)' में '..' है, जिससे निकालने वाले फ़ोल्डर से बाहर लिखा जा सकता है"))
        }
        if path.contains("\\") {
            return ArchiveError(.invalidName, entry: name, LocalizedText(
                en: "entry '\(name)' contains a backslash, which Windows treats as a folder separator",
                hi: "प्रविष्टि '\(name)' में बैकस्लैश है, जिसे Windows फ़ोल्डर विभाजक मानता है"))
        }
        if components.contains(where: { $0.isEmpty || $0 == "." }) {
            return ArchiveError(.invalidName, entry: name, LocalizedText(
                en: "entry '\(name)' has an empty or '.' path component",
                hi: "प्रविष्टि '\(name)' के पथ में खाली या '.' भाग है"))
        }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return ArchiveError(.invalidName, entry: name, LocalizedText(
                en: "entry '\(name.debugDescription)' has control characters in its name",
                hi: "प्रविष्टि '\(name.debugDescription)' के नाम में नियंत्रण वर्ण हैं"))
        }
        return nil
    }

    /// The names coursekit itself generates (`do_1a2b/index.html`), accepted in one pass over
    /// their bytes: ASCII letters, digits, `.`, `_` and `-` in at most `maximumDepth`
    /// `/`-separated components, none of them empty, `.` or `..`. Anything else (a trailing
    /// `/` included) gets the full check, which accepts every plain name too.
    static func isPlainName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes.count <= maximumNameLength else { return false }
            var components = 1, length = 0, dots = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "/"):
                    // The component just ended must not be empty, `.` or `..`.
                    guard length > 0, dots < length || length > 2 else { return false }
                    components += 1
                    length = 0
                    dots = 0
                    continue
                case UInt8(ascii: "."): dots += 1
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "_"), UInt8(ascii: "-"): break
                default: return false
                }
                length += 1
            }
            return length > 0 && (dots < length || length > 2) && components <= maximumDepth
        }
    }

    /// `C:`, `c:\x`, `C:/x`: absolute on Windows.
    private static func isDriveLetterPath(_ path: Substring) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[1] == ":" && scalars[0].isASCII && scalars[0].properties.isAlphabetic
    }

    /// The key under which two names collide on a case-insensitive file system.
    static func caseFoldKey(_ name: String) -> String {
        name.lowercased()
    }

    /// Byte-wise (UTF-8) order: the same in every locale.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}

/// Tracks the names seen in one archive and refuses duplicates, case collisions, and a name
/// used both as a file and as a folder.
struct ArchiveNameRegistry {
    private var exact: Set<String> = []
    private var folded: [String: String] = [:]
    private var files: Set<String> = []
    private var folders: Set<String> = []

    mutating func register(_ name: String, isDirectory: Bool) -> ArchiveError? {
        let bare = name.hasSuffix("/") ? String(name.dropLast()) : name
        // Swift string equality is canonical equivalence, so NFC and NFD spellings of the
        // same name count as duplicates too (they collide on macOS).
        guard exact.insert(bare).inserted else {
            return ArchiveError(.duplicateName, entry: name, LocalizedText(
                en: "entry '\(name)' appears more than once; tools disagree on which copy wins",
                hi: "प्रविष्टि '\(name)' एक से अधिक बार है; अलग-अलग उपकरण अलग प्रति चुनते हैं"))
        }
        let key = ArchiveEntryName.caseFoldKey(bare)
        if let other = folded[key] {
            return ArchiveError(.caseCollision, entry: name, LocalizedText(
                en: "entries '\(other)' and '\(name)' differ only in letter case and overwrite each other on Windows and macOS",
                hi: "प्रविष्टियाँ '\(other)' और '\(name)' केवल अक्षरों के छोटे-बड़े रूप में भिन्न हैं और Windows व macOS पर एक-दूसरे को मिटा देती हैं"))
        }
        folded[key] = bare
        var parents: [String] = []
        var parent = bare
        while let slash = parent.lastIndex(of: "/") {
            parent = String(parent[..<slash])
            parents.append(parent)
        }
        if let clash = parents.first(where: { files.contains($0) }) ?? (isDirectory ? nil : (folders.contains(bare) ? bare : nil)) {
            return ArchiveError(.duplicateName, entry: name, LocalizedText(
                en: "'\(clash)' is used both as a file and as a folder",
                hi: "'\(clash)' फ़ाइल और फ़ोल्डर दोनों के रूप में प्रयुक्त है"))
        }
        if isDirectory { folders.insert(bare) } else { files.insert(bare) }
        for parent in parents { folders.insert(parent) }
        return nil
    }
}
