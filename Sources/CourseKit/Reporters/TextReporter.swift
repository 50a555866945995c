import Foundation

/// The default, human-readable output: `path:line:col: severity[rule]: message`, the source
/// line with a caret under the column, a hint and notes, and a closing summary. Colour only
/// when asked for (on a terminal).
public struct TextReporter: Reporter {
    public var useColor: Bool
    /// The folder paths are shown relative to (the working directory).
    public var sourceBase: URL

    public init(useColor: Bool, sourceBase: URL) {
        self.useColor = useColor
        self.sourceBase = sourceBase
    }

    public func render(_ result: ValidationResult, language: MessageLanguage) -> String {
        let lines = SourceLines(base: result.displayBase ?? sourceBase)
        let paths = ReportPaths(result: result)
        var out = ""
        for finding in result.findings {
            // Everything from the sources (names, messages quoting them) goes through the one
            // terminal-escaping function: a name cannot forge lines or send escape sequences.
            let safe = { (text: String) in TerminalText.escape(text) }
            out += bold(safe("\(paths.shown(finding.location, from: sourceBase))") + ": ")
            out += color(finding.severity, "\(finding.severity.label(in: language))[\(safe(finding.ruleID))]")
            out += bold(": " + safe(finding.message.text(in: language))) + "\n"
            out += snippet(at: finding.location, lines: lines)
            if let hint = finding.hint {
                out += "  " + cyan(ReportText.hintLabel(language) + ":") + " " + safe(hint.text(in: language)) + "\n"
            }
            for note in finding.notes {
                out += "  " + cyan(ReportText.noteLabel(language) + ":") + " " + safe("\(paths.shown(note.location, from: sourceBase)): \(note.message.text(in: language))") + "\n"
            }
        }
        out += summary(result, language: language) + "\n"
        return out
    }

    func snippet(at location: SourceLocation, lines: SourceLines) -> String {
        guard let line = lines.lineInfo(location.line, of: location.file) else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let (window, column) = Self.window(of: line, around: location.column)
        let caretPad = Self.caretPadding(window, column: column)
        let shown = TerminalText.escape(window.replacingOccurrences(of: "\r", with: ""), keepTabs: true)
        return " \(number) | \(shown)\n \(gutter) | \(caretPad)" + color(.error, "^") + "\n"
    }

    /// Very long lines (minified YAML, one-line Markdown) are cut to a window around the column,
    /// marked with "…", so a snippet stays one screen line.
    static func window(of line: Substring, around column: Int, width: Int = 160) -> (Substring, Int) {
        window(of: SourceLines.Line(line), around: column, width: width)
    }

    /// Costs O(width), not O(line length): `SourceLines` keeps long lines as scalar arrays, so
    /// 200,000 findings on one 4 MB line stay linear.
    static func window(of line: SourceLines.Line, around column: Int, width: Int = 160) -> (Substring, Int) {
        guard line.scalarCount > width else { return (line.text, column) }
        let scalarCount = line.scalarCount
        let start = max(0, min(column - 1 - width / 3, scalarCount - width))
        let end = min(scalarCount, start + width)
        var text = line.scalars(start..<end)
        var shift = start
        if start > 0 { text = "…" + text; shift -= 1 }
        if end < scalarCount { text += "…" }
        return (Substring(text), column - shift)
    }

    /// Spaces (and tabs, where the line has tabs) that put a caret under `column`: combining
    /// marks take no cell, so the caret lines up under Devanagari text too.
    static func caretPadding(_ line: Substring, column: Int) -> String {
        var pad = ""
        for scalar in line.unicodeScalars.prefix(max(column - 1, 0)) {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: pad += scalar == "\t" ? "\t" : (Self.isWide(scalar) ? "  " : " ")
            }
        }
        return pad
    }

    /// Characters a terminal shows in two cells (East Asian wide and full-width, emoji).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD: true
        default: false
        }
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
