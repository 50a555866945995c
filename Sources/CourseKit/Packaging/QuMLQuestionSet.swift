import Foundation

/// A quiz written as a QuML 1.1 question set in the shapes Sunbird's QuML player renders: the
/// set's metadata (pass mark, questions drawn per attempt, shuffle, attempts, maximum score) and
/// one `Question` item per question, in one language edition.
///
/// Every question becomes a multiple-choice question (`qType: MCQ`, `templateId:
/// mcq-vertical`, a `body` with the `data-choice-interaction` placeholder the player fills,
/// `interactions`, `responseDeclaration`, `editorState` and `solutions` as a map from an id to
/// HTML): single-choice and true-false with single cardinality, multiple-choice with multiple.
/// No QuML player renders fill-in-the-blank or match-the-following, so those follow the
/// `UnplayableQuestionPolicy`: an error, left out with a warning, or converted (a match
/// question into one single-choice question per pair, a fill-in question with `distractors`
/// into one single-choice question).
struct QuMLQuestionSet {
    struct Question {
        var id: String
        var metadata: [(String, ECARJSON)]
    }

    /// One choice of a question as the learner sees it.
    struct Choice {
        var label: String
        var correct: Bool
    }

    var metadata: [(String, ECARJSON)]
    var questions: [Question]
    /// `pack-unplayable-question` findings.
    var findings: [Finding]

    static func paragraph(_ text: String) -> String {
        "<p>" + HTMLEscaping.escape(text) + "</p>"
    }

    static func number(_ value: Double) -> ECARJSON {
        value == value.rounded() && abs(value) < 1e15 ? .number(String(Int64(value))) : .number(String(value))
    }

    init(quiz: QuizDetails, language: String, policy: UnplayableQuestionPolicy) {
        var questions: [Question] = []
        var points: [Double] = []
        var findings: [Finding] = []
        var added = 0
        for question in quiz.questions {
            let id = question.id
            let score = question.points
            let prompt = question.prompt?.resolved(language) ?? ""
            let explanation = question.explanation?.resolved(language) ?? ""
            let builder = QuMLChoiceQuestion(language: language, explanation: explanation)
            switch question.kind {
            case .fillIn, .match:
                let converted = policy == .convert ? Self.convert(question, prompt: prompt, language: language, builder: builder) : nil
                if let converted {
                    questions += converted.map { Question(id: $0.id, metadata: $0.metadata) }
                    points += converted.map(\.score)
                    added += converted.count - 1
                } else {
                    findings.append(Self.unplayable(question, policy: policy))
                }
            case .trueFalse:
                let answer = question.answer ?? true
                let words = language == "hi" ? ("सही", "गलत") : ("True", "False")
                questions.append(Question(id: id, metadata: builder.metadata(
                    id: id, prompt: prompt, choices: [Choice(label: words.0, correct: answer), Choice(label: words.1, correct: !answer)],
                    multiple: false, score: score)))
                points.append(score)
            case .singleChoice, .multipleChoice:
                let choices = question.options.map { Choice(label: $0.text?.resolved(language) ?? "", correct: $0.correct) }
                questions.append(Question(id: id, metadata: builder.metadata(
                    id: id, prompt: prompt, choices: choices, multiple: question.kind == .multipleChoice, score: score)))
                points.append(score)
            }
        }
        let declared = quiz.draw.map { $0.value + added } ?? questions.count
        let drawn = min(declared, questions.count)
        let maxScore = points.allSatisfy({ $0 == points.first }) ? Double(drawn) * (points.first ?? 1) : points.reduce(0, +)
        var metadata: [(String, ECARJSON)] = [
            ("qumlVersion", .number("1.1")),
            ("schemaVersion", .string("1.1")),
            ("maxQuestions", .int(drawn)),
            ("shuffle", .bool(quiz.shuffle)),
        ]
        if let attempts = quiz.maxAttempts { metadata.append(("maxAttempts", .int(attempts))) }
        if let passMark = quiz.passMark?.value { metadata.append(("minimumPassPercentage", Self.number(passMark))) }
        metadata += [
            ("scoreCutoffType", .string("AssessmentLevel")),
            ("navigationMode", .string("non-linear")),
            ("allowSkip", .string("Yes")),
            ("requiresSubmit", .string("Yes")),
            ("showFeedback", .string("Yes")),
            ("showSolutions", .string("Yes")),
            ("containsUserData", .string("No")),
            ("maxScore", Self.number(maxScore)),
            ("outcomeDeclaration", .object([("maxScore", .object([
                ("cardinality", .string("single")), ("type", .string("integer")), ("defaultValue", Self.number(maxScore)),
            ]))])),
        ]
        self.metadata = metadata
        self.questions = questions
        self.findings = findings
    }

