import Foundation

/// The default, human-readable output: `path:line:col: severity[rule]: message`, the source
/// line with a caret under the column, a hint and notes, and a closing summary. Colour only
/// when asked for (on a terminal).
public struct TextReporter: Reporter {
    public var useColor: Bool
    public var sourceBase: URL

    public init(useColor: Bool, sourceBase: URL) {
        self.useColor = useColor
        self.sourceBase = sourceBase
    }

    public func render(_ result: ValidationResult, language: MessageLanguage) -> String {
        let lines = SourceLines(base: sourceBase)
        var out = ""
        for finding in result.findings {
            out += bold("\(finding.location): ")
            out += color(finding.severity, "\(finding.severity.label(in: language))[\(finding.ruleID)]")
            out += bold(": \(finding.message.text(in: language))") + "\n"
            out += snippet(at: finding.location, lines: lines)
            if let hint = finding.hint {
                out += "  " + cyan(ReportText.hintLabel(language) + ":") + " \(hint.text(in: language))\n"
            }
            for note in finding.notes {
                out += "  " + cyan(ReportText.noteLabel(language) + ":") + " \(note.location): \(note.message.text(in: language))\n"
            }
        }
        out += summary(result, language: language) + "\n"
        return out
    }

    func snippet(at location: SourceLocation, lines: SourceLines) -> String {
        guard let line = lines.line(location.line, of: location.file) else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let caretPad = Self.caretPadding(line, column: location.column)
        let shown = line.replacingOccurrences(of: "\r", with: "")
        return " \(number) | \(shown)\n \(gutter) | \(caretPad)" + color(.error, "^") + "\n"
    }

    /// Spaces (and tabs, where the line has tabs) that put a caret under `column`: combining
    /// marks take no cell, so the caret lines up under Devanagari text too.
    static func caretPadding(_ line: Substring, column: Int) -> String {
        var pad = ""
        for scalar in line.unicodeScalars.prefix(max(column - 1, 0)) {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: pad += scalar == "\t" ? "\t" : " "
            }
        }
        return pad
    }

    func summary(_ result: ValidationResult, language: MessageLanguage) -> String {
        ReportText.summary(result, language: language)
    }

    private func bold(_ text: String) -> String { useColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func cyan(_ text: String) -> String { useColor ? "\u{1B}[36m\(text)\u{1B}[0m" : text }
    private func color(_ severity: Severity, _ text: String) -> String {
        guard useColor else { return text }
        let code = switch severity {
        case .error: "31"
        case .warning: "33"
        case .info: "34"
        }
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }
}
