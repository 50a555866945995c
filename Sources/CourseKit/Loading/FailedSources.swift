/// Files that failed to load (unreadable, YAML error) or failed their schema, and what depends
/// on them. Such a file contributes nothing downstream: the rules do not check it, nor the
/// courses and programmes that use it; instead one `not-checked` note names what was skipped.
struct FailedSources: Sendable {
    /// Displayed paths of the files that failed.
    var failed: Set<String> = []
    /// For each displayed path of a file that depends on a failed file: the failed files.
    var dependents: [String: [String]] = [:]

    /// Schema findings that mean the value cannot be read as the model expects it: a value of
    /// the wrong type or a required key missing. (An unknown key or a value outside an enum does
    /// not stop the rest of the file from being read.)
    static let schemaRules: Set<String> = [CoreRule.schemaType.id, CoreRule.schemaRequired.id]

    init() {}

    init(_ catalogue: Catalogue) {
        let schemaFailures = Set(catalogue.findings.lazy
            .filter { $0.severity == .error && Self.schemaRules.contains($0.ruleID) }.map(\.location.file))
        for file in catalogue.allFiles where !file.loaded || schemaFailures.contains(file.displayPath) {
            failed.insert(file.displayPath)
        }
        guard !failed.isEmpty else { return }
        func causes(of file: SourceFile) -> [String] { failed.contains(file.displayPath) ? [file.displayPath] : [] }
        func causes(ofModuleAt folder: RepositoryPath?) -> [String] {
            guard let folder, let module = catalogue.modules[folder.appending("module.yaml")] else { return [] }
            return causes(of: module)
        }
        func causes(of module: Module) -> [String] {
            causes(of: module.file) + (catalogue.quiz(for: module).map { causes(of: $0.file) } ?? [])
        }
        var courseCauses: [RepositoryPath: [String]] = [:]
        for course in catalogue.courses {
            let found = causes(of: course.file) + course.modules.flatMap { causes(ofModuleAt: $0.resolved) }
            courseCauses[course.file.path] = found
            if !found.isEmpty { dependents[course.file.displayPath, default: []] += found }
        }
        for module in catalogue.sortedModules {
            let found = causes(of: module)
            if !found.isEmpty { dependents[module.file.displayPath, default: []] += found }
        }
        for programme in catalogue.programmes {
            var found = causes(of: programme.file)
            for reference in programme.sessionReferences {
                guard let folder = reference.resolved else { continue }
                found += causes(ofModuleAt: folder) + (courseCauses[folder.appending("course.yaml")] ?? [])
            }
            if !found.isEmpty { dependents[programme.file.displayPath, default: []] += found }
        }
        dependents = dependents.mapValues { Array(Set($0)).sorted() }
    }

    /// True when a rule's finding should be dropped: it is in a failed file or in one that
    /// depends on a failed file.
    func skips(_ finding: Finding) -> Bool {
        failed.contains(finding.location.file) || dependents[finding.location.file] != nil
    }

    /// (failed file, dependent file) pairs, the failed file itself excluded.
    var pairs: [SkippedFile] {
        dependents.flatMap { dependent, causes in
            causes.filter { $0 != dependent }.map { SkippedFile(cause: $0, dependent: dependent) }
        }
    }

    /// One `not-checked` note per failed file that others depend on, listing them.
    static func notes(_ pairs: [SkippedFile], failedLoading: Set<String>) -> [Finding] {
        var byCause: [String: Set<String>] = [:]
        for pair in pairs { byCause[pair.cause, default: []].insert(pair.dependent) }
        return byCause.keys.sorted().map { cause in
            let dependents = byCause[cause]!.sorted()
            let loading = failedLoading.contains(cause)
            let reason = loading
                ? LocalizedText(en: "failed to load", hi: "लोड नहीं हो सकी")
                : LocalizedText(en: "failed its schema", hi: "अपने स्कीमा पर खरी नहीं उतरी")
            let count = dependents.count
            return Finding(
                .notChecked, at: .wholeFile(cause),
                LocalizedText(
                    en: "\(count) file\(count == 1 ? "" : "s") using this one \(count == 1 ? "was" : "were") not checked because it \(reason.en)",
                    hi: "इस फ़ाइल का उपयोग करने वाली \(count) फ़ाइलें नहीं जाँची गईं क्योंकि यह \(reason.hi)"),
                hint: LocalizedText(
                    en: "fix the errors in this file, then validate again to check them",
                    hi: "इस फ़ाइल की त्रुटियाँ ठीक करें, फिर उन्हें जाँचने के लिए दोबारा validate चलाएँ"),
                notes: dependents.map { dependent in
                    Finding.Note(location: .wholeFile(dependent), message: LocalizedText(
                        en: "not checked because \(cause) \(reason.en)", hi: "नहीं जाँची गई क्योंकि \(cause) \(reason.hi)"))
                })
        }
    }
}

/// A file the rules skipped because a file it uses failed.
struct SkippedFile: Sendable, Hashable, Codable {
    var cause: String
    var dependent: String
}
