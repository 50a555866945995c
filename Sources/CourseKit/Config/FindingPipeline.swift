import Foundation

/// What happens to the findings of a run after the rules produced them, in order:
/// 1. each finding's level is looked up — `rules:` in `coursekit.yaml`, then the last matching
///    `overrides:` entry for the finding's file — and it is re-graded or dropped (`off`);
/// 2. inline suppressions with a reason and a known rule id remove the findings they cover;
/// 3. the suppressions themselves are checked (`suppression-reason-missing`,
///    `suppression-unknown-rule`, `unused-suppression`) and those findings go through step 1.
public struct FindingPipeline: Sendable {
    public var configuration: Configuration
    public var settings: SuppressionSettings
    /// The folder the paths in findings are relative to (the repository root).
    public var displayBase: URL

    public init(configuration: Configuration, settings: SuppressionSettings = SuppressionSettings(), displayBase: URL) {
        self.configuration = configuration
        self.settings = settings
        self.displayBase = displayBase.standardizedFileURL.resolvingSymlinksInPath()
    }

    public struct Outcome: Sendable {
        public var findings: [Finding]
        /// How many findings inline suppressions removed.
        public var suppressedCount: Int
    }

    /// `notProduced`: kinds of rules this run cannot report (`validate` makes no `pack-*`
    /// findings), whose suppressions are therefore not reported as unused.
    public func run(_ findings: [Finding], suppressions: [Suppression], notProduced: Set<RuleKind> = []) -> Outcome {
        var paths: [String: String?] = [:]
        func graded(_ finding: Finding) -> Finding? {
            let relative: String?
            if let known = paths[finding.location.file] {
                relative = known
            } else {
                relative = configRelativePath(finding.location.file)
                paths[finding.location.file] = relative
            }
            guard let level = configuration.level(for: finding.ruleID, at: relative) else { return finding }
            guard let severity = level.severity else { return nil }
            var copy = finding
            copy.severity = severity
            return copy
        }

        var remaining = findings.compactMap(graded)
        var checks: [Finding] = []
        var active: [Suppression] = []
        for suppression in Self.ordered(suppressions) {
            if let problem = check(suppression) { checks.append(problem) } else { active.append(suppression) }
        }

        // Index suppressions by file for a cheap lookup.
        var byFile: [String: [Int]] = [:]
        for (index, suppression) in active.enumerated() { byFile[suppression.location.file, default: []].append(index) }
        var used = Array(repeating: false, count: active.count)
        var suppressedCount = 0
        remaining.removeAll { finding in
            guard SuppressionRule(rawValue: finding.ruleID) == nil, let candidates = byFile[finding.location.file] else { return false }
            var covered = false
            for index in candidates where active[index].covers(finding) {
                used[index] = true
                covered = true
            }
            if covered { suppressedCount += 1 }
            return covered
        }
        for (index, suppression) in active.enumerated() where !used[index] {
            if let kind = configuration.catalog.descriptor(for: suppression.ruleID)?.kind, notProduced.contains(kind) { continue }
            checks.append(SuppressionRule.unused.descriptor.finding(
                at: suppression.location,
                LocalizedText(
                    en: "this suppression of '\(suppression.ruleID)' suppresses nothing" + scopeText(suppression.scope).en,
                    hi: "'\(suppression.ruleID)' की यह छूट कुछ भी नहीं दबाती" + scopeText(suppression.scope).hi),
                hint: LocalizedText(
                    en: "remove the comment; the problem it was written for is gone",
                    hi: "यह टिप्पणी हटा दें; जिस समस्या के लिए यह लिखी गई थी वह अब नहीं है")))
        }
        remaining += checks.compactMap(graded)
        return Outcome(findings: remaining.sortedUnique(), suppressedCount: suppressedCount)
    }

    /// Suppressions in a total order (location, rule, scope, reason) without duplicates.
    static func ordered(_ suppressions: [Suppression]) -> [Suppression] {
        func key(_ s: Suppression) -> [String] {
            let scope: String = switch s.scope {
            case .file: "file"
            case .line(let line): String(format: "line %010d", line)
            }
            return [s.location.file, String(format: "%010d", s.location.line), String(format: "%010d", s.location.column),
                    s.ruleID, scope, s.reason ?? ""]
        }
        var result: [Suppression] = []
        for suppression in suppressions.sorted(by: { key($0).lexicographicallyPrecedes(key($1)) }) where result.last != suppression {
            result.append(suppression)
        }
        return result
    }

    /// Re-grades findings by the configuration alone (no suppressions): for findings produced
    /// after validation, such as `pack`'s.
    public func graded(_ findings: [Finding]) -> [Finding] {
        findings.compactMap { finding in
            guard let level = configuration.level(for: finding.ruleID, at: configRelativePath(finding.location.file)) else { return finding }
            guard let severity = level.severity else { return nil }
            var copy = finding
            copy.severity = severity
            return copy
        }
    }

    /// The findings as they will be reported: re-graded by the configuration, without those a
    /// usable inline suppression covers. Suppressions are not marked used and not checked here
    /// (`run` does that once for every finding); `pack` uses this to decide whether an edition
    /// still has errors.
    public func settled(_ findings: [Finding], suppressions: [Suppression]) -> [Finding] {
        let usable = suppressions.filter { check($0) == nil }
        return graded(findings).filter { finding in
            SuppressionRule(rawValue: finding.ruleID) != nil || !usable.contains { $0.covers(finding) }
        }
    }

