import Foundation

/// The parameters of the effort model: how fast learners read each language, how long each kind
/// of activity takes at least (and at most), how long a quiz question takes, and how far a
/// declared duration may stray from the measured effort. Set under `effort:` in
/// `coursekit.yaml` (docs/configuration.md); every rule that needs learning hours reads the same
/// values through `Catalogue.effortModel`.
public struct EffortParameters: Sendable, Hashable {
    /// Minutes of activity on top of reading: the least an activity of this kind takes, and
    /// the most it plausibly takes.
    public struct ActivityRange: Sendable, Hashable {
        public var minimumSeconds: Int
        public var maximumSeconds: Int

        public init(minimumSeconds: Int, maximumSeconds: Int) {
            self.minimumSeconds = minimumSeconds
            self.maximumSeconds = max(minimumSeconds, maximumSeconds)
        }
    }

    /// Words per minute by language code.
    public var wordsPerMinute: [String: Double] = ["hi": 140, "en": 180]
    /// Words per minute for a language not listed (other Indian languages read like Hindi).
    public var otherLanguagesWordsPerMinute: Double = 140
    /// Activity time by lesson kind (`role-play`, `practice`, `scenario`, `checklist`).
    public var activities: [String: ActivityRange] = [
        "checklist": ActivityRange(minimumSeconds: 2 * 60, maximumSeconds: 10 * 60),
        "scenario": ActivityRange(minimumSeconds: 5 * 60, maximumSeconds: 15 * 60),
        "practice": ActivityRange(minimumSeconds: 10 * 60, maximumSeconds: 20 * 60),
        "role-play": ActivityRange(minimumSeconds: 20 * 60, maximumSeconds: 40 * 60),
    ]
    /// Time per quiz question a learner answers (the quiz's `draw`, else all its questions).
    public var secondsPerQuestion: Int = 60
    /// How far a declared duration may lie below the lowest or above the highest measured
    /// effort, as a fraction of it…
    public var tolerance: Double = 0.25
    /// …and in any case by this much (short lessons round up to whole minutes).
    public var slackSeconds: Int = 3 * 60

    public init() {}

    public static let defaults = EffortParameters()

    func wordsPerMinute(for language: String) -> Double {
        let rate = wordsPerMinute[language] ?? wordsPerMinute[String(language.prefix(while: { $0 != "-" }))]
            ?? otherLanguagesWordsPerMinute
        return rate > 0 ? rate : 140
    }
}

/// Measured effort: the least and the most time the content can take a learner, and the
/// estimate in between (reading plus the minimum activity time), in seconds. `measured` is false
/// when nothing could be measured (a PDF, a video without a declared duration).
public struct Effort: Sendable, Hashable {
    public var low: Int
    public var expected: Int
    public var high: Int
    public var measured: Bool

    public init(low: Int, expected: Int, high: Int, measured: Bool = true) {
        self.low = low
        self.expected = expected
        self.high = high
        self.measured = measured
    }

    public static let zero = Effort(low: 0, expected: 0, high: 0)

    /// Sum of efforts, saturating instead of trapping on absurd values.
    public static func + (lhs: Effort, rhs: Effort) -> Effort {
        Effort(low: Saturating.add(lhs.low, rhs.low), expected: Saturating.add(lhs.expected, rhs.expected),
               high: Saturating.add(lhs.high, rhs.high), measured: lhs.measured && rhs.measured)
    }
}

/// Additions that stop at `Int.max` instead of trapping (huge durations in hostile input).
enum Saturating {
    static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : sum
    }

    /// |a − b|, or `Int.max` when it does not fit.
    static func distance(_ a: Int, _ b: Int) -> Int {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        return overflow || difference == Int.min ? Int.max : abs(difference)
    }

    static func sum<S: Sequence>(_ values: S) -> Int where S.Element == Int {
        values.reduce(0, add)
    }
}

/// A declared duration and where it is written.
public struct DeclaredDuration: Sendable, Hashable {
    public var seconds: Int
    public var text: String
    public var location: SourceLocation
}

