import Foundation

/// One language edition of a quiz as every package format needs it, read from the quiz file
/// the same way `QuMLQuestionSet` reads it: single-choice, multiple-choice, true-false,
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

    init(quiz: LocatedValue, language: String) {
        let text = { (value: LocatedValue?) in QuMLQuestionSet.text(value, language) }
        id = quiz["id"]?.string
        title = text(quiz["title"])
        passMark = quiz["passMark"]?.number
        shuffle = quiz["shuffle"]?.bool ?? false
        maxAttempts = quiz["maxAttempts"]?.int
        var questions: [Question] = []
        for entry in quiz["questions"]?.array ?? [] {
            guard let id = entry["id"]?.string else { continue }
            let kind = Kind(rawValue: entry["type"]?.string ?? "single-choice") ?? .singleChoice
            var question = Question(
                id: id, kind: kind, prompt: text(entry["prompt"]), explanation: text(entry["explanation"]),
                points: entry["points"]?.number ?? 1)
            switch kind {
            case .singleChoice, .multipleChoice:
                question.options = (entry["options"]?.array ?? []).map {
                    Option(text: text($0["text"]), correct: $0["correct"]?.bool ?? false)
                }
            case .trueFalse:
                question.answer = entry["answer"]?.bool ?? true
            case .fillIn:
                question.answers = QuMLQuestionSet.texts(entry["answers"], language)
            case .match:
                question.pairs = (entry["pairs"]?.array ?? []).map { Pair(left: text($0["left"]), right: text($0["right"])) }
            }
            questions.append(question)
        }
        self.questions = questions
        draw = min(quiz["draw"]?.int ?? questions.count, questions.count)
    }
}
