/// A quiz written as a QuML 1.1-style question set: the set's metadata (pass mark, questions
/// drawn per attempt, shuffle, attempts, maximum score) and one `Question` item per question with
/// its `body`, `interactions`, `responseDeclaration`, `outcomeDeclaration`, `answer` and
/// `solutions`, in one language edition.
///
/// Question types map as: single-choice and true-false → MCQ (single cardinality),
/// multiple-choice → MCQ (multiple cardinality), fill-in → FTB (text), match → MTF.
struct QuMLQuestionSet {
    struct Question {
        var id: String
        var metadata: [(String, ECARJSON)]
    }

    var metadata: [(String, ECARJSON)]
    var questions: [Question]

    static func text(_ value: LocatedValue?, _ language: String) -> String {
        guard let value else { return "" }
        if let text = value.string { return text }
        return TranslatedText(value).best(language)
    }

    static func paragraph(_ text: String) -> String {
        "<p>" + HTMLEscaping.escape(text) + "</p>"
    }

    static func number(_ value: Double) -> ECARJSON {
        value == value.rounded() && abs(value) < 1e15 ? .number(String(Int64(value))) : .number(String(value))
    }

    init(quiz: LocatedValue, language: String) {
        var questions: [Question] = []
        var points: [Double] = []
        for question in quiz["questions"]?.array ?? [] {
            guard let id = question["id"]?.string else { continue }
            let score = question["points"]?.number ?? 1
            points.append(score)
            questions.append(Question(id: id, metadata: Self.question(question, id: id, score: score, language: language)))
        }
        let drawn = min(quiz["draw"]?.int ?? questions.count, questions.count)
        let maxScore = points.allSatisfy({ $0 == points.first }) ? Double(drawn) * (points.first ?? 1) : points.reduce(0, +)
        var metadata: [(String, ECARJSON)] = [
            ("qumlVersion", .number("1.1")),
            ("schemaVersion", .string("1.1")),
            ("maxQuestions", .int(drawn)),
            ("shuffle", .bool(quiz["shuffle"]?.bool ?? false)),
        ]
        if let attempts = quiz["maxAttempts"]?.int { metadata.append(("maxAttempts", .int(attempts))) }
        if let passMark = quiz["passMark"]?.number { metadata.append(("minimumPassPercentage", Self.number(passMark))) }
        metadata += [
            ("scoreCutoffType", .string("AssessmentLevel")),
            ("navigationMode", .string("non-linear")),
            ("allowSkip", .string("Yes")),
            ("requiresSubmit", .string("Yes")),
            ("showFeedback", .bool(true)),
            ("showSolutions", .bool(true)),
            ("containsUserData", .string("No")),
            ("maxScore", Self.number(maxScore)),
            ("outcomeDeclaration", .object([("maxScore", .object([
                ("cardinality", .string("single")), ("type", .string("integer")), ("defaultValue", Self.number(maxScore)),
            ]))])),
        ]
        self.metadata = metadata
        self.questions = questions
    }

