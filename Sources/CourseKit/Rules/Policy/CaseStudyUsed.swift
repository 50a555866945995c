import Foundation

/// Every Amrit Gyan Kosh case study is used: named in a course's `caseStudies` or scheduled in a
/// programme session's `caseStudy`. Courses and programmes anywhere in the repository count, not
/// only those being checked, so checking the case-study folder alone gives the same answer.
/// A reference to a folder without `case-study.yaml` is reported too.
public struct CaseStudyUsed: RepositoryWideRule {
    public static let descriptor = RuleDescriptor(
        id: "case-study-used", defaultSeverity: .warning,
        summary: LocalizedText(
            en: "every case study is used by a course or a programme",
            hi: "हर केस स्टडी किसी पाठ्यक्रम या कार्यक्रम में प्रयुक्त हो"),
        triggering: [
            RuleExample([.init("k/case-study.yaml", "1️⃣" + Examples.caseStudy.text)]),
            RuleExample(Examples.course(adding: "caseStudies: [1️⃣../nowhere]\n"), configuration: "rules: {missing-file: off}\n"),
        ],
        nonTriggering: [
            RuleExample(Examples.course(adding: "caseStudies: [../k]\n") + [Examples.caseStudy]),
        ])

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] { checkWhole(catalogue) }

    /// References written in the loaded courses and programmes must lead to a case study.
    func batchFindings(_ catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        for reference in Self.references(in: catalogue) {
            guard let folder = reference.resolved, catalogue.repository.entryType(folder.appending("case-study.yaml")) == .file else {
                findings.append(finding(at: reference.location, LocalizedText(
                    en: "'\(reference.written)' is not a case-study folder (no case-study.yaml there)",
                    hi: "'\(reference.written)' केस स्टडी का फ़ोल्डर नहीं है (वहाँ case-study.yaml नहीं है)"),
                    hint: LocalizedText(en: "name the folder that holds case-study.yaml, relative to this file", hi: "case-study.yaml वाले फ़ोल्डर का नाम इस फ़ाइल के सापेक्ष लिखें")))
                continue
            }
        }
        return findings
    }

    /// Every loaded case study is unused until a batch (`settled`) or the run's scan of the
    /// repository finds a use.
    func pending(_ catalogue: Catalogue) -> [PendingFinding] {
        catalogue.caseStudies.filter(\.file.loaded).map { caseStudy in
            PendingFinding(finding: finding(at: caseStudy.file.keyLocation("id"), LocalizedText(
                en: "case study '\(caseStudy.id ?? "?")' is not used by any course or programme",
                hi: "केस स्टडी '\(caseStudy.id ?? "?")' किसी पाठ्यक्रम या कार्यक्रम में प्रयुक्त नहीं है"),
                hint: LocalizedText(
                    en: "name it in a course's 'caseStudies' or schedule it in a programme session with 'caseStudy:'",
                    hi: "इसे किसी पाठ्यक्रम की 'caseStudies' में लिखें या किसी कार्यक्रम-सत्र में 'caseStudy:' से रखें")),
                subject: caseStudy.file.path.parent)
        }
    }

    /// The case-study folders the batch's loaded courses and programmes name: used, wherever
    /// the case study was loaded.
    func settled(_ catalogue: Catalogue) -> [RepositoryPath] {
        Self.references(in: catalogue).compactMap(\.resolved)
    }

    func confirmation(in repository: Repository) -> @Sendable ([PendingFinding]) -> [Finding] {
        let used = Self.usedFolders(in: repository)
        return { pending in pending.filter { !used.contains($0.subject) }.map(\.finding) }
    }

    /// Case-study references written in the catalogue's loaded courses and programmes.
    static func references(in catalogue: Catalogue) -> [FileReference] {
        catalogue.courses.filter(\.file.loaded).flatMap(\.caseStudies)
            + catalogue.programmes.filter(\.file.loaded).flatMap(\.caseStudyReferences)
    }

    /// Case-study folders referenced by any course or programme in the repository. Only files
    /// that mention case studies at all are parsed, and decoded without loading what they name.
    static func usedFolders(in repository: Repository) -> Set<RepositoryPath> {
        var used: Set<RepositoryPath> = []
        let marker = Array("caseStud".utf8)
        for (path, kind) in SourceDiscovery(repository: repository).sources(under: RepositoryPath(components: []))
        where kind == .course || kind == .programme {
            guard let data = try? repository.read(path), ByteSearch.contains(marker, in: data),
                  let value = try? YAMLDocumentLoader(maximumFileSize: repository.maximumFileSize).load(data: data, path: path.string)
            else { continue }
            var written: [Located<String>] = []
            if kind == .course { written = CatalogueDetails(value).caseStudies }
            if kind == .programme {
                _ = ProgrammeDay.list(in: value) { key, text in
                    if key == .caseStudy { written.append(text) }
                    return nil
                }
            }
            for text in written { if let folder = path.parent.resolving(text.value) { used.insert(folder) } }
        }
        return used
    }
}
