/// A course that counts toward promotion or the ACR (`countsToward`) ends with an assessment:
/// its last module has a quiz with a pass mark.
public struct FinalAssessmentRequired: Rule {
    public static let descriptor = RuleDescriptor(
        id: "final-assessment-required", defaultSeverity: .error,
        summary: LocalizedText(
            en: "a course counted toward promotion or ACR ends with an assessment with a pass mark",
            hi: "पदोन्नति या एसीआर में गिना जाने वाला पाठ्यक्रम उत्तीर्णांक सहित मूल्यांकन से समाप्त हो"),
        triggering: [
            RuleExample(Examples.replacing("c/course.yaml", with: Examples.course.replacingOccurrences(of: "- path: m", with: "- path: 1️⃣m") + "countsToward: [promotion]\n", in: Examples.courseFiles)),
        ],
        nonTriggering: [
            RuleExample(Examples.replacing("c/course.yaml", with: Examples.course.replacingOccurrences(of: "- path: m", with: "- path: ai") + "countsToward: [promotion]\n", in: Examples.courseFiles) + Examples.topicModule("c/ai", tag: "ai")),
            RuleExample(Examples.courseFiles),
        ])

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        for course in catalogue.courses where course.file.loaded {
            let counts = course.details.countsToward
            guard !counts.isEmpty, let lastReference = course.modules.last, let last = catalogue.module(for: lastReference) else { continue }
            if catalogue.assessment(for: last) != nil { continue }
            findings.append(finding(at: lastReference.location, LocalizedText(
                en: "course '\(course.id ?? "?")' counts toward \(counts.joined(separator: " and ")), but its last module '\(last.id ?? "?")' has no quiz with a pass mark, so the course has no final assessment",
                hi: "पाठ्यक्रम '\(course.id ?? "?")' \(counts.joined(separator: " और ")) में गिना जाता है, पर उसके अंतिम मॉड्यूल '\(last.id ?? "?")' में उत्तीर्णांक सहित क्विज़ नहीं है, इसलिए पाठ्यक्रम का कोई अंतिम मूल्यांकन नहीं है"),
                hint: LocalizedText(
                    en: "end the course with a module that has 'assessment: {quiz: …}' and a passMark",
                    hi: "पाठ्यक्रम ऐसे मॉड्यूल से समाप्त करें जिसमें 'assessment: {quiz: …}' और passMark हो")))
        }
        return findings
    }
}
