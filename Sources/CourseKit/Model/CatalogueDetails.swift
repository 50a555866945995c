/// The catalogue metadata a course and a programme share, decoded once from the source: what
/// iGOT shows about them (description, keywords, licence, audience, provider, duration,
/// competencies) and what the policy reads (`countsToward`).
public struct CatalogueDetails: Sendable {
    /// One iGOT competency: area, theme and optional sub-theme.
    public struct Competency: Sendable {
        public var area: String
        public var theme: String
        public var subTheme: String?
        public var location: SourceLocation
        /// Where the theme is written.
        public var themeLocation: SourceLocation
        /// Where the sub-theme is written, when it is.
        public var subThemeLocation: SourceLocation?
    }

    public var title: TranslatedText?
    public var description: TranslatedText?
    public var version: String?
    public var keywords: LocalizedList
    public var licence: String?
    public var audience: [String]
    public var providerName: TranslatedText?
    public var duration: Located<String>?
    public var competencies: [Competency]
    public var countsToward: [String]
    /// Where the `countsToward:` key is written.
    public var countsTowardLocation: SourceLocation?
    /// A course's own pass mark for its quizzes (`passMark: {value: …, reason: …}`).
    public var passMark: Located<Double>?
    /// Case-study folders as written (`caseStudies:` of a course).
    public var caseStudies: [Located<String>]

    public init(_ value: LocatedValue) {
        title = value["title"].map(TranslatedText.init)
        description = value["description"].map(TranslatedText.init)
        version = value["version"]?.string
        keywords = LocalizedList(value["keywords"])
        licence = value["licence"]?.string
        audience = value["audience"]?.array?.compactMap(\.string) ?? []
        providerName = value["provider"]?["name"].map(TranslatedText.init)
        duration = value["duration"]?.locatedString
        competencies = (value["competencies"]?.array ?? []).compactMap { entry in
            guard let area = entry["area"]?.string, let theme = entry["theme"]?.string else { return nil }
            return Competency(area: area, theme: theme, subTheme: entry["subTheme"]?.string, location: entry.location,
                              themeLocation: entry["theme"]?.location ?? entry.location, subThemeLocation: entry["subTheme"]?.location)
        }
        countsToward = value["countsToward"]?.array?.compactMap(\.string) ?? []
        countsTowardLocation = value.object?.entry("countsToward")?.keyLocation
        passMark = value["passMark"]?["value"].flatMap { written in written.number.map { Located($0, at: written.location) } }
        caseStudies = (value["caseStudies"]?.array ?? []).compactMap(\.locatedString)
    }
}
