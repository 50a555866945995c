import Foundation

/// Turns a loaded course (or programme) and one of its language editions into an ECAR plan,
/// following design.md §4:
///
/// - course → Collection (`application/vnd.ekstep.content-collection`, primaryCategory
///   `Course`, contentType `Course`); programme → the same with primaryCategory `Program`, one
///   `CourseUnit` per day holding the day's modules and courses;
/// - module → `CourseUnit` (collection, primaryCategory `Course Unit`, visibility `Parent`);
/// - Markdown lesson → `Learning Resource` html-archive (an inner zip with `index.html` and the
///   lesson's images; `contentEncoding: gzip`, `contentDisposition: online`); PDF, video, audio
///   and image lessons keep their own mime type;
/// - quiz → QuML question set (`application/vnd.sunbird.questionset`, primaryCategory
///   `Course Assessment`) with one `Question` item per question.
///
/// Identifiers are `do_` plus 24 hex digits of a SHA-256 over the root id, the language and
/// the item's place in the sources, so they are stable across builds; `ts` comes from the
/// given timestamp and `resmsgid` from the content. Nothing depends on the clock or on chance.
public struct ECARBuilder: Sendable {
    public var catalogue: Catalogue
    /// The archive's date (`ts`); see `ArchiveTimestamp`.
    public var timestamp: Date
    /// What becomes of fill-in and match questions, which Sunbird's QuML player cannot render.
    public var unplayableQuestions: UnplayableQuestionPolicy

    public init(catalogue: Catalogue, timestamp: Date = ArchiveTimestamp.fallback, unplayableQuestions: UnplayableQuestionPolicy = .error) {
        self.catalogue = catalogue
        self.timestamp = timestamp
        self.unplayableQuestions = unplayableQuestions
    }

    /// `<id>_<version>_<language>.ecar`, with anything but letters, digits, `.`, `-` and `_`
    /// in the version replaced by `-`.
    public static func archiveName(id: String, version: String?, language: String) -> String {
        let safe = (version ?? "0").unicodeScalars.map { scalar -> String in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
                ? String(scalar) : "-"
        }.joined()
        return "\(id)_\(safe)_\(language).ecar"
    }

    /// Plans the ECAR of one language edition of a course.
    public func plan(course: Course, language: String) throws(ArchiveError) -> ECARPlan {
        let assembler = ECARAssembler(catalogue: catalogue, language: language, unplayableQuestions: unplayableQuestions)
        guard let id = course.id else {
            return ECARPlan(archiveName: "course_\(language).ecar", rootIdentifier: "", language: language, entries: [],
                            itemCount: 0, findings: [assembler.missingID(course.file)])
        }
        assembler.rootID = id
        var root = assembler.courseNode(course, seed: ["course", id], isRoot: true)
        root.isTrackableRoot = true
        return try ECARPlan.assemble(
            root: root, archiveName: Self.archiveName(id: id, version: course.version, language: language),
            version: course.version, language: language, timestamp: timestamp, findings: assembler.findings)
    }

    /// Plans the ECAR of one language edition of a programme.
    public func plan(programme: Programme, language: String) throws(ArchiveError) -> ECARPlan {
        let assembler = ECARAssembler(catalogue: catalogue, language: language, unplayableQuestions: unplayableQuestions)
        guard let id = programme.id else {
            return ECARPlan(archiveName: "programme_\(language).ecar", rootIdentifier: "", language: language, entries: [],
                            itemCount: 0, findings: [assembler.missingID(programme.file)])
        }
        assembler.rootID = id
        var root = assembler.programmeNode(programme, id: id)
        root.isTrackableRoot = true
        let version = programme.value["version"]?.string
        return try ECARPlan.assemble(
            root: root, archiveName: Self.archiveName(id: id, version: version, language: language),
            version: version, language: language, timestamp: timestamp, findings: assembler.findings)
    }

