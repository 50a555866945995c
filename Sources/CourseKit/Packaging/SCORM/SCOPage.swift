import Foundation

/// The single page of a module's SCO (SCORM) or AU (cmi5): the module's lessons as sections,
/// then its quiz as a form, inside the same `LessonPage` shell as every ECAR lesson (UTF-8,
/// `lang`/`dir`, a viewport for phones, Devanagari-capable fonts, nothing from the network).
/// The runtime (`coursekit/runtime.js`, `SCORMRuntimeScript`) shows one section at a time,
/// talks to the LMS and scores the quiz; without JavaScript every section stays readable.
///
/// Every text from the sources is escaped with `HTMLEscaping`. Answers are never written in
/// plain text: each question carries a salt and SHA-256 hashes of its correct responses, and
/// its explanation obscured (`AnswerKey`). Choice values are the options' positions; the
/// right-hand items of a match question are listed in an order derived from the salt, and
/// responses name them by that position.
struct SCOPage {
    var course: LMSCourse
    var module: LMSModule
    var format: PackageFormat
    /// Path from the page to the shared runtime.
    var runtimePath = "../coursekit/runtime.js"

    var hindi: Bool { course.language == "hi" }

    func ui(_ en: String, _ hi: String) -> String { hindi ? hi : en }

    func render() -> String {
        var body = "<p class=\"ck-module\">\(HTMLEscaping.escape(module.title))</p>\n"
        body += "<p id=\"ck-status\" class=\"ck-status\" role=\"status\" aria-live=\"polite\"></p>\n"
        body += "<nav class=\"ck-toc\" aria-label=\"\(HTMLEscaping.escape(ui("Contents", "विषय-सूची")))\"><ol>\n"
        for (index, lesson) in module.lessons.enumerated() {
            body += "<li><a href=\"#ck-page-\(index + 1)\" data-page=\"\(index)\">\(HTMLEscaping.escape(lesson.title))</a></li>\n"
        }
        if let quiz = module.quiz {
            body += "<li><a href=\"#ck-quiz\" data-page=\"\(module.lessons.count)\">\(HTMLEscaping.escape(quizTitle(quiz)))</a></li>\n"
        }
        body += "</ol></nav>\n<div class=\"ck-bar\" aria-hidden=\"true\"><div id=\"ck-bar\"></div></div>\n"
        for (index, lesson) in module.lessons.enumerated() {
            body += "<section class=\"ck-page\" id=\"ck-page-\(index + 1)\" data-page=\"\(index)\">\n"
            if !lesson.bodyHTML.hasPrefix("<h1") { body += "<h1>\(HTMLEscaping.escape(lesson.title))</h1>\n" }
            body += lesson.bodyHTML + "</section>\n"
        }
        if let quiz = module.quiz { body += quizSection(quiz) }
        body += "<nav class=\"ck-pager\"><button type=\"button\" id=\"ck-prev\">\(HTMLEscaping.escape(ui("← Previous", "← पिछला")))</button>"
        body += "<span id=\"ck-pos\"></span>"
        body += "<button type=\"button\" id=\"ck-next\">\(HTMLEscaping.escape(ui("Next →", "अगला →")))</button></nav>\n"
        body += "<script type=\"application/json\" id=\"ck-data\">\(Self.scriptSafe(settingsJSON()))</script>\n"
        body += "<script src=\"\(HTMLEscaping.escape(runtimePath))\"></script>\n"
        var page = LessonPage(title: module.title, language: course.language, courseTitle: course.title, bodyHTML: body)
        page.extraHead = "<style>\(Self.stylesheet)</style>\n"
        return page.render()
    }

    /// A source text in the edition's language.
    func text(_ field: TranslatedText?) -> String { field?.resolved(course.language) ?? "" }

    func quizTitle(_ quiz: Quiz) -> String {
        let title = text(quiz.details.title)
        return title.isEmpty ? ui("Quiz", "प्रश्नोत्तरी") : title
    }

    /// The salt of one question.
    func salt(_ quiz: Quiz, _ question: QuizQuestion) -> String {
        AnswerKey.salt([course.id, course.language, module.id, quiz.id ?? "", question.id])
    }

