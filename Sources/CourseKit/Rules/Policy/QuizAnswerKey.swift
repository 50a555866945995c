/// The answer key makes sense: a single-choice question has exactly one correct option, a
/// multiple-choice question at least one, and question ids are unique within a quiz.
public struct QuizAnswerKey: Rule {
    public static let descriptor = RuleDescriptor(
        id: "quiz-answer-key", defaultSeverity: .error,
        summary: LocalizedText(en: "every question has a consistent answer key", hi: "हर प्रश्न की उत्तर-कुंजी सुसंगत हो"),
        triggering: [
            RuleExample(Examples.topicModule("m", tag: "ai").map { $0.path == "m/quiz.yaml" ? .init($0.path, Examples.quiz + "  - id: q2\n    type: single-choice\n    prompt: {en: Which number reports cyber fraud?, hi: साइबर धोखाधड़ी की सूचना किस नंबर पर दें?}\n    1️⃣options:\n      - {text: {en: \"1930\", hi: \"1930\"}, correct: true}\n      - {text: {en: \"100\", hi: \"100\"}, correct: true}\n    explanation: {en: 1930 is the helpline., hi: 1930 हेल्पलाइन है।}\n") : $0 }),
        ],
        nonTriggering: [
            RuleExample(Examples.topicModule("m", tag: "ai")),
        ])

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        for quiz in catalogue.quizzes.keys.sorted().compactMap({ catalogue.quizzes[$0] }) where quiz.file.loaded {
            var ids: Set<String> = []
            for question in quiz.details.questions {
                if !ids.insert(question.id).inserted {
                    findings.append(finding(at: question.idLocation, LocalizedText(
                        en: "question id '\(question.id)' is used twice in this quiz", hi: "प्रश्न id '\(question.id)' इस क्विज़ में दो बार है"),
                        hint: LocalizedText(en: "give each question its own id", hi: "हर प्रश्न को अलग id दें")))
                }
                let type = question.kind
                guard question.kindDeclared, type == .singleChoice || type == .multipleChoice,
                      let location = question.optionsLocation else { continue }
                let correct = question.options.filter(\.correct).count
                if type == .singleChoice && correct != 1 {
                    findings.append(finding(at: location, LocalizedText(
                        en: "a single-choice question needs exactly one correct option; this one has \(correct)",
                        hi: "एकल-विकल्प प्रश्न में ठीक एक सही विकल्प होना चाहिए; इसमें \(correct) हैं"),
                        hint: LocalizedText(en: "mark exactly one option 'correct: true', or make it multiple-choice", hi: "ठीक एक विकल्प पर 'correct: true' लिखें, या प्रश्न को multiple-choice बनाएँ")))
                } else if type == .multipleChoice && correct == 0 {
                    findings.append(finding(at: location, LocalizedText(
                        en: "a multiple-choice question needs at least one correct option",
                        hi: "बहु-विकल्प प्रश्न में कम से कम एक सही विकल्प होना चाहिए"),
                        hint: LocalizedText(en: "mark the right options 'correct: true'", hi: "सही विकल्पों पर 'correct: true' लिखें")))
                }
            }
        }
        return findings
    }
}
