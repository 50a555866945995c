/// A lesson rendered as a self-contained, accessible HTML page: `lang` and `dir` set, UTF-8
/// declared, a viewport for phones, a small inline stylesheet with Devanagari-capable system
/// fonts, and nothing loaded from the network. This is the `index.html` of a lesson's
/// html-archive and of the preview site.
public struct LessonPage: Sendable {
    public var title: String
    public var language: String
    public var courseTitle: String?
    public var bodyHTML: String
    /// Markup added at the end of `<head>` (SCORM/cmi5 pages add their own styles there);
    /// trusted, already escaped HTML.
    public var extraHead: String = ""

    public init(title: String, language: String, courseTitle: String? = nil, bodyHTML: String) {
        self.title = title
        self.language = language
        self.courseTitle = courseTitle
        self.bodyHTML = bodyHTML
    }

    /// Scripts written right to left (Urdu, Kashmiri, Sindhi in Perso-Arabic script).
    static let rightToLeft: Set<String> = ["ur", "ks", "sd", "ar", "fa"]

    public var direction: String { Self.rightToLeft.contains(language) ? "rtl" : "ltr" }

    public func render() -> String {
        let heading = courseTitle.map { "<p class=\"course\">\(HTMLEscaping.escape($0))</p>\n" } ?? ""
        return """
            <!doctype html>
            <html lang="\(HTMLEscaping.escape(language))" dir="\(direction)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscaping.escape(title))</title>
            <style>\(Self.stylesheet)</style>
            \(extraHead)</head>
            <body>
            <main>
            \(heading)\(bodyHTML)</main>
            </body>
            </html>

            """
    }

    /// Readable on a 360-pixel phone: one column, generous line height for Devanagari matras,
    /// scalable images, tables that scroll instead of overflowing.
    static let stylesheet = """
        :root{color-scheme:light dark}\
        body{margin:0;font-family:"Noto Sans Devanagari","Noto Sans","Nirmala UI","Mangal",system-ui,sans-serif;\
        font-size:1.0625rem;line-height:1.7;color:#1b1b1b;background:#fff}\
        main{max-width:44rem;margin:0 auto;padding:1rem 1.25rem 3rem}\
        h1{font-size:1.6rem;line-height:1.35}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.1rem}\
        .course{color:#5a5a5a;font-size:.9rem;margin:0}\
        img{max-width:100%;height:auto}\
        table{border-collapse:collapse;display:block;overflow-x:auto}\
        th,td{border:1px solid #bbb;padding:.4rem .6rem;text-align:start;vertical-align:top}\
        li{margin:.3rem 0}ul.contains-task-list,ul:has(>li>input[type=checkbox]){list-style:none;padding-inline-start:1rem}\
        input[type=checkbox]{transform:scale(1.3);margin-inline-end:.5rem}\
        blockquote{border-inline-start:4px solid #d98c1f;margin:1rem 0;padding:.2rem 1rem;background:#fff7ea}\
        code{font-family:ui-monospace,monospace;font-size:.95em}a{color:#0b57d0}\
        @media (prefers-color-scheme:dark){body{color:#eee;background:#121212}blockquote{background:#2a2116}a{color:#8ab4f8}}
        """
}
