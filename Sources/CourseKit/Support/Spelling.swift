/// Public "did you mean …?" helpers for rules, config and references; the algorithm lives in
/// `Suggestions` (Damerau–Levenshtein, case-insensitive, distance 1 for short words, else 2).
public enum Spelling {
    /// Optimal-string-alignment distance between two strings, by Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        Suggestions.distance(a, b)
    }

    /// The candidate closest to `word`, or nil when none is close enough to suggest.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        Suggestions.closest(to: word, among: candidates.sorted())
    }
}
