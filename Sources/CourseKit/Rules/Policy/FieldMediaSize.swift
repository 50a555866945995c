/// In courses for field roles, images and media that lessons use are small enough to load on a
/// phone over a weak connection.
public struct FieldMediaSize: Rule {
    public static let descriptor = RuleDescriptor(
        id: "field-media-size", defaultSeverity: .warning,
        parameters: [maximumKilobytesParameter, fieldRolesParameter],
        summary: LocalizedText(en: "media in lessons for field roles is small enough for phones", hi: "क्षेत्रीय कर्मियों के पाठों की मीडिया फ़ाइलें फ़ोन के लिए छोटी हों"),
        triggering: [
            RuleExample(Examples.fieldCourse(lesson: "# Welcome\n\n1️⃣![A large photograph](big.png)\n", extra: [.init("c/m/lessons/big.png", String(repeating: "B", count: 600 * 1024))])),
        ],
        nonTriggering: [
            RuleExample(Examples.fieldCourse(lesson: "# Welcome\n\n![A small picture](small.png)\n", extra: [.init("c/m/lessons/small.png", String(repeating: "B", count: 10 * 1024))])),
        ])
    static let maximumKilobytesParameter = RuleParameter(
        "maximumKilobytes", default: .integer(500),
        summary: LocalizedText(en: "largest file", hi: "सबसे बड़ी फ़ाइल (KB)"))
    static let fieldRolesParameter = RuleParameter(
        "fieldRoles", default: .texts(FieldRoles.defaults),
        summary: LocalizedText(en: "audience roles that count as field roles", hi: "क्षेत्रीय भूमिकाएँ"))
    let maximumBytes: Int
    let roles: [String]

    public init(options: RuleOptions) throws(ToolError) {
        maximumBytes = try options.int(Self.maximumKilobytesParameter) * 1024
        roles = try options.strings(Self.fieldRolesParameter)
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<RepositoryPath> = []
        for course in catalogue.courses where FieldRoles.isFieldCourse(course, roles: roles) {
            for module in course.modules.compactMap({ catalogue.module(for: $0) }) {
                for lesson in module.lessons {
                    for edition in lesson.editions {
                        if edition.markdown == nil { check(edition.path, at: lesson.source.location, catalogue, &seen, &findings) }
                        for reference in edition.markdown?.references ?? [] where reference.kind == .image {
                            guard let path = edition.path.parent.resolving(reference.destination.removingPercentEncoding ?? reference.destination) else { continue }
                            check(path, at: reference.location, catalogue, &seen, &findings)
                        }
                    }
                }
            }
        }
        return findings
    }

    private func check(_ path: RepositoryPath, at location: SourceLocation, _ catalogue: Catalogue, _ seen: inout Set<RepositoryPath>, _ findings: inout [Finding]) {
        guard seen.insert(path).inserted, let size = catalogue.repository.fileSize(path), size > maximumBytes else { return }
        findings.append(finding(at: location, LocalizedText(
            en: "'\(path.name)' is \(size / 1024) KB; media for field staff should be under \(maximumBytes / 1024) KB",
            hi: "'\(path.name)' \(size / 1024) KB की है; क्षेत्रीय कर्मियों के लिए मीडिया \(maximumBytes / 1024) KB से कम हो"),
            hint: LocalizedText(en: "compress or resize it (an SVG diagram is usually smallest)", hi: "इसे संपीड़ित करें या आकार घटाएँ (SVG चित्र प्रायः सबसे छोटा होता है)")))
    }
}
