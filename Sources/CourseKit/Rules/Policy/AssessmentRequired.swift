/// Every module has an assessment — a quiz with a pass mark: training must be regularly evaluated.
public struct AssessmentRequired: Rule {
    public static let descriptor = RuleDescriptor(
        id: "assessment-required", defaultSeverity: .error,
        summary: LocalizedText(en: "every module has a quiz with a pass mark", hi: "हर मॉड्यूल में उत्तीर्णांक सहित क्विज़ हो"),
        triggering: [
            RuleExample(Examples.replacing("m/module.yaml", with: Examples.module.replacingOccurrences(of: "lessons:", with: "1️⃣lessons:"), in: Examples.moduleFiles)),
        ],
        nonTriggering: [
            RuleExample(Examples.topicModule("m", tag: "ai")),
        ])

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        for module in catalogue.sortedModules where module.file.loaded {
            guard module.quiz != nil else {
                findings.append(finding(at: module.file.keyLocation("lessons"), LocalizedText(
                    en: "module '\(module.id ?? "?")' has no assessment",
                    hi: "मॉड्यूल '\(module.id ?? "?")' में कोई मूल्यांकन नहीं है"),
                    hint: LocalizedText(en: "add 'assessment: {quiz: quiz.yaml}' and write the quiz", hi: "'assessment: {quiz: quiz.yaml}' जोड़ें और क्विज़ लिखें")))
                continue
            }
            if let quiz = catalogue.quiz(for: module), quiz.file.loaded, !quiz.hasPassMark {
                findings.append(finding(at: quiz.file.keyLocation("questions"), LocalizedText(
                    en: "quiz '\(quiz.id ?? "?")' has no pass mark", hi: "क्विज़ '\(quiz.id ?? "?")' में उत्तीर्णांक नहीं है"),
                    hint: LocalizedText(en: "add 'passMark: 70' (percent)", hi: "'passMark: 70' (प्रतिशत) जोड़ें")))
            }
        }
        return findings
    }
}
