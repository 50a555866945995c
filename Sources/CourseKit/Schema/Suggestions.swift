/// "Did you mean …?" support: finds the candidate closest to a misspelt word by
/// Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions
/// and swaps of two neighbouring characters each cost 1), comparing Unicode scalars and
/// ignoring letter case.
enum Suggestions {
    /// The largest distance still offered as a suggestion for a word of `length` scalars:
    /// 1 for very short words (so "id" does not suggest every two-letter key), else 2.
    static func threshold(forLength length: Int) -> Int {
        length <= 3 ? 1 : 2
    }

    /// The candidate nearest to `word` within the threshold, or `nil`. On a tie the candidate
    /// listed first wins, so callers pass candidates in a meaningful order.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        let limit = threshold(forLength: target.count)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard abs(other.count - target.count) <= limit else { continue }
            let distance = self.distance(target, other, limit: limit)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Optimal-string-alignment distance between two strings (letter case matters here).
    static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: .max)
    }

    /// Optimal-string-alignment distance; stops early once every path exceeds `limit`
    /// (then the returned value is only known to be larger than `limit`).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var previousPrevious = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return rowMinimum }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
