import Foundation

/// A Markdown lesson packaged as a Sunbird html-archive: a zip with `index.html` at its root
/// (the lesson rendered by cmark-gfm into an accessible `LessonPage`) and the lesson's local
/// images under `images/`, with the page's `src` attributes rewritten to match.
struct LessonArchive {
    var data: Data
    var findings: [Finding]
    /// SHA-256 of `data`, lower-case hex.
    var digest: String

    /// Largest image copied into a lesson archive.
    static let imageLimit = 50 << 20

    /// Builds the archive, or takes it from `cache` when the same lesson (same bytes, images,
    /// title, language and course title) was built before; see `PackCache`.
    static func build(
        document: MarkdownDocument, lessonPath: RepositoryPath, title: String, language: String,
        courseTitle: String?, repository: Repository, cache: PackCache? = nil
    ) throws(ArchiveError) -> LessonArchive {
        var usedNames: Set<String> = ["index.html"]
        let images = LessonContent.images(
            of: document, lessonPath: lessonPath, repository: repository, usedNames: &usedNames, memo: cache)
        var key: String?
        var bodyKey: String?
        // Only lessons without findings are shared: findings name the lesson's own file. Keyed on
        // the parsed body the page is rendered from (not the file read again: 16,800 reads,
        // UTF-8 checks and front-matter splits for 600 archives).
        if let cache, images.findings.isEmpty {
            let body = PackCache.bodyKey(body: document.body, images: images.entries, language: language)
            let lessonKey = PackCache.lessonKey(body: body, title: title, courseTitle: courseTitle)
            if let found = cache.lesson(lessonKey) { return found }
            (key, bodyKey) = (lessonKey, body)
        }
        let bodyHTML: String
        var findings: [Finding] = []
        if let bodyKey, let cached = cache?.body(bodyKey) {
            bodyHTML = cached
        } else {
            let content = LessonContent.render(document: document, images: images, language: language)
            bodyHTML = content.bodyHTML
            findings = content.findings
            if let bodyKey { cache?.storeBody(bodyKey, bodyHTML) }
        }
        var entries = images.entries
        let page = LessonPage(title: title, language: language, courseTitle: courseTitle, bodyHTML: bodyHTML)
        entries.append(.data("index.html", Data(page.render().utf8)))
        let zip = try ZipArchiveWriter().archiveData(entries)
        let archive = LessonArchive(data: zip, findings: findings, digest: SHA256Hex.digest(zip))
        if let key, let cache { cache.store(key, archive) }
        return archive
    }

    /// A destination without fragment or query, percent-decoded.
    static func normalized(_ destination: String) -> String {
        var target = destination
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        return target.removingPercentEncoding ?? target
    }

    /// Replaces `src="…"` values of `<img>` elements whose decoded value is in `mapping`.
    /// cmark-gfm percent-encodes and HTML-escapes URLs, so values are decoded before matching.
    static func rewriteImageSources(_ html: String, mapping: [String: String]) -> String {
        guard !mapping.isEmpty,
              let pattern = try? NSRegularExpression(pattern: #"(<img\s[^>]*?src=")([^"]*)(")"#)
        else { return html }
        let source = html as NSString
        var out = ""
        var last = 0
        for match in pattern.matches(in: html, range: NSRange(location: 0, length: source.length)) {
            let valueRange = match.range(at: 2)
            let raw = source.substring(with: valueRange)
            let decoded = normalized(unescapeHTML(raw))
            guard let replacement = mapping[decoded] else { continue }
            out += source.substring(with: NSRange(location: last, length: valueRange.location - last))
            out += HTMLEscaping.escape(replacement)
            last = valueRange.location + valueRange.length
        }
        out += source.substring(from: last)
        return out
    }

    static func unescapeHTML(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