    /// Plans a question-set ECAR of one language edition of a module's quiz, for practice
    /// offline: the mobile app plays questions stored on the device only when the question set
    /// is the archive's root. Each question's `index.json` (a one-item manifest) is stored in
    /// `<question>/<question>.zip`, which the app unzips into `content/<set>/<question>/`.
    /// The archive is named `<quiz-id>_<module version>_<language>.ecar`, or
    /// `<quiz-id>_<language>.ecar` when the module has no version, so a library module's quiz
    /// used by many courses gives one archive per edition.
    public func plan(quiz: Quiz, of module: Module, language: String) throws(ArchiveError) -> ECARPlan {
        let assembler = ECARAssembler(catalogue: catalogue, language: language, unplayableQuestions: unplayableQuestions)
        guard let id = quiz.id else {
            return ECARPlan(archiveName: "quiz_\(language).ecar", rootIdentifier: "", language: language, entries: [],
                            itemCount: 0, findings: [assembler.missingID(quiz.file)])
        }
        assembler.rootID = id
        let version = module.value["version"]?.string
        var root = assembler.quizNode(quiz, seed: ["quiz", id], visibility: "Default")
        root.metadata += assembler.catalogueFields(module.value)
        for index in root.children.indices {
            let question = root.children[index]
            let manifest = ECARJSON.object([
                ("id", .string("sunbird.content.archive")), ("ver", .string("1.2")),
                ("archive", .object([("count", .int(1)), ("items", .array([.object(question.metadata + [("parent", .string(root.identifier))])]))])),
            ])
            let artifact = "\(question.identifier)/\(question.identifier).zip"
            let zip = try ZipArchiveWriter().archiveData([.data("index.json", Data(manifest.bytes()))])
            root.children[index].files.append(.data(artifact, zip))
            root.children[index].metadata += [
                ("contentEncoding", .string("gzip")), ("contentDisposition", .string("inline")),
                ("artifactUrl", .string(artifact)), ("size", .int(zip.count)),
            ]
        }
        let name = version == nil ? "\(id)_\(language).ecar" : Self.archiveName(id: id, version: version, language: language)
        return try ECARPlan.assemble(
            root: root, archiveName: name, version: version, language: language, timestamp: timestamp, findings: assembler.findings)
    }

    /// Every source file an edition is built from (for `ArchiveTimestamp.fromGit`).
    public func sourcePaths(of course: Course) -> [String] {
        var paths = [catalogue.repository.absolutePath(course.file.path.parent)]
        for reference in course.modules {
            if let folder = reference.resolved { paths.append(catalogue.repository.absolutePath(folder)) }
        }
        return paths
    }
}

/// The mutable state of one plan: the edition's language, identifiers used so far and findings.
final class ECARAssembler {
    let catalogue: Catalogue
    let language: String
    let unplayableQuestions: UnplayableQuestionPolicy
    var rootID = ""
    var findings: [Finding] = []
    private var usedIdentifiers: Set<String> = []
    private var courseTitle: String?

    init(catalogue: Catalogue, language: String, unplayableQuestions: UnplayableQuestionPolicy) {
        self.catalogue = catalogue
        self.language = language
        self.unplayableQuestions = unplayableQuestions
    }

    var repository: Repository { catalogue.repository }
    var languageName: String { LanguageNames.english(language) }

    // MARK: - Helpers

    func missingID(_ file: SourceFile) -> Finding {
        PackRule.missingIdentifier.finding(at: file.location, LocalizedText(
            en: "\(file.displayPath) has no id, so no stable identifier can be derived for it",
            hi: "\(file.displayPath) का id नहीं है, इसलिए इसका स्थिर identifier नहीं बन सकता"),
            hint: LocalizedText(en: "add an 'id:' line", hi: "'id:' पंक्ति जोड़ें"))
    }

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

    func text(_ value: LocatedValue?) -> String? {
        guard let value else { return nil }
        if let plain = value.string { return plain }
        guard value.object != nil else { return nil }
        return TranslatedText(value).best(language)
    }

