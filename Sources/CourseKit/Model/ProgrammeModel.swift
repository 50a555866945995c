/// One day of a programme, decoded once with its sessions' references resolved by the loader.
public struct ProgrammeDay: Sendable {
    /// `day:` as written, else the day's position (the schema reports a missing `day:`).
    public var number: Int
    /// False when `day:` is missing; rules about the schedule skip such a day.
    public var numberWritten: Bool
    public var title: TranslatedText?
    /// The hours the day declares (`duration:`).
    public var duration: Located<String>?
    public var sessions: [ProgrammeSession]
    public var location: SourceLocation
    /// The `sessions:` key, where a session would be added (the day itself when there is none).
    public var sessionsLocation: SourceLocation

    /// The days of a programme's `days:` in file order. `resolve` turns what a session names
    /// (`caseStudy`, `library`, `module`, `course`) into a reference; the loader loads and
    /// reports what it names there.
    public static func list(in programme: LocatedValue, resolve: (ProgrammeSession.Key, Located<String>) -> FileReference?) -> [ProgrammeDay] {
        var days: [ProgrammeDay] = []
        for day in programme["days"]?.array ?? [] {
            let sessions = (day["sessions"]?.array ?? []).map { ProgrammeSession($0, resolve: resolve) }
            let number = day["day"]?.int
            days.append(ProgrammeDay(
                number: number ?? days.count + 1, numberWritten: number != nil, title: day["title"].map(TranslatedText.init),
                duration: day["duration"]?.locatedString, sessions: sessions, location: day.location,
                sessionsLocation: day.object?.entry("sessions")?.keyLocation ?? day.location))
        }
        return days
    }
}

/// One session of a programme day: a module, a course or a case study it schedules, or a
/// classroom session described by its title.
public struct ProgrammeSession: Sendable {
    /// The keys by which a session names what it schedules, in the order they are read (when
    /// several are written, the last wins).
    public enum Key: String, Sendable, CaseIterable {
        case caseStudy, library, module, course
    }

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

    init(_ session: LocatedValue, resolve: (Key, Located<String>) -> FileReference?) {
        var content = Content.classroom
        for key in Key.allCases {
            guard let written = session[key.rawValue]?.locatedString, let reference = resolve(key, written) else { continue }
            switch key {
            case .caseStudy: content = .caseStudy(reference)
            case .library, .module: content = .module(reference)
            case .course: content = .course(reference)
            }
        }
        self.init(title: session["title"].map(TranslatedText.init), duration: session["duration"]?.locatedString,
                  mode: session["mode"]?.string, content: content, location: session.location)
    }

    public init(title: TranslatedText?, duration: Located<String>?, mode: String?, content: Content, location: SourceLocation) {
        self.title = title
        self.duration = duration
        self.mode = mode
        self.content = content
        self.location = location
    }

    /// A session that assesses the participants (`mode: assessment`).
    public var isAssessment: Bool { mode == "assessment" }

    /// The module or course the session teaches, when it names one.
    public var taught: FileReference? {
        switch content {
        case .module(let reference), .course(let reference): reference
        case .caseStudy, .classroom: nil
        }
    }
}
