import ArgumentParser
import CourseKit
import Foundation

/// Options shared by commands that report findings.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, json, sarif, junit or github.")
    var format: OutputFormat = .text

    @Option(help: "Language of messages: en or hi (default: from COURSEKIT_LANG / LANG).")
    var lang: MessageLanguage?

    @Option(name: .customLong("fail-severity"), help: "Exit 1 when a finding is at or above this severity: error, warning or info.")
    var failSeverity: Severity = .error

    @Flag(name: .customLong("no-color"), help: "Never colour text output.")
    var noColor = false

    var messageLanguage: MessageLanguage { lang ?? .fromEnvironment() }

    var reporter: any Reporter {
        switch format {
        case .text:
            TextReporter(useColor: !noColor && Terminal.supportsColor, sourceBase: CurrentDirectory.url)
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
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

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
