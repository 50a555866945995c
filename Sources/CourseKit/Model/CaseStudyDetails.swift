/// A case study decoded once: what a learner reads.
public struct CaseStudyDetails: Sendable {
    public var title: TranslatedText?
    public var summary: TranslatedText?
    /// Sections in source order (context, challenge, intervention, outcomes, lessons, …).
    public var sections: [(key: String, text: TranslatedText)]
    public var discussionQuestions: [TranslatedText]
    public var sources: [LessonSource]
    /// The keys written under `context:` (state, districts, year, …).
    public var contextFields: [String]

    public init(_ value: LocatedValue) {
        title = value["title"].map(TranslatedText.init)
        summary = value["summary"].map(TranslatedText.init)
        sections = (value["sections"]?.object?.entries ?? []).map { ($0.key, TranslatedText($0.value)) }
        discussionQuestions = (value["discussionQuestions"]?.array ?? []).map(TranslatedText.init)
        sources = LessonSource.list(in: value, requiringIssuerAndYear: false)
        contextFields = value["context"]?.object?.keys ?? []
    }
}
