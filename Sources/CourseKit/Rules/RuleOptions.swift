/// The parameters configured for one rule (its `parameters:` mapping in `coursekit.yaml`),
/// read with typed accessors that fall back to the rule's defaults. Reading a value of the
/// wrong type throws a `ToolError` at the config line; `finish()` rejects keys no accessor read.
public final class RuleOptions: @unchecked Sendable {
    public let ruleID: String
    private let values: LocatedObject?
    private var used: Set<String> = []
    /// The repository's own competency vocabulary (`competencies:` in coursekit.yaml):
    /// area → theme → sub-themes, added to the shipped one.
    public var competencies: [String: [String: Set<String>]] = [:]

    public init(ruleID: String, values: LocatedObject? = nil) {
        self.ruleID = ruleID
        self.values = values
    }

    private func value(_ key: String) -> LocatedValue? {
        used.insert(key)
        return values?[key]
    }

    private func wrongType(_ key: String, _ value: LocatedValue, expected en: String, _ hi: String) -> ToolError {
        ToolError(LocalizedText(
            en: "parameter '\(key)' of rule '\(ruleID)' must be \(en), found \(value.typeName)",
            hi: "नियम '\(ruleID)' का पैरामीटर '\(key)' \(hi) होना चाहिए, पर \(value.typeName) मिला"), at: value.location)
    }

    public func int(_ key: String, default fallback: Int) throws(ToolError) -> Int {
        guard let value = value(key) else { return fallback }
        guard let number = value.int else { throw wrongType(key, value, expected: "a whole number", "पूर्ण संख्या") }
        guard abs(Double(number)) <= Self.maximumMagnitude else {
            throw ToolError(LocalizedText(
                en: "parameter '\(key)' of rule '\(ruleID)' must be between -\(Int(Self.maximumMagnitude)) and \(Int(Self.maximumMagnitude)), found \(number)",
                hi: "नियम '\(ruleID)' का पैरामीटर '\(key)' -\(Int(Self.maximumMagnitude)) और \(Int(Self.maximumMagnitude)) के बीच होना चाहिए, पर \(number) मिला"),
                at: value.location)
        }
        return number
    }

    /// Largest magnitude a numeric parameter may have: rules multiply and convert parameters
    /// to whole numbers, and `-.inf` or `-1e300` must be a configuration error, not a trap.
    public static let maximumMagnitude: Double = 1e9

    public func double(_ key: String, default fallback: Double) throws(ToolError) -> Double {
        guard let value = value(key) else { return fallback }
        guard let number = value.number else { throw wrongType(key, value, expected: "a number", "संख्या") }
        guard number.isFinite, abs(number) <= Self.maximumMagnitude else {
            throw ToolError(LocalizedText(
                en: "parameter '\(key)' of rule '\(ruleID)' must be a finite number between -\(Int(Self.maximumMagnitude)) and \(Int(Self.maximumMagnitude)), found \(value.number.map { String($0) } ?? "?")",
                hi: "नियम '\(ruleID)' का पैरामीटर '\(key)' -\(Int(Self.maximumMagnitude)) और \(Int(Self.maximumMagnitude)) के बीच की सीमित संख्या होनी चाहिए, पर \(value.number.map { String($0) } ?? "?") मिला"),
                at: value.location)
        }
        return number
    }

    public func bool(_ key: String, default fallback: Bool) throws(ToolError) -> Bool {
        guard let value = value(key) else { return fallback }
        guard let flag = value.bool else { throw wrongType(key, value, expected: "true or false", "true या false") }
        return flag
    }

    public func string(_ key: String, default fallback: String) throws(ToolError) -> String {
        guard let value = value(key) else { return fallback }
        guard let text = value.string else { throw wrongType(key, value, expected: "text", "पाठ") }
        return text
    }

    public func strings(_ key: String, default fallback: [String]) throws(ToolError) -> [String] {
        guard let value = value(key) else { return fallback }
        guard let items = value.array, items.allSatisfy({ $0.string != nil }) else {
            throw wrongType(key, value, expected: "a list of texts", "पाठों की सूची")
        }
        return items.compactMap(\.string)
    }

    /// An ISO 8601 duration (`PT30M`), in seconds.
    public func duration(_ key: String, default fallback: Int) throws(ToolError) -> Int {
        guard let value = value(key) else { return fallback }
        guard let text = value.string, let seconds = ISODuration.seconds(text) else {
            throw wrongType(key, value, expected: "an ISO 8601 duration such as PT30M", "PT30M जैसी ISO 8601 अवधि")
        }
        return seconds
    }

