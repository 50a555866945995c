/// The answer controls of one quiz question, shared by the SCORM/cmi5 page (`SCOPage`) and the
/// preview's quiz page (`PreviewQuizHTML`): radio buttons or check boxes for choice questions,
/// True/False, a text box for fill-in, and one drop-down per left-hand item of a match question
/// whose right-hand items are listed in `matchOrder` (never the source order when avoidable).
/// Values are positions (choices, shown match items) or `true`/`false`; every text is escaped.
enum QuizQuestionInputs {
    static func html(_ question: QuizQuestion, name: String, language: String, salt: String) -> String {
        let hindi = language == "hi"
        func text(_ field: TranslatedText?) -> String { field?.resolved(language) ?? "" }
        func ui(_ en: String, _ hi: String) -> String { hindi ? hi : en }
        var inputs = ""
        switch question.kind {
        case .singleChoice, .multipleChoice:
            let multiple = question.kind == .multipleChoice
            for (position, option) in question.options.enumerated() {
                inputs += "<label class=\"ck-option\"><input type=\"\(multiple ? "checkbox" : "radio")\" name=\"\(name)\" value=\"\(position)\"> "
                inputs += "<span>\(HTMLEscaping.escape(text(option.text)))</span></label>\n"
            }
        case .trueFalse:
            for (value, label) in [("true", ui("True", "सही")), ("false", ui("False", "गलत"))] {
                inputs += "<label class=\"ck-option\"><input type=\"radio\" name=\"\(name)\" value=\"\(value)\"> <span>\(HTMLEscaping.escape(label))</span></label>\n"
            }
        case .fillIn:
            inputs += "<label class=\"ck-fill\"><span>\(HTMLEscaping.escape(ui("Your answer", "आपका उत्तर")))</span> "
            inputs += "<input type=\"text\" name=\"\(name)\" autocomplete=\"off\" lang=\"\(HTMLEscaping.escape(language))\"></label>\n"
        case .match:
            let order = matchOrder(count: question.pairs.count, salt: salt)
            for (left, pair) in question.pairs.enumerated() {
                inputs += "<label class=\"ck-pair\"><span>\(HTMLEscaping.escape(text(pair.left)))</span> <select name=\"\(name)-\(left)\">"
                inputs += "<option value=\"\">\(HTMLEscaping.escape(ui("— choose —", "— चुनें —")))</option>"
                for (position, source) in order.enumerated() {
                    inputs += "<option value=\"\(position)\">\(HTMLEscaping.escape(text(question.pairs[source].right)))</option>"
                }
                inputs += "</select></label>\n"
            }
        }
        return inputs
    }

    /// The order in which a match question lists its right-hand items: sorted by a hash of
    /// the salt and the item's position, so the source order does not give the answer away.
    static func matchOrder(count: Int, salt: String) -> [Int] {
        let order = (0..<count).sorted { AnswerKey.hash(salt: salt, "order|\($0)") < AnswerKey.hash(salt: salt, "order|\($1)") }
        // Never the source order when it can be avoided.
        if order == Array(0..<count), count > 1 { return Array(order.dropFirst()) + [order[0]] }
        return order
    }

    /// Where each left-hand item's right-hand partner is shown (`matchOrder` inverted).
    static func shownPositions(count: Int, salt: String) -> [Int] {
        let order = matchOrder(count: count, salt: salt)
        return (0..<count).map { order.firstIndex(of: $0) ?? $0 }
    }
}
