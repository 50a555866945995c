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

/// Owns one cmark-gfm parser and its document tree (the parser keeps the extension list the
/// renderer needs); callers must call `free()`.
struct CmarkTree {
    let parser: OpaquePointer
    let root: OpaquePointer

    init(markdown: String) {
        _ = CmarkExtensions.registered
        let parser: OpaquePointer = cmark_parser_new(CMARK_OPT_DEFAULT)
        self.parser = parser
        for name in CmarkExtensions.names {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        markdown.withCString { bytes in
            cmark_parser_feed(parser, bytes, strlen(bytes))
        }
        root = cmark_parser_finish(parser)
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
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    static func renderHTML(_ markdown: String) -> String {
        let tree = CmarkTree(markdown: markdown)
        defer { tree.free() }
        let extensions = cmark_parser_get_syntax_extensions(tree.parser)
        guard let html = cmark_render_html(tree.root, CMARK_OPT_DEFAULT, extensions) else { return "" }
        defer { Foundation.free(html) }
        return String(cString: html)
    }
}