    // Typed accessors for declared parameters: the default is the one the parameter declares.

    public func int(_ parameter: RuleParameter) throws(ToolError) -> Int {
        guard case .integer(let fallback) = parameter.defaultValue else { preconditionFailure("\(parameter.name) is not an integer") }
        return try int(parameter.name, default: fallback)
    }

    public func double(_ parameter: RuleParameter) throws(ToolError) -> Double {
        switch parameter.defaultValue {
        case .number(let fallback): return try double(parameter.name, default: fallback)
        case .integer(let fallback): return try double(parameter.name, default: Double(fallback))
        default: preconditionFailure("\(parameter.name) is not a number")
        }
    }

    public func bool(_ parameter: RuleParameter) throws(ToolError) -> Bool {
        guard case .boolean(let fallback) = parameter.defaultValue else { preconditionFailure("\(parameter.name) is not a boolean") }
        return try bool(parameter.name, default: fallback)
    }

    public func string(_ parameter: RuleParameter) throws(ToolError) -> String {
        guard case .text(let fallback) = parameter.defaultValue else { preconditionFailure("\(parameter.name) is not a text") }
        return try string(parameter.name, default: fallback)
    }

    public func strings(_ parameter: RuleParameter) throws(ToolError) -> [String] {
        guard case .texts(let fallback) = parameter.defaultValue else { preconditionFailure("\(parameter.name) is not a list of texts") }
        return try strings(parameter.name, default: fallback)
    }

    /// A duration parameter, in seconds.
    public func duration(_ parameter: RuleParameter) throws(ToolError) -> Int {
        guard case .duration(let text) = parameter.defaultValue, let fallback = ISODuration.seconds(text) else {
            preconditionFailure("\(parameter.name) is not a duration")
        }
        return try duration(parameter.name, default: fallback)
    }

    /// Rejects any configured key that the rule did not read.
    public func finish() throws(ToolError) {
        guard let values else { return }
        for entry in values.entries where !used.contains(entry.key) {
            let known = used.sorted()
            let suggestion = Spelling.closest(to: entry.key, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            let suggestionHi = Spelling.closest(to: entry.key, among: known).map { " (क्या आपका आशय '\($0)' से था?)" } ?? ""
            throw ToolError(LocalizedText(
                en: "rule '\(ruleID)' has no parameter '\(entry.key)'\(suggestion); it accepts: \(known.joined(separator: ", "))",
                hi: "नियम '\(ruleID)' में '\(entry.key)' नाम का पैरामीटर नहीं है\(suggestionHi); मान्य पैरामीटर: \(known.joined(separator: ", "))"),
                at: entry.keyLocation)
        }
    }
}

/// ISO 8601 durations of the form used in course files (`P1D`, `PT1H30M`, `PT45S`).
/// Arithmetic is checked: a duration over `maximumSeconds` (`P999999999999999D`) is not a
/// duration coursekit accepts (the schema's `duration` format refuses it too), so sums of
/// durations cannot overflow.
public enum ISODuration {
    /// The longest accepted duration: 100 years, far beyond any course or programme.
    public static let maximumSeconds = 100 * 366 * 86_400

    /// Seconds in the duration, or nil when the text is not a duration or is too long.
    public static func seconds(_ text: String) -> Int? {
        guard text.hasPrefix("P"), text.count > 1, text.utf8.count <= 64 else { return nil }
        var total = 0, number = "", inTime = false, sawComponent = false
        for character in text.dropFirst() {
            if character.isASCII, character.isNumber { number.append(character); continue }
            if character == "T" { guard number.isEmpty, !inTime else { return nil }; inTime = true; continue }
            guard let value = Int(number) else { return nil }
            number = ""
            sawComponent = true
            let unit: Int
            switch (character, inTime) {
            case ("W", false): unit = 7 * 86_400
            case ("D", false): unit = 86_400
            case ("H", true): unit = 3_600
            case ("M", true): unit = 60
            case ("S", true): unit = 1
            default: return nil
            }
            let (part, overflow) = value.multipliedReportingOverflow(by: unit)
            guard !overflow, part <= maximumSeconds else { return nil }
            total += part
            guard total <= maximumSeconds else { return nil }
        }
        return number.isEmpty && sawComponent ? total : nil
    }

    /// Saturating sum of durations (each at most `maximumSeconds`), for totals over sessions.
    public static func sum<S: Sequence>(_ values: S) -> Int where S.Element == Int {
        var total = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            total = overflow ? Int.max : next
        }
        return total
    }
}
