import Foundation

/// The text learners read, with a way back to the exact `line:col` of anything found in it:
/// Markdown lessons line by line (outside fenced code and front matter) and the translatable
/// fields of YAML files. Used by the rules that look inside the words (glossary, domains).
struct SourceTexts {
    /// A piece of text in one language.
    struct Span {
        var text: String
        var language: String
        /// The file it is in, read again only to place a match inside a YAML scalar.
        var path: RepositoryPath
        /// Where the text starts. For a Markdown line it is copied verbatim from there; for a
        /// YAML value it is the start of the scalar.
        var start: SourceLocation
        var verbatim: Bool
    }

    let repository: Repository
    private var cache: [RepositoryPath: RawLines] = [:]

    init(repository: Repository) {
        self.repository = repository
    }

    mutating func raw(_ path: RepositoryPath, display: String) -> RawLines? {
        if let cached = cache[path] { return cached }
        guard let data = try? repository.read(path), let text = String(validating: data, as: UTF8.self) else { return nil }
        let lines = RawLines(text: text, file: display)
        cache[path] = lines
        return lines
    }

    /// Where `literal`, found at scalar `offset` of a span's text, is in its file.
    mutating func location(of literal: String, at offset: Int, in span: Span) -> SourceLocation {
        if span.verbatim { return SourceLocation(file: span.start.file, line: span.start.line, column: span.start.column + offset) }
        return raw(span.path, display: span.start.file)?.locate(literal, from: span.start) ?? span.start
    }

    /// Every Markdown lesson edition of the catalogue once, in a stable order.
    static func lessonEditions(_ catalogue: Catalogue) -> [LessonEdition] {
        var seen: Set<RepositoryPath> = []
        return (catalogue.sortedModules.flatMap { $0.lessons.flatMap(\.editions) } + catalogue.looseLessons)
            .filter { $0.markdown != nil && seen.insert($0.path).inserted }
    }

    /// The body lines of a lesson edition, outside fenced code blocks (without `body`, none);
    /// and its front matter's `title` and `summary`.
    func spans(of edition: LessonEdition, body: Bool = true) -> [Span] {
        guard let document = edition.markdown else { return [] }
        var spans: [Span] = []
        for key in ["title", "summary"] {
            if let value = document.frontMatter?[key], let text = value.string {
                spans.append(Span(text: text, language: edition.language, path: edition.path, start: value.location, verbatim: false))
            }
        }
        // The body as parsed: its lines are the file's lines after the front matter.
        guard body else { return spans }
        Self.bodyLines(of: document) { line, lineNumber in
            spans.append(Span(
                text: String(line.hasSuffix("\r") ? line.dropLast() : line), language: edition.language, path: edition.path,
                start: SourceLocation(file: document.path, line: lineNumber, column: 1), verbatim: true))
        }
        return spans
    }

    /// Where each scalar offset of a lesson's body (ascending, as `ExampleDomainReserved.domains`
    /// gives them for the whole body) is in its file; nil for an offset in fenced code, which
    /// `spans(of:)` leaves out. Spares making a span of every line to place a few matches.
    static func bodyLocations(of document: MarkdownDocument, offsets: [Int]) -> [SourceLocation?] {
        var locations = [SourceLocation?](repeating: nil, count: offsets.count)
        var body = document.body
        body.withUTF8 { bytes in
            var next = 0, firstScalar = 0, lineNumber = document.bodyLineOffset + 1, start = 0
            var fence: String?
            // Lines up to the last offset only; scalars are the bytes that start one.
            while next < offsets.count, start <= bytes.count {
                let end = ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: start) ?? bytes.count
                var scalars = 0
                for index in start..<end where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
                let inCode = fenced(UnsafeBufferPointer(rebasing: bytes[start..<end]), fence: &fence)
                while next < offsets.count, offsets[next] <= firstScalar + scalars {
                    if !inCode, offsets[next] >= firstScalar {
                        locations[next] = SourceLocation(file: document.path, line: lineNumber, column: offsets[next] - firstScalar + 1)
                    }
                    next += 1
                }
                firstScalar += scalars + 1
                lineNumber += 1
                start = end + 1
            }
        }
        return locations
    }

    /// Whether a body line (as bytes) is fenced code or a fence, updating the open fence.
    /// Only a line whose bytes start (after spaces) with three backticks or tildes can open or
    /// close a fence; those few get `isFenceOrCode`, the test `bodyLines` applies to every line.
    private static func fenced(_ line: UnsafeBufferPointer<UInt8>, fence: inout String?) -> Bool {
        var first = 0
        while first < line.count, line[first] == UInt8(ascii: " ") { first += 1 }
        let marker = first + 3 <= line.count && line[first] == line[first + 1] && line[first] == line[first + 2]
            && (line[first] == UInt8(ascii: "`") || line[first] == UInt8(ascii: "~"))
        guard marker else { return fence != nil }
        return isFenceOrCode(Substring(String(decoding: line, as: UTF8.self)), fence: &fence)
    }

    /// Whether a body line is fenced code or a fence (an opening or closing ``` or ~~~),
    /// updating the open fence.
    private static func isFenceOrCode(_ line: Substring, fence: inout String?) -> Bool {
        let trimmed = line.drop { $0 == " " }
        if let open = fence {
            if trimmed.hasPrefix(open) { fence = nil }
            return true
        }
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fence = String(trimmed.prefix(3)); return true }
        return false
    }

    /// The body's lines outside fenced code blocks, with their line numbers in the file. Lines
    /// are cut on UTF-8 bytes as `MarkdownDocument` counts them (a `Character` split is slow and
    /// keeps a CRLF pair whole, so a CRLF file was one span).
    private static func bodyLines(of document: MarkdownDocument, _ body: (Substring, _ line: Int) -> Void) {
        var fence: String?
        for (index, bytes) in document.body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes)
            if isFenceOrCode(line, fence: &fence) { continue }
            body(line, document.bodyLineOffset + index + 1)
        }
    }

    /// The translatable fields of a YAML file: each language's text (or each item of a list),
    /// those whose text passes `keeping`.
    func spans(of file: SourceFile, keeping: (String) -> Bool = { _ in true }) -> [Span] {
        guard file.loaded else { return [] }
        var spans: [Span] = []
        for field in file.translatableFields {
            for entry in field.object.entries {
                let values = entry.value.string != nil ? [entry.value] : (entry.value.array ?? [])
                for value in values {
                    guard let text = value.string, keeping(text) else { continue }
                    spans.append(Span(text: text, language: entry.key, path: file.path, start: value.location, verbatim: false))
                }
            }
        }
        return spans
    }
}

/// A file's lines, to find where a piece of a YAML scalar is written.
struct RawLines {
    let lines: [Substring]
    let file: String

    init(text: String, file: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        self.file = file
    }

    /// The first place at or after `start` (within the next 400 lines) where `literal` is
    /// written, in Unicode scalars.
    func locate(_ literal: String, from start: SourceLocation) -> SourceLocation? {
        let first = max(start.line - 1, 0)
        guard first < lines.count else { return nil }
        for index in first..<min(lines.count, first + 400) {
            let line = String(lines[index])
            let scalars = Array(line.unicodeScalars)
            let needle = Array(literal.unicodeScalars)
            let from = index == first ? max(start.column - 1, 0) : 0
            guard !needle.isEmpty, scalars.count >= needle.count, from <= scalars.count - needle.count else { continue }
            for offset in from...(scalars.count - needle.count) where scalars[offset..<(offset + needle.count)].elementsEqual(needle) {
                return SourceLocation(file: file, line: index + 1, column: offset + 1)
            }
        }
        return nil
    }
}
