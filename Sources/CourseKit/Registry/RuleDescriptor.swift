/// Which part of coursekit reports a rule's findings.
public enum RuleKind: String, Sendable, Hashable, CaseIterable {
    /// Reading files, YAML syntax, schemas and references: every `validate` run.
    case structural
    /// A rule of a policy pack (`extends:` in `coursekit.yaml`).
    case policy
    /// The checks on inline suppressions.
    case suppression
    /// `coursekit verify`'s checks on an ECAR.
    case archive
    /// `coursekit pack`'s checks while it builds archives.
    case pack

    /// The heading of the kind in `docs/rules/README.md`.
    public var title: String {
        switch self {
        case .structural: "Structural checks"
        case .policy: "Policy pack up-karmayogi-2026"
        case .suppression: "Suppressions"
        case .archive: "Archives (`coursekit verify`)"
        case .pack: "Packaging (`coursekit pack`)"
        }
    }
}

/// The typed default of a rule parameter: its type and its value in one place.
public enum ParameterValue: Sendable, Hashable {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case text(String)
    case texts([String])
    /// An ISO 8601 duration such as `PT1H`.
    case duration(String)

    /// The type as documented ("integer", "number", "list of texts", …).
    public var typeName: String {
        switch self {
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .text: "text"
        case .texts: "list of texts"
        case .duration: "duration"
        }
    }

    /// The default as written in `coursekit.yaml` and on the rule's page.
    public var documented: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .boolean(let value): value ? "true" : "false"
        case .text(let value), .duration(let value): value
        case .texts(let values): "[" + values.joined(separator: ", ") + "]"
        }
    }
}

/// One parameter of a rule: name, typed default and meaning, declared once. The rule reads it
/// with `RuleOptions` (`options.int(Self.minimumQuestions)`), so the documented default is the
/// default the rule uses.
public struct RuleParameter: Sendable, Hashable {
    public var name: String
    public var defaultValue: ParameterValue
    public var summary: LocalizedText

    public init(_ name: String, default defaultValue: ParameterValue, summary: LocalizedText) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// The documented type ("integer", "list of texts", …).
    public var type: String { defaultValue.typeName }
}

/// An example of a rule's input: one or more source files (or archive entries, for `archive-*`
/// rules), with the places a finding is expected marked `1️⃣`, `2️⃣`, … in the text, as in
/// swift-format's rule tests. The marker is removed before the file is written; the finding's
/// column is the marker's column in Unicode code points, as coursekit reports columns.
/// A triggering example expects exactly one finding of the rule at each marker; a
/// non-triggering example expects none.
public struct RuleExample: Sendable, Hashable {
    public struct File: Sendable, Hashable {
        /// Path in the example repository (or inside the archive).
        public var path: String
        public var text: String
        /// Write the text as ISO 8859-1 instead of UTF-8 (for `file-encoding`).
        public var latin1: Bool
        /// For archive examples: the file is a zip of these entries (an html-archive); its
        /// `text` then holds only the markers, which stand for the file as a whole (1:1).
        public var entries: [File]
        /// The file is a FIFO (a named pipe), which no one can read as a file; its `text`
        /// then holds only the markers, which stand for the file as a whole (1:1).
        public var fifo = false

        public init(_ path: String, _ text: String, latin1: Bool = false) {
            self.path = path
            self.text = text
            self.latin1 = latin1
            self.entries = []
        }

        /// A FIFO at `path`; `marker` is `1️⃣` when a finding is expected at the file.
        public static func fifo(_ path: String, marker: String = "") -> File {
            var file = File(path, marker)
            file.fifo = true
            return file
        }

        /// A zip file of `entries`; `marker` is `1️⃣` when a finding is expected at the file.
        public init(_ path: String, zipping entries: [File], marker: String = "") {
            self.init(path, marker)
            self.entries = entries
        }
    }

    public var files: [File]
    /// `coursekit.yaml` for the example; nil means the defaults.
    public var configuration: String?
    /// Options of the run beyond the defaults: `unplayableQuestions` for `pack`, and for
    /// `verify` `onlineOnlyLimit` (bytes; lowered so an example need not hold 200 MiB).
    public var options: [String: String]

    public init(_ files: [File], configuration: String? = nil, options: [String: String] = [:]) {
        self.files = files
        self.configuration = configuration
        self.options = options
    }

    public init(_ path: String, _ text: String, configuration: String? = nil) {
        self.init([File(path, text)], configuration: configuration)
    }

    /// The marker characters, in order: `1️⃣` … `9️⃣`.
    public static let markers: [Character] = (1...9).map { Character("\($0)\u{FE0F}\u{20E3}") }

    /// A file's text without markers, and each marker's 1-based line and column (code points).
    public static func strip(_ text: String) -> (text: String, marks: [(line: Int, column: Int)]) {
        var output = ""
        var marks: [(Int, Int)] = []
        var line = 1, column = 1
        for character in text {
            if markers.contains(character) {
                marks.append((line, column))
                continue
            }
            output.append(character)
            if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return (output, marks)
    }
}

/// Describes a rule: its stable id, kind, default severity, one-line summary in both languages,
/// typed parameters and examples that trigger it and that do not. `RuleRegistry` holds one for
/// every rule coursekit can report; configuration, suppressions, reporters (SARIF `rules`) and
/// `docs/rules/` read them from there.
public struct RuleDescriptor: Sendable, Hashable {
    public var id: String
    public var kind: RuleKind
    public var defaultSeverity: Severity
    public var summary: LocalizedText
    public var parameters: [RuleParameter]
    /// Examples are built only when read (documentation, tests): some hold megabytes of text,
    /// and every run lists every descriptor.
    public var triggeringExamples: [RuleExample] {
        get { triggering() }
        set { triggering = { newValue } }
    }
    public var nonTriggeringExamples: [RuleExample] {
        get { nonTriggering() }
        set { nonTriggering = { newValue } }
    }
    private var triggering: @Sendable () -> [RuleExample]
    private var nonTriggering: @Sendable () -> [RuleExample]

    public init(
        id: String, kind: RuleKind = .policy, defaultSeverity: Severity, parameters: [RuleParameter] = [],
        summary: LocalizedText, triggering: @autoclosure @escaping @Sendable () -> [RuleExample] = [],
        nonTriggering: @autoclosure @escaping @Sendable () -> [RuleExample] = []
    ) {
        self.id = id
        self.kind = kind
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.parameters = parameters
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    public static func == (left: RuleDescriptor, right: RuleDescriptor) -> Bool {
        left.id == right.id && left.kind == right.kind && left.defaultSeverity == right.defaultSeverity
            && left.summary == right.summary && left.parameters == right.parameters
            && left.triggeringExamples == right.triggeringExamples && left.nonTriggeringExamples == right.nonTriggeringExamples
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(kind)
        hasher.combine(defaultSeverity)
        hasher.combine(summary)
        hasher.combine(parameters)
    }

    /// The documentation page, relative to the project root.
    public var documentationPath: String { "docs/rules/\(id).md" }

    /// A finding of this rule at its default severity (configuration re-grades it later).
    public func finding(at location: SourceLocation, _ message: LocalizedText, hint: LocalizedText? = nil,
                        notes: [Finding.Note] = [], edition: String? = nil) -> Finding {
        Finding(ruleID: id, severity: defaultSeverity, location: location, message: message, hint: hint, notes: notes, edition: edition)
    }
}
