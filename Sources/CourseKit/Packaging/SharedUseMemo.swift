/// A run's memo of values that many archives share (a library lesson's archive, rendered body
/// and images, a library module's quiz as QuML), within a budget of `limit` units (entries, or
/// bytes). When the budget is reached it keeps the values used more than once and forgets the
/// rest, so what only one archive uses (a course's own quiz or images) does not pile up as the
/// catalogue grows, and peak memory stays flat. Not thread-safe by itself: `PackCache` calls it
/// under its lock.
struct SharedUseMemo<Value> {
    private var entries: [String: (value: Value, uses: Int, size: Int)] = [:]
    private var total = 0
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    var count: Int { entries.count }

    /// The value stored under `key`, counting the use.
    mutating func value(_ key: String) -> Value? {
        guard let entry = entries[key] else { return nil }
        entries[key]?.uses += 1
        return entry.value
    }

    mutating func store(_ key: String, _ value: Value, size: Int = 1) {
        if total + size > limit {
            entries = entries.filter { $0.value.uses > 1 }
            total = entries.values.reduce(0) { $0 + $1.size }
            // Still half full of shared values: start again rather than filter at every store.
            if total + size > limit / 2 {
                entries.removeAll()
                total = 0
            }
        }
        if let replaced = entries.updateValue((value, 1, size), forKey: key) { total -= replaced.size }
        total += size
    }
}
