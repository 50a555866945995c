/// Lessons are accessible: one top heading, heading levels that do not skip, and alt text on
/// every image (read aloud by screen readers and shown when images do not load).
public struct LessonAccessibility: Rule {
    public static let descriptor = RuleDescriptor(
        id: "lesson-accessibility", defaultSeverity: .warning,
        summary: LocalizedText(en: "lessons have ordered headings and image alt text", hi: "पाठों में शीर्षक क्रम से हों और चित्रों का वैकल्पिक पाठ हो"),
        triggering: [
            RuleExample(Examples.replacing("m/lessons/a.md", with: "# Welcome\n\n1️⃣### Details\n\n2️⃣![](poster.svg)\n", in: Examples.moduleFiles) + [.init("m/lessons/poster.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")]),
        ],
        nonTriggering: [
            RuleExample(Examples.moduleFiles),
        ])

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        let documents = catalogue.sortedModules.flatMap { $0.lessons.flatMap(\.editions).compactMap(\.markdown) } + catalogue.looseLessons.compactMap(\.markdown)
        for document in documents {
            var previous = 0
            for heading in document.headings {
                if heading.level > previous + 1 {
                    findings.append(finding(at: heading.location, LocalizedText(
                        en: "heading level \(heading.level) follows level \(previous); levels should not skip",
                        hi: "स्तर \(heading.level) का शीर्षक स्तर \(previous) के बाद आया है; स्तर छोड़ने नहीं चाहिए"),
                        hint: LocalizedText(en: "use \(String(repeating: "#", count: previous + 1)) here", hi: "यहाँ \(String(repeating: "#", count: previous + 1)) लिखें")))
                }
                previous = heading.level
            }
            for image in document.references where image.kind == .image && image.text.trimmingCharacters(in: .whitespaces).isEmpty {
                findings.append(finding(at: image.location, LocalizedText(
                    en: "image '\(image.destination)' has no alt text", hi: "चित्र '\(image.destination)' का वैकल्पिक पाठ (alt text) नहीं है"),
                    hint: LocalizedText(
                        en: "describe the image inside the brackets: ![what it shows](…), in the lesson's language",
                        hi: "कोष्ठक में चित्र का वर्णन लिखें: ![चित्र में क्या है](…), पाठ की भाषा में")))
            }
        }
        return findings
    }
}
