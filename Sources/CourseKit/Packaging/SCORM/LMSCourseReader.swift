import Foundation

/// Reads one language edition of a course from the loaded catalogue into an `LMSCourse`,
/// collecting the same `pack-*` findings as the ECAR builder (an edition with errors is not
/// written).
struct LMSCourseReader {
    var catalogue: Catalogue
    var language: String

    var repository: Repository { catalogue.repository }

    func text(_ field: TranslatedText?) -> String {
        field?.resolved(language) ?? ""
    }

    func read(_ course: Course) -> (course: LMSCourse?, findings: [Finding]) {
        var findings: [Finding] = []
        guard let id = course.id else {
            findings.append(PackRule.missingID(course.file))
            return (nil, findings)
        }
        var modules: [LMSModule] = []
        for reference in course.modules {
            guard let module = catalogue.module(for: reference) else {
                findings.append(PackRule.unloaded(reference, .module))
                continue
            }
            let number = String(format: "%02d", modules.count + 1)
            let folder = number + "-" + Self.safeName(module.id ?? "module")
            modules.append(read(module, folder: folder, findings: &findings))
        }
        let title = course.title?.best(language) ?? id
        let lms = LMSCourse(id: id, version: course.version, language: language, title: title,
                            description: text(course.details.description), modules: modules)
        return (lms, findings)
    }

    /// A programme: its days that hold modules or courses, each module once per session that
    /// schedules it. Classroom and field sessions happen in person; they are named in the
    /// day's description and are not part of the package (the ECAR carries an outline page for
    /// each).
    func read(_ programme: Programme) -> (course: LMSCourse?, findings: [Finding]) {
        var findings: [Finding] = []
        guard let id = programme.id else {
            findings.append(PackRule.missingID(programme.file))
            return (nil, findings)
        }
        let hindi = language == "hi"
        var modules: [LMSModule] = []
        var groups: [LMSGroup] = []
        func add(_ module: Module, into indices: inout [Int]) {
            let folderName = String(format: "%02d", modules.count + 1) + "-" + Self.safeName(module.id ?? "module")
            indices.append(modules.count)
            modules.append(read(module, folder: folderName, findings: &findings))
        }
        func unresolved(_ reference: FileReference) {
            findings.append(PackRule.unloaded(reference))
        }
        for day in programme.days {
            let number = day.number
            let dayTitle = day.title.map(text) ?? String(number)
            var indices: [Int] = []
            var inPerson: [String] = []
            for session in day.sessions {
                switch session.content {
                case .module(let reference):
                    guard let module = catalogue.module(for: reference) else { unresolved(reference); continue }
                    add(module, into: &indices)
                case .course(let reference):
                    let manifest = reference.resolved?.appending("course.yaml")
                    guard let course = catalogue.courses.first(where: { $0.file.path == manifest }) else { unresolved(reference); continue }
                    for moduleReference in course.modules {
                        guard let module = catalogue.module(for: moduleReference) else { unresolved(moduleReference); continue }
                        add(module, into: &indices)
                    }
                case .caseStudy, .classroom:
                    if let title = session.title.map(text), !title.isEmpty { inPerson.append(title) }
                }
            }
            guard !indices.isEmpty else { continue }
            let label = hindi ? "दिन \(number): \(dayTitle)" : "Day \(number): \(dayTitle)"
            let description = inPerson.isEmpty ? label
                : (hindi ? "कक्षा सत्र (आमने-सामने): " : "Sessions in person: ") + inPerson.joined(separator: "; ")
            groups.append(LMSGroup(id: "day-\(number)", title: label, description: description, modules: indices))
        }
        let lms = LMSCourse(id: id, version: programme.details.version, language: language,
                            title: programme.details.title.map(text) ?? id,
                            description: text(programme.details.description), modules: modules, groups: groups)
        return (lms, findings)
    }

