import Foundation

/// How a rule is configured: switched off, or reported at a severity.
public enum RuleLevel: String, Sendable, Hashable, CaseIterable {
    case off
    case info
    case warning
    case error

    /// The severity findings get, or nil when the rule is off.
    public var severity: Severity? { Severity(rawValue: rawValue) }
}

/// A repository's `coursekit.yaml`, read and checked: the policy pack it extends, per-rule
/// severities and parameters, path-scoped overrides and the fail severity. See
/// `docs/configuration.md`. Built by `ConfigurationLoader`; `Validator` applies it.
public struct Configuration: Sendable {
    /// The entry of one rule under `rules:`.
    public struct RuleSetting: Sendable {
        public var ruleID: String
        /// nil when only parameters are set (the severity stays the rule's default).
        public var level: RuleLevel?
        /// The `parameters:` mapping, with source positions for error messages.
        public var parameters: LocatedObject?
        /// Where the rule's entry is written.
        public var location: SourceLocation?
        /// Where its level (`off`, a severity) is written, when it is.
        public var levelLocation: SourceLocation?

        public init(ruleID: String, level: RuleLevel?, parameters: LocatedObject? = nil, location: SourceLocation? = nil) {
            self.ruleID = ruleID
            self.level = level
            self.parameters = parameters
            self.location = location
        }
    }

    /// One entry of `overrides:`: rule levels that apply to findings in files matching `paths`.
    public struct Override: Sendable {
        public var paths: [PathGlob]
        public var rules: [String: RuleLevel]
        /// Where each rule's level is written.
        public var locations: [String: SourceLocation] = [:]

        public init(paths: [PathGlob], rules: [String: RuleLevel], locations: [String: SourceLocation] = [:]) {
            self.paths = paths
            self.rules = rules
            self.locations = locations
        }

        public func applies(to relativePath: String) -> Bool {
            paths.contains { $0.matches(relativePath) }
        }
    }

    /// The pack used when `coursekit.yaml` is absent or has no `extends`.
    public static let defaultPackName = "up-karmayogi-2026"
    /// `extends: none`: structural checks only.
    public static let noPack = "none"
    /// Where SARIF `helpUri`s point unless `helpBaseURI` says otherwise.
    public static let defaultHelpBaseURI = "https://github.com/upam/coursekit/blob/main/docs/rules/"

    /// The config file as shown to the user, nil when running on defaults.
    public var file: String?
    /// The folder `overrides` paths are relative to: the config file's folder.
    public var directory: URL
    /// The pack extended, nil for `extends: none`.
    public var pack: PolicyPack?
    public var rules: [String: RuleSetting]
    public var overrides: [Override]
    public var failSeverity: Severity?
    public var helpBaseURI: String
    /// The rules that may be named.
    public var catalog: RuleCatalog
    /// The `pack:` section.
    public var packing = PackingSettings()
    /// The `libraries:` section: libraries vendored into `libraries/<name>/`.
    public var libraries: [LibraryDeclaration] = []
    /// The `competencies:` section: the repository's own areas → themes → sub-themes, added
    /// to the vocabulary shipped with coursekit (see `competency-known`).
    public var competencies: [String: [String: Set<String>]] = [:]
    /// The `effort:` and `glossary:` settings the policy rules share.
    public var policy = PolicyContext()

    public init(
        file: String? = nil, directory: URL, pack: PolicyPack?, rules: [String: RuleSetting] = [:],
        overrides: [Override] = [], failSeverity: Severity? = nil, helpBaseURI: String = Configuration.defaultHelpBaseURI,
        catalog: RuleCatalog = RuleCatalog()
    ) {
        self.file = file
        self.directory = directory.standardizedFileURL.resolvingSymlinksInPath()
        self.pack = pack
        self.rules = rules
        self.overrides = overrides
        self.failSeverity = failSeverity
        self.helpBaseURI = helpBaseURI
        self.catalog = catalog
    }

