/// A quiz decoded once from `quiz.yaml`: its settings and its questions with their source
/// positions. Packaging (QuML, SCORM) and rules read this, never the raw YAML.
public struct QuizDetails: Sendable {
    public var title: TranslatedText?
    /// Percentage of points needed to pass.
    public var passMark: Located<Double>?
    /// Questions drawn per attempt; nil draws all.
    public var draw: Located<Int>?
    public var shuffle: Bool
    public var maxAttempts: Int?
    public var questions: [QuizQuestion]

    /// Questions a learner answers per attempt: `draw`, at most the whole bank.
    public var drawn: Int { min(draw?.value ?? questions.count, questions.count) }

    public init(_ value: LocatedValue) {
        title = value["title"].map(TranslatedText.init)
        passMark = value["passMark"].flatMap { written in written.number.map { Located($0, at: written.location) } }
        draw = value["draw"].flatMap { written in written.int.map { Located($0, at: written.location) } }
        shuffle = value["shuffle"]?.bool ?? false
        maxAttempts = value["maxAttempts"]?.int
        questions = (value["questions"]?.array ?? []).compactMap(QuizQuestion.init)
    }
}

/// The kinds of question a quiz may hold.
public enum QuestionKind: String, Sendable, CaseIterable {
    case singleChoice = "single-choice"
    case multipleChoice = "multiple-choice"
    case trueFalse = "true-false"
    case fillIn = "fill-in"
    case match
}

/// One question of a quiz.
public struct QuizQuestion: Sendable {
    public struct Option: Sendable {
        public var text: TranslatedText?
        public var correct: Bool
    }

    public struct Pair: Sendable {
        public var left: TranslatedText?
        public var right: TranslatedText?
    }

    public var id: String
    /// Where the id is written.
    public var idLocation: SourceLocation
    public var kind: QuestionKind
    /// False when `type:` is missing or unknown (the schema reports it) and `kind` is the default.
    public var kindDeclared: Bool
    /// Where `type:` is written (or the question, when it is not).
    public var kindLocation: SourceLocation
    public var location: SourceLocation
    /// Where the `options:` key is written, when the question lists options.
    public var optionsLocation: SourceLocation?
    public var prompt: TranslatedText?
    public var options: [Option]
    /// The answer of a true-false question.
    public var answer: Bool?
    /// Accepted answers of a fill-in question.
    public var answers: LocalizedList
    /// Plausible wrong answers of a fill-in question.
    public var distractors: LocalizedList
    public var pairs: [Pair]
    public var explanation: TranslatedText?
    public var points: Double

    /// nil for a question without an id (the schema reports it).
    public init?(_ value: LocatedValue) {
        guard let written = value["id"], let id = written.string else { return nil }
        self.id = id
        idLocation = written.location
        let declared = value["type"]?.string.flatMap(QuestionKind.init(rawValue:))
        kind = declared ?? .singleChoice
        kindDeclared = declared != nil
        optionsLocation = value["options"]?.array == nil ? nil : value.object?.entry("options")?.keyLocation
        kindLocation = value["type"]?.location ?? value.location
        location = value.location
        prompt = value["prompt"].map(TranslatedText.init)
        options = (value["options"]?.array ?? []).map { Option(text: $0["text"].map(TranslatedText.init), correct: $0["correct"]?.bool ?? false) }
        answer = value["answer"]?.bool
        answers = LocalizedList(value["answers"])
        distractors = LocalizedList(value["distractors"])
        pairs = (value["pairs"]?.array ?? []).map { Pair(left: $0["left"].map(TranslatedText.init), right: $0["right"].map(TranslatedText.init)) }
        explanation = value["explanation"].map(TranslatedText.init)
        points = value["points"]?.number ?? 1
    }
}

extension Quiz {
    /// The quiz writes a pass mark.
    public var hasPassMark: Bool { details.passMark != nil }
    /// The quiz assesses: it has questions and a pass mark. The one definition every rule and
    /// packager uses for "has an assessment".
    public var assesses: Bool { questionCount > 0 && hasPassMark }
}
