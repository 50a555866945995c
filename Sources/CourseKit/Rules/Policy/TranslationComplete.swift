/// Every translatable field has text in every language its file declares, and every module a
/// course uses supports all of the course's languages.
public struct TranslationComplete: Rule {
    public static let descriptor = RuleDescriptor(
        id: "translation-complete", defaultSeverity: .error,
        summary: LocalizedText(
            en: "every translatable field exists in every declared language",
            hi: "हर अनुवाद-योग्य फ़ील्ड हर घोषित भाषा में हो"),
        triggering: [
            RuleExample(Examples.replacing("m/module.yaml", with: Examples.module.replacingOccurrences(of: "title: {en: Welcome, hi: स्वागत}", with: "title: 1️⃣{en: Welcome}"), in: Examples.moduleFiles)),
        ],
        nonTriggering: [
            RuleExample(Examples.moduleFiles),
        ])

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        for file in catalogue.allFiles where file.loaded {
            let declared = file.languages.names
            guard !declared.isEmpty else { continue }
            for field in file.translatableFields {
                for code in declared where field.object[code] == nil {
                    findings.append(finding(at: field.value.location, LocalizedText(
                        en: "no \(LanguageNames.english(code)) (\(code)) text here, though the file declares \(code)",
                        hi: "यहाँ \(LanguageNames.hindi(code)) (\(code)) पाठ नहीं है, जबकि फ़ाइल में \(code) घोषित है"),
                        hint: LocalizedText(en: "add '\(code): …' to this field", hi: "इस फ़ील्ड में '\(code): …' जोड़ें")))
                }
            }
        }
        for course in catalogue.courses where course.file.loaded {
            for reference in course.modules {
                guard let module = catalogue.module(for: reference) else { continue }
                for code in course.languages where !module.languages.contains(code) {
                    findings.append(finding(at: reference.location, LocalizedText(
                        en: "module '\(module.id ?? reference.written)' has no \(LanguageNames.english(code)) (\(code)) edition, but this course is published in \(code)",
                        hi: "मॉड्यूल '\(module.id ?? reference.written)' का \(LanguageNames.hindi(code)) (\(code)) संस्करण नहीं है, जबकि यह पाठ्यक्रम \(code) में प्रकाशित होता है"),
                        hint: LocalizedText(en: "translate the module or remove \(code) from the course", hi: "मॉड्यूल का अनुवाद करें या पाठ्यक्रम से \(code) हटाएँ")))
                }
            }
        }
        return findings
    }
}
