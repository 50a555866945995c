import Foundation

/// Facts about coursekit that reporters print.
public enum CourseKitInfo {
    public static let name = "coursekit"
    public static let version = CourseKitVersion.current
    public static let informationURI = "https://github.com/upam/coursekit"
}

/// Decides how the paths findings carry (relative to the result's `displayBase`: the
/// repository root for `validate` and `pack`) are shown: relative to a source root — the
/// repository root, or the CI workspace — as SARIF, JUnit and GitHub want, or relative to the
/// working directory as text and JSON show them. Only reporters decide how a path is shown.
public struct ReportPaths: Sendable {
    /// The folder the paths in findings are relative to.
    public var displayBase: URL?
    public var sourceRoot: URL?

    public init(displayBase: URL?, sourceRoot: URL?) {
        self.displayBase = displayBase?.standardizedFileURL.resolvingSymlinksInPath()
        self.sourceRoot = sourceRoot?.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The result's own folders, with `sourceRoot` (when given) instead of the repository root.
    public init(result: ValidationResult, sourceRoot: URL? = nil) {
        self.init(displayBase: result.displayBase, sourceRoot: sourceRoot ?? result.repositoryRoot)
    }

    /// The absolute file-system path of a displayed path.
    public func absolute(_ display: String) -> String {
        if display.hasPrefix("/") { return display }
        guard let base = displayBase else { return display }
        return (base.path == "/" ? "" : base.path) + "/" + display
    }

    /// The path relative to the source root, or nil when the file lies outside it.
    public func relativeToRoot(_ display: String) -> String? {
        guard let root = sourceRoot else { return display.hasPrefix("/") ? nil : display }
        let absolute = absolute(display)
        let prefix = root.path == "/" ? "/" : root.path + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return RepositoryPath(normalizing: String(absolute.dropFirst(prefix.count)))?.string
    }

    /// The path shown to someone working in `folder` (the working directory): relative to it
    /// when the file lies inside it, else absolute. Nil `folder` keeps the path as carried.
    public func shown(_ file: String, from folder: URL?) -> String {
        guard let folder, displayBase != nil || file.hasPrefix("/") else { return file }
        let absolute = absolute(file)
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = base == "/" ? "/" : base + "/"
        if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
        if absolute == base { return "." }
        return absolute
    }

    /// A location as shown from `folder` (see `shown(_:from:)`).
    public func shown(_ location: SourceLocation, from folder: URL?) -> SourceLocation {
        SourceLocation(file: shown(location.file, from: folder), line: location.line, column: location.column)
    }

    /// The root-relative path when there is one, else the path as displayed.
    public func relative(_ display: String) -> String {
        relativeToRoot(display) ?? display
    }
}

/// Words and sentences several reporters print, in both languages.
enum ReportText {
    static func hintLabel(_ language: MessageLanguage) -> String { language == .hi ? "सुझाव" : "hint" }
    static func noteLabel(_ language: MessageLanguage) -> String { language == .hi ? "टिप्पणी" : "note" }

    /// The message, then the hint and notes on their own lines (for formats with one text field).
    static func fullMessage(_ finding: Finding, _ language: MessageLanguage, notes: Bool = true) -> String {
        var text = finding.message.text(in: language)
        if let hint = finding.hint { text += "\n\(hintLabel(language)): \(hint.text(in: language))" }
        if notes {
            for note in finding.notes {
                text += "\n\(noteLabel(language)): \(note.location): \(note.message.text(in: language))"
            }
        }
        return text
    }