/// The effort model: measures lessons, quizzes, modules, courses and programme days from the
/// typed model's `duration`, `kind`, `draw` and session fields (the only place the policy rules
/// on learning hours turn them into seconds).
public struct EffortModel: Sendable {
    public var parameters: EffortParameters

    public init(parameters: EffortParameters = .defaults) {
        self.parameters = parameters
    }

    // MARK: - Declared figures

    static func declared(_ written: Located<String>?) -> DeclaredDuration? {
        guard let written, let seconds = ISODuration.seconds(written.value) else { return nil }
        return DeclaredDuration(seconds: seconds, text: written.value, location: written.location)
    }

    public func declared(_ lesson: Lesson) -> DeclaredDuration? { Self.declared(lesson.duration) }
    public func declared(_ edition: LessonEdition) -> DeclaredDuration? { Self.declared(edition.declaredDuration) }
    public func declared(_ module: Module) -> DeclaredDuration? { Self.declared(module.duration) }
    public func declared(_ course: Course) -> DeclaredDuration? { Self.declared(course.details.duration) }
    public func declared(_ day: ProgrammeDay) -> DeclaredDuration? { Self.declared(day.duration) }
    public func declared(_ session: ProgrammeSession) -> DeclaredDuration? { Self.declared(session.duration) }

    // MARK: - Measured effort

    /// Reading time of one Markdown edition at its language's rate.
    public func readingSeconds(_ edition: LessonEdition) -> Int? {
        guard let document = edition.markdown else { return nil }
        let seconds = Double(document.wordCount) * 60 / parameters.wordsPerMinute(for: edition.language)
        return seconds.isFinite && seconds < 1e15 ? Int(seconds.rounded()) : Int.max / 4
    }

    /// Effort of one edition of a lesson: reading plus the activity of its kind. Video and audio
    /// lessons count their declared duration (the media's length); a lesson that cannot be
    /// measured (a PDF) counts what it declares and is marked unmeasured.
    public func effort(_ lesson: Lesson, edition: LessonEdition) -> Effort {
        if let reading = readingSeconds(edition) {
            let activity = lesson.kind.flatMap { parameters.activities[$0] }
            return Effort(
                low: Saturating.add(reading, activity?.minimumSeconds ?? 0),
                expected: Saturating.add(reading, activity?.minimumSeconds ?? 0),
                high: Saturating.add(reading, activity?.maximumSeconds ?? 0))
        }
        let declared = declared(lesson)?.seconds ?? 0
        let media = lesson.kind == "video" || lesson.kind == "audio"
        return Effort(low: declared, expected: declared, high: declared, measured: media && declared > 0)
    }

    /// Effort of a lesson: its longest edition (what a learner of the slowest-read language needs).
    public func effort(_ lesson: Lesson) -> Effort {
        let editions = lesson.editions.map { effort(lesson, edition: $0) }
        guard var result = editions.first else {
            let declared = declared(lesson)?.seconds ?? 0
            return Effort(low: declared, expected: declared, high: declared, measured: false)
        }
        for other in editions.dropFirst() where other.expected > result.expected { result = other }
        return result
    }

    /// Questions a learner answers in a quiz: `draw`, else every question.
    public func questionsAnswered(_ quiz: Quiz) -> Int {
        if let draw = quiz.details.draw?.value, draw > 0 { return min(draw, max(quiz.questionCount, 0)) }
        return quiz.questionCount
    }

    public func seconds(_ quiz: Quiz) -> Int {
        let (product, overflow) = questionsAnswered(quiz).multipliedReportingOverflow(by: parameters.secondsPerQuestion)
        return overflow ? Int.max / 4 : product
    }

    /// Effort of a module: its lessons and its quiz.
    public func effort(_ module: Module, in catalogue: Catalogue) -> Effort {
        let quiz = catalogue.quiz(for: module).map(seconds) ?? 0
        return module.lessons.map { effort($0) }.reduce(Effort(low: quiz, expected: quiz, high: quiz), +)
    }