    /// Letters, digits, `-` and `_`; anything else becomes `-`.
    static func safeName(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "-"
        })
    }

    func read(_ module: Module, folder: String, findings: inout [Finding]) -> LMSModule {
        var lessons: [LMSLesson] = []
        var files: [ZipEntry] = []
        var usedNames: Set<String> = ["index.html"]
        for lesson in module.lessons {
            guard let edition = lesson.editions.first(where: { $0.language == language }) else {
                findings.append(PackRule.missingEdition.finding(at: lesson.source.location, LocalizedText(
                    en: "lesson '\(lesson.source.written)' has no \(LanguageNames.english(language)) (\(language)) file, so the \(language) edition cannot be packaged",
                    hi: "पाठ '\(lesson.source.written)' की \(LanguageNames.hindi(language)) (\(language)) फ़ाइल नहीं है, इसलिए \(language) संस्करण पैकेज नहीं हो सकता")))
                continue
            }
            let title = lesson.title.map(text) ?? edition.frontMatterTitle.map(text) ?? edition.path.name
            if let document = edition.markdown {
                let content = LessonContent.render(document: document, lessonPath: edition.path, language: language, repository: repository, usedNames: &usedNames)
                findings += content.findings
                files += content.images
                lessons.append(LMSLesson(title: title, bodyHTML: content.bodyHTML))
                continue
            }
            let ext = SunbirdVocabulary.fileExtension(edition.path.name)
            guard let mimeType = SunbirdVocabulary.mediaTypes[ext], ext != "epub" else {
                findings.append(PackRule.unsupportedLesson.finding(at: lesson.source.location, LocalizedText(
                    en: "lesson file '\(edition.path.name)' is of a type a web page cannot show (.\(ext))",
                    hi: "पाठ फ़ाइल '\(edition.path.name)' का प्रकार (.\(ext)) वेब पेज में नहीं दिख सकता")))
                continue
            }
            guard repository.entryType(edition.path) == .file else {
                findings.append(PackRule.unreadableFile.finding(at: lesson.source.location, LocalizedText(
                    en: "lesson file '\(edition.path.string)' cannot be read", hi: "पाठ फ़ाइल '\(edition.path.string)' पढ़ी नहीं जा सकती")))
                continue
            }
            var name = "media/" + edition.path.name
            var counter = 2
            while !usedNames.insert(ArchiveEntryName.caseFoldKey(name)).inserted {
                name = "media/\(counter)-\(edition.path.name)"
                counter += 1
            }
            files.append(.file(name, repository.url(for: edition.path)))
            lessons.append(LMSLesson(title: title, bodyHTML: Self.mediaHTML(name: name, mimeType: mimeType, title: title, language: language)))
        }
        var quiz: Quiz?
        if let reference = module.quiz {
            if let source = catalogue.quiz(for: module), source.file.loaded {
                quiz = source
            } else {
                findings.append(PackRule.unloaded(reference, .quiz))
            }
        }
        return LMSModule(
            id: module.id ?? folder, folder: folder, title: module.title?.best(language) ?? module.id ?? folder,
            description: text(module.description), lessons: lessons, quiz: quiz, files: files)
    }

    /// A PDF, video, audio or image lesson as the body of its section.
    static func mediaHTML(name: String, mimeType: String, title: String, language: String) -> String {
        let src = HTMLEscaping.escape(name)
        let label = HTMLEscaping.escape(title)
        let open = language == "hi" ? "फ़ाइल खोलें" : "Open the file"
        let link = "<p><a href=\"\(src)\" target=\"_blank\" rel=\"noopener\">\(HTMLEscaping.escape(open)): \(label)</a></p>\n"
        if mimeType.hasPrefix("video/") {
            return "<h1>\(label)</h1>\n<video controls preload=\"metadata\" src=\"\(src)\"></video>\n" + link
        }
        if mimeType.hasPrefix("audio/") {
            return "<h1>\(label)</h1>\n<audio controls preload=\"metadata\" src=\"\(src)\"></audio>\n" + link
        }
        if mimeType.hasPrefix("image/") {
            return "<h1>\(label)</h1>\n<p><img src=\"\(src)\" alt=\"\(label)\"></p>\n"
        }
        return "<h1>\(label)</h1>\n<object data=\"\(src)\" type=\"\(HTMLEscaping.escape(mimeType))\" class=\"ck-document\">\(link)</object>\n" + link
    }
}
