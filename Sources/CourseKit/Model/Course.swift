/// A reference from one file to another (a module folder, a lesson file, a quiz, an asset),
/// remembered with where it was written so an unresolved reference can be reported there.
public struct FileReference: Sendable {
    /// The path as written.
    public var written: String
    public var location: SourceLocation
    /// The resolved file or folder, relative to the repository root, when it exists.
    public var resolved: RepositoryPath?
}

/// A course (`course.yaml`): an iGOT Course collection.
public struct Course: Sendable {
    public var file: SourceFile
    public var id: String?
    public var version: String?
    public var languages: [String]
    public var title: TranslatedText?
    public var audience: [String]
    public var modules: [FileReference]
    public var thumbnail: FileReference?
    /// Case-study folders the course uses (`caseStudies:`).
    public var caseStudies: [FileReference] = []
    /// Catalogue metadata, decoded once by the loader.
    public var details = CatalogueDetails(.empty)

    public var value: LocatedValue { file.value }
}

/// A module (`module.yaml`): an iGOT CourseUnit. Library modules are ordinary modules.
public struct Module: Sendable {
    public var file: SourceFile
    public var id: String?
    public var languages: [String]
    public var title: TranslatedText?
    public var tags: [String]
    public var lessons: [Lesson]
    public var quiz: FileReference?
    public var description: TranslatedText?
    public var duration: Located<String>?
    public var version: String?
    /// Catalogue metadata (keywords, licence, …), decoded once by the loader.
    public var details = CatalogueDetails(.empty)

    public var value: LocatedValue { file.value }
}

/// A lesson entry of a module, with its file in every language the module declares.
public struct Lesson: Sendable {
    public var entry: LocatedValue
    public var kind: String?
    public var source: FileReference
    /// One file per declared language, in the module's language order.
    public var editions: [LessonEdition]

    /// The title given in `module.yaml`.
    public var title: TranslatedText? { entry["title"].map(TranslatedText.init) }
    /// The duration given in `module.yaml`.
    public var duration: Located<String>? { entry["duration"]?.locatedString }
}

/// One language edition of a lesson: its file and, for Markdown, the parsed document.
public struct LessonEdition: Sendable {
    public var language: String
    public var path: RepositoryPath
    public var exists: Bool
    public var markdown: MarkdownDocument?

    /// The edition's own title, when its front matter gives one.
    public var frontMatterTitle: TranslatedText? { markdown?.frontMatter?["title"].map(TranslatedText.init) }
    /// The one-sentence summary of the front matter.
    public var summary: TranslatedText? { markdown?.frontMatter?["summary"].map(TranslatedText.init) }
    /// The reading time the front matter declares.
    public var declaredDuration: Located<String>? { markdown?.frontMatter?["duration"]?.locatedString }
    /// The documents the edition cites (`sources:`).
    public var sources: [LessonSource] { LessonSource.list(in: markdown?.frontMatter) }
}

/// A quiz file: the assessment of a module.
public struct Quiz: Sendable {
    public var file: SourceFile
    public var id: String?
    public var languages: [String]
    public var questionCount: Int
    /// Settings and questions, decoded once by the loader.
    public var details = QuizDetails(.empty)

    public var value: LocatedValue { file.value }
}

/// A capacity-building programme (`programme.yaml`).
public struct Programme: Sendable {
    public var file: SourceFile
    public var id: String?
    public var languages: [String]
    /// Every module or course a session points at.
    public var sessionReferences: [FileReference]
    /// Every case study a session schedules (`caseStudy:`).
    public var caseStudyReferences: [FileReference] = []
    /// Catalogue metadata, decoded once by the loader.
    public var details = CatalogueDetails(.empty)
    /// The days and their sessions, with references resolved.
    public var days: [ProgrammeDay] = []
    public var thumbnail: FileReference?

    public var value: LocatedValue { file.value }
}

/// An Amrit Gyan Kosh case study (`case-study.yaml`).
public struct CaseStudy: Sendable {
    public var file: SourceFile
    public var id: String?
    public var languages: [String]
    /// What a learner reads, decoded once by the loader.
    public var details = CaseStudyDetails(.empty)

    public var value: LocatedValue { file.value }
}
