/// An Amrit Gyan Kosh case study has all six sections in every language and its context:
/// state, districts, year, department and the SDGs it serves.
public struct CaseStudyComplete: Rule {
    public static let descriptor = RuleDescriptor(
        id: "case-study-complete", defaultSeverity: .error,
        summary: LocalizedText(en: "case studies carry every section and their context", hi: "केस स्टडी में हर खंड और संदर्भ हो"),
        triggering: [
            RuleExample([.init("k/case-study.yaml", "id: thin-case\nlanguages: [en, hi]\ntitle: {en: An incomplete case study, hi: अधूरी केस स्टडी}\nsummary: {en: Some sections are missing., hi: इसमें कुछ खंड नहीं हैं।}\n1️⃣context: {state: Uttar Pradesh, year: 2024, department: {en: Panchayati Raj, hi: पंचायती राज}, sdgs: [16]}\n2️⃣sections:\n  context: {en: Complaints arrived on paper., hi: शिकायतें कागज़ पर आती थीं।}\n")]),
        ],
        nonTriggering: [
            RuleExample([.init("k/case-study.yaml", "id: thin-case\nlanguages: [en, hi]\ntitle: {en: A case study, hi: केस स्टडी}\nsummary: {en: All sections., hi: सभी खंड।}\ncontext: {state: Uttar Pradesh, districts: [Lucknow], year: 2024, department: {en: Panchayati Raj, hi: पंचायती राज}, sdgs: [16]}\nsections:\n" + ["context", "challenge", "intervention", "outcomes", "lessons", "replication"].map { "  \($0): {en: Text., hi: पाठ।}\n" }.joined())]),
        ])

    static let sections: [(key: String, name: LocalizedText)] = [
        ("context", LocalizedText(en: "context", hi: "पृष्ठभूमि")),
        ("challenge", LocalizedText(en: "challenge", hi: "चुनौती")),
        ("intervention", LocalizedText(en: "intervention", hi: "हस्तक्षेप")),
        ("outcomes", LocalizedText(en: "outcomes", hi: "परिणाम")),
        ("lessons", LocalizedText(en: "lessons", hi: "सीख")),
        ("replication", LocalizedText(en: "how to replicate", hi: "दोहराने का तरीका")),
    ]

    static let contextKeys = ["state", "districts", "year", "department", "sdgs"]

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        for study in catalogue.caseStudies where study.file.loaded {
            for section in Self.sections {
                guard let text = study.details.sections.first(where: { $0.key == section.key })?.text else {
                    findings.append(finding(at: study.file.keyLocation("sections"), LocalizedText(
                        en: "the case study has no '\(section.key)' section (\(section.name.en))",
                        hi: "केस स्टडी में '\(section.key)' खंड (\(section.name.hi)) नहीं है"),
                        hint: LocalizedText(en: "add 'sections: {\(section.key): {…}}' in every language", hi: "हर भाषा में 'sections: {\(section.key): {…}}' जोड़ें")))
                    continue
                }
                for code in study.languages where (text.text(code) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    findings.append(finding(at: text.location, LocalizedText(
                        en: "section '\(section.key)' has no \(LanguageNames.english(code)) text",
                        hi: "खंड '\(section.key)' में \(LanguageNames.hindi(code)) पाठ नहीं है")))
                }
            }
            for key in Self.contextKeys where !study.details.contextFields.contains(key) {
                findings.append(finding(at: study.file.keyLocation("context"), LocalizedText(
                    en: "the case study's context has no '\(key)'", hi: "केस स्टडी के संदर्भ (context) में '\(key)' नहीं है"),
                    hint: LocalizedText(en: "add 'context: {\(key): …}'", hi: "'context: {\(key): …}' जोड़ें")))
            }
        }
        return findings
    }
}
