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
    }

    public init(_ pattern: String) throws(PathGlobError) {
        self.pattern = pattern
        if pattern.hasPrefix("/") { throw PathGlobError(problem: .absolute) }
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        if parts.contains("..") { throw PathGlobError(problem: .leavesFolder) }
        if parts.isEmpty { throw PathGlobError(problem: .empty) }
        // Collapse runs of `**`.
        var collapsed: [String] = []
        for part in parts where !(part == "**" && collapsed.last == "**") { collapsed.append(part) }
        self.segments = collapsed
    }

    public var description: String { pattern }

    /// Whether `path` (relative, `/`-separated, no `.` or `..`) or one of its folders matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !parts.isEmpty else { return false }
        return Self.match(segments[...], parts[...], prefixAllowed: true)
    }

    /// Segment-wise match; with `prefixAllowed`, the pattern may stop at a folder of the path.
    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>, prefixAllowed: Bool) -> Bool {
        guard let head = pattern.first else { return path.isEmpty || prefixAllowed }
        if head == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining, prefixAllowed: prefixAllowed) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(Array(head.unicodeScalars)[...], Array(segment.unicodeScalars)[...]) else {
            return false
        }
        return match(pattern.dropFirst(), path.dropFirst(), prefixAllowed: prefixAllowed)
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
        }
    }
}
