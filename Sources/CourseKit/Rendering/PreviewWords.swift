/// The preview's own words (headings, labels, buttons) in a page's language: Hindi on Hindi
/// pages, English on every other.
struct PreviewWords {
    var hindi: Bool

    init(language: String) {
        hindi = language == "hi"
    }

    func pick(_ en: String, _ hi: String) -> String { hindi ? hi : en }

    var quiz: String { pick("Quiz", "प्रश्नोत्तरी") }
    var submit: String { pick("Submit", "जमा करें") }
    var answer: String { pick("Answer:", "उत्तर:") }
    var trueWord: String { pick("True", "सही") }
    var falseWord: String { pick("False", "गलत") }
    var result: String { pick("{right} of {total} correct.", "{total} में से {right} सही।") }
    func passMark(_ mark: String) -> String { pick("You need \(mark)% to pass.", "उत्तीर्ण होने के लिए \(mark)% अंक चाहिए।") }
    var findings: String { pick("Findings", "समस्याएँ") }
    var otherLanguages: String { pick("Other languages", "अन्य भाषाएँ") }
    var course: String { pick("Course", "पाठ्यक्रम") }
    var modules: String { pick("Modules", "मॉड्यूल") }
    var hint: String { pick("Hint:", "सुझाव:") }
    var notPreviewed: String { pick("Could not be previewed; fix the findings below.", "पूर्वावलोकन नहीं बन सका; नीचे दी गई समस्याएँ ठीक करें।") }
    var otherFindings: String { pick("Findings in other files", "अन्य फ़ाइलों में समस्याएँ") }
    var notFound: String { pick("Page not found", "पृष्ठ नहीं मिला") }
    var backToIndex: String { pick("All courses", "सभी पाठ्यक्रम") }
}