    /// Defaults that depend on the repository: `schema-reference` (the `# yaml-language-server:
    /// $schema=…` modeline) is off unless the repository itself holds `schemas/course.schema.json`
    /// — coursekit's own repository or a fork of it — or `coursekit.yaml` sets its level. A
    /// department repository maps the schemas in its editor settings instead (`coursekit init`
    /// writes `.vscode/settings.json`), so a missing modeline is no mistake there.
    public func withRepositoryDefaults(root: URL) -> Configuration {
        let id = CoreRule.schemaReference.id
        guard rules[id] == nil,
              !FileManager.default.fileExists(atPath: root.appendingPathComponent("schemas/course.schema.json").path)
        else { return self }
        var copy = self
        copy.rules[id] = RuleSetting(ruleID: id, level: .off)
        return copy
    }

    /// No file: the default pack with its default severities.
    public static func defaults(directory: URL, catalog: RuleCatalog = RuleCatalog()) -> Configuration {
        Configuration(directory: directory, pack: catalog.packs[defaultPackName], catalog: catalog)
    }

    /// No pack and no settings: only the structural checks (and inline suppressions).
    public static func structuralOnly(directory: URL) -> Configuration {
        Configuration(directory: directory, pack: nil)
    }

    /// The level configured for `ruleID` in a file at `relativePath` (relative to `directory`;
    /// nil for files outside it): the last matching override wins over `rules:`. nil means
    /// "as the rule reports it".
    public func level(for ruleID: String, at relativePath: String?) -> RuleLevel? {
        var level = rules[ruleID]?.level
        if let relativePath {
            for override in overrides where override.rules[ruleID] != nil && override.applies(to: relativePath) {
                level = override.rules[ruleID]
            }
        }
        return level
    }

    /// The policy rules to run: those of the pack that are not switched off everywhere, plus
    /// rules of other packs that `rules:` or an override switches on. Every configured
    /// parameter is checked, also for rules that end up off.
    public func makeRules() throws(ToolError) -> [any Rule] {
        var result: [any Rule] = []
        var seen: Set<String> = []
        let packIDs = pack?.rules.map { $0.descriptor.id } ?? []
        let otherIDs = catalog.policyRules.keys.filter { !packIDs.contains($0) }.sorted()
        for id in packIDs + otherIDs where seen.insert(id).inserted {
            guard let type = catalog.policyRules[id] else { continue }
            let setting = rules[id]
            let onInPack = packIDs.contains(id) && setting?.level != .off
            let switchedOn = setting?.level?.severity != nil || overrides.contains { $0.rules[id]?.severity != nil }
            guard onInPack || switchedOn || setting?.parameters != nil else { continue }
            let options = RuleOptions(ruleID: id, values: setting?.parameters)
            options.competencies = competencies
            let rule = try type.init(options: options)
            try options.finish()
            if onInPack || switchedOn { result.append(rule) }
        }
        return result
    }

    /// The parameters of the suppression checks.
    public func suppressionSettings() throws(ToolError) -> SuppressionSettings {
        try SuppressionSettings(options: RuleOptions(
            ruleID: SuppressionRule.reasonMissing.id, values: rules[SuppressionRule.reasonMissing.id]?.parameters))
    }

    /// Every problem with configured `parameters:`: values of the wrong type, unknown keys,
    /// parameters given to rules that take none. Each points at its config line.
    public func parameterProblems() -> [ToolError] {
        var problems: [ToolError] = []
        for setting in rules.values.sorted(by: { $0.ruleID < $1.ruleID }) {
            guard let parameters = setting.parameters else { continue }
            let options = RuleOptions(ruleID: setting.ruleID, values: parameters)
            do throws(ToolError) {
                if let type = catalog.policyRules[setting.ruleID] {
                    _ = try type.init(options: options)
                    try options.finish()
                } else if setting.ruleID == SuppressionRule.reasonMissing.id {
                    _ = try SuppressionSettings(options: options)
                } else if let first = parameters.entries.first {
                    throw ToolError(LocalizedText(
                        en: "rule '\(setting.ruleID)' takes no parameters, but 'parameters' sets '\(first.key)'",
                        hi: "नियम '\(setting.ruleID)' कोई पैरामीटर नहीं लेता, पर 'parameters' में '\(first.key)' दिया गया है"),
                        at: first.keyLocation)
                }
            } catch {
                problems.append(error)
            }
        }
        return problems
    }

    /// The SARIF `helpUri` of a rule's documentation page.
    public func helpURI(for ruleID: String) -> String {
        (helpBaseURI.hasSuffix("/") ? helpBaseURI : helpBaseURI + "/") + ruleID + ".md"
    }
}