    /// Effort of a course: its modules.
    public func effort(_ course: Course, in catalogue: Catalogue) -> Effort {
        course.modules.compactMap { catalogue.module(for: $0) }.map { effort($0, in: catalogue) }.reduce(.zero, +)
    }

    // MARK: - Tolerance band and credited time

    /// The declared durations that are plausible for an effort: from the low end less the
    /// tolerance to the high end plus the tolerance, and in any case within the slack.
    public func band(_ effort: Effort) -> ClosedRange<Int> {
        let tolerance = max(0, parameters.tolerance)
        let lowFraction = Double(effort.low) * (1 - tolerance)
        let highFraction = Double(effort.high) * (1 + tolerance)
        let slack = max(0, parameters.slackSeconds)
        let lower = max(0, Int(min(lowFraction, Double(effort.low - min(slack, effort.low))).rounded(.down)))
        let upperDouble = max(highFraction, Double(effort.high) + Double(slack))
        let upper = upperDouble < 1e15 ? Int(upperDouble.rounded(.up)) : Int.max / 4
        return lower...max(lower, upper)
    }

    /// The time the policy credits: the declared duration when it is plausible for the
    /// content, else the nearest end of the plausible band; the estimate when nothing is declared.
    public func credited(declared: Int?, effort: Effort) -> Int {
        guard effort.measured else { return declared ?? effort.expected }
        guard let declared else { return effort.expected }
        let band = band(effort)
        return min(max(declared, band.lowerBound), band.upperBound)
    }

    public func credited(_ module: Module, in catalogue: Catalogue) -> Int {
        credited(declared: declared(module)?.seconds, effort: effort(module, in: catalogue))
    }

    public func credited(_ course: Course, in catalogue: Catalogue) -> Int {
        credited(declared: declared(course)?.seconds, effort: effort(course, in: catalogue))
    }
}

extension Catalogue {
    /// The effort model configured for this run (`effort:` in coursekit.yaml).
    public var effortModel: EffortModel { EffortModel(parameters: policy.effort) }
}

/// Text for durations in messages: "1 h 5 min" / "1 घंटे 5 मिनट", rounding to whole minutes.
enum EffortText {
    static func describe(_ seconds: Int) -> LocalizedText {
        ModuleFacts.describe(Int((Double(seconds) / 60).rounded()) * 60)
    }

    /// ISO 8601 text of a duration in whole minutes (`PT1H5M`), for reports.
    static func iso(_ seconds: Int) -> String {
        let minutes = Int((Double(max(0, seconds)) / 60).rounded())
        let hours = minutes / 60, rest = minutes % 60
        switch (hours, rest) {
        case (0, let m): return "PT\(m)M"
        case (let h, 0): return "PT\(h)H"
        case (let h, let m): return "PT\(h)H\(m)M"
        }
    }
}

// MARK: - Programme schedules

extension EffortModel {
    /// The days of a programme the schedule rules read: those that write their number, in file order.
    public func days(_ programme: Programme) -> [ProgrammeDay] {
        programme.days.filter(\.numberWritten)
    }

    /// The hours of a day's sessions, as they declare them.
    public func sessionSeconds(_ day: ProgrammeDay) -> Int {
        Saturating.sum(day.sessions.map { declared($0)?.seconds ?? 0 })
    }

    /// The credited effort of what a session schedules (a module or a course), with its kind.
    public func scheduled(_ session: ProgrammeSession, in catalogue: Catalogue) -> (kind: String, id: String, seconds: Int)? {
        switch session.content {
        case .module(let reference):
            guard let folder = reference.resolved, let module = catalogue.modules[folder.appending("module.yaml")] else { return nil }
            return ("module", module.id ?? folder.name, credited(module, in: catalogue))
        case .course(let reference):
            guard let folder = reference.resolved,
                  let course = catalogue.courses.first(where: { $0.file.path == folder.appending("course.yaml") }) else { return nil }
            return ("course", course.id ?? folder.name, credited(course, in: catalogue))
        case .caseStudy, .classroom:
            return nil
        }
    }
}