    func list(_ value: LocatedValue?) -> [String] {
        guard let value else { return [] }
        if let items = value.array { return items.compactMap(\.string) }
        return (value[language] ?? value.object?.entries.first?.value)?.array?.compactMap(\.string) ?? []
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

    func duration(_ value: LocatedValue?) -> [(String, ECARJSON)] {
        guard let text = value?.string, let seconds = ISODuration.seconds(text) else { return [] }
        return [("duration", .string(String(seconds)))]
    }

    /// Course-level metadata shared by courses and programmes.
    func catalogueFields(_ value: LocatedValue) -> [(String, ECARJSON)] {
        var fields: [(String, ECARJSON)] = []
        let keywords = list(value["keywords"])
        if !keywords.isEmpty { fields.append(("keywords", .strings(keywords))) }
        if let licence = value["licence"]?.string { fields.append(("license", .string(SunbirdVocabulary.licenceName(licence)))) }
        let audience = value["audience"]?.array?.compactMap(\.string) ?? []
        if !audience.isEmpty { fields.append(("audience", .strings(audience))) }
        fields += duration(value["duration"])
        if let provider = text(value["provider"]?["name"]) {
            fields.append(("creator", .string(provider)))
            fields.append(("organisation", .strings([provider])))
        }
        let competencies = (value["competencies"]?.array ?? []).compactMap { entry -> ECARJSON? in
            guard let area = entry["area"]?.string, let theme = entry["theme"]?.string else { return nil }
            var members: [(String, ECARJSON)] = [
                ("competencyAreaId", .string(SunbirdVocabulary.competencyID(area))),
                ("competencyAreaName", .string(area)),
                ("competencyThemeId", .string(SunbirdVocabulary.competencyID(area + "/" + theme))),
                ("competencyThemeName", .string(theme)),
            ]
            if let sub = entry["subTheme"]?.string {
                members.append(("competencySubThemeId", .string(SunbirdVocabulary.competencyID(area + "/" + theme + "/" + sub))))
                members.append(("competencySubThemeName", .string(sub)))
            }
            return .object(members)
        }
        if !competencies.isEmpty { fields.append(("competencies_v5", .array(competencies))) }
        return fields
    }

    /// Adds the thumbnail as `<identifier>/<name>` and returns the `appIcon` field.
    func thumbnail(_ value: LocatedValue, folder: RepositoryPath, identifier: String, files: inout [ZipEntry]) -> [(String, ECARJSON)] {
        guard let written = value["thumbnail"], let text = written.string else { return [] }
        guard let path = folder.resolving(text), repository.entryType(path) == .file else {
            findings.append(PackRule.unresolvedReference.finding(at: written.location, LocalizedText(
                en: "thumbnail '\(text)' does not exist inside the repository", hi: "थंबनेल '\(text)' रिपॉज़िटरी में मौजूद नहीं है")))
            return []
        }
        let name = "\(identifier)/\(path.name)"
        files.append(.file(name, repository.url(for: path)))
        return [("appIcon", .string(name))]
    }

    // MARK: - Courses and programmes

    func courseNode(_ course: Course, seed: [String], isRoot: Bool) -> ECARNode {
        let value = course.value
        let identifier = identifier(seed)
        let title = course.title?.best(language) ?? course.id ?? identifier
        let outerTitle = courseTitle
        courseTitle = title
        defer { if outerTitle != nil { courseTitle = outerTitle } }
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))], isCollection: true)
        node.metadata += [("code", .string(course.id ?? ""))]
        node.metadata += common(
            name: title, description: text(value["description"]), mimeType: SunbirdVocabulary.collection,
            primaryCategory: "Course", contentType: "Course", visibility: isRoot ? "Default" : "Parent",
            encoding: "gzip", disposition: "inline")
        node.metadata += thumbnail(value, folder: course.file.path.parent, identifier: identifier, files: &node.files)
        node.metadata += catalogueFields(value)
        if let version = course.version { node.metadata.append(("version", .string(version))) }
        for reference in course.modules {
            guard let module = catalogue.module(for: reference) else {
                findings.append(PackRule.unresolvedReference.finding(at: reference.location, LocalizedText(
                    en: "module '\(reference.written)' could not be loaded, so it cannot be packaged",
                    hi: "मॉड्यूल '\(reference.written)' लोड नहीं हो सका, इसलिए पैकेज नहीं हो सकता")))
                continue
            }
            node.children.append(moduleNode(module, seed: seed + ["module", module.file.path.string]))
        }
        let studies = course.caseStudies.compactMap { reference -> ECARNode? in
            guard let study = catalogue.caseStudy(for: reference), study.file.loaded else {
                findings.append(PackRule.unresolvedReference.finding(at: reference.location, LocalizedText(
                    en: "case study '\(reference.written)' could not be loaded, so it cannot be packaged",
                    hi: "केस स्टडी '\(reference.written)' लोड नहीं हो सकी, इसलिए पैकेज नहीं हो सकती")))
                return nil
            }
            return caseStudyNode(study, seed: seed + ["case-study", study.file.path.string])
        }
        if !studies.isEmpty {
            let unitIdentifier = self.identifier(seed + ["case-studies"])
            var unit = ECARNode(identifier: unitIdentifier, metadata: [("identifier", .string(unitIdentifier))], isCollection: true)
            unit.metadata += common(
                name: language == "hi" ? "अमृत ज्ञान कोश: केस स्टडी" : "Amrit Gyan Kosh: case studies",
                description: language == "hi" ? "चर्चा के लिए केस स्टडी, चर्चा के सवालों के साथ" : "Case studies for discussion, with discussion questions",
                mimeType: SunbirdVocabulary.collection, primaryCategory: "Course Unit", contentType: "CourseUnit",
                visibility: "Parent", encoding: "gzip", disposition: "inline")
            unit.children = studies
            node.children.append(unit)
        }
        return node
    }

    /// A case study as a one-page html-archive: summary, its sections, the discussion questions
    /// and its sources. Teaching notes are for the facilitator and stay out of the learner's page.
    func caseStudyNode(_ study: CaseStudy, seed: [String]) -> ECARNode? {
        let value = study.value
        let identifier = identifier(seed)
        let hindi = language == "hi"
        let title = text(value["title"]) ?? study.id ?? identifier
        let headings: [String: (String, String)] = [
            "context": ("Context", "पृष्ठभूमि"), "challenge": ("The challenge", "चुनौती"),
            "intervention": ("What was done", "क्या किया गया"), "outcomes": ("Outcomes", "परिणाम"),
            "lessons": ("Lessons", "सीख"), "replication": ("Doing it elsewhere", "दूसरी जगह लागू करना"),
        ]
        var body = "<h1>" + HTMLEscaping.escape(title) + "</h1>\n"
        if let summary = text(value["summary"]) { body += "<p><strong>" + HTMLEscaping.escape(summary) + "</strong></p>\n" }
        for entry in value["sections"]?.object?.entries ?? [] {
            guard let markdown = text(entry.value) else { continue }
            let heading = headings[entry.key].map { hindi ? $0.1 : $0.0 } ?? entry.key
            body += "<h2>" + HTMLEscaping.escape(heading) + "</h2>\n" + CmarkTree.renderHTML(markdown)
        }
        let questions = (value["discussionQuestions"]?.array ?? []).compactMap(text)
        if !questions.isEmpty {
            body += "<h2>" + (hindi ? "चर्चा के सवाल" : "Questions for discussion") + "</h2>\n<ol>\n"
            body += questions.map { "<li>" + HTMLEscaping.escape($0) + "</li>\n" }.joined() + "</ol>\n"
        }
        let sources = (value["sources"]?.array ?? []).compactMap { entry -> LessonSource? in
            guard let title = entry["title"]?.string else { return nil }
            return LessonSource(title: title, issuer: entry["issuer"]?.string ?? "", year: entry["year"]?.int ?? 0,
                                url: entry["url"]?.string, reference: entry["reference"]?.string)
        }
        body += LessonSourcesHTML.render(sources, language: language)
        let page = LessonPage(title: title, language: language, courseTitle: courseTitle, bodyHTML: body)
        let data: Data
        do {
            data = try ZipArchiveWriter().archiveData([.data("index.html", Data(page.render().utf8))])
        } catch {
            findings.append(PackRule.unreadableFile.finding(at: study.file.location, error.message))
            return nil
        }
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))])
        if let id = study.id { node.metadata.append(("code", .string(id))) }
        node.metadata += common(
            name: title, description: text(value["summary"]), mimeType: SunbirdVocabulary.htmlArchive,
            primaryCategory: "Learning Resource", contentType: "Resource", visibility: "Parent", encoding: "gzip", disposition: "inline")
        let artifact = "\(identifier)/\(identifier).zip"
        node.files.append(.data(artifact, data))
        node.metadata += [("artifactUrl", .string(artifact)), ("size", .int(data.count))]
        if !sources.isEmpty { node.metadata.append(("attributions", .strings(sources.map(\.citation)))) }
        return node
    }

    func programmeNode(_ programme: Programme, id: String) -> ECARNode {
        let value = programme.value
        let seed = ["programme", id]
        let identifier = identifier(seed)
        let title = text(value["title"]) ?? id
        courseTitle = title
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier)), ("code", .string(id))], isCollection: true)
        node.metadata += common(
            name: title, description: text(value["description"]), mimeType: SunbirdVocabulary.collection,
            primaryCategory: "Program", contentType: "Course", visibility: "Default", encoding: "gzip", disposition: "inline")
        node.metadata += thumbnail(value, folder: programme.file.path.parent, identifier: identifier, files: &node.files)
        var fields = catalogueFields(value)
        let total = (value["days"]?.array ?? []).flatMap { $0["sessions"]?.array ?? [] }
            .compactMap { $0["duration"]?.string.flatMap(ISODuration.seconds) }.reduce(0, +)
        if total > 0, !fields.contains(where: { $0.0 == "duration" }) { fields.append(("duration", .string(String(total)))) }
        node.metadata += fields
        if let version = value["version"]?.string { node.metadata.append(("version", .string(version))) }
        let folder = programme.file.path.parent
        for day in value["days"]?.array ?? [] {
            let number = day["day"]?.int ?? node.children.count + 1
            let daySeed = seed + ["day", String(number)]
            let dayIdentifier = self.identifier(daySeed)
            let dayTitle = text(day["title"]) ?? String(number)
            let label = language == "hi" ? "दिन \(number): \(dayTitle)" : "Day \(number): \(dayTitle)"
            var unit = ECARNode(identifier: dayIdentifier, metadata: [("identifier", .string(dayIdentifier))], isCollection: true)
            var classroom: [String] = []
            var children: [ECARNode] = []
            var sessionNumber = 0
            var seconds = 0
            for session in day["sessions"]?.array ?? [] {
                sessionNumber += 1
                seconds += session["duration"]?.string.flatMap(ISODuration.seconds) ?? 0
                if let written = session["module"], let path = written.string {
                    guard let folderPath = folder.resolving(path), let module = catalogue.modules[folderPath.appending("module.yaml")] else {
                        unresolved(path, at: written.location)
                        continue
                    }
                    children.append(moduleNode(module, seed: daySeed + ["module", module.file.path.string]))
                } else if let written = session["course"], let path = written.string {
                    guard let folderPath = folder.resolving(path),
                          let course = catalogue.courses.first(where: { $0.file.path == folderPath.appending("course.yaml") })
                    else {
                        unresolved(path, at: written.location)
                        continue
                    }
                    children.append(courseNode(course, seed: daySeed + ["course", course.id ?? course.file.path.string], isRoot: false))
                } else if let written = session["caseStudy"], let path = written.string {
                    guard let folderPath = folder.resolving(path),
                          let study = catalogue.caseStudies.first(where: { $0.file.path == folderPath.appending("case-study.yaml") }),
                          study.file.loaded,
                          let page = caseStudyNode(study, seed: daySeed + ["case-study", String(sessionNumber)])
                    else {
                        unresolved(path, at: written.location)
                        continue
                    }
                    children.append(page)
                } else if let title = text(session["title"]) {
                    classroom.append(title)
                    if let page = sessionNode(session, title: title, dayLabel: label, seed: daySeed + ["session", String(sessionNumber)]) {
                        children.append(page)
                    }
                }
            }
            let heading = language == "hi" ? "कक्षा सत्र: " : "Classroom sessions: "
            unit.metadata += common(
                name: label, description: classroom.isEmpty ? nil : heading + classroom.joined(separator: "; "),
                mimeType: SunbirdVocabulary.collection, primaryCategory: "Course Unit", contentType: "CourseUnit",
                visibility: "Parent", encoding: "gzip", disposition: "inline")
            if seconds > 0 { unit.metadata.append(("duration", .string(String(seconds)))) }
            unit.children = children
            node.children.append(unit)
        }
        return node
    }

    /// A classroom session as a one-page html-archive (what, how long, how it is taught), so
    /// that the day's unit shows every session and none is empty.
    func sessionNode(_ session: LocatedValue, title: String, dayLabel: String, seed: [String]) -> ECARNode? {
        let identifier = identifier(seed)
        let hindi = language == "hi"
        var rows: [(String, String)] = []
        if let duration = session["duration"]?.string, let seconds = ISODuration.seconds(duration) {
            let minutes = seconds / 60
            let hours = minutes / 60, rest = minutes % 60
            let shown = hindi
                ? [hours > 0 ? "\(hours) घंटे" : nil, rest > 0 ? "\(rest) मिनट" : nil].compactMap { $0 }.joined(separator: " ")
                : [hours > 0 ? "\(hours) h" : nil, rest > 0 ? "\(rest) min" : nil].compactMap { $0 }.joined(separator: " ")
            rows.append((hindi ? "अवधि" : "Duration", shown))
        }
        if let mode = session["mode"]?.string {
            let modes: [String: (String, String)] = [
                "classroom": ("Classroom", "कक्षा"), "field-visit": ("Field visit", "क्षेत्र भ्रमण"), "online": ("Online", "ऑनलाइन"),
                "assessment": ("Assessment", "मूल्यांकन"),
            ]
            let name = modes[mode].map { hindi ? $0.1 : $0.0 } ?? mode
            rows.append((hindi ? "विधि" : "Mode", name))
        }
        var body = "<p>" + HTMLEscaping.escape(dayLabel) + "</p>\n<dl>\n"
        for (term, value) in rows {
            body += "<dt>" + HTMLEscaping.escape(term) + "</dt><dd>" + HTMLEscaping.escape(value) + "</dd>\n"
        }
        body += "</dl>\n"
        if let description = text(session["description"]) {
            body += "<p>" + HTMLEscaping.escape(description) + "</p>\n"
        }
        body += "<p>" + HTMLEscaping.escape(hindi
            ? "यह सत्र प्रशिक्षण संस्थान में आमने-सामने होता है; यह पृष्ठ उसकी रूपरेखा है।"
            : "This session takes place in person at the training institute; this page is its outline.") + "</p>\n"
        let page = LessonPage(title: title, language: language, courseTitle: courseTitle, bodyHTML: body)
        let data: Data
        do {
            data = try ZipArchiveWriter().archiveData([.data("index.html", Data(page.render().utf8))])
        } catch {
            findings.append(PackRule.unreadableFile.finding(at: session.location, error.message))
            return nil
        }
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))])
        node.metadata += common(
            name: title, description: nil, mimeType: SunbirdVocabulary.htmlArchive, primaryCategory: "Learning Resource",
            contentType: "Resource", visibility: "Parent", encoding: "gzip", disposition: "inline")
        let artifact = "\(identifier)/\(identifier).zip"
        node.files.append(.data(artifact, data))
        node.metadata += [("artifactUrl", .string(artifact)), ("size", .int(data.count))]
        node.metadata += duration(session["duration"])
        return node
    }

    private func unresolved(_ path: String, at location: SourceLocation) {
        findings.append(PackRule.unresolvedReference.finding(at: location, LocalizedText(
            en: "'\(path)' could not be loaded, so it cannot be packaged",
            hi: "'\(path)' लोड नहीं हो सका, इसलिए पैकेज नहीं हो सकता")))
    }

    // MARK: - Modules, lessons, quizzes

    func moduleNode(_ module: Module, seed: [String]) -> ECARNode {
        let value = module.value
        let identifier = identifier(seed)
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))], isCollection: true)
        if let id = module.id { node.metadata.append(("code", .string(id))) } else { findings.append(missingID(module.file)) }
        node.metadata += common(
            name: module.title?.best(language) ?? module.id ?? identifier, description: text(value["description"]),
            mimeType: SunbirdVocabulary.collection, primaryCategory: "Course Unit", contentType: "CourseUnit",
            visibility: "Parent", encoding: "gzip", disposition: "inline")
        if !module.tags.isEmpty { node.metadata.append(("keywords", .strings(module.tags))) }
        node.metadata += duration(value["duration"])
        for (index, lesson) in module.lessons.enumerated() {
            let key = lesson.source.resolved?.string ?? "\(index):\(lesson.source.written)"
            if let child = lessonNode(lesson, seed: seed + ["lesson", key]) { node.children.append(child) }
        }
        if let reference = module.quiz {
            if let quiz = catalogue.quiz(for: module), quiz.file.loaded {
                node.children.append(quizNode(quiz, seed: seed + ["quiz", quiz.file.path.string]))
            } else {
                findings.append(PackRule.unresolvedReference.finding(at: reference.location, LocalizedText(
                    en: "quiz '\(reference.written)' could not be loaded, so it cannot be packaged",
                    hi: "क्विज़ '\(reference.written)' लोड नहीं हो सकी, इसलिए पैकेज नहीं हो सकती")))
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
        let front = edition.markdown?.frontMatter
        let title = text(lesson.entry["title"]) ?? text(front?["title"]) ?? edition.path.name
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))])
        let durationFields = duration(lesson.entry["duration"] ?? front?["duration"])
        let description = text(front?["summary"])
        if let document = edition.markdown {
            let archive: LessonArchive
            do {
                archive = try LessonArchive.build(
                    document: document, lessonPath: edition.path, title: title, language: language,
                    courseTitle: courseTitle, repository: repository)
            } catch {
                findings.append(PackRule.unreadableFile.finding(at: .wholeFile(repository.displayPath(for: edition.path)), error.message))
                return nil
            }
            findings += archive.findings
            let artifact = "\(identifier)/\(identifier).zip"
            node.files.append(.data(artifact, archive.data))
            node.metadata += common(
                name: title, description: description, mimeType: SunbirdVocabulary.htmlArchive,
                primaryCategory: "Learning Resource", contentType: "Resource", visibility: "Parent",
                encoding: "gzip", disposition: "inline")
            node.metadata += [("artifactUrl", .string(artifact)), ("size", .int(archive.data.count))]
            let sources = LessonSource.list(in: document.frontMatter)
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
        node.metadata += durationFields
        return node
    }

    func quizNode(_ quiz: Quiz, seed: [String], visibility: String = "Parent") -> ECARNode {
        let value = quiz.value
        let identifier = identifier(seed)
        let set = QuMLQuestionSet(quiz: value, language: language, policy: unplayableQuestions)
        findings += set.findings
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier))], isCollection: true)
        if let id = quiz.id { node.metadata.append(("code", .string(id))) }
        node.metadata += common(
            name: text(value["title"]) ?? quiz.id ?? identifier, description: nil, mimeType: SunbirdVocabulary.questionSet,
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
