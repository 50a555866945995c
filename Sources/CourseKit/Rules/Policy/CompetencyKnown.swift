/// Each competency (area / theme / sub-theme) is one iGOT knows, from the vocabulary shipped
/// with coursekit, so courses are found under the right competency on the platform.
public struct CompetencyKnown: Rule {
    public static let descriptor = RuleDescriptor(
        id: "competency-known", defaultSeverity: .warning,
        summary: LocalizedText(en: "competencies come from the iGOT vocabulary", hi: "दक्षताएँ iGOT शब्दावली से हों"),
        triggering: [
            RuleExample(Examples.replacing("c/course.yaml", with: Examples.course + "competencies:\n  - {area: Domain, theme: 1️⃣Public Helth, subTheme: Maternal Health}\n", in: Examples.courseFiles)),
        ],
        nonTriggering: [
            RuleExample(Examples.courseFiles),
        ])
    let vocabulary: CompetencyVocabulary

    public init(options: RuleOptions) throws(ToolError) {
        vocabulary = try CompetencyVocabulary.shipped().adding(options.competencies)
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        let details = catalogue.courses.filter(\.file.loaded).map(\.details) + catalogue.programmes.filter(\.file.loaded).map(\.details)
        return details.flatMap { $0.competencies.compactMap(check) }
    }

    private func check(_ competency: CatalogueDetails.Competency) -> Finding? {
        guard let subThemeName = competency.subTheme, let subThemeLocation = competency.subThemeLocation else { return nil }
        guard let themes = vocabulary.areas[competency.area] else { return nil }  // the schema checks areas
        guard let subThemes = themes[competency.theme] else {
            return unknown("theme", competency.theme, at: competency.themeLocation, among: Array(themes.keys))
        }
        guard subThemes.contains(subThemeName) else {
            return unknown("sub-theme", subThemeName, at: subThemeLocation, among: Array(subThemes))
        }
        return nil
    }

    private func unknown(_ kind: String, _ name: String, at location: SourceLocation, among candidates: [String]) -> Finding {
        let kindHi = kind == "theme" ? "विषय (theme)" : "उप-विषय (sub-theme)"
        let suggestion = Spelling.closest(to: name, among: candidates)
        return finding(at: location, LocalizedText(
            en: "'\(name)' is not a competency \(kind) in the iGOT vocabulary",
            hi: "'\(name)' iGOT शब्दावली में दक्षता का \(kindHi) नहीं है"),
            hint: suggestion.map { LocalizedText(en: "did you mean '\($0)'?", hi: "क्या आपका आशय '\($0)' से था?") }
                ?? LocalizedText(
                    en: "choose one of: \(candidates.sorted().joined(separator: "; ")), or, if your department uses it, list it under 'competencies:' in coursekit.yaml (see docs/configuration.md)",
                    hi: "इनमें से चुनें: \(candidates.sorted().joined(separator: "; ")), या यदि आपका विभाग इसका उपयोग करता है तो इसे coursekit.yaml में 'competencies:' के अंतर्गत लिखें (देखें docs/configuration.md)"))
    }
}
