import ArgumentParser
import CourseKit
import Foundation

/// Options shared by commands that report findings.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, json, sarif, junit or github.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-severity"), help: "Exit 1 when a finding is at or above this severity: error, warning or info (default: failSeverity in coursekit.yaml, else error).")
    var failSeverity: Severity?

    @Option(name: .customLong("source-root"), help: "Folder that paths in SARIF, JUnit and GitHub output are relative to (default: $GITHUB_WORKSPACE or $CI_PROJECT_DIR when the repository lies inside it, else the repository root).")
    var sourceRoot: String?

    @Flag(name: .customLong("no-color"), help: "Never colour text output.")
    var noColor = false

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
    @Option(help: "Language of messages: en or hi (default: from COURSEKIT_LANG / LANG).")
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
}
