/// A quiz's question bank is big enough: at least the minimum, and at least its `draw`, so
/// attempts can be shuffled and repeated attempts are not identical.
public struct QuestionBankSize: Rule {
    public static let descriptor = RuleDescriptor(
        id: "question-bank-size", defaultSeverity: .warning,
        parameters: [minimumQuestionsParameter],
        summary: LocalizedText(en: "question banks are large enough to draw and shuffle", hi: "प्रश्न-बैंक चयन और फेरबदल के लिए पर्याप्त बड़े हों"),
        triggering: [
            RuleExample(Examples.topicModule("m", tag: "ai").map { $0.path == "m/quiz.yaml" ? .init($0.path, Examples.quiz.replacingOccurrences(of: "questions:", with: "1️⃣questions:")) : $0 }),
        ],
        nonTriggering: [
            RuleExample(Examples.topicModule("m", tag: "ai").map { $0.path == "m/quiz.yaml" ? .init($0.path, Examples.quiz + (2...5).map { "  - {id: q\($0), type: true-false, prompt: {en: Statement \($0)., hi: कथन \($0)।}, answer: true, explanation: {en: It is true., hi: यह सही है।}}\n" }.joined()) : $0 }),
        ])
    static let minimumQuestionsParameter = RuleParameter(
        "minimumQuestions", default: .integer(5),
        summary: LocalizedText(en: "fewest questions in a quiz", hi: "क्विज़ में न्यूनतम प्रश्न"))
    let minimum: Int

    public init(options: RuleOptions) throws(ToolError) {
        minimum = try options.int(Self.minimumQuestionsParameter)
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        for quiz in catalogue.quizzes.keys.sorted().compactMap({ catalogue.quizzes[$0] }) where quiz.file.loaded {
            let count = quiz.questionCount
            if count < minimum {
                findings.append(finding(at: quiz.file.keyLocation("questions"), LocalizedText(
                    en: "quiz '\(quiz.id ?? "?")' has \(count) question(s); at least \(minimum) are expected",
                    hi: "क्विज़ '\(quiz.id ?? "?")' में \(count) प्रश्न हैं; कम से कम \(minimum) अपेक्षित हैं"),
                    hint: LocalizedText(en: "add questions so every attempt is a fair test", hi: "और प्रश्न जोड़ें ताकि हर प्रयास उचित परीक्षा हो")))
            }
            if let draw = quiz.details.draw, case let number = draw.value, number > count {
                findings.append(finding(at: draw.location, LocalizedText(
                    en: "the quiz draws \(number) questions but has only \(count)",
                    hi: "क्विज़ \(number) प्रश्न चुनती है, पर उसमें केवल \(count) प्रश्न हैं"),
                    hint: LocalizedText(en: "lower 'draw' or add questions", hi: "'draw' घटाएँ या प्रश्न जोड़ें")))
            }
        }
        return findings
    }
}
