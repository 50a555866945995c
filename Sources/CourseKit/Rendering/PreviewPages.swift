import Foundation

/// Builds the pages of a preview site in memory, for the static preview (`PreviewSite`
/// writes them to a folder) and the live one (`LivePreviewServer` serves them): an index of
/// course editions; per course edition a page of its modules with their lessons and quiz;
/// per Markdown lesson edition a page under `files/` mirroring the repository (so relative
/// images and links keep working); per module quiz and language a quiz page. Every page links
/// to the same page in the course's other languages, and its own words follow its language.
///
/// With a live context, each page also shows the findings for its files and reloads when the
/// site is rebuilt; a course that cannot be previewed (it failed to load, or its id is not
/// `[a-z0-9-]`) is listed on the index with its findings, as are findings about files no page
/// shows. Without one (static), the output depends only on the catalogue.
struct PreviewPages {
    var catalogue: Catalogue
    var live: PreviewLiveContext?

    private(set) var entries: [String: PreviewEntry] = [:]
    private(set) var lessonPages = 0
    private var findingsByFile: [String: [Finding]] = [:]
    private var shownFiles: Set<String> = []

    init(catalogue: Catalogue, live: PreviewLiveContext? = nil) {
        self.catalogue = catalogue
        self.live = live
        for finding in live?.findings ?? [] { findingsByFile[finding.location.file, default: []].append(finding) }
    }

    /// Builds every page (once).
    mutating func build() {
        var index: [String] = []
        var failed: [String] = []
        let indexWords = PreviewWords(language: "en")
        for course in catalogue.courses {
            guard course.file.loaded, let id = course.id, PreviewSite.isSafeName(id) else {
                failed.append("<li><code>\(HTMLEscaping.escape(course.file.displayPath))</code> — \(HTMLEscaping.escape(indexWords.notPreviewed))\n"
                    + findingsPanel(for: [course.file.displayPath], language: "en") + "</li>")
                continue
            }
            let languages = course.languages.filter(PreviewSite.isSafeName)
            for language in languages {
                let title = course.title?.best(language) ?? id
                buildCourse(course, id: id, language: language, languages: languages, title: title)
                index.append("<li lang=\"\(HTMLEscaping.escape(language))\"><a href=\"\(PreviewSite.href(Self.coursePage(id, language)))\">\(HTMLEscaping.escape(title))</a> (\(HTMLEscaping.escape(LanguageNames.english(language))))</li>")
            }
        }
        var home = "<h1>coursekit preview / पूर्वावलोकन</h1>\n<ul>\(index.joined(separator: "\n"))</ul>\n"
        if !failed.isEmpty { home += "<ul class=\"ck-failed\">\(failed.joined(separator: "\n"))</ul>\n" }
        if live != nil {
            let rest = findingsByFile.keys.filter { !shownFiles.contains($0) }.sorted()
            if !rest.isEmpty {
                home += "<h2>\(HTMLEscaping.escape(indexWords.otherFindings))</h2>\n" + findingsPanel(for: rest, language: "en")
            }
        }
        add("index.html", page(title: "coursekit preview", language: "en", body: home))
    }

    static func coursePage(_ id: String, _ language: String) -> String { "\(id).\(language).html" }

    /// The quiz page of a quiz file in one language: `files/<folder>/quiz.<language>.html`.
    static func quizPage(_ quiz: RepositoryPath, _ language: String) -> String {
        "files/" + quiz.string.dropLastExtension() + ".\(language).html"
    }

    static func lessonPage(_ edition: LessonEdition) -> String {
        "files/" + edition.path.string.dropLastExtension() + ".html"
    }

    private mutating func buildCourse(_ course: Course, id: String, language: String, languages: [String], title: String) {
        let words = PreviewWords(language: language)
        let coursePage = Self.coursePage(id, language)
        var items: [String] = []
        for reference in course.modules {
            guard let module = catalogue.module(for: reference) else {
                items.append("<li><code>\(HTMLEscaping.escape(reference.written))</code></li>")
                continue
            }
            var lessons: [String] = []
            for lesson in module.lessons {
                guard let edition = lesson.editions.first(where: { $0.language == language }) ?? lesson.editions.first else { continue }
                let lessonTitle = lesson.entry["title"].map(TranslatedText.init)?.best(language) ?? edition.path.name
                let target: String
                if edition.markdown != nil {
                    target = Self.lessonPage(edition)
                    buildLesson(edition, of: lesson, title: lessonTitle, courseTitle: title, coursePage: coursePage)
                } else {
                    target = "files/" + edition.path.string
                    add(target, .source(edition.path))
                }
                lessons.append("<li><a href=\"\(PreviewSite.href(target))\">\(HTMLEscaping.escape(lessonTitle))</a></li>")
            }
            if let quiz = catalogue.quiz(for: module), quiz.file.loaded {
                let target = Self.quizPage(quiz.file.path, language)
                buildQuiz(quiz, moduleID: module.id ?? "", courseID: id, language: language, languages: languages,
                          courseTitle: title, coursePage: coursePage)
                let quizTitle = quiz.details.title?.best(language) ?? words.quiz
                lessons.append("<li><a href=\"\(PreviewSite.href(target))\">\(HTMLEscaping.escape(quizTitle))</a></li>")
            }
            var files = [module.file.displayPath]
            if let quiz = catalogue.quiz(for: module), !quiz.file.loaded { files.append(quiz.file.displayPath) }
            let moduleTitle = module.title?.best(language) ?? module.id ?? ""
            items.append("<li>\(HTMLEscaping.escape(moduleTitle))\(findingsPanel(for: files, language: language))<ol>\(lessons.joined())</ol></li>")
        }
        var body = "<h1>\(HTMLEscaping.escape(title))</h1>\n"
        body += languageLinks(languages.filter { $0 != language }.map { ($0, Self.coursePage(id, $0)) }, from: coursePage, words: words)
        body += findingsPanel(for: [course.file.displayPath], language: language)
        body += "<h2>\(HTMLEscaping.escape(words.modules))</h2>\n<ol>\(items.joined(separator: "\n"))</ol>\n"
        add(coursePage, page(title: title, language: language, body: body))
    }

