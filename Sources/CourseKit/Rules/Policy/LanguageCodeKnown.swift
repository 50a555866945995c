/// Language codes are real: the 22 languages of the Eighth Schedule, English, and a few more.
public struct LanguageCodeKnown: Rule {
    public static let descriptor = RuleDescriptor(
        id: "language-code-known", defaultSeverity: .error,
        summary: LocalizedText(en: "language codes are real Indian-language or English codes", hi: "भाषा कोड वास्तविक भारतीय भाषा या अंग्रेज़ी के हों"),
        triggering: [
            RuleExample(Examples.replacing("m/module.yaml", with: Examples.module.replacingOccurrences(of: "languages: [en, hi]", with: "languages: [en, hi, 1️⃣xx]"), in: Examples.moduleFiles)),
        ],
        nonTriggering: [
            RuleExample(Examples.moduleFiles),
        ])

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        let known = Array(LanguageNames.known.keys)
        func report(_ code: String, at location: SourceLocation) {
            let base = code.split(separator: "-").first.map(String.init) ?? code
            guard LanguageNames.known[base] == nil else { return }
            let suggestion = Spelling.closest(to: base, among: known)
            findings.append(finding(at: location, LocalizedText(
                en: "'\(code)' is not a language code coursekit knows",
                hi: "'\(code)' कोई ज्ञात भाषा कोड नहीं है"),
                hint: suggestion.map { LocalizedText(en: "did you mean '\($0)' (\(LanguageNames.english($0)))?", hi: "क्या आपका आशय '\($0)' (\(LanguageNames.hindi($0))) से था?") }
                    ?? LocalizedText(en: "use an ISO 639 code such as hi, en, ur, bn", hi: "hi, en, ur, bn जैसा ISO 639 कोड लिखें")))
        }
        for file in catalogue.allFiles where file.loaded {
            for code in file.languages.codes { report(code.value, at: code.location) }
            for field in file.translatableFields {
                for entry in field.object.entries { report(entry.key, at: entry.keyLocation) }
            }
        }
        return findings
    }
}
