/// One problem coursekit found in the sources: which rule, how serious, where, what is wrong
/// and how to fix it. Findings are what every reporter prints.
public struct Finding: Sendable, Hashable {
    /// A secondary location that helps explain the finding (e.g. "first defined here").
    public struct Note: Sendable, Hashable {
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

    public init(
        ruleID: String,
        severity: Severity,
        location: SourceLocation,
        message: LocalizedText,
        hint: LocalizedText? = nil,
        notes: [Note] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.notes = notes
    }
}

extension Finding: Comparable {
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return lhs.ruleID < rhs.ruleID
    }
}
