/// One entry of a lesson's `sources:` front matter: the document a rule, number, law or
/// clinical threshold in the lesson comes from.
public struct LessonSource: Sendable, Hashable {
    public var title: String
    public var issuer: String?
    public var year: Int?
    /// A web address, when the document has one.
    public var url: String?
    /// Another way to find it: a gazette number, section or clause.
    public var reference: String?

    public init(title: String, issuer: String?, year: Int?, url: String? = nil, reference: String? = nil) {
        self.title = title
        self.issuer = issuer
        self.year = year
        self.url = url
        self.reference = reference
    }

    /// The sources of a lesson's front matter; entries missing a title, issuer or year (which
    /// the schema already reports) are skipped.
    public static func list(in frontMatter: LocatedValue?) -> [LessonSource] {
        (frontMatter?["sources"]?.array ?? []).compactMap { entry in
            guard let title = entry["title"]?.string, let issuer = entry["issuer"]?.string, let year = entry["year"]?.int else { return nil }
            return LessonSource(title: title, issuer: issuer, year: year, url: entry["url"]?.string, reference: entry["reference"]?.string)
        }
    }

    /// `Title — Issuer, Year` (and the reference), as Sunbird's `attributions` carry it.
    public var citation: String {
        var text = title
        let published = [issuer, year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
        if !published.isEmpty { text += " — " + published }
        if let reference { text += ". \(reference)" }
        if let url { text += ". \(url)" }
        return text
    }
}