    /// True when the configuration switches `ruleID` off for the file of `location`.
    public func isOff(_ ruleID: String, at location: SourceLocation) -> Bool {
        guard let level = configuration.level(for: ruleID, at: configRelativePath(location.file)) else { return false }
        return level.severity == nil
    }

    private func scopeText(_ scope: Suppression.Scope) -> LocalizedText {
        switch scope {
        case .file: LocalizedText(en: " in this file", hi: " इस फ़ाइल में")
        case .line(let line): LocalizedText(en: " on line \(line)", hi: " पंक्ति \(line) पर")
        }
    }

    /// The finding a malformed suppression produces, or nil when it is usable.
    func check(_ suppression: Suppression) -> Finding? {
        let catalog = configuration.catalog
        if suppression.ruleID.isEmpty {
            return SuppressionRule.unknownRule.descriptor.finding(
                at: suppression.location,
                LocalizedText(en: "the suppression names no rule", hi: "इस छूट में किसी नियम का नाम नहीं है"),
                hint: Self.syntaxHint)
        }
        if !catalog.isKnown(suppression.ruleID) {
            let suggestion = catalog.didYouMean(suppression.ruleID)
            return SuppressionRule.unknownRule.descriptor.finding(
                at: suppression.location,
                LocalizedText(
                    en: "the suppression names an unknown rule '\(suppression.ruleID)'\(suggestion.en), so it suppresses nothing",
                    hi: "यह छूट अज्ञात नियम '\(suppression.ruleID)' का नाम लेती है\(suggestion.hi), इसलिए कुछ नहीं दबाती"),
                hint: LocalizedText(en: "docs/rules/ lists every rule id", hi: "सभी नियम-id की सूची docs/rules/ में है"))
        }
        if SuppressionRule(rawValue: suppression.ruleID) != nil {
            return SuppressionRule.unknownRule.descriptor.finding(
                at: suppression.location,
                LocalizedText(
                    en: "'\(suppression.ruleID)' cannot be suppressed inline",
                    hi: "'\(suppression.ruleID)' को इनलाइन छूट से नहीं दबाया जा सकता"),
                hint: LocalizedText(
                    en: "change its level under 'rules:' in coursekit.yaml instead",
                    hi: "इसके बजाय coursekit.yaml में 'rules:' के अंतर्गत इसका स्तर बदलें"))
        }
        if let lock = configuration.isLocked(suppression.ruleID), let pack = configuration.pack {
            return SuppressionRule.unknownRule.descriptor.finding(
                at: suppression.location,
                LocalizedText(
                    en: "'\(suppression.ruleID)' is mandatory in policy pack '\(pack.name)' (directive: \(lock.directive.en)) and cannot be suppressed inline",
                    hi: "'\(suppression.ruleID)' नीति-पैक '\(pack.name)' में अनिवार्य है (निर्देश: \(lock.directive.hi)) और इसे इनलाइन छूट से नहीं दबाया जा सकता"),
                hint: LocalizedText(
                    en: "fix what the rule reports; a locked rule has no exceptions",
                    hi: "नियम जो बताता है उसे ठीक करें; अनिवार्य नियम में कोई छूट नहीं"))
        }
        let reason = suppression.reason ?? ""
        if reason.count < settings.minimumReasonLength {
            let tooShort = !reason.isEmpty
            return SuppressionRule.reasonMissing.descriptor.finding(
                at: suppression.location,
                tooShort
                    ? LocalizedText(
                        en: "the reason for suppressing '\(suppression.ruleID)' is too short (\(reason.count) of at least \(settings.minimumReasonLength) characters), so it suppresses nothing",
                        hi: "'\(suppression.ruleID)' की छूट का कारण बहुत छोटा है (\(reason.count) वर्ण, कम से कम \(settings.minimumReasonLength) चाहिए), इसलिए यह कुछ नहीं दबाती")
                    : LocalizedText(
                        en: "the suppression of '\(suppression.ruleID)' gives no reason, so it suppresses nothing",
                        hi: "'\(suppression.ruleID)' की छूट में कोई कारण नहीं दिया गया, इसलिए यह कुछ नहीं दबाती"),
                hint: Self.syntaxHint)
        }
        return nil
    }

    static let syntaxHint = LocalizedText(
        en: "write '# coursekit-disable-next-line <rule-id> -- <why this is acceptable>' (in Markdown inside <!-- … -->)",
        hi: "'# coursekit-disable-next-line <नियम-id> -- <यह क्यों स्वीकार्य है>' लिखें (Markdown में <!-- … --> के भीतर)")

    /// A finding's path (relative to `displayBase`, the repository root) relative to the config
    /// folder, or nil when the file lies outside it. When the configuration sits at the root
    /// (the usual case) the path is used as it is.
    func configRelativePath(_ path: String) -> String? {
        let root = configuration.directory.path
        if !path.hasPrefix("/") && displayBase.path == root { return RepositoryPath(normalizing: path)?.string }
        let absolute = path.hasPrefix("/") ? path
            : (displayBase.path == "/" ? "/" : displayBase.path + "/") + path
        let prefix = root == "/" ? "/" : root + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return RepositoryPath(normalizing: String(absolute.dropFirst(prefix.count)))?.string
    }
}
