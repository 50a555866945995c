/// The live preview's panel of findings beside a page's content: for each finding its
/// severity, rule id, file:line:col, message and hint in the chosen message language. Every
/// value is escaped. No findings, no panel.
enum FindingsPanelHTML {
    static func render(_ findings: [Finding], messages: MessageLanguage, words: PreviewWords) -> String {
        guard !findings.isEmpty else { return "" }
        var html = "<aside class=\"ck-findings\" role=\"note\">\n<h2>\(HTMLEscaping.escape(words.findings)) (\(findings.count))</h2>\n<ul>\n"
        for finding in findings.sorted() {
            let message = messages == .hi ? finding.message.hi : finding.message.en
            html += "<li class=\"ck-\(finding.severity.rawValue)\"><span class=\"ck-severity\">\(HTMLEscaping.escape(finding.severity.label(in: messages)))</span> "
            html += "<code class=\"ck-rule\">\(HTMLEscaping.escape(finding.ruleID))</code> "
            html += "<span class=\"ck-where\">\(HTMLEscaping.escape(finding.location.description))</span><br>"
            html += HTMLEscaping.escape(message)
            if let hint = finding.hint {
                html += "<br><small>\(HTMLEscaping.escape(words.hint)) \(HTMLEscaping.escape(messages == .hi ? hint.hi : hint.en))</small>"
            }
            html += "</li>\n"
        }
        return html + "</ul>\n</aside>\n"
    }

    static let stylesheet = """
        .ck-findings{border:2px solid #c62828;border-radius:.4rem;background:#fff4f4;padding:.3rem 1rem;margin:1rem 0}\
        .ck-findings h2{margin:.4rem 0;font-size:1.1rem;color:#b71c1c}.ck-findings ul{padding-inline-start:1.1rem}\
        .ck-findings li{margin:.5rem 0}.ck-severity{font-weight:700}.ck-error .ck-severity{color:#b71c1c}\
        .ck-warning .ck-severity{color:#8a5300}.ck-info .ck-severity{color:#37474f}\
        .ck-rule{background:#f1e4e4;padding:0 .3rem;border-radius:.2rem}.ck-where{color:#555}\
        nav.ck-languages{font-size:.9rem;margin:.3rem 0}nav.ck-languages a{margin-inline-end:.8rem}\
        @media (prefers-color-scheme:dark){.ck-findings{background:#2a1515}.ck-rule{background:#3a2525}.ck-where{color:#bbb}}
        """
}
