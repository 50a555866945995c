import Foundation

/// One language edition of a quiz as every package format needs it, from the typed
/// `QuizDetails` the loader decoded: single-choice, multiple-choice, true-false,
/// fill-in (`answers`) and match (`pairs`) questions with their points and explanation, and the
/// quiz's pass mark, draw, shuffle and attempts. SCORM and cmi5 pages render and score every
/// type from it (`SCOPage`); no conversion is needed there.
struct QuizQuestionModel: Sendable {
    enum Kind: String, Sendable {
        case singleChoice = "single-choice"
        case multipleChoice = "multiple-choice"
        case trueFalse = "true-false"
        case fillIn = "fill-in"
        case match
    }

    struct Option: Sendable {
        var text: String
        var correct: Bool
    }

    struct Pair: Sendable {
        var left: String
        var right: String
    }

    struct Question: Sendable {
        var id: String
        var kind: Kind
        var prompt: String
        var explanation: String
        var points: Double
        /// Single- and multiple-choice options, in source order.
        var options: [Option] = []
        /// A true-false question's answer.
        var answer: Bool = true
        /// A fill-in question's accepted answers.
        var answers: [String] = []
        /// A match question's pairs, in source order.
        var pairs: [Pair] = []
    }

    var id: String?
    var title: String
    /// Percentage of points needed to pass (the quiz's `passMark`).
    var passMark: Double?
    /// Questions drawn for each attempt (all when absent or larger than the bank).
    var draw: Int
    var shuffle: Bool
    var maxAttempts: Int?
    var questions: [Question]

    init(quiz: Quiz, language: String) {
        let details = quiz.details
        let text = { (field: TranslatedText?) in field?.resolved(language) ?? "" }
        id = quiz.id
        title = text(details.title)
        passMark = details.passMark?.value
        shuffle = details.shuffle
        maxAttempts = details.maxAttempts
        questions = details.questions.map { source in
            var question = Question(
                id: source.id, kind: Kind(rawValue: source.kind.rawValue) ?? .singleChoice, prompt: text(source.prompt),
                explanation: text(source.explanation), points: source.points)
            switch source.kind {
            case .singleChoice, .multipleChoice:
                question.options = source.options.map { Option(text: text($0.text), correct: $0.correct) }
            case .trueFalse:
                question.answer = source.answer ?? true
            case .fillIn:
                question.answers = source.answers.best(language)
            case .match:
                question.pairs = source.pairs.map { Pair(left: text($0.left), right: text($0.right)) }
            }
            return question
        }
        draw = min(details.draw ?? questions.count, questions.count)
    }
}
