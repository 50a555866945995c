/// Everything loaded from a repository for one run: the courses, modules, quizzes, programmes
/// and case studies found under the requested paths (and what they reference), plus the
/// findings that loading and schema evaluation produced. Rules run over a catalogue.
public struct Catalogue: Sendable {
    public var repository: Repository
    public var courses: [Course] = []
    public var modules: [RepositoryPath: Module] = [:]
    public var quizzes: [RepositoryPath: Quiz] = [:]
    public var programmes: [Programme] = []
    public var caseStudies: [CaseStudy] = []
    /// Markdown lessons given directly on the command line, outside any module.
    public var looseLessons: [LessonEdition] = []
    public var findings: [Finding] = []
    /// The configured effort model and glossary (`effort:`, `glossary:` in coursekit.yaml).
    public var policy = PolicyContext()
    /// For each file the load read: whether it mentions `SuppressionScanner.marker`. The scan
    /// for inline suppressions reads again only the files that do (or that the load did not read).
    var mentionsSuppressionMarker: [RepositoryPath: Bool] = [:]

    public init(repository: Repository) {
        self.repository = repository
    }

    /// Modules in a stable order (by path).
    public var sortedModules: [Module] {
        modules.keys.sorted().compactMap { modules[$0] }
    }

    /// The module a reference points at, if it resolved to a folder holding `module.yaml`.
    public func module(for reference: FileReference) -> Module? {
        guard let folder = reference.resolved else { return nil }
        return modules[folder.appending("module.yaml")]
    }

    /// The case study a reference points at, if it resolved to a folder holding `case-study.yaml`.
    public func caseStudy(for reference: FileReference) -> CaseStudy? {
        guard let folder = reference.resolved else { return nil }
        let path = folder.appending("case-study.yaml")
        return caseStudies.first { $0.file.path == path }
    }

    public func quiz(for module: Module) -> Quiz? {
        guard let path = module.quiz?.resolved else { return nil }
        return quizzes[path]
    }

    /// The module's quiz when it assesses (questions and a pass mark; see `Quiz.assesses`).
    public func assessment(for module: Module) -> Quiz? {
        quiz(for: module).flatMap { $0.assesses ? $0 : nil }
    }

    /// Every source file loaded, for reporters that list files (JUnit).
    public var allFiles: [SourceFile] {
        courses.map(\.file) + sortedModules.map(\.file) + quizzes.keys.sorted().compactMap { quizzes[$0]?.file }
            + programmes.map(\.file) + caseStudies.map(\.file)
    }
}
