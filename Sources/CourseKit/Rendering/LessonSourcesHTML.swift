/// The "Sources" section at the foot of a lesson page: every document the lesson cites, with
/// its issuing body, year and a link or reference. Every value is escaped; links are plain
/// `<a href>` (nothing is loaded until the learner follows one), and only `http(s)` addresses
/// become links.
enum LessonSourcesHTML {
    static func render(_ sources: [LessonSource], language: String) -> String {
        guard !sources.isEmpty else { return "" }
        let heading = language == "hi" ? "स्रोत" : "Sources"
        var html = "<footer class=\"sources\">\n<h2>\(heading)</h2>\n<ol>\n"
        for source in sources {
            html += "<li><cite>\(HTMLEscaping.escape(source.title))</cite>"
            if let issuer = source.issuer { html += ", \(HTMLEscaping.escape(issuer))" }
            if let year = source.year { html += ", \(year)" }
            if let reference = source.reference { html += ". \(HTMLEscaping.escape(reference))" }
            if let url = source.url {
                let lower = url.lowercased()
                if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
                    html += ". <a href=\"\(HTMLEscaping.escape(url))\">\(HTMLEscaping.escape(url))</a>"
                } else {
                    html += ". \(HTMLEscaping.escape(url))"
                }
            }
            html += "</li>\n"
        }
        return html + "</ol>\n</footer>\n"
    }
}
