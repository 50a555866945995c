/// An inline suppression written in a source file:
///
/// ```yaml
/// # coursekit-disable-next-line schema-reference -- generated file, schema line added on export
/// # coursekit-disable-file missing-translation -- Urdu edition follows in March
/// ```
/// ```markdown
/// <!-- coursekit-disable-next-line broken-link -- link target is published separately -->
/// ```
/// Several rule ids may be given, separated by commas. The reason after ` -- ` is required.
public struct Suppression: Sendable, Hashable, Codable {
    public enum Scope: Sendable, Hashable, Codable {
        /// Findings on this line (the first line after the directive that is not itself a directive).
        case line(Int)
        /// Findings anywhere in the file.
        case file
    }

    public var ruleID: String
    /// The reason, nil when none was written.
    public var reason: String?
    public var scope: Scope
    /// Where the rule id is written in the directive.
    public var location: SourceLocation

    public init(ruleID: String, reason: String?, scope: Scope, location: SourceLocation) {
        self.ruleID = ruleID
        self.reason = reason
        self.scope = scope
        self.location = location
    }

    public func covers(_ finding: Finding) -> Bool {
        guard finding.ruleID == ruleID, finding.location.file == location.file else { return false }
        switch scope {
        case .file: return true
        case .line(let line): return finding.location.line == line
        }
    }
}

/// Finds suppression directives in a file's text with a cheap line scan: YAML `#` comments
/// (outside quoted strings), and in Markdown `<!-- … -->` comments (outside fenced code blocks)
/// and `#` comments in the front matter.
public enum SuppressionScanner {
    static let marker = "coursekit-disable-"
    static let markerBytes = Array(marker.utf8)
    static let nextLine = "coursekit-disable-next-line"
    static let wholeFile = "coursekit-disable-file"
    /// Most directives read from one file; past it the file is reported (`input-limit`) and
    /// the rest are ignored. A real file needs a handful.
    public static let maximumPerFile = 1_000

    public static func scan(_ text: String, file: String, markdown: Bool) -> [Suppression] {
        scanWithLimit(text, file: file, markdown: markdown).suppressions
    }

    /// The suppressions, and an `input-limit` finding when the file has more than
    /// `maximumPerFile` directives (those past the limit are ignored).
    public static func scanWithLimit(_ text: String, file: String, markdown: Bool) -> (suppressions: [Suppression], limit: Finding?) {
        guard text.contains(marker) else { return ([], nil) }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var directives: [(line: Int, column: Int, body: Substring)] = []
        var inFrontMatter = false, fence: Substring?
        for (index, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if markdown {
                if index == 0, trimmed.trimmingSpaces == "---" { inFrontMatter = true; continue }
                if inFrontMatter {
                    if trimmed.trimmingSpaces == "---" || trimmed.trimmingSpaces == "..." { inFrontMatter = false; continue }
                } else {
                    if let open = fence {
                        if trimmed.hasPrefix(open) { fence = nil }
                        continue
                    }
                    if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                        fence = trimmed.prefix(3)
                        continue
                    }
                }
            }
            guard line.contains(marker) else { continue }
            let comment = markdown && !inFrontMatter ? htmlComment(in: line) : yamlComment(in: line)
            guard let comment else { continue }
            let body = comment.drop { $0 == " " || $0 == "\t" }
            guard body.hasPrefix(marker) else { continue }
            let column = line[..<body.startIndex].unicodeScalars.count + 1
            directives.append((index + 1, column, body))
            if directives.count > maximumPerFile { break }
        }
        var limit: Finding?
        if directives.count > maximumPerFile, let last = directives.popLast() {
            limit = Finding(.inputLimit, at: SourceLocation(file: file, line: last.line, column: last.column), LocalizedText(
                en: "the file has more than \(maximumPerFile) suppression comments; this one and those after it are ignored",
                hi: "फ़ाइल में \(maximumPerFile) से अधिक छूट-टिप्पणियाँ हैं; यह और इसके बाद की अनदेखी की जाती हैं"))
        }
        // The line each directive applies to, in one backward pass: 60,000 stacked directives
        // were quadratic when each walked down over the others.
        var targets = [Int](repeating: 0, count: directives.count)
        for index in directives.indices.reversed() {
            let next = directives[index].line + 1
            targets[index] = index + 1 < directives.count && directives[index + 1].line == next ? targets[index + 1] : next
        }
        var result: [Suppression] = []
        for (position, directive) in directives.enumerated() {
            let scope: Suppression.Scope
            var rest: Substring
            if directive.body.hasPrefix(nextLine) {
                scope = .line(targets[position])
                rest = directive.body.dropFirst(nextLine.count)
            } else if directive.body.hasPrefix(wholeFile) {
                scope = .file
                rest = directive.body.dropFirst(wholeFile.count)
            } else {
                continue
            }
            // The keyword must end here (`coursekit-disable-filex` is not a directive).
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { continue }
            var reason: String?
            if let separator = rest.range(of: " --") {
                let text = rest[separator.upperBound...].trimmingSpaces
                reason = text.isEmpty ? nil : String(text)
                rest = rest[..<separator.lowerBound]
            }
            var offset = directive.column - 1 + directive.body.distance(from: directive.body.startIndex, to: rest.startIndex)
            for part in rest.split(separator: ",", omittingEmptySubsequences: false) {
                let id = part.trimmingSpaces
                let leading = part.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count
                if !id.isEmpty {
                    result.append(Suppression(
                        ruleID: String(id), reason: reason, scope: scope,
                        location: SourceLocation(file: file, line: directive.line, column: offset + leading + 1)))
                }
                offset += part.unicodeScalars.count + 1
            }
            if rest.trimmingSpaces.isEmpty {
                // A directive naming no rule: reported as naming an unknown (empty) rule.
                result.append(Suppression(
                    ruleID: "", reason: reason, scope: scope,
                    location: SourceLocation(file: file, line: directive.line, column: directive.column)))
            }
        }
        return (result, limit)
    }

    /// The text after the `#` that starts a YAML comment, if any: a `#` at the start of the line
    /// or after a space, outside single- and double-quoted strings.
    static func yamlComment(in line: Substring) -> Substring? {
        var quote: Character?
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == "\\" && open == "\"" {
                    index = line.index(after: index)
                    if index < line.endIndex { index = line.index(after: index) }
                    previous = "x"
                    continue
                }
                if character == open {
                    let next = line.index(after: index)
                    if open == "'", next < line.endIndex, line[next] == "'" {
                        // `''` is an escaped quote inside a single-quoted string.
                        index = line.index(after: next)
                        continue
                    }
                    quote = nil
                }
            } else if character == "#" && (previous == " " || previous == "\t") {
                return line[line.index(after: index)...]
            } else if (character == "\"" || character == "'") && (previous == " " || previous == "\t" || previous == ":"
                || previous == "[" || previous == "{" || previous == "," || previous == "-") {
                quote = character
            }
            previous = character
            index = line.index(after: index)
        }
        return nil
    }

    /// The inside of the first `<!-- … -->` on the line that holds a directive.
    static func htmlComment(in line: Substring) -> Substring? {
        var search = line[...]
        while let open = search.range(of: "<!--") {
            let after = search[open.upperBound...]
            let close = after.range(of: "-->")
            let inside = close.map { after[..<$0.lowerBound] } ?? after
            if inside.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(marker) { return inside }
            guard let close else { return nil }
            search = after[close.upperBound...]
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        return self[first...last]
    }
}
