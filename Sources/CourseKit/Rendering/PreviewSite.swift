import Foundation

/// A static HTML preview of the courses in a catalogue, one set of pages per language edition,
/// for authors and reviewers to read lessons as learners will. Lesson pages mirror the
/// repository layout under `files/`, so relative images and links keep working; index pages
/// list courses, modules and lessons. Written to a temporary folder and moved into place.
public struct PreviewSite: Sendable {
    public var catalogue: Catalogue

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    /// Writes the site to `output` (replacing an older preview there) and returns how many
    /// lesson pages it wrote.
    @discardableResult
    public func write(to output: URL) throws(ToolError) -> Int {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            let pages = try writePages(into: staging)
            if fileManager.fileExists(atPath: output.path) { try fileManager.removeItem(at: output) }
            try fileManager.moveItem(at: staging, to: output)
            return pages
        } catch {
            try? fileManager.removeItem(at: staging)
            throw ToolError(LocalizedText(
                en: "could not write the preview to \(output.path): \(error.localizedDescription)",
                hi: "पूर्वावलोकन \(output.path) में लिखा नहीं जा सका: \(error.localizedDescription)"))
        }
    }

    private func writePages(into root: URL) throws -> Int {
        let repository = catalogue.repository
        var pages = 0
        var index: [String] = []
        for course in catalogue.courses {
            guard let id = course.id else { continue }
            for language in course.languages {
                let title = course.title?.best(language) ?? id
                var items: [String] = []
                for reference in course.modules {
                    guard let module = catalogue.module(for: reference) else { continue }
                    var lessons: [String] = []
                    for lesson in module.lessons {
                        guard let edition = lesson.editions.first(where: { $0.language == language }) ?? lesson.editions.first else { continue }
                        let lessonTitle = lesson.entry["title"].map(TranslatedText.init)?.best(language) ?? edition.path.name
                        if let markdown = edition.markdown {
                            let target = "files/" + edition.path.string.dropLastExtension() + ".html"
                            let body = Self.linkMarkdownToHTML(markdown.renderHTML())
                            let page = LessonPage(title: lessonTitle, language: edition.language, courseTitle: title, bodyHTML: body)
                            try write(page.render(), to: root.appendingPathComponent(target))
                            try copyLocalImages(of: markdown, lessonFolder: edition.path.parent, into: root)
                            lessons.append("<li><a href=\"\(target)\">\(HTMLEscaping.escape(lessonTitle))</a></li>")
                            pages += 1
                        } else {
                            let target = "files/" + edition.path.string
                            try copy(edition.path, to: root.appendingPathComponent(target), repository: repository)
                            lessons.append("<li><a href=\"\(target)\">\(HTMLEscaping.escape(lessonTitle))</a></li>")
                        }
                    }
                    let moduleTitle = module.title?.best(language) ?? module.id ?? ""
                    items.append("<li>\(HTMLEscaping.escape(moduleTitle))<ol>\(lessons.joined())</ol></li>")
                }
                let courseBody = "<h1>\(HTMLEscaping.escape(title))</h1>\n<ol>\(items.joined(separator: "\n"))</ol>\n"
                let coursePage = "\(id).\(language).html"
                try write(LessonPage(title: title, language: language, bodyHTML: courseBody).render(), to: root.appendingPathComponent(coursePage))
                index.append("<li lang=\"\(language)\"><a href=\"\(coursePage)\">\(HTMLEscaping.escape(title))</a> (\(LanguageNames.english(language)))</li>")
            }
        }
        let home = "<h1>coursekit preview / पूर्वावलोकन</h1>\n<ul>\(index.joined(separator: "\n"))</ul>\n"
        try write(LessonPage(title: "coursekit preview", language: "en", bodyHTML: home).render(), to: root.appendingPathComponent("index.html"))
        return pages
    }

    /// Links between lessons point at `.md` files in the source; in the preview they are pages.
    static func linkMarkdownToHTML(_ html: String) -> String {
        html.replacingOccurrences(
            of: ##"href="((?![a-zA-Z][a-zA-Z0-9+.-]*:)[^"#?]*)\.md([#?][^"]*)?""##,
            with: ##"href="$1.html$2""##, options: .regularExpression)
    }

    private func copyLocalImages(of markdown: MarkdownDocument, lessonFolder: RepositoryPath, into root: URL) throws {
        for reference in markdown.references where reference.kind == .image {
            let destination = reference.destination
            guard destination.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) == nil,
                  let path = lessonFolder.resolving(destination.removingPercentEncoding ?? destination),
                  catalogue.repository.entryType(path) == .file
            else { continue }
            try copy(path, to: root.appendingPathComponent("files/" + path.string), repository: catalogue.repository)
        }
    }

    private func copy(_ path: RepositoryPath, to target: URL, repository: Repository) throws {
        let data = try repository.read(path, limit: 512 * 1024 * 1024)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
    }

    private func write(_ text: String, to target: URL) throws {
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }
}

extension String {
    /// `lessons/intro.hi.md` → `lessons/intro.hi`
    func dropLastExtension() -> String {
        guard let dot = lastIndex(of: "."), !self[dot...].contains("/") else { return self }
        return String(self[..<dot])
    }
}
