/// One problem coursekit found in the sources: which rule, how serious, where, what is wrong
/// and how to fix it. Findings are what every reporter prints.
public struct Finding: Sendable, Hashable, Codable {
    /// A secondary location that helps explain the finding (e.g. "first defined here").
    public struct Note: Sendable, Hashable, Codable {
        public var location: SourceLocation
        public var message: LocalizedText

        public init(location: SourceLocation, message: LocalizedText) {
            self.location = location
            self.message = message
        }
    }

    public var ruleID: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: LocalizedText
    public var hint: LocalizedText?
    public var notes: [Note]
    /// The language code of the one course edition this finding is about (a missing
    /// translation), or nil when it concerns the file as a whole. `pack` blocks only that edition.
    public var edition: String?

    public init(
        ruleID: String,
        severity: Severity,
        location: SourceLocation,
        message: LocalizedText,
        hint: LocalizedText? = nil,
        notes: [Note] = [],
        edition: String? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.notes = notes
        self.edition = edition
    }
}

extension Finding: Comparable {
    /// A total order: path, line, column, rule id, message (English, then Hindi), then
    /// severity, hint and notes. Two findings compare equal only when they are equal, so sorting
    /// gives the same output whatever order the findings were produced in.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        if lhs.message.en != rhs.message.en { return lhs.message.en < rhs.message.en }
        if lhs.message.hi != rhs.message.hi { return lhs.message.hi < rhs.message.hi }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        let lhsHint = lhs.hint.map { [$0.en, $0.hi] } ?? [], rhsHint = rhs.hint.map { [$0.en, $0.hi] } ?? []
        if lhsHint != rhsHint { return lhsHint.lexicographicallyPrecedes(rhsHint) }
        let lhsNotes = lhs.notes.map(\.sortKey), rhsNotes = rhs.notes.map(\.sortKey)
        if lhsNotes != rhsNotes { return lhsNotes.lexicographicallyPrecedes(rhsNotes) }
        return (lhs.edition ?? "") < (rhs.edition ?? "")
    }
}

extension Finding.Note {
    /// A string that orders notes by location, then message.
    var sortKey: String {
        "\(location.file)\u{0}\(String(format: "%010d", location.line))\u{0}\(String(format: "%010d", location.column))\u{0}\(message.en)\u{0}\(message.hi)"
    }
}

extension Array where Element == Finding {
    /// The findings in the total order with exact duplicates removed (first occurrence kept).
    public func sortedUnique() -> [Finding] {
        var result: [Finding] = []
        result.reserveCapacity(count)
        for finding in sorted() where result.last != finding {
            result.append(finding)
        }
        return result
    }
}
