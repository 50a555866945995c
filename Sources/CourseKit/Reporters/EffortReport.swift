/// Measured effort beside declared durations, for every course (its modules and lessons) and
/// programme a validation run checked. `validate --format json` prints it as `effort`
/// (docs/output-formats.md). Minutes are whole minutes, rounded.
public struct EffortReport: Sendable, Codable {
    public struct Figure: Sendable, Hashable, Codable {
        public var file: String
        public var id: String?
        public var kind: String?
        /// The duration as written, nil when none is declared.
        public var declared: String?
        public var declaredMinutes: Int?
        /// Reading plus minimum activity time plus quiz questions.
        public var measuredMinutes: Int
        /// The declared durations the effort model accepts.
        public var plausibleMinutes: ClosedRange<Int>
        /// What the policy rules count: the declared duration held to the plausible range.
        public var creditedMinutes: Int
        /// False when part of the content could not be measured (a PDF lesson).
        public var measured: Bool
        public var children: [Figure] = []
        /// A module's quiz time.
        public var quizMinutes: Int?
    }

    public struct Day: Sendable, Hashable, Codable {
        public var day: Int
        public var declared: String?
        public var sessionMinutes: Int
    }

    public struct ProgrammeFigure: Sendable, Hashable, Codable {
        public var file: String
        public var id: String?
        public var days: [Day]
    }

    public var courses: [Figure] = []
    public var programmes: [ProgrammeFigure] = []

    public init() {}

    public var isEmpty: Bool { courses.isEmpty && programmes.isEmpty }

    static func minutes(_ seconds: Int) -> Int { Int((Double(seconds) / 60).rounded()) }

    /// The figures of one catalogue (one validation batch).
    public static func make(_ catalogue: Catalogue) -> EffortReport {
        let model = catalogue.effortModel
        func figure(file: String, id: String?, kind: String?, declared: DeclaredDuration?, effort: Effort) -> Figure {
            let band = model.band(effort)
            return Figure(
                file: file, id: id, kind: kind, declared: declared?.text, declaredMinutes: declared.map { minutes($0.seconds) },
                measuredMinutes: minutes(effort.expected), plausibleMinutes: minutes(band.lowerBound)...minutes(band.upperBound),
                creditedMinutes: minutes(model.credited(declared: declared?.seconds, effort: effort)), measured: effort.measured)
        }
        var report = EffortReport()
        for course in catalogue.courses where course.file.loaded {
            var entry = figure(file: course.file.displayPath, id: course.id, kind: "course", declared: model.declared(course),
                               effort: model.effort(course, in: catalogue))
            for module in course.modules.compactMap({ catalogue.module(for: $0) }) {
                var moduleEntry = figure(file: module.file.displayPath, id: module.id, kind: "module", declared: model.declared(module),
                                         effort: model.effort(module, in: catalogue))
                moduleEntry.quizMinutes = catalogue.quiz(for: module).map { minutes(model.seconds($0)) }
                moduleEntry.children = module.lessons.map { lesson in
                    figure(file: catalogue.repository.displayPath(for: lesson.source.resolved ?? module.file.path), id: nil,
                           kind: lesson.kind, declared: model.declared(lesson), effort: model.effort(lesson))
                }
                entry.children.append(moduleEntry)
            }
            report.courses.append(entry)
        }
        for programme in catalogue.programmes where programme.file.loaded {
            report.programmes.append(ProgrammeFigure(
                file: programme.file.displayPath, id: programme.id,
                days: model.days(programme).map { Day(day: $0.number, declared: model.declared($0)?.text, sessionMinutes: minutes(model.sessionSeconds($0))) }))
        }
        return report
    }

    /// Reports of several batches as one, each course and programme once, sorted by file.
    public static func merging(_ reports: [EffortReport]) -> EffortReport {
        var merged = EffortReport()
        var courses: [String: Figure] = [:], programmes: [String: ProgrammeFigure] = [:]
        for report in reports {
            for course in report.courses where courses[course.file] == nil { courses[course.file] = course }
            for programme in report.programmes where programmes[programme.file] == nil { programmes[programme.file] = programme }
        }
        merged.courses = courses.keys.sorted().map { courses[$0]! }
        merged.programmes = programmes.keys.sorted().map { programmes[$0]! }
        return merged
    }

    // MARK: - JSON

    /// The `effort` key of the JSON report: added in format version 1 after the other keys,
    /// present only when effort was measured (hand-made results keep their old shape).
    static func jsonField(_ report: EffortReport?) -> [(String, JSONValue)] {
        guard let report, !report.isEmpty else { return [] }
        return [("effort", report.json())]
    }

    func json() -> JSONValue {
        .object([
            ("courses", .array(courses.map(Self.json))),
            ("programmes", .array(programmes.map { programme in
                .object([
                    ("id", programme.id.map(JSONValue.string) ?? .null),
                    ("file", .string(programme.file)),
                    ("days", .array(programme.days.map { day in
                        .object([
                            ("day", .int(day.day)),
                            ("declared", day.declared.map(JSONValue.string) ?? .null),
                            ("sessionMinutes", .int(day.sessionMinutes)),
                        ])
                    })),
                ])
            })),
        ])
    }

    static func json(_ figure: Figure) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("file", .string(figure.file)),
            ("id", figure.id.map(JSONValue.string) ?? .null),
            ("kind", figure.kind.map(JSONValue.string) ?? .null),
            ("declared", figure.declared.map(JSONValue.string) ?? .null),
            ("declaredMinutes", figure.declaredMinutes.map(JSONValue.int) ?? .null),
            ("measuredMinutes", .int(figure.measuredMinutes)),
            ("plausibleMinutes", .array([.int(figure.plausibleMinutes.lowerBound), .int(figure.plausibleMinutes.upperBound)])),
            ("creditedMinutes", .int(figure.creditedMinutes)),
            ("measured", .bool(figure.measured)),
        ]
        if let quiz = figure.quizMinutes { fields.append(("quizMinutes", .int(quiz))) }
        if figure.kind == "course" { fields.append(("modules", .array(figure.children.map(json)))) }
        if figure.kind == "module" { fields.append(("lessons", .array(figure.children.map(json)))) }
        return .object(fields)
    }
}
