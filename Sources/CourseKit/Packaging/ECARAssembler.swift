import Foundation

/// The mutable state of one plan: the edition's language, identifiers used so far and
/// findings, and the item builders for courses, modules, lessons and quizzes (programmes, session
/// pages and case studies are in `ECARAssembler+Programme.swift`).
final class ECARAssembler {
    let catalogue: Catalogue
    let language: String
    let unplayableQuestions: UnplayableQuestionPolicy
    var rootID = ""
    var findings: [Finding] = []
    private var usedIdentifiers: Set<String> = []
    /// The title of the course being assembled, shown above each lesson page.
    var courseTitle: String?
    /// Lesson archives already built in this run or an earlier one (`PackCache`).
    var cache: PackCache?

    init(catalogue: Catalogue, language: String, unplayableQuestions: UnplayableQuestionPolicy) {
        self.catalogue = catalogue
        self.language = language
        self.unplayableQuestions = unplayableQuestions
    }

    var repository: Repository { catalogue.repository }
    var languageName: String { LanguageNames.english(language) }

    // MARK: - Helpers

    /// A unique identifier for the item at `seed` (a second use of the same module gets its own).
    func identifier(_ seed: [String]) -> String {
        var full = [rootID, language] + seed
        var candidate = SunbirdVocabulary.identifier(full)
        var counter = 2
        while !usedIdentifiers.insert(candidate).inserted {
            full = [rootID, language] + seed + ["#\(counter)"]
            candidate = SunbirdVocabulary.identifier(full)
            counter += 1
        }
        return candidate
    }

    /// A translatable field in the edition's language.
    func text(_ field: TranslatedText?) -> String? {
        field?.resolved(language)
    }

    func common(name: String, description: String?, mimeType: String, primaryCategory: String,
                contentType: String?, visibility: String, encoding: String, disposition: String,
                objectType: String = "Content") -> [(String, ECARJSON)] {
        var fields: [(String, ECARJSON)] = [("name", .string(name))]
        if let description, !description.isEmpty { fields.append(("description", .string(description))) }
        fields += [("objectType", .string(objectType)), ("mimeType", .string(mimeType)), ("primaryCategory", .string(primaryCategory))]
        if let contentType { fields.append(("contentType", .string(contentType))) }
        fields += [
            ("visibility", .string(visibility)),
            ("language", .strings([languageName])),
            ("languageCode", .strings([language])),
            ("contentEncoding", .string(encoding)),
            ("contentDisposition", .string(disposition)),
        ]
        return fields
    }

    /// `duration` in seconds, as a string (the way iGOT writes it).
    func duration(_ written: Located<String>?) -> [(String, ECARJSON)] {
        guard let text = written?.value, let seconds = ISODuration.seconds(text) else { return [] }
        return [("duration", .string(String(seconds)))]
    }

    /// Catalogue metadata shared by courses, programmes and question-set archives.
    func catalogueFields(_ details: CatalogueDetails) -> [(String, ECARJSON)] {
        var fields: [(String, ECARJSON)] = []
        let keywords = details.keywords.best(language)
        if !keywords.isEmpty { fields.append(("keywords", .strings(keywords))) }
        if let licence = details.licence { fields.append(("license", .string(SunbirdVocabulary.licenceName(licence)))) }
        if !details.audience.isEmpty { fields.append(("audience", .strings(details.audience))) }
        fields += duration(details.duration)
        if let provider = text(details.providerName) {
            fields.append(("creator", .string(provider)))
            fields.append(("organisation", .strings([provider])))
        }
        let competencies = details.competencies.map { competency -> ECARJSON in
            let (area, theme) = (competency.area, competency.theme)
            var members: [(String, ECARJSON)] = [
                ("competencyAreaId", .string(SunbirdVocabulary.competencyID(area))),
                ("competencyAreaName", .string(area)),
                ("competencyThemeId", .string(SunbirdVocabulary.competencyID(area + "/" + theme))),
                ("competencyThemeName", .string(theme)),
            ]
            if let sub = competency.subTheme {
                members.append(("competencySubThemeId", .string(SunbirdVocabulary.competencyID(area + "/" + theme + "/" + sub))))
                members.append(("competencySubThemeName", .string(sub)))
            }
            return .object(members)
        }
        if !competencies.isEmpty { fields.append(("competencies_v5", .array(competencies))) }
        return fields
    }

