/// Courses, modules, quizzes, programmes and case studies declare Hindi among their languages:
/// Uttar Pradesh trains in Hindi first.
public struct HindiEditionRequired: Rule {
    public static let descriptor = RuleDescriptor(
        id: "hindi-edition-required", defaultSeverity: .error,
        parameters: [requiredLanguagesParameter],
        summary: LocalizedText(en: "every course and its parts have a Hindi edition", hi: "हर पाठ्यक्रम और उसके भागों का हिंदी संस्करण हो"),
        triggering: [
            RuleExample([.init("m/module.yaml", "id: intro\nlanguages: 1️⃣[en]\ntitle: {en: Introduction}\nlessons:\n  - {file: lessons/a.md, title: {en: Welcome}, kind: reading}\n"), Examples.lessons[0]]),
        ],
        nonTriggering: [
            RuleExample(Examples.moduleFiles),
        ])
    static let requiredLanguagesParameter = RuleParameter(
        "requiredLanguages", default: .texts(["hi"]),
        summary: LocalizedText(en: "languages every file must declare", hi: "हर फ़ाइल में घोषित होने वाली भाषाएँ"))
    let required: [String]

    public init(options: RuleOptions) throws(ToolError) {
        required = try options.strings(Self.requiredLanguagesParameter)
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        catalogue.allFiles.filter(\.loaded).flatMap { file -> [Finding] in
            guard let location = file.languages.location else { return [] }
            let declared = Set(file.languages.names)
            return required.filter { !declared.contains($0) }.map { code in
                finding(at: location, LocalizedText(
                    en: "\(file.kind.rawValue) has no \(LanguageNames.english(code)) (\(code)) edition",
                    hi: "\(file.kind.rawValue) का \(LanguageNames.hindi(code)) (\(code)) संस्करण नहीं है"),
                    hint: LocalizedText(
                        en: "add '\(code)' to languages and write the \(LanguageNames.english(code)) text of every field and lesson",
                        hi: "languages में '\(code)' जोड़ें और हर फ़ील्ड व पाठ का \(LanguageNames.hindi(code)) पाठ लिखें"))
            }
        }
    }
}
