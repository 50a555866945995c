/// Text tagged with a language is mostly written in that language's script — a Hindi field in
/// Devanagari, an Urdu one in Perso-Arabic — in fields and in lesson files alike. Catches
/// English pasted under `hi:` and untranslated lessons.
public struct ScriptMatchesLanguage: Rule {
    public static let descriptor = RuleDescriptor(
        id: "script-matches-language", defaultSeverity: .warning,
        parameters: [thresholdParameter],
        summary: LocalizedText(en: "text tagged with a language is written in its script", hi: "किसी भाषा के रूप में चिह्नित पाठ उसी की लिपि में हो"),
        triggering: [
            RuleExample(Examples.replacing("m/module.yaml", with: Examples.module.replacingOccurrences(of: "title: {en: Introduction, hi: परिचय}", with: "title: {en: Introduction, hi: 1️⃣Introduction to the office}"), in: Examples.moduleFiles)),
        ],
        nonTriggering: [
            RuleExample(Examples.moduleFiles),
        ])
    static let thresholdParameter = RuleParameter(
        "threshold", default: .number(0.6),
        summary: LocalizedText(en: "least share of letters in the expected script", hi: "अपेक्षित लिपि के अक्षरों का न्यूनतम अनुपात"))
    let threshold: Double

    public init(options: RuleOptions) throws(ToolError) {
        threshold = try options.double(Self.thresholdParameter)
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        for file in catalogue.allFiles where file.loaded {
            for field in file.translatableFields {
                for entry in field.object.entries {
                    if let finding = judge(TranslatableFields.text(of: entry.value), language: entry.key, at: entry.value.location) {
                        findings.append(finding)
                    }
                }
            }
        }
        for module in catalogue.sortedModules {
            for edition in module.lessons.flatMap(\.editions) {
                guard let markdown = edition.markdown else { continue }
                let location = SourceLocation(file: markdown.path, line: markdown.bodyLineOffset + 1, column: 1)
                if let finding = judge(markdown.body, language: edition.language, at: location) { findings.append(finding) }
            }
        }
        return findings
    }

    private func judge(_ text: String, language: String, at location: SourceLocation) -> Finding? {
        guard let script = ScriptProfile.scripts[language],
              let share = ScriptProfile.share(of: text, in: script.ranges), share < threshold
        else { return nil }
        let percent = Int((share * 100).rounded())
        return finding(at: location, LocalizedText(
            en: "text marked \(LanguageNames.english(language)) (\(language)) is only \(percent)% \(script.name.en) script",
            hi: "\(LanguageNames.hindi(language)) (\(language)) के रूप में चिह्नित पाठ का केवल \(percent)% भाग \(script.name.hi) लिपि में है"),
            hint: LocalizedText(
                en: "write this text in \(LanguageNames.english(language)), or mark it with the language it is in",
                hi: "यह पाठ \(LanguageNames.hindi(language)) में लिखें, या इसे उसी भाषा के रूप में चिह्नित करें जिसमें यह है"))
    }
}
