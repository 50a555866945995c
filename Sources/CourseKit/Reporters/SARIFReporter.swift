import Crypto
import Foundation

/// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One run;
/// the driver lists every rule of the run with its documentation page (`helpUri`, absolute, as
/// code scanning requires); results carry repository-relative locations under `%SRCROOT%`,
/// columns in Unicode code points, related locations for notes, and a partial fingerprint that
/// survives lines moving. Messages are in the chosen language (`run.language`).
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Name of our partial fingerprint.
    public static let fingerprintKey = "coursekit/v1"

    /// Where rule pages live: `helpUri` is this plus `<rule-id>.md`.
    public var helpBaseURI: String
    /// The folder artifact URIs are relative to; nil for the result's repository root.
    public var sourceRoot: URL?

    public init(helpBaseURI: String = Configuration.defaultHelpBaseURI, sourceRoot: URL? = nil) {
        self.helpBaseURI = helpBaseURI
        self.sourceRoot = sourceRoot
    }

    public func render(_ result: ValidationResult, language: MessageLanguage) -> String {
        let paths = ReportPaths(result: result, sourceRoot: sourceRoot)
        let lines = SourceLines(base: result.displayBase ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        var rules: [RuleDescriptor] = []
        var ruleIndex: [String: Int] = [:]
        for rule in result.rules where ruleIndex[rule.id] == nil {
            ruleIndex[rule.id] = rules.count
            rules.append(rule)
        }
        var occurrences: [String: Int] = [:]
        let results: [JSONValue] = result.findings.map { finding in
            var members: [(String, JSONValue)] = [("ruleId", .string(finding.ruleID))]
            if let index = ruleIndex[finding.ruleID] { members.append(("ruleIndex", .int(index))) }
            members.append(("level", .string(finding.severity.sarifLevel)))
            members.append(("message", .object([("text", .string(ReportText.fullMessage(finding, language, notes: false)))])))
            members.append(("locations", .array([.object([("physicalLocation", physicalLocation(finding.location, paths))])])))
            let hash = fingerprint(finding, paths: paths, lines: lines)
            occurrences[hash, default: 0] += 1
            members.append(("partialFingerprints", .object([(Self.fingerprintKey, .string("\(hash):\(occurrences[hash]!)"))])))
            if !finding.notes.isEmpty {
                members.append(("relatedLocations", .array(finding.notes.enumerated().map { index, note in
                    .object([
                        ("id", .int(index + 1)),
                        ("physicalLocation", physicalLocation(note.location, paths)),
                        ("message", .object([("text", .string(note.message.text(in: language)))])),
                    ])
                })))
            }
            return .object(members)
        }
        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", .object([
                ("name", .string(CourseKitInfo.name)),
                ("informationUri", .string(CourseKitInfo.informationURI)),
                ("semanticVersion", .string(CourseKitInfo.version)),
                ("version", .string(CourseKitInfo.version)),
                ("rules", .array(rules.map { rule($0, language) })),
            ]))])),
            ("language", .string(language.rawValue)),
            ("columnKind", .string("unicodeCodePoints")),
        ]
        if let root = paths.sourceRoot {
            let uri = URL(fileURLWithPath: root.path, isDirectory: true).absoluteString
            run.append(("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(uri.hasSuffix("/") ? uri : uri + "/"))]))])))
        }
        run.append(("results", .array(results)))
        return JSONValue.object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ]).rendered()
    }

    private func rule(_ descriptor: RuleDescriptor, _ language: MessageLanguage) -> JSONValue {
        let help = helpURI(descriptor.id)
        let summary = descriptor.summary.text(in: language)
        let full = language == .hi
            ? "\(summary)। डिफ़ॉल्ट गंभीरता: \(descriptor.defaultSeverity.label(in: .hi))। विवरण: \(descriptor.documentationPath)"
            : "\(summary.prefix(1).uppercased() + summary.dropFirst()). Default severity: \(descriptor.defaultSeverity.rawValue). Documentation: \(descriptor.documentationPath)"
        let helpText = language == .hi ? "\(summary)। नियम का पूरा विवरण: \(help)" : "\(summary.prefix(1).uppercased() + summary.dropFirst()). Full description of the rule: \(help)"
        return .object([
            ("id", .string(descriptor.id)),
            ("name", .string(Self.pascalCase(descriptor.id))),
            ("shortDescription", .object([("text", .string(summary))])),
            ("fullDescription", .object([("text", .string(full))])),
            ("helpUri", .string(help)),
            ("help", .object([("text", .string(helpText))])),
            ("defaultConfiguration", .object([("level", .string(descriptor.defaultSeverity.sarifLevel))])),
        ])
    }

    func helpURI(_ id: String) -> String {
        (helpBaseURI.hasSuffix("/") ? helpBaseURI : helpBaseURI + "/") + id + ".md"
    }

    private func physicalLocation(_ location: SourceLocation, _ paths: ReportPaths) -> JSONValue {
        let artifact: JSONValue
        if let relative = paths.relativeToRoot(location.file) {
            artifact = .object([("uri", .string(Self.encodePath(relative))), ("uriBaseId", .string("%SRCROOT%"))])
        } else {
            artifact = .object([("uri", .string(URL(fileURLWithPath: paths.absolute(location.file)).absoluteString))])
        }
        return .object([
            ("artifactLocation", artifact),
            ("region", .object([("startLine", .int(max(location.line, 1))), ("startColumn", .int(max(location.column, 1)))])),
        ])
    }

    /// Characters of a source line that enter its fingerprint.
    static let fingerprintLineLimit = 4_096

    /// SHA-256 of rule id, root-relative path and the trimmed source line, as 32 hex digits.
    /// The caller appends `:n` for the n-th identical hash, as GitHub does for its own.
    private func fingerprint(_ finding: Finding, paths: ReportPaths, lines: SourceLines) -> String {
        // Bounded: a 4 MB one-line file with 200,000 findings must not cost 4 MB per finding.
        let snippet = lines.line(finding.location.line, of: finding.location.file).map {
            $0.prefix(Self.fingerprintLineLimit).trimmingCharacters(in: .whitespacesAndNewlines)
        } ?? ""
        let material = "\(finding.ruleID)\u{0}\(paths.relative(finding.location.file))\u{0}\(snippet)"
        return SHA256.hash(data: Data(material.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// A relative path as a URI reference: each segment percent-encoded (spaces, Devanagari…).
    static func encodePath(_ path: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }

    /// `unused-suppression` → `UnusedSuppression` (SARIF `rule.name`).
    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