    func quizSection(_ quiz: Quiz) -> String {
        let index = module.lessons.count
        var out = "<section class=\"ck-page ck-quiz\" id=\"ck-quiz\" data-page=\"\(index)\">\n"
        out += "<h1>\(HTMLEscaping.escape(quizTitle(quiz)))</h1>\n"
        let mark = quiz.details.passMark.map { Self.decimal($0.value) }
        let count = quiz.details.drawn
        let intro = hindi
            ? "\(count) प्रश्न" + (mark.map { "; उत्तीर्ण होने के लिए \($0)% अंक चाहिए" } ?? "") + "।"
            : "\(count) question\(count == 1 ? "" : "s")" + (mark.map { "; you need \($0)% to pass" } ?? "") + "."
        out += "<p class=\"ck-intro\">\(HTMLEscaping.escape(intro))</p>\n"
        out += "<form id=\"ck-form\" novalidate>\n"
        for (number, question) in quiz.details.questions.enumerated() {
            out += questionHTML(question, number: number + 1, salt: salt(quiz, question))
        }
        out += "<p><button type=\"submit\" id=\"ck-submit\">\(HTMLEscaping.escape(ui("Submit answers", "उत्तर जमा करें")))</button></p>\n</form>\n"
        out += "<div id=\"ck-result\" class=\"ck-result\" role=\"status\" aria-live=\"polite\"></div>\n"
        out += "<p><button type=\"button\" id=\"ck-retry\" hidden>\(HTMLEscaping.escape(ui("Try again", "फिर से प्रयास करें")))</button></p>\n"
        return out + "</section>\n"
    }

    func questionHTML(_ question: QuizQuestion, number: Int, salt: String) -> String {
        let name = "ck-q-" + LMSCourseReader.safeName(question.id)
        var keys: [String] = []
        switch question.kind {
        case .singleChoice, .multipleChoice:
            let correct = question.options.indices.filter { question.options[$0].correct }
            keys = question.kind == .multipleChoice
                ? [AnswerKey.hash(salt: salt, correct.map(String.init).joined(separator: ","))]
                : correct.map { AnswerKey.hash(salt: salt, String($0)) }
        case .trueFalse:
            keys = [AnswerKey.hash(salt: salt, (question.answer ?? true) ? "true" : "false")]
        case .fillIn:
            keys = Array(Set(question.answers.best(course.language).map { AnswerKey.hash(salt: salt, AnswerKey.normalizeTyped($0)) })).sorted()
        case .match:
            let shown = QuizQuestionInputs.shownPositions(count: question.pairs.count, salt: salt)
            keys = shown.enumerated().map { AnswerKey.hash(salt: salt, "\($0.offset)>\($0.element)") }
        }
        let inputs = QuizQuestionInputs.html(question, name: name, language: course.language, salt: salt)
        var out = "<fieldset class=\"ck-q\" data-qid=\"\(HTMLEscaping.escape(question.id))\" data-type=\"\(question.kind.rawValue)\""
        out += " data-points=\"\(Self.decimal(question.points))\" data-salt=\"\(salt)\" data-key=\"\(keys.joined(separator: " "))\""
        out += " data-explain=\"\(AnswerKey.obscure(text(question.explanation), salt: salt))\">\n"
        out += "<legend><span class=\"ck-num\">\(number).</span> \(HTMLEscaping.escape(text(question.prompt)))</legend>\n"
        out += inputs
        out += "<p class=\"ck-feedback\" hidden></p>\n</fieldset>\n"
        return out
    }

