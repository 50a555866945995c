import CCmarkGFM
import Foundation

/// The GitHub extensions coursekit enables, and cmark-gfm's process-wide state for them, set up
/// once per process before any parse.
///
/// cmark-gfm keeps a global table of "special" inline characters. Each parse adds the attached
/// extensions' characters (autolink's `:` and `w`, strikethrough's `~`) to that table when it
/// starts its inlines and removes them when it finishes. Two threads parsing at once therefore
/// raced: one parse finished and cleared `:` while another was still in its inlines, and an
/// autolink was present in one run and missing in the next (`pack` was not reproducible).
///
/// - Autolink's characters are put in the table once, here, and taken off the extension's own
///   list, so no parse adds or removes them any more: every coursekit parse attaches autolink,
///   so the table holds what each parse would have set itself.
/// - Strikethrough's `~` cannot be treated so: cmark-gfm finds the extension that closes a `~~`
///   run through that same list. A parse still adds and removes `~`, which only matters to a
///   text that contains `~`. `CmarkParseLock` lets texts without `~` parse side by side and gives
///   a text with `~` the parser to itself.
///
/// `parallelParsingGivesTheSameHTMLAsSerial` fails without either step.
enum CmarkExtensions {
    static let names = ["table", "autolink", "strikethrough", "tasklist", "tagfilter"]

    /// Runs once (Swift initialises a static `let` exactly once, also under threads).
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let autolink = cmark_find_syntax_extension("autolink") else { return true }
        let parser: OpaquePointer = cmark_parser_new(CMARK_OPT_DEFAULT)
        cmark_parser_attach_syntax_extension(parser, autolink)
        cmark_manage_extensions_special_characters(parser, 1)
        cmark_parser_free(parser)
        cmark_syntax_extension_set_special_inline_chars(autolink, nil)
        return true
    }()
}

/// Shared for texts without `~` (their parses cannot disturb one another), exclusive for a text
/// with `~` (see `CmarkExtensions`).
enum CmarkParseLock {
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_rwlock_t> = {
        let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        pthread_rwlock_init(lock, nil)
        return lock
    }()

    static func withLock<T>(for markdown: String, _ body: () -> T) -> T {
        if ByteSearch.contains(UInt8(ascii: "~"), in: markdown) {
            pthread_rwlock_wrlock(lock)
        } else {
            pthread_rwlock_rdlock(lock)
        }
        defer { pthread_rwlock_unlock(lock) }
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
        _ = CmarkExtensions.registered
        (parser, root) = CmarkParseLock.withLock(for: markdown) {
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
