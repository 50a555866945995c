/// A path pattern from `coursekit.yaml` `overrides`, relative to the folder of the config file:
/// `*` matches any characters within one path segment, `?` one character (not `/`), `**` any
/// number of whole segments (including none). A pattern also matches everything below a folder
/// it matches, so `courses/police` and `courses/police/` cover the whole course.
public struct PathGlob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let segments: [String]

    /// Why a pattern cannot be used.
    public enum Problem: Sendable, Hashable {
        case empty
        case absolute
        case leavesFolder
        case tooLong
    }

    /// Most `/`-separated segments in a pattern.
    public static let maximumSegments = 64
    /// Longest pattern, in UTF-8 bytes.
    public static let maximumLength = 1_024

    public init(_ pattern: String) throws(PathGlobError) {
        self.pattern = pattern
        if pattern.hasPrefix("/") { throw PathGlobError(problem: .absolute) }
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        if parts.contains("..") { throw PathGlobError(problem: .leavesFolder) }
        if parts.isEmpty { throw PathGlobError(problem: .empty) }
        if parts.count > Self.maximumSegments || pattern.utf8.count > Self.maximumLength {
            throw PathGlobError(problem: .tooLong)
        }
        // Collapse runs of `**`.
        var collapsed: [String] = []
        for part in parts where !(part == "**" && collapsed.last == "**") { collapsed.append(part) }
        self.segments = collapsed
    }

    public var description: String { pattern }

    /// Whether `path` (relative, `/`-separated, no `.` or `..`) or one of its folders matches.
    ///
    /// Linear in the path: the pattern runs as a set of states (positions in the pattern), so
    /// `**/a/**/a/**/a/…` costs segments × path components, never backtracking.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return false }
        let count = segments.count
        let patternScalars = segments.map { Array($0.unicodeScalars) }
        // The set of pattern positions reachable after consuming some path components, closed
        // under skipping a `**` (which may match no component).
        var states = [Bool](repeating: false, count: count + 1)
        func close(_ states: inout [Bool]) {
            for index in 0..<count where states[index] && segments[index] == "**" { states[index + 1] = true }
        }
        states[0] = true
        close(&states)
        if states[count] { return true }
        for part in parts {
            let text = Array(part.unicodeScalars)[...]
            var next = [Bool](repeating: false, count: count + 1)
            for index in 0..<count where states[index] {
                if segments[index] == "**" {
                    next[index] = true
                } else if Self.matchSegment(patternScalars[index][...], text) {
                    next[index + 1] = true
                }
            }
            close(&next)
            // The pattern may stop at a folder of the path: everything below it matches.
            if next[count] { return true }
            guard next.contains(true) else { return false }
            states = next
        }
        return false
    }

    /// `*` and `?` within one segment, by Unicode scalars (so `?` is one Devanagari letter).
    private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = pattern.startIndex, t = text.startIndex
        var star: Int?, starText = text.startIndex
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.endIndex, pattern[p] == "*" {
                star = p; starText = t; p += 1
            } else if let star {
                p = star + 1; starText += 1; t = starText
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }
}

public struct PathGlobError: Error, Sendable, Hashable {
    public var problem: PathGlob.Problem

    public var message: LocalizedText {
        switch problem {
        case .empty: LocalizedText(en: "the path pattern is empty", hi: "पथ-पैटर्न खाली है")
        case .absolute: LocalizedText(
            en: "the path pattern is absolute; write it relative to the folder of coursekit.yaml",
            hi: "पथ-पैटर्न निरपेक्ष है; इसे coursekit.yaml के फ़ोल्डर के सापेक्ष लिखें")
        case .leavesFolder: LocalizedText(
            en: "the path pattern uses '..'; overrides apply only below the folder of coursekit.yaml",
            hi: "पथ-पैटर्न में '..' है; overrides केवल coursekit.yaml के फ़ोल्डर के भीतर लागू होते हैं")
        case .tooLong: LocalizedText(
            en: "the path pattern is longer than \(PathGlob.maximumSegments) segments or \(PathGlob.maximumLength) bytes",
            hi: "पथ-पैटर्न \(PathGlob.maximumSegments) भागों या \(PathGlob.maximumLength) बाइट से लंबा है")
        }
    }
}