    /// What the runtime needs: the format, the module's shape and its words in the edition's
    /// language.
    func settingsJSON() -> String {
        var quizJSON = ECARJSON.null
        if let quiz = module.quiz {
            let details = quiz.details
            var fields: [(String, ECARJSON)] = [
                ("draw", .int(details.drawn)), ("shuffle", .bool(details.shuffle)),
            ]
            if let passMark = details.passMark { fields.append(("passMark", QuMLQuestionSet.number(passMark.value))) }
            if let attempts = details.maxAttempts { fields.append(("maxAttempts", .int(attempts))) }
            quizJSON = .object(fields)
        }
        let words: [(String, String, String)] = [
            ("offline", "Not connected to a learning platform: your progress is kept only while this page is open.",
             "किसी लर्निंग प्लेटफ़ॉर्म से नहीं जुड़ा है: आपकी प्रगति केवल तब तक रहेगी जब तक यह पेज खुला है।"),
            ("connected", "Your progress is saved.", "आपकी प्रगति सहेजी जा रही है।"),
            ("position", "Page {n} of {total}", "पृष्ठ {n} / {total}"),
            ("unanswered", "Please answer every question.", "कृपया हर प्रश्न का उत्तर दें।"),
            ("passed", "You scored {score}% — passed (pass mark {mark}%).", "आपके {score}% अंक आए — उत्तीर्ण (उत्तीर्णांक {mark}%)।"),
            ("failed", "You scored {score}% — not yet passed (pass mark {mark}%). Read the explanations and try again.",
             "आपके {score}% अंक आए — अभी उत्तीर्ण नहीं (उत्तीर्णांक {mark}%)। व्याख्याएँ पढ़ें और फिर से प्रयास करें।"),
            ("scored", "You scored {score}%.", "आपके {score}% अंक आए।"),
            ("correct", "Correct.", "सही।"),
            ("incorrect", "Not correct.", "सही नहीं।"),
            ("noAttempts", "No attempts left.", "कोई प्रयास शेष नहीं।"),
        ]
        let json = ECARJSON.object([
            ("format", .string(format.rawValue)),
            ("language", .string(course.language)),
            ("course", .string(course.id)),
            ("module", .string(module.id)),
            ("lessons", .int(module.lessons.count)),
            ("quiz", quizJSON),
            ("text", .object(words.map { ($0.0, .string(hindi ? $0.2 : $0.1)) })),
        ]).bytes(pretty: false)
        return String(decoding: json, as: UTF8.self)
    }

    /// JSON that cannot end its `<script>` element early.
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }

    /// `70` for 70.0, `72.5` for 72.5.
    static func decimal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Styles the runtime's navigation, progress bar and quiz, large enough to tap on a phone.
    static let stylesheet = """
        .ck-module{font-weight:600;margin:.2rem 0 0}\
        .ck-status{color:#5a5a5a;font-size:.85rem;min-height:1.2em;margin:.2rem 0}\
        .ck-toc ol{padding-inline-start:1.4rem;margin:.5rem 0}.ck-toc a[aria-current]{font-weight:700}\
        .ck-toc li.ck-seen::marker{content:"✓ "}\
        .ck-bar{height:.35rem;background:#e4e4e4;border-radius:.2rem;overflow:hidden}\
        #ck-bar{height:100%;width:0;background:#1a7f37}\
        .ck-page{border-top:1px solid #ddd;margin-top:1rem;padding-top:.5rem}\
        .ck-js .ck-page[hidden]{display:none}\
        .ck-q{border:1px solid #ccc;border-radius:.4rem;margin:1rem 0;padding:.6rem .9rem}\
        .ck-q legend{font-weight:600;padding:0 .3rem}\
        .ck-option,.ck-fill,.ck-pair{display:flex;gap:.6rem;align-items:center;margin:.5rem 0;min-height:2.75rem}\
        .ck-fill,.ck-pair{flex-wrap:wrap}.ck-option>span{flex:1 1 auto;min-width:0}\
        .ck-option input{transform:scale(1.3)}\
        .ck-fill input,.ck-pair select{font:inherit;padding:.4rem;min-height:2.5rem;max-width:100%}\
        .ck-pair>span{flex:1 1 10rem}\
        .ck-feedback{margin:.4rem 0 0;padding:.4rem .6rem;border-radius:.3rem;background:#f3f3f3}\
        .ck-right{border-color:#1a7f37}.ck-wrong{border-color:#c62828}\
        .ck-result{font-weight:600;margin:1rem 0}\
        button{font:inherit;min-height:2.75rem;padding:.4rem 1rem;border-radius:.4rem;border:1px solid #888;background:#f5f5f5;color:inherit}\
        button[type=submit]{background:#0b57d0;color:#fff;border-color:#0b57d0}\
        .ck-pager{display:flex;justify-content:space-between;align-items:center;gap:.5rem;margin-top:2rem}\
        video,object.ck-document{width:100%}object.ck-document{height:70vh}\
        @media (prefers-color-scheme:dark){.ck-q{border-color:#555}.ck-feedback{background:#222}button{background:#2a2a2a}}
        """
}
