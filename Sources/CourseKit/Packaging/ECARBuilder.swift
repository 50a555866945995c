import Foundation

/// Turns a loaded course (or programme) and one of its language editions into an ECAR plan,
/// following design.md §4:
///
/// - course → Collection (`application/vnd.ekstep.content-collection`, primaryCategory
///   `Course`, contentType `Course`); programme → the same with primaryCategory `Program`, one
///   `CourseUnit` per day holding the day's modules, courses, case studies and session pages;
/// - module → `CourseUnit` (collection, primaryCategory `Course Unit`, visibility `Parent`);
/// - Markdown lesson → `Learning Resource` html-archive (an inner zip with `index.html` and the
///   lesson's images; `contentEncoding: gzip`, `contentDisposition: inline`); PDF, video, audio
///   and image lessons keep their own mime type;
/// - quiz → QuML question set (`application/vnd.sunbird.questionset`, primaryCategory
///   `Course Assessment`) with one `Question` item per question.
///
/// Identifiers are `do_` plus 24 hex digits of a SHA-256 over the root id, the language and
/// the item's place in the sources, so they are stable across builds; `ts` comes from the
/// given timestamp and `resmsgid` from the content. Nothing depends on the clock or on chance.
/// Everything is read from the typed course model the loader decoded (`Course`, `Module`,
/// `Lesson`, `QuizDetails`, `ProgrammeDay`, `CaseStudyDetails`), never from raw YAML.
public struct ECARBuilder: Sendable {
    public var catalogue: Catalogue
    /// The archive's date (`ts`); see `ArchiveTimestamp`.
    public var timestamp: Date
    /// What becomes of fill-in and match questions, which Sunbird's QuML player cannot render.
    public var unplayableQuestions: UnplayableQuestionPolicy
    /// Lesson archives shared between plans (and runs); nil builds every lesson afresh.
    public var cache: PackCache?

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
        assembler.cache = cache
        guard let id = course.id else {
            return ECARPlan(archiveName: "course_\(language).ecar", rootIdentifier: "", language: language, entries: [],
                            itemCount: 0, findings: [PackRule.missingID(course.file)])
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
        assembler.cache = cache
        guard let id = programme.id else {
            return ECARPlan(archiveName: "programme_\(language).ecar", rootIdentifier: "", language: language, entries: [],
                            itemCount: 0, findings: [PackRule.missingID(programme.file)])
        }
        assembler.rootID = id
        var root = assembler.programmeNode(programme, id: id)
        root.isTrackableRoot = true
        let version = programme.details.version
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
        assembler.cache = cache
        guard let id = quiz.id else {
            return ECARPlan(archiveName: "quiz_\(language).ecar", rootIdentifier: "", language: language, entries: [],
                            itemCount: 0, findings: [PackRule.missingID(quiz.file)])
        }
        assembler.rootID = id
        let version = module.version
        var root = assembler.quizNode(quiz, seed: ["quiz", id], visibility: "Default")
        root.metadata += assembler.catalogueFields(module.details)
        for index in root.children.indices {
            let question = root.children[index]
            let manifest = ECARJSON.object([
                ("id", .string("sunbird.content.archive")), ("ver", .string("1.2")),
                ("archive", .object([("count", .int(1)), ("items", .array([.object(question.metadata + [("parent", .string(root.identifier))])]))])),
            ])
            let artifact = "\(question.identifier)/\(question.identifier).zip"
            let zip = try ZipArchiveWriter().archiveData([.data("index.json", Data(manifest.bytes(pretty: false)))])
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