    private mutating func buildLesson(_ edition: LessonEdition, of lesson: Lesson, title: String, courseTitle: String, coursePage: String) {
        guard let markdown = edition.markdown else { return }
        let target = Self.lessonPage(edition)
        let words = PreviewWords(language: edition.language)
        let others = lesson.editions.filter { $0.language != edition.language && $0.markdown != nil && PreviewSite.isSafeName($0.language) }
            .map { ($0.language, Self.lessonPage($0)) }
        var body = "<p class=\"course\"><a href=\"\(Self.relative(coursePage, from: target))\">\(HTMLEscaping.escape(courseTitle))</a></p>\n"
        body += languageLinks(others, from: target, words: words)
        body += findingsPanel(for: [catalogue.repository.displayPath(for: edition.path)], language: edition.language)
        body += PreviewSite.linkMarkdownToHTML(markdown.renderHTML())
        if entries[target] == nil { lessonPages += 1 }
        add(target, page(title: title, language: edition.language, body: body))
        for image in localImages(of: markdown, lessonFolder: edition.path.parent) { add("files/" + image.string, .source(image)) }
    }

    private mutating func buildQuiz(
        _ quiz: Quiz, moduleID: String, courseID: String, language: String, languages: [String], courseTitle: String, coursePage: String
    ) {
        let target = Self.quizPage(quiz.file.path, language)
        let words = PreviewWords(language: language)
        var body = "<p class=\"course\"><a href=\"\(Self.relative(coursePage, from: target))\">\(HTMLEscaping.escape(courseTitle))</a></p>\n"
        body += languageLinks(languages.filter { $0 != language }.map { ($0, Self.quizPage(quiz.file.path, $0)) }, from: target, words: words)
        body += findingsPanel(for: [quiz.file.displayPath], language: language)
        body += PreviewQuizHTML.render(quiz, language: language, saltParts: [courseID, language, moduleID, quiz.id ?? ""])
        body += "<script>\(PreviewQuizHTML.script)</script>\n"
        add(target, page(title: PreviewQuizHTML.title(quiz, language: language), language: language, body: body,
                         style: PreviewQuizHTML.stylesheet))
    }

    /// "Other languages: हिन्दी" — links to the same page in the other editions.
    private func languageLinks(_ others: [(language: String, page: String)], from target: String, words: PreviewWords) -> String {
        guard !others.isEmpty else { return "" }
        let links = others.map { other in
            "<a lang=\"\(HTMLEscaping.escape(other.language))\" hreflang=\"\(HTMLEscaping.escape(other.language))\" href=\"\(Self.relative(other.page, from: target))\">\(HTMLEscaping.escape(Self.endonym(other.language)))</a>"
        }
        return "<nav class=\"ck-languages\" aria-label=\"\(HTMLEscaping.escape(words.otherLanguages))\">\(HTMLEscaping.escape(words.otherLanguages)): \(links.joined(separator: " "))</nav>\n"
    }

    /// A language's name in itself, as a reader looks for it: हिन्दी, English.
    static func endonym(_ code: String) -> String {
        code == "hi" ? LanguageNames.hindi(code) : LanguageNames.english(code)
    }

    /// The findings panel for some files (live only); marks them as shown.
    private mutating func findingsPanel(for files: [String], language: String) -> String {
        guard let live else { return "" }
        var findings: [Finding] = []
        for file in files {
            shownFiles.insert(file)
            findings += findingsByFile[file] ?? []
        }
        return FindingsPanelHTML.render(findings, messages: live.messages, words: PreviewWords(language: language))
    }

    private func page(title: String, language: String, body: String, style: String = "") -> PreviewEntry {
        var page = LessonPage(title: title, language: language, bodyHTML: body)
        if let live {
            page.extraHead = "<style>\(FindingsPanelHTML.stylesheet)\(style)</style>\n" + live.reloadScript
        } else if !style.isEmpty {
            page.extraHead = "<style>\(style)</style>\n"
        }
        return .bytes(Array(page.render().utf8))
    }

    private mutating func add(_ path: String, _ entry: PreviewEntry) {
        entries[path] = entry
    }

    /// A link from one page of the site to another, relative so the static site works from disk.
    static func relative(_ target: String, from page: String) -> String {
        let depth = page.split(separator: "/", omittingEmptySubsequences: false).count - 1
        return PreviewSite.href(String(repeating: "../", count: max(depth, 0)) + target)
    }

    private func localImages(of markdown: MarkdownDocument, lessonFolder: RepositoryPath) -> [RepositoryPath] {
        markdown.references.compactMap { reference in
            let destination = reference.destination
            guard reference.kind == .image,
                  destination.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) == nil,
                  !LessonImages.isRemote(destination),
                  let path = lessonFolder.resolving(LessonArchive.normalized(destination)),
                  catalogue.repository.entryType(path) == .file,
                  LessonImages.problem(with: path, repository: catalogue.repository) == nil
            else { return nil }
            return path
        }
    }
}