    /// A converted question: its id, metadata and points.
    struct Converted {
        var id: String
        var metadata: [(String, ECARJSON)]
        var score: Double
    }

    /// A match question as one single-choice question per pair (each worth its share of the
    /// points), a fill-in question with distractors as one single-choice question; nil when
    /// the question cannot be converted.
    private static func convert(_ question: QuizQuestion, prompt: String, language: String,
                                builder: QuMLChoiceQuestion) -> [Converted]? {
        let (id, score) = (question.id, question.points)
        if question.kind == .match {
            let pairs = question.pairs
            guard pairs.count >= 2 else { return nil }
            let rights = pairs.map { $0.right?.resolved(language) ?? "" }
            let share = score / Double(pairs.count)
            return pairs.enumerated().map { index, pair in
                let partID = "\(id)-\(index + 1)"
                let partPrompt = "\(prompt) — \(pair.left?.resolved(language) ?? "")"
                let choices = rights.enumerated().map { Choice(label: $1, correct: $0 == index) }
                return Converted(id: partID, metadata: builder.metadata(id: partID, prompt: partPrompt, choices: choices, multiple: false, score: share),
                                 score: share)
            }
        }
        let distractors = question.distractors.best(language)
        guard let answer = question.answers.best(language).first, !distractors.isEmpty else { return nil }
        // The correct choice's position follows from the id, so it is stable but not always first.
        let position = id.utf8.reduce(0) { ($0 &+ Int($1)) % 1_000_003 } % (distractors.count + 1)
        var choices = distractors.map { Choice(label: $0, correct: false) }
        choices.insert(Choice(label: answer, correct: true), at: position)
        return [Converted(id: id, metadata: builder.metadata(id: id, prompt: choicePrompt(prompt),
                                                              choices: choices, multiple: false, score: score), score: score)]
    }

    /// A fill-in prompt as a choice question asks it: the blank shown as `…` and a closing
    /// "(Write the number)" / "(अंक लिखें)" instruction dropped, since the learner now picks.
    static func choicePrompt(_ prompt: String) -> String {
        var text = prompt.replacingOccurrences(of: "____", with: "…").trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(")") || text.hasSuffix("।)"), let open = text.lastIndex(of: "(") {
            let instruction = text[open...].lowercased()
            if instruction.contains("write") || instruction.contains("लिखें") {
                text = String(text[..<open]).trimmingCharacters(in: .whitespaces)
            }
        }
        return text
    }

    private static func unplayable(_ question: QuizQuestion, policy: UnplayableQuestionPolicy) -> Finding {
        let (id, type) = (question.id, question.kind.rawValue)
        let kind = question.kind == .match
            ? LocalizedText(en: "match-the-following", hi: "मिलान (match)")
            : LocalizedText(en: "fill-in-the-blank", hi: "रिक्त स्थान (fill-in)")
        let location = question.kindLocation
        let message: LocalizedText
        let hint: LocalizedText
        switch policy {
        case .omit:
            message = LocalizedText(
                en: "question '\(id)' is \(kind.en), which iGOT's QuML player cannot show; it is left out of the ECAR",
                hi: "प्रश्न '\(id)' \(kind.hi) प्रकार का है, जिसे iGOT का QuML प्लेयर नहीं दिखा सकता; इसे ECAR में नहीं रखा गया")
            hint = LocalizedText(
                en: "rewrite it as a single-choice question, or set 'pack: {unplayableQuestions: convert}' in coursekit.yaml",
                hi: "इसे एकल-विकल्प (single-choice) प्रश्न के रूप में लिखें, या coursekit.yaml में 'pack: {unplayableQuestions: convert}' रखें")
        case .error, .convert:
            message = LocalizedText(
                en: "question '\(id)' is \(kind.en), which iGOT's QuML player cannot show: a learner would see a blank slide and could be stuck below the pass mark",
                hi: "प्रश्न '\(id)' \(kind.hi) प्रकार का है, जिसे iGOT का QuML प्लेयर नहीं दिखा सकता: शिक्षार्थी को खाली स्लाइड दिखेगी और वह उत्तीर्ण अंक से नीचे अटक सकता है")
            hint = type == "fill-in"
                ? LocalizedText(
                    en: "add 'distractors:' (plausible wrong answers in each language) and set 'pack: {unplayableQuestions: convert}' in coursekit.yaml, or rewrite it as a single-choice question",
                    hi: "'distractors:' (हर भाषा में संभावित गलत उत्तर) जोड़ें और coursekit.yaml में 'pack: {unplayableQuestions: convert}' रखें, या इसे एकल-विकल्प प्रश्न के रूप में लिखें")
                : LocalizedText(
                    en: "set 'pack: {unplayableQuestions: convert}' in coursekit.yaml (one single-choice question per pair) or 'omit' to leave it out",
                    hi: "coursekit.yaml में 'pack: {unplayableQuestions: convert}' (हर जोड़े के लिए एक एकल-विकल्प प्रश्न) या छोड़ने के लिए 'omit' रखें")
        }
        let severity: Severity = policy == .omit ? .warning : .error
        return Finding(ruleID: PackRule.unplayableQuestion.id, severity: severity, location: location, message: message, hint: hint)
    }
}

