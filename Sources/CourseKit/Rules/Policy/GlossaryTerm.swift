/// Text uses the glossary's preferred terms: a listed variant, or a preferred term written with
/// a different nukta, hyphen or space, is reported with the preferred spelling as the fix. The
/// glossary is named by `glossary:` in coursekit.yaml; without one the rule finds nothing.
public struct GlossaryTerm: Rule {
    public static let descriptor = RuleDescriptor(
        id: "glossary-term", defaultSeverity: .warning,
        summary: LocalizedText(
            en: "text uses the glossary's preferred terms",
            hi: "पाठ में शब्दावली के मानक शब्द हों"),
        triggering: [
            RuleExample(Examples.replacing("m/lessons/a.hi.md", with: "# स्वागत\n\nबैठक से पहले 1️⃣चेकलिस्ट पढ़ें।\n", in: Examples.moduleFiles) + [GlossaryTerm.exampleGlossary],
                        configuration: "glossary: glossary.yaml\n"),
        ],
        nonTriggering: [
            RuleExample(Examples.replacing("m/lessons/a.hi.md", with: "# स्वागत\n\nबैठक से पहले जाँच-सूची पढ़ें।\n", in: Examples.moduleFiles) + [GlossaryTerm.exampleGlossary],
                        configuration: "glossary: glossary.yaml\n"),
        ])

    /// The glossary of the examples: जाँच-सूची, not चेकलिस्ट.
    static let exampleGlossary = RuleExample.File("glossary.yaml", "terms:\n  - preferred: {hi: जाँच-सूची, en: checklist}\n    avoid: {hi: [चेकलिस्ट]}\n    english: checklist\n")

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        guard let glossary = catalogue.policy.glossary else { return [] }
        var texts = SourceTexts(repository: catalogue.repository)
        var spans: [SourceTexts.Span] = []
        for file in catalogue.allFiles { spans += texts.spans(of: file) }
        for edition in SourceTexts.lessonEditions(catalogue) { spans += texts.spans(of: edition) }
        var findings: [Finding] = []
        for span in spans {
            let text = span.verbatim ? Self.maskingAddresses(span.text) : span.text
            for match in glossary.matches(in: text, language: span.language) {
                let english = match.entry.english.flatMap { $0.lowercased() == match.entry.preferred.lowercased() ? nil : " (\($0))" } ?? ""
                let message = match.entry.listedVariant
                    ? LocalizedText(
                        en: "'\(match.found)' is a variant the glossary avoids; write '\(match.entry.preferred)'\(english)",
                        hi: "'\(match.found)' शब्दावली में वर्जित रूप है; '\(match.entry.preferred)'\(english) लिखें")
                    : LocalizedText(
                        en: "'\(match.found)' is spelt differently from the glossary's '\(match.entry.preferred)'\(english) (nukta, hyphen or space)",
                        hi: "'\(match.found)' की वर्तनी शब्दावली के '\(match.entry.preferred)'\(english) से भिन्न है (नुक़्ता, योजक-चिह्न या रिक्ति)")
                findings.append(finding(
                    at: texts.location(of: match.found, at: match.offset, in: span), message,
                    hint: LocalizedText(
                        en: "replace it with '\(match.entry.preferred)' (glossary: \(glossary.file))",
                        hi: "इसे '\(match.entry.preferred)' से बदलें (शब्दावली: \(glossary.file))")))
            }
        }
        return findings
    }

    /// The line with link and image destinations (`](…)`), autolinks (`<…>`) and bare web
    /// addresses blanked out, keeping every other character where it was: file names such as
    /// `zero-fir-flow.svg` are not words of the text.
    static func maskingAddresses(_ line: String) -> String {
        var scalars = Array(line.unicodeScalars)
        func blank(_ range: Range<Int>) { for i in range { scalars[i] = " " } }
        var index = 0
        while index < scalars.count {
            if scalars[index] == "]", index + 1 < scalars.count, scalars[index + 1] == "(",
               let close = scalars[(index + 2)...].firstIndex(of: ")") {
                blank((index + 2)..<close)
                index = close
            } else if scalars[index] == "<", let close = scalars[(index + 1)...].firstIndex(of: ">"),
                      String(String.UnicodeScalarView(scalars[(index + 1)..<close])).contains(":") {
                blank((index + 1)..<close)
                index = close
            } else if scalars[index] == "h", String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + 8)])).hasPrefix("http") {
                let rest = String(String.UnicodeScalarView(scalars[index...]))
                if rest.hasPrefix("http://") || rest.hasPrefix("https://") {
                    let end = scalars[index...].firstIndex { $0 == " " || $0 == ")" || $0 == ">" } ?? scalars.count
                    blank(index..<end)
                    index = end
                }
            }
            index += 1
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
