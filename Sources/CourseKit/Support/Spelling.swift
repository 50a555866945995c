/// Near-miss suggestions ("did you mean …?") by Damerau–Levenshtein distance.
public enum Spelling {
    /// Optimal-string-alignment distance between two strings, by Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previousPrevious = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[t.count]
    }

    /// The candidate closest to `word` within a distance that scales with its length
    /// (at most 2, or 1 for words of 4 characters or fewer); nil when none is close.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = word.count <= 4 ? 1 : 2
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let d = distance(lowered, candidate.lowercased())
            guard d <= limit else { continue }
            if let current = best, current.distance < d || (current.distance == d && current.name <= candidate) { continue }
            best = (candidate, d)
        }
        return best?.name
    }
}