/// Builds the metadata of one QuML multiple-choice question as the current Sunbird editor
/// writes it (see docs/packaging.md). Its nested objects are serialised as they are built
/// (`ECARJSON.compact`): a question set is built once per run and language (`PackCache`) and
/// copied into every archive of every course that uses the quiz.
struct QuMLChoiceQuestion {
    var language: String
    var explanation: String

    func metadata(id: String, prompt: String, choices: [QuMLQuestionSet.Choice], multiple: Bool, score: Double) -> [(String, ECARJSON)] {
        let paragraph = QuMLQuestionSet.paragraph
        let number = QuMLQuestionSet.number
        let correct = choices.indices.filter { choices[$0].correct }
        let scoreJSON = number(score)
        let partial = correct.isEmpty ? score : score / Double(correct.count)
        let question = paragraph(prompt)
        let body = "<div class='question-body'><div class='mcq-title'>\(question)</div>"
            + "<div data-choice-interaction='response1' class='mcq-vertical'></div></div>"
        let options = choices.enumerated().map { ECARJSON.object([("label", .string(paragraph($1.label))), ("value", .int($0))]) }
        let editorOptions = choices.enumerated().map { index, choice in
            ECARJSON.object([("answer", .bool(choice.correct)), ("value", .object([("body", .string(paragraph(choice.label))), ("value", .int(index))]))])
        }
        let solutionID = SunbirdVocabulary.messageID(Data(("solution\u{1F}" + language + "\u{1F}" + id).utf8))
        return [
            ("name", .string(prompt.count > 120 ? String(prompt.prefix(119)) + "…" : prompt)),
            ("code", .string(id)),
            ("objectType", .string("Question")),
            ("mimeType", .string(SunbirdVocabulary.question)),
            ("primaryCategory", .string(multiple ? "Multiselect Multiple Choice Question" : "Multiple Choice Question")),
            ("qType", .string("MCQ")),
            ("templateId", .string("mcq-vertical")),
            ("interactionTypes", .compact(.strings(["choice"]))),
            ("body", .string(body)),
            ("editorState", .compact(.object([("options", .array(editorOptions)), ("question", .string(question))]))),
            ("interactions", .compact(.object([("response1", .object([
                ("type", .string("choice")),
                ("options", .array(options)),
                ("validation", .object([("required", .string("Yes"))])),
            ]))]))),
            ("responseDeclaration", .compact(.object([("response1", .object([
                ("maxScore", scoreJSON),
                ("cardinality", .string(multiple ? "multiple" : "single")), ("type", .string("integer")),
                ("correctResponse", .object([
                    ("value", multiple ? .array(correct.map { .int($0) }) : .int(correct.first ?? 0)),
                    ("outcomes", .object([("SCORE", scoreJSON)])),
                ])),
                ("mapping", .array(correct.map { .object([("value", .int($0)), ("score", number(multiple ? partial : score))]) })),
            ]))]))),
            ("answer", .string(correct.map { paragraph(choices[$0].label) }.joined())),
            ("outcomeDeclaration", .compact(.object([("maxScore", .object([
                ("cardinality", .string("single")), ("type", .string("integer")), ("defaultValue", scoreJSON),
            ]))]))),
            ("maxScore", scoreJSON),
            ("solutions", .compact(.object([(solutionID, .string(paragraph(explanation)))]))),
            ("qumlVersion", .number("1.1")),
            ("schemaVersion", .string("1.1")),
        ]
    }
}
