import Foundation

/// Every Amrit Gyan Kosh case study is used: named in a course's `caseStudies` or scheduled in a
/// programme session's `caseStudy`. Courses and programmes anywhere in the repository count, not
/// only those being checked, so checking the case-study folder alone gives the same answer.
/// A reference to a folder without `case-study.yaml` is reported too.
public struct CaseStudyUsed: Rule {
    public static let descriptor = RuleDescriptor(
        id: "case-study-used", defaultSeverity: .warning,
        summary: LocalizedText(
            en: "every case study is used by a course or a programme",
            hi: "हर केस स्टडी किसी पाठ्यक्रम या कार्यक्रम में प्रयुक्त हो"))
    public static let parameters: [RuleParameter] = []

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        // References written in the loaded courses and programmes must lead to a case study.
        for (written, folder) in Self.references(in: catalogue) {
            guard let folder, catalogue.repository.entryType(folder.appending("case-study.yaml")) == .file else {
                findings.append(finding(at: written.location, LocalizedText(
                    en: "'\(written.string ?? "")' is not a case-study folder (no case-study.yaml there)",
                    hi: "'\(written.string ?? "")' केस स्टडी का फ़ोल्डर नहीं है (वहाँ case-study.yaml नहीं है)"),
                    hint: LocalizedText(en: "name the folder that holds case-study.yaml, relative to this file", hi: "case-study.yaml वाले फ़ोल्डर का नाम इस फ़ाइल के सापेक्ष लिखें")))
                continue
            }
        }
        let loaded = catalogue.caseStudies.filter(\.file.loaded)
        guard !loaded.isEmpty else { return findings }
        let used = Self.usedFolders(in: catalogue.repository)
        for caseStudy in loaded where !used.contains(caseStudy.file.path.parent) {
            findings.append(finding(at: caseStudy.file.keyLocation("id"), LocalizedText(
                en: "case study '\(caseStudy.id ?? "?")' is not used by any course or programme",
                hi: "केस स्टडी '\(caseStudy.id ?? "?")' किसी पाठ्यक्रम या कार्यक्रम में प्रयुक्त नहीं है"),
                hint: LocalizedText(
                    en: "name it in a course's 'caseStudies' or schedule it in a programme session with 'caseStudy:'",
                    hi: "इसे किसी पाठ्यक्रम की 'caseStudies' में लिखें या किसी कार्यक्रम-सत्र में 'caseStudy:' से रखें")))
        }
        return findings
    }

    /// Case-study references written in the catalogue's courses and programmes, with the folder
    /// each resolves to (nil when it leaves the repository).
    static func references(in catalogue: Catalogue) -> [(LocatedValue, RepositoryPath?)] {
        var found: [(LocatedValue, RepositoryPath?)] = []
        for course in catalogue.courses where course.file.loaded {
            for item in course.value["caseStudies"]?.array ?? [] {
                guard let text = item.string else { continue }
                found.append((item, course.file.path.parent.resolving(text)))
            }
        }
        for programme in catalogue.programmes where programme.file.loaded {
            for day in programme.value["days"]?.array ?? [] {
                for session in day["sessions"]?.array ?? [] {
                    guard let written = session["caseStudy"], let text = written.string else { continue }
                    found.append((written, programme.file.path.parent.resolving(text)))
                }
            }
        }
        return found
    }

    /// Case-study folders referenced by any course or programme in the repository. Only files
    /// that mention case studies at all are parsed.
    static func usedFolders(in repository: Repository) -> Set<RepositoryPath> {
        var used: Set<RepositoryPath> = []
        let marker = Data("caseStud".utf8)
        for (path, kind) in SourceDiscovery(repository: repository).sources(under: RepositoryPath(components: []))
        where kind == .course || kind == .programme {
            guard let data = try? repository.read(path), data.range(of: marker) != nil,
                  let value = try? YAMLDocumentLoader(maximumFileSize: repository.maximumFileSize).load(data: data, path: path.string)
            else { continue }
            var catalogue = Catalogue(repository: repository)
            let file = SourceFile(path: path, displayPath: path.string, kind: kind, value: value, loaded: true)
            if kind == .course {
                catalogue.courses.append(Course(file: file, id: nil, version: nil, languages: [], title: nil, audience: [], modules: [], thumbnail: nil))
            } else {
                catalogue.programmes.append(Programme(file: file, id: nil, languages: [], sessionReferences: []))
            }
            for (_, folder) in references(in: catalogue) { if let folder { used.insert(folder) } }
        }
        return used
    }
}
