import CCmarkGFM
import Foundation

/// The GitHub extensions coursekit enables, registered once per process.
enum CmarkExtensions {
    static let names = ["table", "autolink", "strikethrough", "tasklist", "tagfilter"]

    /// Registering the core extensions is a one-time global step in cmark-gfm.
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
}

/// cmark-gfm keeps process-wide state that parsing mutates: attaching the autolink and
/// strikethrough extensions adds their special characters to a global table, and finishing a
/// parse removes them again. Two threads parsing at once therefore race (an autolink present
/// in one run and missing in the next, so `pack` was not reproducible). Every cmark-gfm call
/// that touches that state runs under this one lock; rendering a finished tree does not.
enum CmarkLock {
    static let lock = NSLock()

    static func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

/// Owns one cmark-gfm parser and its document tree (the parser keeps the extension list the
/// renderer needs); callers must call `free()`.
struct CmarkTree {
    let parser: OpaquePointer
    let root: OpaquePointer

    /// `tables: false` leaves the table extension out (a table too large to build, see
    /// `MarkdownDocument.maximumTableCells`): its text stays plain paragraphs.
    init(markdown: String, tables: Bool = true) {
        (parser, root) = CmarkLock.withLock {
            _ = CmarkExtensions.registered
            let parser: OpaquePointer = cmark_parser_new(CMARK_OPT_DEFAULT)
            for name in CmarkExtensions.names where tables || name != "table" {
                if let ext = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, ext)
                }
            }
            markdown.withCString { bytes in
                cmark_parser_feed(parser, bytes, strlen(bytes))
            }
            return (parser, cmark_parser_finish(parser))
        }
    }

    func free() {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Visits every node once, on entry.
    func walk(_ visit: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                visit(node)
            }
        }
    }

    /// The concatenated literal text under a node (alt text of an image, text of a heading).
    /// Iterative (cmark's own iterator): emphasis nested 100,000 deep in an image's alt text
    /// must not overflow the stack.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    static func renderHTML(_ markdown: String, tables: Bool = true) -> String {
        let tree = CmarkTree(markdown: markdown, tables: tables)
        defer { tree.free() }
        let extensions = cmark_parser_get_syntax_extensions(tree.parser)
        guard let html = cmark_render_html(tree.root, CMARK_OPT_DEFAULT, extensions) else { return "" }
        defer { Foundation.free(html) }
        return String(cString: html)
    }
}
