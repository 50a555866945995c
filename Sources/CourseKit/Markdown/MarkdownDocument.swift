import CCmarkGFM
import Foundation

/// A parsed Markdown lesson: its optional YAML front matter, and what the checks and the
/// renderer need from the cmark-gfm tree (links, images, headings) with their positions in the
/// original file, front matter included.
public struct MarkdownDocument: Sendable {
    /// A link or image target found in the text.
    public struct Reference: Sendable, Hashable {
        public enum Kind: String, Sendable { case link, image }
        public var kind: Kind
        public var destination: String
        /// The alt text of an image, or the text of a link.
        public var text: String
        public var location: SourceLocation
    }

    /// A heading, for checking that levels go in order.
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var location: SourceLocation
    }

    public var path: String
    /// The front matter, if the file starts with a `---` block.
    public var frontMatter: LocatedValue?
    /// The Markdown after the front matter.
    public var body: String
    /// Lines taken by the front matter (added to cmark's line numbers).
    public var bodyLineOffset: Int
    public var references: [Reference]
    public var headings: [Heading]
    /// Number of words in the body, for reading-time estimates.
    public var wordCount: Int
    /// Links and images past `maximumReferences`, not checked (reported as `input-limit`).
    public var omittedReferences: Int = 0

    /// Most links and images (and headings) checked in one lesson.
    public static let maximumReferences = 10_000
    /// Most table cells (header width × rows, summed over tables) rendered as tables in one
    /// lesson; past it, tables stay plain text and the lesson is reported (`input-limit`).
    public static let maximumTableCells = 200_000
    /// True when the lesson's tables were over `maximumTableCells`.
    public var tablesOmitted: Bool = false

    /// Splits front matter from body. Returns the front-matter YAML text (without the fences),
    /// the body and the number of lines before the body.
    static func splitFrontMatter(_ text: String) -> (yaml: String?, body: String, offset: Int) {
        // Works on UTF-8 lines, one at a time: the front matter is at the top, so the body is
        // never split (grapheme-aware splitting is needlessly slow for this).
        let utf8 = text.utf8
        // `---`, with any spaces, tabs or carriage returns around or between the dashes.
        func isFence(_ line: Substring.UTF8View.SubSequence) -> Bool {
            var dashes = 0
            for byte in line {
                switch byte {
                case UInt8(ascii: "-"):
                    dashes += 1
                    if dashes > 3 { return false }
                case UInt8(ascii: " "), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
                default: return false
                }
            }
            return dashes == 3
        }
        var start = utf8.startIndex, index = 0
        var firstEnd = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = Substring(utf8[start..<end]).utf8
            if index == 0 {
                guard isFence(line) else { return (nil, text, 0) }
                firstEnd = end
            } else if isFence(line) || line.elementsEqual("...".utf8) {
                let yamlStart = firstEnd < utf8.endIndex ? utf8.index(after: firstEnd) : firstEnd
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return (String(text[yamlStart..<start]), String(text[bodyStart...]), index + 1)
            }
            guard end < utf8.endIndex else { return (nil, text, 0) }
            start = utf8.index(after: end)
            index += 1
        }
    }

    /// Parses a lesson. Front-matter YAML errors are thrown with their real line numbers.
    public static func parse(text: String, path: String) throws(DocumentLoadError) -> MarkdownDocument {
        let (yaml, body, offset) = splitFrontMatter(text)
        var frontMatter: LocatedValue?
        if let yaml {
            // Pad with blank lines so YAML marks carry the file's own line numbers.
            let padded = "\n" + yaml
            frontMatter = try YAMLDocumentLoader().load(text: padded, path: path)
        }
        // cmark-gfm pads every table row to the header's width: 50,000 columns × 5,000 short
        // rows (200 KB of text) took 13 GB. Past the limit, tables are left as plain text.
        let tables = Self.tableCells(body) <= Self.maximumTableCells
        let tree = CmarkTree(markdown: body, tables: tables)
        defer { tree.free() }
        var references: [Reference] = []
        var headings: [Heading] = []
        var omittedReferences = 0
        // Built on the first node that does not start a line (many lessons have none).
        var columns: ColumnMapper?
        tree.walk { node in
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node))
            let byteColumn = Int(cmark_node_get_start_column(node))
            func location() -> SourceLocation {
                var column = max(byteColumn, 1)
                if byteColumn > 1 {
                    let mapper = columns ?? ColumnMapper(text: body)
                    columns = mapper
                    column = mapper.scalarColumn(byteColumn: byteColumn, line: line)
                }
                return SourceLocation(file: path, line: line + offset, column: column)
            }
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard references.count < Self.maximumReferences else { omittedReferences += 1; return }
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                references.append(Reference(
                    kind: type == CMARK_NODE_IMAGE ? .image : .link, destination: url,
                    text: CmarkTree.plainText(of: node), location: location()))
            case CMARK_NODE_HEADING:
                guard headings.count < Self.maximumReferences else { return }
                headings.append(Heading(
                    level: Int(cmark_node_get_heading_level(node)), text: CmarkTree.plainText(of: node),
                    location: location()))
            default: break
            }
        }
        let words = Self.countWords(body)
        var document = MarkdownDocument(
            path: path, frontMatter: frontMatter, body: body, bodyLineOffset: offset,
            references: references, headings: headings, wordCount: words)
        document.omittedReferences = omittedReferences
        document.tablesOmitted = !tables
        return document
    }

    /// Renders the body to an HTML fragment through cmark-gfm (tables, task lists, autolinks,
    /// strikethrough). Raw HTML in the source is not passed through.
    /// Images that would load from the network are removed (see `LessonImages`).
    public func renderHTML() -> String {
        LessonImages.removingRemoteImages(CmarkTree.renderHTML(body, tables: !tablesOmitted && Self.tableCells(body) <= Self.maximumTableCells))
    }

    /// An upper bound on the cells cmark-gfm would build for the tables in `text`: for each
    /// delimiter row (`| --- | :-: |`), its column count times the lines that follow it up to a
    /// blank line. One linear pass over the bytes, which skips the rest of a line from its first
    /// byte that cannot be in a delimiter row (most lines: a letter).
    static func tableCells(_ text: String) -> Int {
        var text = text
        return text.withUTF8(tableCells(bytes:))
    }

    private static func tableCells(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var total = 0
        var columns = 0  // of the table being read, 0 outside tables
        var dashes = 0, runs = 0, pipes = 0, other = false, inRun = false, blank = true
        // One pass; each line is judged at its end (a `\n` or the end of the text).
        var index = 0
        while index <= bytes.count {
            let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
            index += 1
            switch byte {
            case UInt8(ascii: "\n"):
                if blank {
                    columns = 0
                } else if !other && dashes > 0 && (pipes > 0 || runs > 1) {
                    columns = max(runs, 1)
                    total = total.addingReportingOverflow(columns * 2).overflow ? Int.max : total + columns * 2
                } else if columns > 0 {
                    total = total.addingReportingOverflow(columns).overflow ? Int.max : total + columns
                }
                dashes = 0; runs = 0; pipes = 0; other = false; inRun = false; blank = true
            case UInt8(ascii: "-"):
                if !inRun { runs += 1; inRun = true }
                dashes += 1; blank = false
            case UInt8(ascii: "|"): pipes += 1; inRun = false; blank = false
            case UInt8(ascii: ":"): inRun = false; blank = false
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): inRun = false
            default:
                // Not a delimiter row, not blank: nothing else on the line changes its judgement.
                other = true; blank = false
                index = ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: index) ?? bytes.count
            }
        }
        return total
    }

    /// Words separated by ASCII white space (a fast count for reading-time estimates): the
    /// bytes that are not white space and follow white space or start the text, counted without
    /// a branch: each byte is tested once, against a bit mask of the four white-space bytes.
    static func countWords(_ text: String) -> Int {
        // Bits 9 (tab), 10 (line feed), 13 (carriage return) and 32 (space).
        let spaces: UInt64 = 1 << 9 | 1 << 10 | 1 << 13 | 1 << 32
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var afterSpace: UInt64 = 1  // the text's start counts as white space
            for byte in bytes {
                let space = byte < 64 ? spaces >> UInt64(byte) & 1 : 0
                count &+= Int(afterSpace & (space ^ 1))
                afterSpace = space
            }
            return count
        }
    }

    /// cmark reports 1-based byte columns; diagnostics count Unicode scalars. (One-off use;
    /// parsing uses `ColumnMapper`, which is incremental.)
    static func scalarColumn(byteColumn: Int, in lines: [Substring], line: Int) -> Int {
        guard line >= 1, line <= lines.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let utf8 = lines[line - 1].utf8
        let prefixEnd = utf8.index(utf8.startIndex, offsetBy: min(byteColumn - 1, utf8.count))
        let prefix = Substring(utf8[utf8.startIndex..<prefixEnd])
        return prefix.unicodeScalars.count + 1
    }
}

/// Converts cmark's byte columns to scalar columns incrementally: nodes come in document
/// order, so on one line each conversion continues from the previous one. 200,000 links on
/// one line cost one pass over the line, not 200,000.
final class ColumnMapper {
    private let bytes: [UInt8]
    /// The byte offset where each line starts (lines end at `\n`).
    private let lineStarts: [Int]
    private var line = 0
    private var byteOffset = 0
    private var scalarCount = 0

    init(text: String) {
        bytes = Array(text.utf8)
        lineStarts = [0] + ByteSearch.offsetsAfter(UInt8(ascii: "\n"), in: bytes)
    }

    func scalarColumn(byteColumn: Int, line number: Int) -> Int {
        guard number >= 1, number <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        let target = min(byteColumn - 1, end - start)
        if number != line || target < byteOffset {
            line = number
            byteOffset = 0
            scalarCount = 0
        }
        while byteOffset < target {
            // A scalar starts at every byte that is not a UTF-8 continuation byte.
            if bytes[start + byteOffset] & 0xC0 != 0x80 { scalarCount += 1 }
            byteOffset += 1
        }
        return scalarCount + 1
    }
}
