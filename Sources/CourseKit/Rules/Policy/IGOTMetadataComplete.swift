/// Courses and programmes carry the metadata iGOT requires to publish them: title,
/// description, keywords, thumbnail, licence, provider, audience, duration and competencies.
public struct IGOTMetadataComplete: Rule {
    public static let descriptor = RuleDescriptor(
        id: "igot-metadata-complete", defaultSeverity: .warning,
        summary: LocalizedText(en: "courses and programmes carry iGOT's required metadata", hi: "पाठ्यक्रमों और कार्यक्रमों में iGOT का आवश्यक मेटाडेटा हो"),
        triggering: [
            RuleExample(Examples.replacing("c/course.yaml", with: "1️⃣" + Examples.course, in: Examples.courseFiles)),
        ],
        nonTriggering: [
            RuleExample(Examples.replacing("c/course.yaml", with: Examples.course + "keywords: {en: [office], hi: [कार्यालय]}\nthumbnail: thumbnail.svg\nlicence: CC-BY-4.0\nprovider: {en: UPAM, hi: उपाम}\naudience: [clerk]\nduration: PT1H\ncompetencies:\n  - {area: Behavioural, theme: Communication, subTheme: Written communication}\n", in: Examples.courseFiles) + [.init("c/thumbnail.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")]),
        ])

    static let required: [(key: String, name: LocalizedText)] = [
        ("title", LocalizedText(en: "title", hi: "शीर्षक")),
        ("description", LocalizedText(en: "description", hi: "विवरण")),
        ("keywords", LocalizedText(en: "keywords", hi: "कीवर्ड")),
        ("thumbnail", LocalizedText(en: "thumbnail image", hi: "थंबनेल चित्र")),
        ("licence", LocalizedText(en: "licence", hi: "लाइसेंस")),
        ("provider", LocalizedText(en: "provider", hi: "प्रदाता")),
        ("audience", LocalizedText(en: "audience", hi: "लक्षित समूह")),
        ("duration", LocalizedText(en: "duration", hi: "अवधि")),
        ("competencies", LocalizedText(en: "competencies", hi: "दक्षताएँ")),
    ]

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        let files = catalogue.courses.map(\.file) + catalogue.programmes.map(\.file)
        return files.filter(\.loaded).flatMap { file in
            Self.required.filter { file.value[$0.key] == nil && !(file.kind == .programme && $0.key == "duration") }.map { field in
                finding(at: file.keyLocation("id"), LocalizedText(
                    en: "\(file.kind.rawValue) has no \(field.name.en) ('\(field.key)'), which iGOT requires",
                    hi: "\(file.kind.rawValue) में \(field.name.hi) ('\(field.key)') नहीं है, जो iGOT के लिए आवश्यक है"),
                    hint: LocalizedText(en: "add '\(field.key):' (see docs/format.md)", hi: "'\(field.key):' जोड़ें (docs/format.md देखें)"))
            }
        }
    }
}
