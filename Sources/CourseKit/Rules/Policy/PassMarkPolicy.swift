/// Quizzes pass at the pack's pass mark or higher. A course may set a different pass mark for
/// its quizzes only with a written reason (`passMark: {value: …, reason: …}` in course.yaml).
public struct PassMarkPolicy: Rule {
    public static let descriptor = RuleDescriptor(
        id: "pass-mark-policy", defaultSeverity: .error,
        parameters: [passMarkParameter],
        summary: LocalizedText(
            en: "quiz pass marks are at least the policy's pass mark",
            hi: "क्विज़ के उत्तीर्णांक नीति के उत्तीर्णांक से कम न हों"),
        triggering: [
            RuleExample(Examples.replacing("c/m/module.yaml", with: Examples.module + "assessment: {quiz: quiz.yaml}\n", in: Examples.courseFiles) + [.init("c/m/quiz.yaml", Examples.quiz.replacingOccurrences(of: "passMark: 60", with: "passMark: 1️⃣50"))]),
        ],
        nonTriggering: [
            RuleExample(Examples.replacing("c/m/module.yaml", with: Examples.module + "assessment: {quiz: quiz.yaml}\n", in: Examples.courseFiles) + [.init("c/m/quiz.yaml", Examples.quiz)]),
        ])
    static let passMarkParameter = RuleParameter(
        "passMark", default: .number(60),
        summary: LocalizedText(en: "lowest pass mark, in percent", hi: "न्यूनतम उत्तीर्णांक, प्रतिशत में"))
    let passMark: Double

    public init(options: RuleOptions) throws(ToolError) {
        passMark = try options.double(Self.passMarkParameter)
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        var checked: Set<RepositoryPath> = []
        for course in catalogue.courses where course.file.loaded {
            // A course's own pass mark, with its reason, replaces the pack's for its quizzes.
            let override = course.details.passMark?.value
            let required = override ?? passMark
            for module in course.modules.compactMap({ catalogue.module(for: $0) }) {
                guard let quiz = catalogue.quiz(for: module), quiz.file.loaded,
                      let written = quiz.details.passMark, case let mark = written.value, mark < required else { continue }
                // Quizzes held to the pack's figure are reported once, however many courses use them.
                if override == nil, !checked.insert(quiz.file.path).inserted { continue }
                let source = override == nil
                    ? LocalizedText(en: "the policy's pass mark of \(PolicyLock.format(required))%", hi: "नीति के \(PolicyLock.format(required))% उत्तीर्णांक")
                    : LocalizedText(en: "the pass mark of \(PolicyLock.format(required))% course '\(course.id ?? "?")' sets", hi: "पाठ्यक्रम '\(course.id ?? "?")' द्वारा तय \(PolicyLock.format(required))% उत्तीर्णांक")
                findings.append(finding(at: written.location, LocalizedText(
                    en: "quiz '\(quiz.id ?? "?")' passes at \(PolicyLock.format(mark))%, below \(source.en)",
                    hi: "क्विज़ '\(quiz.id ?? "?")' \(PolicyLock.format(mark))% पर उत्तीर्ण करता है, जो \(source.hi) से कम है"),
                    hint: LocalizedText(
                        en: "raise passMark to \(PolicyLock.format(required)); a course that needs another pass mark writes 'passMark: {value: …, reason: …}' in course.yaml",
                        hi: "passMark को \(PolicyLock.format(required)) करें; जिस पाठ्यक्रम को अलग उत्तीर्णांक चाहिए वह course.yaml में 'passMark: {value: …, reason: …}' लिखे")))
            }
        }
        return findings
    }
}