    private static func question(_ question: LocatedValue, id: String, score: Double, language: String) -> [(String, ECARJSON)] {
        let type = question["type"]?.string ?? "single-choice"
        let prompt = text(question["prompt"], language)
        var fields: [(String, ECARJSON)] = [
            ("name", .string(prompt.count > 120 ? String(prompt.prefix(119)) + "…" : prompt)),
            ("code", .string(id)),
            ("objectType", .string("Question")),
            ("mimeType", .string(SunbirdVocabulary.question)),
        ]
        let scoreJSON = number(score)
        let outcome: ECARJSON = .object([("maxScore", .object([
            ("cardinality", .string("single")), ("type", .string("integer")), ("defaultValue", scoreJSON),
        ]))])
        var options: [(label: String, correct: Bool)] = []
        switch type {
        case "true-false":
            let answer = question["answer"]?.bool ?? true
            let words = language == "hi" ? ("सही", "गलत") : ("True", "False")
            options = [(words.0, answer), (words.1, !answer)]
        case "single-choice", "multiple-choice":
            options = (question["options"]?.array ?? []).map { (text($0["text"], language), $0["correct"]?.bool ?? false) }
        default: break
        }
        switch type {
        case "fill-in":
            let answers = question["answers"]?[language]?.array?.compactMap(\.string)
                ?? question["answers"]?.object?.entries.first?.value.array?.compactMap(\.string) ?? []
            fields += [
                ("primaryCategory", .string("FTB Question")),
                ("qType", .string("FTB")),
                ("interactionTypes", .strings(["text"])),
                ("body", .string(paragraph(prompt))),
                ("interactions", .object([("response1", .object([("type", .string("text"))]))])),
                ("responseDeclaration", .object([("response1", .object([
                    ("cardinality", .string("single")), ("type", .string("string")),
                    ("correctResponse", .object([("value", .string(answers.first ?? ""))])),
                    ("mapping", .array(answers.map { .object([("value", .string($0)), ("score", scoreJSON)]) })),
                ]))])),
                ("answer", .string(paragraph(answers.joined(separator: " / ")))),
            ]
        case "match":
            let pairs = question["pairs"]?.array ?? []
            let left = pairs.enumerated().map { ECARJSON.object([("label", .string(paragraph(text($1["left"], language)))), ("value", .int($0))]) }
            let right = pairs.enumerated().map { ECARJSON.object([("label", .string(paragraph(text($1["right"], language)))), ("value", .int($0))]) }
            fields += [
                ("primaryCategory", .string("Match The Following Question")),
                ("qType", .string("MTF")),
                ("interactionTypes", .strings(["match"])),
                ("body", .string(paragraph(prompt))),
                ("interactions", .object([("response1", .object([
                    ("type", .string("match")), ("options", .object([("left", .array(left)), ("right", .array(right))])),
                ]))])),
                ("responseDeclaration", .object([("response1", .object([
                    ("cardinality", .string("multiple")), ("type", .string("map")),
                    ("correctResponse", .object([("value", .array(pairs.indices.map {
                        .object([("left", .int($0)), ("right", .array([.int($0)]))])
                    }))])),
                ]))])),
                ("answer", .string(pairs.map { paragraph(text($0["left"], language) + " → " + text($0["right"], language)) }.joined())),
            ]
        default:
            let correct = options.indices.filter { options[$0].correct }
            let multiple = type == "multiple-choice"
            let partial = correct.isEmpty ? score : score / Double(correct.count)
            fields += [
                ("primaryCategory", .string("Multiple Choice Question")),
                ("qType", .string("MCQ")),
                ("interactionTypes", .strings(["choice"])),
                ("body", .string(paragraph(prompt))),
                ("interactions", .object([("response1", .object([
                    ("type", .string("choice")),
                    ("options", .array(options.enumerated().map { .object([("label", .string(paragraph($1.label))), ("value", .int($0))]) })),
                ]))])),
                ("responseDeclaration", .object([("response1", .object([
                    ("cardinality", .string(multiple ? "multiple" : "single")), ("type", .string("integer")),
                    ("correctResponse", .object([("value", multiple ? .array(correct.map { .int($0) }) : .int(correct.first ?? 0))])),
                    ("mapping", .array(correct.map { .object([("value", .int($0)), ("score", number(multiple ? partial : score))]) })),
                ]))])),
                ("answer", .string(correct.map { paragraph(options[$0].label) }.joined())),
            ]
        }
        fields += [
            ("outcomeDeclaration", outcome),
            ("maxScore", scoreJSON),
            ("solutions", .object([("explanation", .object([
                ("type", .string("html")), ("value", .string(paragraph(text(question["explanation"], language)))),
            ]))])),
            ("qumlVersion", .number("1.1")),
            ("schemaVersion", .string("1.1")),
        ]
        return fields
    }
}
