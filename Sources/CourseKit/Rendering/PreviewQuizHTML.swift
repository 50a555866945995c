/// A module's quiz on a preview page (static and live): every question with the same answer
/// controls as the SCORM page (`QuizQuestionInputs`), and for each a hidden box with the
/// correct answer and the explanation. The small script (`script`) checks the responses when
/// the reader presses Submit, marks each question right or wrong and only then shows those
/// boxes. The answers are in the page (this is an author's preview, not a learner's test).
enum PreviewQuizHTML {
    /// The quiz's title in `language`, or the word "Quiz".
    static func title(_ quiz: Quiz, language: String) -> String {
        let title = quiz.details.title?.resolved(language) ?? ""
        return title.isEmpty ? PreviewWords(language: language).quiz : title
    }

    static func render(_ quiz: Quiz, language: String, saltParts: [String]) -> String {
        let words = PreviewWords(language: language)
        var out = "<section class=\"ck-quiz\">\n<h1>\(HTMLEscaping.escape(title(quiz, language: language)))</h1>\n"
        if let mark = quiz.details.passMark?.value {
            out += "<p class=\"ck-intro\">\(HTMLEscaping.escape(words.passMark(SCOPage.decimal(mark))))</p>\n"
        }
        out += "<form class=\"ck-preview-quiz\" novalidate data-result=\"\(HTMLEscaping.escape(words.result))\">\n"
        for (number, question) in quiz.details.questions.enumerated() {
            let salt = AnswerKey.salt(saltParts + [question.id])
            out += questionHTML(question, number: number + 1, language: language, salt: salt, words: words)
        }
        out += "<p><button type=\"submit\">\(HTMLEscaping.escape(words.submit))</button></p>\n"
        out += "<p class=\"ck-result\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n</section>\n"
        return out
    }

    static func questionHTML(_ question: QuizQuestion, number: Int, language: String, salt: String, words: PreviewWords) -> String {
        func text(_ field: TranslatedText?) -> String { field?.resolved(language) ?? "" }
        var accepted: [String] = []
        var answerText: String
        switch question.kind {
        case .singleChoice, .multipleChoice:
            let correct = question.options.indices.filter { question.options[$0].correct }
            accepted = correct.map(String.init)
            answerText = correct.map { text(question.options[$0].text) }.joined(separator: "; ")
        case .trueFalse:
            let answer = question.answer ?? true
            accepted = [answer ? "true" : "false"]
            answerText = answer ? words.trueWord : words.falseWord
        case .fillIn:
            let answers = question.answers.best(language)
            accepted = Array(Set(answers.map(AnswerKey.normalizeTyped))).sorted()
            answerText = answers.joined(separator: " / ")
        case .match:
            let shown = QuizQuestionInputs.shownPositions(count: question.pairs.count, salt: salt)
            accepted = shown.enumerated().map { "\($0.offset)>\($0.element)" }
            answerText = question.pairs.map { "\(text($0.left)) → \(text($0.right))" }.joined(separator: "; ")
        }
        let answerJSON = String(decoding: ECARJSON.array(accepted.map(ECARJSON.string)).bytes(pretty: false), as: UTF8.self)
        let name = "ck-q-\(number)"
        var out = "<fieldset class=\"ck-q\" data-type=\"\(question.kind.rawValue)\" data-answer=\"\(HTMLEscaping.escape(answerJSON))\">\n"
        out += "<legend><span class=\"ck-num\">\(number).</span> \(HTMLEscaping.escape(text(question.prompt)))</legend>\n"
        out += QuizQuestionInputs.html(question, name: name, language: language, salt: salt)
        out += "<div class=\"ck-answer\" hidden><p><strong>\(HTMLEscaping.escape(words.answer))</strong> \(HTMLEscaping.escape(answerText))</p>"
        let explanation = text(question.explanation)
        if !explanation.isEmpty { out += "<p>\(HTMLEscaping.escape(explanation))</p>" }
        return out + "</div>\n</fieldset>\n"
    }

    /// Checks the responses on Submit and reveals the answers (see the type's documentation).
    static let script = """
        (function(){"use strict";\
        function norm(t){return t.normalize("NFC").toLowerCase().trim().split(/\\s+/).join(" ");}\
        [].forEach.call(document.querySelectorAll("form.ck-preview-quiz"),function(form){\
        form.addEventListener("submit",function(event){event.preventDefault();var right=0,all=form.querySelectorAll(".ck-q");\
        [].forEach.call(all,function(q){var want=JSON.parse(q.getAttribute("data-answer")),got=[],ok;\
        [].forEach.call(q.querySelectorAll("input,select"),function(el){\
        if(el.type==="radio"||el.type==="checkbox"){if(el.checked)got.push(el.value);}\
        else if(el.tagName==="SELECT"){if(el.value!=="")got.push(el.name.slice(el.name.lastIndexOf("-")+1)+">"+el.value);}\
        else{var t=norm(el.value);if(t)got.push(t);}});\
        if(q.getAttribute("data-type")==="fill-in"){ok=got.length===1&&want.indexOf(got[0])>=0;}\
        else{ok=got.sort().join("\\n")===want.slice().sort().join("\\n");}\
        if(ok)right+=1;q.className="ck-q "+(ok?"ck-right":"ck-wrong");\
        var box=q.querySelector(".ck-answer");if(box)box.hidden=false;});\
        var result=form.querySelector(".ck-result");\
        if(result)result.textContent=form.getAttribute("data-result").replace("{right}",right).replace("{total}",all.length);});});\
        })();
        """

    /// The quiz styles of the SCORM page plus the answer box.
    static let stylesheet = SCOPage.stylesheet + ".ck-answer{margin:.5rem 0 0;padding:.4rem .6rem;border-radius:.3rem;background:#eef6ee}"
        + "@media (prefers-color-scheme:dark){.ck-answer{background:#1f2d1f}}"
}