    /// Adds the thumbnail the loader resolved as `<identifier>/<name>` and returns the `appIcon` field.
    func thumbnail(_ reference: FileReference?, identifier: String, files: inout [ZipEntry]) -> [(String, ECARJSON)] {
        guard let reference else { return [] }
        guard let path = reference.resolved, repository.entryType(path) == .file else {
            findings.append(PackRule.unresolvedReference.finding(at: reference.location, LocalizedText(
                en: "thumbnail '\(reference.written)' does not exist inside the repository",
                hi: "थंबनेल '\(reference.written)' रिपॉज़िटरी में मौजूद नहीं है")))
            return []
        }
        let name = "\(identifier)/\(path.name)"
        files.append(.file(name, repository.url(for: path)))
        return [("appIcon", .string(name))]
    }

    func unresolved(_ reference: FileReference) {
        findings.append(PackRule.unloaded(reference))
    }

    /// A one-page html-archive item (session outlines, case studies).
    func pageNode(identifier: String, title: String, description: String?, bodyHTML: String, at location: SourceLocation) -> ECARNode? {
        let page = LessonPage(title: title, language: language, courseTitle: courseTitle, bodyHTML: bodyHTML)
        let data: Data
        do {
            data = try ZipArchiveWriter().archiveData([.data("index.html", Data(page.render().utf8))])
        } catch {
            findings.append(PackRule.unreadableFile.finding(at: location, error.message))
            return nil
        }
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))])
        node.metadata += common(
            name: title, description: description, mimeType: SunbirdVocabulary.htmlArchive, primaryCategory: "Learning Resource",
            contentType: "Resource", visibility: "Parent", encoding: "gzip", disposition: "inline")
        let artifact = "\(identifier)/\(identifier).zip"
        node.files.append(.data(artifact, data))
        node.metadata += [("artifactUrl", .string(artifact)), ("size", .int(data.count))]
        return node
    }

    // MARK: - Courses

    func courseNode(_ course: Course, seed: [String], isRoot: Bool) -> ECARNode {
        let identifier = identifier(seed)
        let title = course.title?.best(language) ?? course.id ?? identifier
        let outerTitle = courseTitle
        courseTitle = title
        defer { if outerTitle != nil { courseTitle = outerTitle } }
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))], isCollection: true)
        node.metadata += [("code", .string(course.id ?? ""))]
        node.metadata += common(
            name: title, description: text(course.details.description), mimeType: SunbirdVocabulary.collection,
            primaryCategory: "Course", contentType: "Course", visibility: isRoot ? "Default" : "Parent",
            encoding: "gzip", disposition: "inline")
        node.metadata += thumbnail(course.thumbnail, identifier: identifier, files: &node.files)
        node.metadata += catalogueFields(course.details)
        if let version = course.version { node.metadata.append(("version", .string(version))) }
        for reference in course.modules {
            guard let module = catalogue.module(for: reference) else {
                findings.append(PackRule.unloaded(reference, .module))
                continue
            }
            node.children.append(moduleNode(module, seed: seed + ["module", module.file.path.string]))
        }
        if let unit = caseStudiesUnit(course.caseStudies, seed: seed) { node.children.append(unit) }
        return node
    }

    // MARK: - Modules, lessons, quizzes

    func moduleNode(_ module: Module, seed: [String]) -> ECARNode {
        let identifier = identifier(seed)
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))], isCollection: true)
        if let id = module.id { node.metadata.append(("code", .string(id))) } else { findings.append(PackRule.missingID(module.file)) }
        node.metadata += common(
            name: module.title?.best(language) ?? module.id ?? identifier, description: text(module.description),
            mimeType: SunbirdVocabulary.collection, primaryCategory: "Course Unit", contentType: "CourseUnit",
            visibility: "Parent", encoding: "gzip", disposition: "inline")
        if !module.tags.isEmpty { node.metadata.append(("keywords", .strings(module.tags))) }
        node.metadata += duration(module.duration)
        for (index, lesson) in module.lessons.enumerated() {
            let key = lesson.source.resolved?.string ?? "\(index):\(lesson.source.written)"
            if let child = lessonNode(lesson, seed: seed + ["lesson", key]) { node.children.append(child) }
        }
        if let reference = module.quiz {
            if let quiz = catalogue.quiz(for: module), quiz.file.loaded {
                node.children.append(quizNode(quiz, seed: seed + ["quiz", quiz.file.path.string]))
            } else {
                findings.append(PackRule.unloaded(reference, .quiz))
            }
        }
        return node
    }

    func lessonNode(_ lesson: Lesson, seed: [String]) -> ECARNode? {
        guard let edition = lesson.editions.first(where: { $0.language == language }) else {
            findings.append(PackRule.missingEdition.finding(at: lesson.source.location, LocalizedText(
                en: "lesson '\(lesson.source.written)' has no \(languageName) (\(language)) file, so the \(language) edition cannot be packaged",
                hi: "पाठ '\(lesson.source.written)' की \(LanguageNames.hindi(language)) (\(language)) फ़ाइल नहीं है, इसलिए \(language) संस्करण पैकेज नहीं हो सकता")))
            return nil
        }
        let identifier = identifier(seed)
        let title = text(lesson.title) ?? text(edition.frontMatterTitle) ?? edition.path.name
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))])
        let description = text(edition.summary)
        if let document = edition.markdown {
            let archive: LessonArchive
            do {
                archive = try LessonArchive.build(
                    document: document, lessonPath: edition.path, title: title, language: language,
                    courseTitle: courseTitle, repository: repository, cache: cache)
            } catch {
                findings.append(PackRule.unreadableFile.finding(at: .wholeFile(repository.displayPath(for: edition.path)), error.message))
                return nil
            }
            findings += archive.findings
            let artifact = "\(identifier)/\(identifier).zip"
            node.files.append(.data(artifact, archive.data, digest: archive.digest))
            node.metadata += common(
                name: title, description: description, mimeType: SunbirdVocabulary.htmlArchive,
                primaryCategory: "Learning Resource", contentType: "Resource", visibility: "Parent",
                encoding: "gzip", disposition: "inline")
            node.metadata += [("artifactUrl", .string(artifact)), ("size", .int(archive.data.count))]
            let sources = edition.sources
            if !sources.isEmpty { node.metadata.append(("attributions", .strings(sources.map(\.citation)))) }
        } else {
            let ext = SunbirdVocabulary.fileExtension(edition.path.name)
            guard let mimeType = SunbirdVocabulary.mediaTypes[ext] else {
                findings.append(PackRule.unsupportedLesson.finding(at: lesson.source.location, LocalizedText(
                    en: "lesson file '\(edition.path.name)' is of a type Sunbird cannot play (.\(ext))",
                    hi: "पाठ फ़ाइल '\(edition.path.name)' का प्रकार (.\(ext)) Sunbird में नहीं चल सकता"),
                    hint: LocalizedText(
                        en: "use Markdown, PDF, MP4/WebM video, MP3/M4A audio or an image",
                        hi: "Markdown, PDF, MP4/WebM वीडियो, MP3/M4A ऑडियो या चित्र का उपयोग करें")))
                return nil
            }
            guard repository.entryType(edition.path) == .file else {
                findings.append(PackRule.unreadableFile.finding(at: lesson.source.location, LocalizedText(
                    en: "lesson file '\(edition.path.string)' cannot be read", hi: "पाठ फ़ाइल '\(edition.path.string)' पढ़ी नहीं जा सकती")))
                return nil
            }
            let artifact = "\(identifier)/\(edition.path.name)"
            node.files.append(.file(artifact, repository.url(for: edition.path)))
            node.metadata += common(
                name: title, description: description, mimeType: mimeType, primaryCategory: "Learning Resource",
                contentType: "Resource", visibility: "Parent", encoding: "identity", disposition: "inline")
            node.metadata += [("artifactUrl", .string(artifact)), ("size", .int(repository.fileSize(edition.path) ?? 0))]
        }
        node.metadata += duration(lesson.duration ?? edition.declaredDuration)
        return node
    }

    func quizNode(_ quiz: Quiz, seed: [String], visibility: String = "Parent") -> ECARNode {
        let identifier = identifier(seed)
        let (language, policy) = (language, unplayableQuestions)
        let build = { QuMLQuestionSet(quiz: quiz.details, language: language, policy: policy) }
        let set = cache?.questionSet(quiz: quiz.file.path.string, language: language, policy: policy, build: build) ?? build()
        findings += set.findings
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))], isCollection: true)
        if let id = quiz.id { node.metadata.append(("code", .string(id))) }
        node.metadata += common(
            name: text(quiz.details.title) ?? quiz.id ?? identifier, description: nil, mimeType: SunbirdVocabulary.questionSet,
            primaryCategory: "Course Assessment", contentType: nil, visibility: visibility, encoding: "gzip",
            disposition: "inline", objectType: "QuestionSet")
        node.metadata += set.metadata
        for question in set.questions {
            let questionIdentifier = self.identifier(seed + ["question", question.id])
            var fields: [(String, ECARJSON)] = [("identifier", .string(questionIdentifier))]
            fields += question.metadata.prefix(2)
            fields += [
                ("visibility", .string("Parent")), ("language", .strings([languageName])), ("languageCode", .strings([language])),
            ]
            fields += question.metadata.dropFirst(2)
            node.children.append(ECARNode(identifier: questionIdentifier, metadata: fields))
        }
        return node
    }
}
