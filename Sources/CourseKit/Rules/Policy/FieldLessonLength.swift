/// In courses for field roles, every lesson reads in under the maximum (10 minutes by default)
/// so it fits between duties and on a phone.
public struct FieldLessonLength: Rule {
    public static let descriptor = RuleDescriptor(
        id: "field-lesson-length", defaultSeverity: .warning,
        parameters: [maximumMinutesParameter, wordsPerMinuteParameter, fieldRolesParameter],
        summary: LocalizedText(en: "lessons for field roles are short", hi: "क्षेत्रीय कर्मियों के पाठ छोटे हों"),
        triggering: [
            RuleExample(Examples.fieldCourse(lesson: "1️⃣# Welcome\n\n" + String(repeating: "Visit every household in the village. ", count: 300) + "\n")),
        ],
        nonTriggering: [
            RuleExample(Examples.fieldCourse(lesson: "# Welcome\n\nVisit every household in the village.\n")),
        ])
    static let maximumMinutesParameter = RuleParameter(
        "maximumMinutes", default: .number(10),
        summary: LocalizedText(en: "longest reading time", hi: "अधिकतम पठन-समय (मिनट)"))
    static let wordsPerMinuteParameter = RuleParameter(
        "wordsPerMinute", default: .number(130),
        summary: LocalizedText(en: "reading speed assumed", hi: "मानी गई पठन-गति (शब्द प्रति मिनट)"))
    static let fieldRolesParameter = RuleParameter(
        "fieldRoles", default: .texts(FieldRoles.defaults),
        summary: LocalizedText(en: "audience roles that count as field roles", hi: "क्षेत्रीय भूमिकाएँ"))
    let maximumMinutes: Double
    let wordsPerMinute: Double
    let roles: [String]

    public init(options: RuleOptions) throws(ToolError) {
        maximumMinutes = try options.double(Self.maximumMinutesParameter)
        wordsPerMinute = try options.double(Self.wordsPerMinuteParameter)
        roles = try options.strings(Self.fieldRolesParameter)
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<String> = []
        for course in catalogue.courses where FieldRoles.isFieldCourse(course, roles: roles) {
            for module in course.modules.compactMap({ catalogue.module(for: $0) }) {
                for markdown in module.lessons.flatMap(\.editions).compactMap(\.markdown) where seen.insert(markdown.path).inserted {
                    let minutes = Double(markdown.wordCount) / max(wordsPerMinute, 1)
                    guard minutes > maximumMinutes else { continue }
                    findings.append(finding(at: SourceLocation(file: markdown.path, line: markdown.bodyLineOffset + 1, column: 1), LocalizedText(
                        en: "this lesson takes about \(Int(minutes.rounded())) minutes to read (\(markdown.wordCount) words); lessons for field staff should take under \(Int(maximumMinutes))",
                        hi: "इस पाठ को पढ़ने में लगभग \(Int(minutes.rounded())) मिनट लगते हैं (\(markdown.wordCount) शब्द); क्षेत्रीय कर्मियों के पाठ \(Int(maximumMinutes)) मिनट से कम के हों"),
                        hint: LocalizedText(en: "split it into two lessons or cut it down", hi: "इसे दो पाठों में बाँटें या छोटा करें")))
                }
            }
        }
        return findings
    }
}
