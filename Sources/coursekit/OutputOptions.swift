import ArgumentParser
import CourseKit
import Foundation

/// Options shared by commands that report findings.
struct OutputOptions: ParsableArguments {
    /// Help of `--fail-severity` and `--source-root`, shared with `pack` (which declares its own
    /// options, because its `--format` also chooses package formats).
    static let failSeverityHelp = HelpLanguage.text("Exit 1 when a finding is at or above this severity: error, warning or info (default: failSeverity in coursekit.yaml, else error).", "इस गंभीरता या उससे ऊपर की समस्या पर निकास-स्थिति 1: error, warning या info (डिफ़ॉल्ट: coursekit.yaml का failSeverity, अन्यथा error)।")
    static let sourceRootHelp = HelpLanguage.text("Folder that paths in SARIF, JUnit and GitHub output are relative to (default: $GITHUB_WORKSPACE or $CI_PROJECT_DIR when the repository lies inside it, else the repository root).", "वह फ़ोल्डर जिसके सापेक्ष SARIF, JUnit और GitHub आउटपुट के पथ हों (डिफ़ॉल्ट: $GITHUB_WORKSPACE या $CI_PROJECT_DIR यदि रिपॉज़िटरी उसके भीतर है, अन्यथा रिपॉज़िटरी का मूल)।")

    @Option(help: .init(HelpLanguage.text("Output format: text, json, sarif, junit or github.", "आउटपुट का प्रारूप: text, json, sarif, junit या github।")))
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-severity"), help: .init(Self.failSeverityHelp))
    var failSeverity: Severity?

    @Option(name: .customLong("source-root"), help: .init(Self.sourceRootHelp))
    var sourceRoot: String?

    @Flag(name: .customLong("no-color"), help: .init(HelpLanguage.text("Never colour text output.", "पाठ आउटपुट में कभी रंग न दिखाएँ।")))
    var noColor = false

    @Flag(name: [.customShort("q"), .long], help: .init(HelpLanguage.text("Print only findings: no summary line, no progress, no list of files written.", "केवल समस्याएँ दिखाएँ: न सारांश पंक्ति, न प्रगति, न लिखी गई फ़ाइलों की सूची।")))
    var quiet = false

    /// The rendered report; with --quiet, text output loses its closing summary line.
    func shown(_ rendered: String) -> String {
        guard quiet, format == .text else { return rendered }
        var lines = rendered.components(separatedBy: "\n")
        while lines.last == "" { lines.removeLast() }
        if !lines.isEmpty { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    func reporter(failSeverity: Severity, configuration: Configuration, result: ValidationResult) -> any Reporter {
        let root = sourceRootURL(result)
        return switch format {
        case .text: TextReporter(useColor: !noColor && Terminal.supportsColor, sourceBase: CurrentDirectory.url)
        case .json: JSONReporter(failSeverity: failSeverity, displayBase: CurrentDirectory.url)
        case .sarif: SARIFReporter(helpBaseURI: configuration.helpBaseURI, sourceRoot: root)
        case .junit: JUnitReporter(failSeverity: failSeverity, sourceRoot: root)
        case .github: GitHubReporter(failSeverity: failSeverity, sourceRoot: root)
        }
    }

    /// `--source-root`, else a CI workspace that holds the repository, else the repository root.
    func sourceRootURL(_ result: ValidationResult) -> URL? {
        if let sourceRoot {
            return sourceRoot.hasPrefix("/") ? URL(fileURLWithPath: sourceRoot) : CurrentDirectory.url.appendingPathComponent(sourceRoot)
        }
        let environment = ProcessInfo.processInfo.environment
        for key in ["GITHUB_WORKSPACE", "CI_PROJECT_DIR"] {
            guard let value = environment[key], !value.isEmpty, let repository = result.repositoryRoot else { continue }
            let workspace = URL(fileURLWithPath: value).standardizedFileURL.resolvingSymlinksInPath()
            if repository.path == workspace.path || repository.path.hasPrefix(workspace.path + "/") { return workspace }
        }
        return nil
    }
}

/// `--lang en|hi`: the language of messages (default: from COURSEKIT_LANG / LANG).
struct LanguageOption: ParsableArguments {
    @Option(help: .init(HelpLanguage.text("Language of messages: en or hi (default: from COURSEKIT_LANG / LANG).", "संदेशों की भाषा: en या hi (डिफ़ॉल्ट: COURSEKIT_LANG / LANG से)।")))
    var lang: MessageLanguage?

    var messageLanguage: MessageLanguage { lang ?? .fromEnvironment() }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case sarif
    case junit
    case github
}

extension MessageLanguage: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

enum CurrentDirectory {
    static var url: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }
}

/// A progress line on standard error while a long run works: only on a terminal, never when
/// `CI` is set or with --quiet; erased when the run ends.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = false
    private var last = Date.distantPast
    private let language: MessageLanguage

    init(language: MessageLanguage) {
        self.language = language
    }

    static func wanted(quiet: Bool) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        return !quiet && isatty(STDERR_FILENO) == 1 && (environment["CI"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// The callback for `Validator.progress`, or nil when no progress line is wanted.
    static func make(quiet: Bool, language: MessageLanguage) -> (ProgressLine, @Sendable (Int, Int) -> Void)? {
        guard wanted(quiet: quiet) else { return nil }
        let line = ProgressLine(language: language)
        return (line, { done, total in line.update(done, total) })
    }

    func update(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard total > 1, Date().timeIntervalSince(last) > 0.1 || done == total else { return }
        last = Date()
        shown = true
        let percent = done * 100 / max(total, 1)
        let text = language == .hi ? "जाँच जारी: \(percent)% (\(done)/\(total) समूह)" : "checking: \(percent)% (\(done)/\(total) batches)"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}

/// Standard output and error, and whether colour is wanted.
enum Terminal {
    static var supportsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Messages quote file names, link targets and archive entries: they go through the one
    /// terminal-escaping function (a trailing line break is the only one kept).
    static func writeError(_ text: String) {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        FileHandle.standardError.write(Data((TerminalText.escape(body) + "\n").utf8))
    }

    /// A message of several lines (coursekit's own layout): each line escaped on its own.
    static func writeErrorLines(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { writeError(String(line)) }
    }
}
