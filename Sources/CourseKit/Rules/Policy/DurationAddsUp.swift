/// Durations add up: a module declares its lessons plus its quiz, a course the sum of its
/// modules, and a programme day that declares its hours the sum of its sessions.
public struct DurationAddsUp: Rule {
    public static let descriptor = RuleDescriptor(
        id: "duration-adds-up", defaultSeverity: .error,
        parameters: [toleranceParameter],
        summary: LocalizedText(
            en: "module, course and programme-day durations are the sum of their parts",
            hi: "मॉड्यूल, पाठ्यक्रम और कार्यक्रम-दिवस की अवधि उनके भागों का योग हो"),
        triggering: [
            RuleExample(Examples.replacing("m/module.yaml", with: Examples.module.replacingOccurrences(of: "kind: reading", with: "kind: reading\n    duration: PT5M") + "duration: 1️⃣PT1H\n", in: Examples.moduleFiles)),
            RuleExample([.init("p/programme.yaml", Examples.programme + "days:\n" + Examples.day(1, ["{title: {en: Talk, hi: वार्ता}, duration: PT3H, mode: classroom}"]).replacingOccurrences(of: "    sessions:", with: "    duration: 1️⃣PT6H\n    sessions:"))]),
        ],
        nonTriggering: [
            RuleExample(Examples.replacing("m/module.yaml", with: Examples.module.replacingOccurrences(of: "kind: reading", with: "kind: reading\n    duration: PT5M") + "duration: PT5M\n", in: Examples.moduleFiles)),
            RuleExample([.init("p/programme.yaml", Examples.programme + "days:\n" + Examples.day(1, ["{title: {en: Talk, hi: वार्ता}, duration: PT3H, mode: classroom}"]).replacingOccurrences(of: "    sessions:", with: "    duration: PT3H\n    sessions:"))]),
        ])
    static let toleranceParameter = RuleParameter(
        "tolerance", default: .duration("PT2M"),
        summary: LocalizedText(en: "how far a total may differ from the sum", hi: "कुल अवधि योग से कितनी भिन्न हो सकती है"))
    let tolerance: Int

    public init(options: RuleOptions) throws(ToolError) {
        tolerance = try options.duration(Self.toleranceParameter)
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        let model = catalogue.effortModel
        var findings: [Finding] = []
        for module in catalogue.sortedModules where module.file.loaded {
            guard let declared = model.declared(module) else { continue }
            let lessons = module.lessons.map { lesson in
                model.declared(lesson)?.seconds ?? lesson.editions.compactMap { model.declared($0)?.seconds }.max() ?? 0
            }
            let quiz = catalogue.quiz(for: module).map(model.seconds) ?? 0
            let questions = catalogue.quiz(for: module).map(model.questionsAnswered) ?? 0
            let sum = Saturating.add(Saturating.sum(lessons), quiz)
            if Saturating.distance(declared.seconds, sum) > tolerance {
                findings.append(mismatch(declared, sum: sum, LocalizedText(
                    en: "module '\(module.id ?? "?")' declares \(declared.text), but its \(lessons.count) lesson(s) declare \(EffortText.describe(Saturating.sum(lessons)).en) and its quiz takes \(EffortText.describe(quiz).en) (\(questions) question(s)), \(EffortText.describe(sum).en) in all",
                    hi: "मॉड्यूल '\(module.id ?? "?")' \(declared.text) घोषित करता है, पर उसके \(lessons.count) पाठ \(EffortText.describe(Saturating.sum(lessons)).hi) घोषित करते हैं और क्विज़ में \(EffortText.describe(quiz).hi) (\(questions) प्रश्न) लगते हैं, कुल \(EffortText.describe(sum).hi)")))
            }
        }
        for course in catalogue.courses where course.file.loaded {
            guard let declared = model.declared(course), !course.modules.isEmpty else { continue }
            let modules = course.modules.compactMap { catalogue.module(for: $0) }
            guard modules.count == course.modules.count else { continue }  // a missing module is reported elsewhere
            let sum = Saturating.sum(modules.map { model.declared($0)?.seconds ?? model.effort($0, in: catalogue).expected })
            if Saturating.distance(declared.seconds, sum) > tolerance {
                findings.append(mismatch(declared, sum: sum, LocalizedText(
                    en: "course '\(course.id ?? "?")' declares \(declared.text), but its \(modules.count) modules add up to \(EffortText.describe(sum).en)",
                    hi: "पाठ्यक्रम '\(course.id ?? "?")' \(declared.text) घोषित करता है, पर उसके \(modules.count) मॉड्यूलों का योग \(EffortText.describe(sum).hi) है")))
            }
        }
        for programme in catalogue.programmes where programme.file.loaded {
            for day in model.days(programme) {
                guard let declared = model.declared(day) else { continue }
                let sum = model.sessionSeconds(day)
                if Saturating.distance(declared.seconds, sum) > tolerance {
                    findings.append(mismatch(declared, sum: sum, LocalizedText(
                        en: "day \(day.number) declares \(declared.text), but its \(day.sessions.count) sessions add up to \(EffortText.describe(sum).en)",
                        hi: "दिन \(day.number) \(declared.text) घोषित करता है, पर उसके \(day.sessions.count) सत्रों का योग \(EffortText.describe(sum).hi) है")))
                }
            }
        }
        return findings
    }

    private func mismatch(_ declared: DeclaredDuration, sum: Int, _ message: LocalizedText) -> Finding {
        finding(at: declared.location, message, hint: LocalizedText(
            en: "write duration: \(EffortText.iso(sum)), or change the parts",
            hi: "duration: \(EffortText.iso(sum)) लिखें, या भागों को बदलें"))
    }
}
