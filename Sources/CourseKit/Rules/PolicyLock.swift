/// A mandatory part of a policy pack: a rule that may not be switched off, re-graded below its
/// default severity or suppressed inline, or a parameter whose value may be tightened but not
/// loosened. A department's `coursekit.yaml` that tries is a configuration error (exit 2) at
/// the line that tries, naming the pack and the directive the lock serves.
public struct PolicyLock: Sendable {
    /// What a locked parameter may become.
    public enum Bound: Sendable {
        /// A duration of at least this many seconds (`PT1H` → 3600).
        case durationAtLeast(Int)
        /// A number of at least this.
        case atLeast(Double)
        /// A number of at most this (e.g. days between assessments).
        case atMost(Double)
        /// A list that contains at least these texts.
        case includes([String])
        /// Exactly this text (a tag that marks a topic).
        case equals(String)
    }

    public var ruleID: String
    /// nil locks the rule itself; otherwise the parameter that is locked.
    public var parameter: String?
    public var bound: Bound?
    /// The directive the lock serves, for the message.
    public var directive: LocalizedText

    /// Locks a whole rule: it runs at its default severity or higher everywhere.
    public static func rule(_ ruleID: String, directive: LocalizedText) -> PolicyLock {
        PolicyLock(ruleID: ruleID, parameter: nil, bound: nil, directive: directive)
    }

    /// Locks a parameter of a rule to a floor, ceiling or required members.
    public static func parameter(_ ruleID: String, _ parameter: String, _ bound: Bound, directive: LocalizedText) -> PolicyLock {
        PolicyLock(ruleID: ruleID, parameter: parameter, bound: bound, directive: directive)
    }

    /// The problem with a configured value of the locked parameter, or nil when it keeps to the
    /// bound (a value of the wrong type is left to the rule's own parameter check).
    func problem(with value: LocatedValue, pack: String) -> ToolError? {
        guard let parameter, let bound else { return nil }
        let loosened: Bool
        let limit: LocalizedText
        switch bound {
        case .durationAtLeast(let floor):
            guard let text = value.string, let seconds = ISODuration.seconds(text) else { return nil }
            loosened = seconds < floor
            let need = EffortText.iso(floor)
            limit = LocalizedText(en: "\(need) or more", hi: "\(need) या अधिक")
        case .atLeast(let floor):
            guard let number = value.number else { return nil }
            loosened = number < floor
            limit = LocalizedText(en: "\(Self.format(floor)) or more", hi: "\(Self.format(floor)) या अधिक")
        case .atMost(let ceiling):
            guard let number = value.number else { return nil }
            loosened = number > ceiling
            limit = LocalizedText(en: "\(Self.format(ceiling)) or less", hi: "\(Self.format(ceiling)) या कम")
        case .includes(let required):
            guard let items = value.array?.compactMap(\.string) else { return nil }
            let missing = required.filter { !items.contains($0) }
            loosened = !missing.isEmpty
            limit = LocalizedText(
                en: "a list that includes \(required.joined(separator: ", "))",
                hi: "ऐसी सूची जिसमें \(required.joined(separator: ", ")) शामिल हों")
        case .equals(let required):
            guard let text = value.string else { return nil }
            loosened = text != required
            limit = LocalizedText(en: "'\(required)'", hi: "'\(required)'")
        }
        guard loosened else { return nil }
        return ToolError(LocalizedText(
            en: "parameter '\(parameter)' of rule '\(ruleID)' is locked by policy pack '\(pack)' to \(limit.en) (directive: \(directive.en)); a department may tighten it but not loosen it",
            hi: "नियम '\(ruleID)' का पैरामीटर '\(parameter)' नीति-पैक '\(pack)' द्वारा \(limit.hi) पर बंद (लॉक) है (निर्देश: \(directive.hi)); विभाग इसे कड़ा कर सकता है, ढीला नहीं"),
            at: value.location)
    }

    /// The problem with a configured level of the locked rule (`off`, or below its default
    /// severity), or nil.
    func problem(with level: RuleLevel?, at location: SourceLocation?, defaultSeverity: Severity, pack: String, scope: LocalizedText) -> ToolError? {
        guard let level else { return nil }
        let lowered: Bool
        if let severity = level.severity { lowered = severity < defaultSeverity } else { lowered = true }
        guard lowered else { return nil }
        return ToolError(LocalizedText(
            en: "rule '\(ruleID)' is mandatory in policy pack '\(pack)' (directive: \(directive.en)) and cannot be set to '\(level.rawValue)'\(scope.en); it runs at '\(defaultSeverity.rawValue)' or higher",
            hi: "नियम '\(ruleID)' नीति-पैक '\(pack)' में अनिवार्य है (निर्देश: \(directive.hi)) और\(scope.hi) '\(level.rawValue)' नहीं किया जा सकता; यह '\(defaultSeverity.rawValue)' या उससे ऊँचे स्तर पर चलता है"),
            at: location)
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

extension Configuration {
    /// Every attempt in `rules:` and `overrides:` to loosen what the extended pack locks.
    public func lockProblems() -> [ToolError] {
        guard let pack else { return [] }
        var problems: [ToolError] = []
        for lock in pack.locks {
            guard let type = catalog.policyRules[lock.ruleID] else { continue }
            let setting = rules[lock.ruleID]
            if let parameter = lock.parameter {
                if let entry = setting?.parameters?.entry(parameter), let problem = lock.problem(with: entry.value, pack: pack.name) {
                    problems.append(problem)
                }
                continue
            }
            if let problem = lock.problem(
                with: setting?.level, at: setting?.levelLocation ?? setting?.location, defaultSeverity: type.descriptor.defaultSeverity,
                pack: pack.name, scope: LocalizedText(en: "", hi: "")) {
                problems.append(problem)
            }
            for override in overrides {
                guard let level = override.rules[lock.ruleID] else { continue }
                if let problem = lock.problem(
                    with: level, at: override.locations[lock.ruleID], defaultSeverity: type.descriptor.defaultSeverity,
                    pack: pack.name, scope: LocalizedText(en: " for some paths", hi: " कुछ पथों के लिए भी")) {
                    problems.append(problem)
                }
            }
        }
        return problems
    }

    /// True when inline suppressions may not silence this rule (the pack locks it).
    public func isLocked(_ ruleID: String) -> PolicyLock? {
        pack?.locks.first { $0.ruleID == ruleID && $0.parameter == nil }
    }
}
