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

    /// Splits front matter from body. Returns the front-matter YAML text (without the fences),
    /// the body and the number of lines before the body.
    static func splitFrontMatter(_ text: String) -> (yaml: String?, body: String, offset: Int) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return (nil, text, 0)
        }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" || $0 == "..." }) else {
            return (nil, text, 0)
        }
        let yaml = lines[..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (yaml, body, end + 2)
    }

    /// Parses a lesson. Front-matter YAML errors are thrown with their real line numbers.
    public static func parse(text: String, path: String) throws(DocumentLoadError) -> MarkdownDocument {
        let (yaml, body, offset) = splitFrontMatter(text)
        var frontMatter: LocatedValue?
        if let yaml {
            // Pad with blank lines so YAML marks carry the file's own line numbers.
            let padded = String(repeating: "\n", count: 1) + yaml
            frontMatter = try YAMLDocumentLoader().load(text: padded, path: path)
        }
        let tree = CmarkTree(markdown: body)
        defer { tree.free() }
        let bodyLines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var references: [Reference] = []
        var headings: [Heading] = []
        tree.walk { node in
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node))
            let byteColumn = Int(cmark_node_get_start_column(node))
            func location() -> SourceLocation {
                SourceLocation(
                    file: path, line: line + offset,
                    column: Self.scalarColumn(byteColumn: byteColumn, in: bodyLines, line: line))
            }
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                references.append(Reference(
                    kind: type == CMARK_NODE_IMAGE ? .image : .link, destination: url,
                    text: CmarkTree.plainText(of: node), location: location()))
            case CMARK_NODE_HEADING:
                headings.append(Heading(
                    level: Int(cmark_node_get_heading_level(node)), text: CmarkTree.plainText(of: node),
                    location: location()))
            default: break
            }
        }
        let words = body.split(whereSeparator: { $0.isWhitespace }).count
        return MarkdownDocument(
            path: path, frontMatter: frontMatter, body: body, bodyLineOffset: offset,
            references: references, headings: headings, wordCount: words)
    }

    /// Renders the body to an HTML fragment through cmark-gfm (tables, task lists, autolinks,
    /// strikethrough). Raw HTML in the source is not passed through.
    public func renderHTML() -> String {
        CmarkTree.renderHTML(body)
    }

    /// cmark reports 1-based byte columns; diagnostics count Unicode scalars.
    static func scalarColumn(byteColumn: Int, in lines: [Substring], line: Int) -> Int {
        guard line >= 1, line <= lines.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let utf8 = lines[line - 1].utf8
        let prefixEnd = utf8.index(utf8.startIndex, offsetBy: min(byteColumn - 1, utf8.count))
        let prefix = Substring(utf8[utf8.startIndex..<prefixEnd])
        return prefix.unicodeScalars.count + 1
    }
}