    /// "2 errors, 1 warning, 0 info in 5 files checked." and its Hindi, as the text report ends.
    static func summary(_ result: ValidationResult, language: MessageLanguage) -> String {
        let errors = result.count(.error), warnings = result.count(.warning), infos = result.count(.info)
        let files = result.checkedFiles.count
        let suppressed = result.suppressedCount
        switch language {
        case .en:
            let tail = suppressed > 0 ? " \(suppressed) suppressed inline." : ""
            if result.findings.isEmpty { return "No problems found in \(files) file\(files == 1 ? "" : "s")." + tail }
            return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info in \(files) file\(files == 1 ? "" : "s") checked." + tail
        case .hi:
            // Hindi number agreement: 1 takes the singular (1 त्रुटि, 1 फ़ाइल जाँची गई), every other count the plural.
            func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) " + (n == 1 ? one : many) }
            let tail = suppressed > 0 ? " " + count(suppressed, "समस्या इनलाइन छूट से दबाई गई।", "समस्याएँ इनलाइन छूट से दबाई गईं।") : ""
            if result.findings.isEmpty { return count(files, "फ़ाइल", "फ़ाइलों") + " में कोई समस्या नहीं मिली।" + tail }
            return count(files, "फ़ाइल जाँची गई", "फ़ाइलें जाँची गईं") + ": " + count(errors, "त्रुटि", "त्रुटियाँ") + ", "
                + count(warnings, "चेतावनी", "चेतावनियाँ") + ", " + count(infos, "सूचना", "सूचनाएँ") + "।" + tail
        }
    }
}

/// Findings grouped by file (in path order) and, within a file, by rule (in id order), plus
/// the files that have none — what JUnit suites and the GitHub step summary are made of.
struct FindingGroups {
    struct FileGroup {
        var file: String
        /// (rule id, findings) pairs, sorted by rule id; empty for a clean file.
        var rules: [(rule: String, findings: [Finding])]
    }

    var files: [FileGroup]

    init(_ result: ValidationResult) {
        var byFile: [String: [String: [Finding]]] = [:]
        for finding in result.findings { byFile[finding.location.file, default: [:]][finding.ruleID, default: []].append(finding) }
        var names = Set(result.checkedFiles)
        names.formUnion(byFile.keys)
        files = names.sorted().map { file in
            let rules = (byFile[file] ?? [:]).sorted { $0.key < $1.key }.map { (rule: $0.key, findings: $0.value) }
            return FileGroup(file: file, rules: rules)
        }
    }

    /// Count of findings per rule and severity, in rule-id order.
    static func countsByRule(_ findings: [Finding]) -> [(rule: String, counts: [Severity: Int])] {
        var table: [String: [Severity: Int]] = [:]
        for finding in findings { table[finding.ruleID, default: [:]][finding.severity, default: 0] += 1 }
        return table.sorted { $0.key < $1.key }.map { (rule: $0.key, counts: $0.value) }
    }

    /// Count of findings per file and severity, in path order.
    static func countsByFile(_ findings: [Finding]) -> [(file: String, counts: [Severity: Int])] {
        var table: [String: [Severity: Int]] = [:]
        for finding in findings { table[finding.location.file, default: [:]][finding.severity, default: 0] += 1 }
        return table.sorted { $0.key < $1.key }.map { (file: $0.key, counts: $0.value) }
    }
}

/// A JSON value with object keys in a chosen order, written the same way every time (so
/// output can be compared byte for byte). Shared by the JSON and SARIF reporters.
indirect enum JSONValue {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .string(let text): Self.writeString(text, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                Self.writeString(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// RFC 8259 string escaping; non-ASCII text stays as UTF-8.
    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// XML 1.0 escaping for JUnit output.
enum XMLText {
    /// Text content: `&`, `<`, `>` escaped; characters XML 1.0 forbids become U+FFFD.
    static func text(_ value: String) -> String { escape(value, attribute: false) }

    /// Attribute values (double-quoted): also quotes, and line breaks and tabs as character
    /// references so they survive attribute normalisation.
    static func attribute(_ value: String) -> String { escape(value, attribute: true) }

    private static func escape(_ value: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default:
                let v = scalar.value
                let allowed = v == 0x9 || v == 0xA || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }
}

extension Severity {
    /// SARIF `level`.
    var sarifLevel: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// GitHub Actions workflow command.
    var githubCommand: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }
}
