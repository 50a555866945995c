import ArgumentParser
import CourseKit
import Foundation

/// The language of `--help`: Hindi when `--lang hi` is on the command line, else when the
/// environment asks for Hindi (COURSEKIT_LANG, LC_ALL, LC_MESSAGES, LANG), as for messages.
/// swift-argument-parser builds help from the strings given to it, so coursekit's own texts are
/// chosen here; its fixed headings (USAGE, OPTIONS, …) are translated in `localizedHelp`.
enum HelpLanguage {
    static let current: MessageLanguage = {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count, let language = MessageLanguage(rawValue: arguments[index + 1]) {
                return language
            }
            if argument.hasPrefix("--lang="), let language = MessageLanguage(rawValue: String(argument.dropFirst(7))) {
                return language
            }
        }
        return .fromEnvironment()
    }()

    static func text(_ english: String, _ hindi: String) -> String {
        current == .hi ? hindi : english
    }

    /// argument-parser's fixed English parts of a help screen, in Hindi.
    static func localizedHelp(_ message: String) -> String {
        guard current == .hi else { return message }
        let replacements: [(String, String)] = [
            ("OVERVIEW:", "परिचय:"),
            ("USAGE:", "उपयोग:"),
            ("ARGUMENTS:", "तर्क:"),
            ("OPTIONS:", "विकल्प:"),
            ("SUBCOMMANDS:", "उप-आदेश:"),
            ("Show help information.", "सहायता दिखाएँ।"),
            ("Show the version.", "संस्करण दिखाएँ।"),
            ("(default: ", "(डिफ़ॉल्ट: "),
            ("; default: ", "; डिफ़ॉल्ट: "),
            ("(values: ", "(मान: "),
            ("  See 'coursekit help <subcommand>' for detailed help.", "  किसी उप-आदेश की पूरी सहायता: 'coursekit help <उप-आदेश>'।"),
        ]
        var text = message
        for (english, hindi) in replacements { text = text.replacingOccurrences(of: english, with: hindi) }
        return text
    }
}
