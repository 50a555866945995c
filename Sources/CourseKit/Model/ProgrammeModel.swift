/// One day of a programme, decoded once with its sessions' references resolved by the loader.
public struct ProgrammeDay: Sendable {
    public var number: Int
    public var title: TranslatedText?
    public var sessions: [ProgrammeSession]
}

/// One session of a programme day: a module, a course or a case study it schedules, or a
/// classroom session described by its title.
public struct ProgrammeSession: Sendable {
    public enum Content: Sendable {
        case module(FileReference)
        case course(FileReference)
        case caseStudy(FileReference)
        case classroom
    }

    public var title: TranslatedText?
    public var duration: Located<String>?
    public var mode: String?
    public var content: Content
    public var location: SourceLocation
}

/// A case study decoded once: what a learner reads.
public struct CaseStudyDetails: Sendable {
    public var title: TranslatedText?
    public var summary: TranslatedText?
    /// Sections in source order (context, challenge, intervention, outcomes, lessons, …).
    public var sections: [(key: String, text: TranslatedText)]
    public var discussionQuestions: [TranslatedText]
    public var sources: [LessonSource]

    public init(_ value: LocatedValue) {
        title = value["title"].map(TranslatedText.init)
        summary = value["summary"].map(TranslatedText.init)
        sections = (value["sections"]?.object?.entries ?? []).map { ($0.key, TranslatedText($0.value)) }
        discussionQuestions = (value["discussionQuestions"]?.array ?? []).map(TranslatedText.init)
        sources = (value["sources"]?.array ?? []).compactMap { entry in
            guard let title = entry["title"]?.string else { return nil }
            return LessonSource(title: title, issuer: entry["issuer"]?.string, year: entry["year"]?.int,
                                url: entry["url"]?.string, reference: entry["reference"]?.string)
        }
    }
}
