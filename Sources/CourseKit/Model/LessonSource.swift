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

    /// The `sources:` of a lesson's front matter or a case study. Entries missing a title are
    /// skipped, and so, when `requiringIssuerAndYear` (lessons), are entries missing an issuer or
    /// a year; the schema already reports them.
    public static func list(in owner: LocatedValue?, requiringIssuerAndYear: Bool = true) -> [LessonSource] {
        (owner?["sources"]?.array ?? []).compactMap { entry in
            guard let title = entry["title"]?.string else { return nil }
            let issuer = entry["issuer"]?.string, year = entry["year"]?.int
            if requiringIssuerAndYear, issuer == nil || year == nil { return nil }
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
