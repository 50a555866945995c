import Foundation

/// Resolves paths written in sources (module folders, lesson files, quizzes, images, links)
/// against the repository, reporting references that are absolute, leave the repository,
/// follow a symlink out of it, or do not exist — with a "did you mean" for near misses.
struct ReferenceResolver {
    enum Expectation { case file, directory }

    let repository: Repository

    func resolve(
        _ written: String, at location: SourceLocation, from folder: RepositoryPath,
        expecting expectation: Expectation, report: (Finding) -> Void
    ) -> FileReference {
        var reference = FileReference(written: written, location: location, resolved: nil)
        guard !written.hasPrefix("/"), !written.contains("\\"), !(written.count > 1 && Array(written)[1] == ":"),
              let writtenPath = folder.resolving(written)
        else {
            report(Finding(.pathOutsideRepository, at: location, LocalizedText(
                en: "path '\(written)' is absolute or leaves the repository",
                hi: "पथ '\(written)' निरपेक्ष है या रिपॉज़िटरी से बाहर जाता है"),
                hint: LocalizedText(
                    en: "write a path relative to this file, using / and staying inside the repository",
                    hi: "इस फ़ाइल के सापेक्ष पथ लिखें, / का उपयोग करें और रिपॉज़िटरी के भीतर रहें")))
            return reference
        }
        // Written references and file names are compared in NFC: when the exact bytes are not
        // on disk, a name that is the same in NFC is the file meant.
        var path = writtenPath
        var type = repository.entryType(path)
        if type == .missing, let onDisk = repository.normalizedLookup(path) {
            path = onDisk
            type = repository.entryType(path)
        }
        switch (type, expectation) {
        case (.file, .file), (.directory, .directory):
            reference.resolved = path
            if let finding = NFC.nameFinding(path, at: location) { report(finding) }
        case (.linkOutside, _):
            report(Finding(.pathOutsideRepository, at: location, LocalizedText(
                en: "'\(written)' is a symbolic link pointing outside the repository",
                hi: "'\(written)' एक सिम्बॉलिक लिंक है जो रिपॉज़िटरी से बाहर इंगित करता है")))
        case (.directory, .file):
            report(Finding(.missingFile, at: location, LocalizedText(
                en: "'\(written)' is a folder, but a file is expected here", hi: "'\(written)' एक फ़ोल्डर है, पर यहाँ फ़ाइल अपेक्षित है")))
        case (.file, .directory):
            report(Finding(.missingFile, at: location, LocalizedText(
                en: "'\(written)' is a file, but a folder is expected here", hi: "'\(written)' एक फ़ाइल है, पर यहाँ फ़ोल्डर अपेक्षित है"),
                hint: LocalizedText(en: "name the folder, not the file inside it", hi: "फ़ोल्डर का नाम दें, उसके भीतर की फ़ाइल का नहीं")))
        case (.missing, _), (.other, _):
            report(Finding(.missingFile, at: location, LocalizedText(
                en: "'\(written)' does not exist", hi: "'\(written)' मौजूद नहीं है"),
                hint: suggestion(for: path, written: written)))
        }
        return reference
    }

    /// "did you mean" from the names that do exist in the parent folder.
    func suggestion(for path: RepositoryPath, written: String) -> LocalizedText? {
        let names = repository.listing(path.parent)
        guard let best = Spelling.closest(to: path.name, among: names) else {
            return LocalizedText(
                en: "check the spelling, or create the file; paths are relative to this file",
                hi: "वर्तनी जाँचें या फ़ाइल बनाएँ; पथ इस फ़ाइल के सापेक्ष होते हैं")
        }
        let prefix = written.contains("/") ? String(written[..<(written.lastIndex(of: "/")!)]) + "/" : ""
        return LocalizedText(en: "did you mean '\(prefix)\(best)'?", hi: "क्या आपका आशय '\(prefix)\(best)' से था?")
    }

    /// Checks one image or link of a Markdown lesson: web and mail links are left alone, relative
    /// ones must name an existing file inside the repository.
    func checkLessonReference(_ reference: MarkdownDocument.Reference, in folder: RepositoryPath, report: (Finding) -> Void) {
        let destination = reference.destination
        if destination.isEmpty {
            report(Finding(.brokenLink, at: reference.location, LocalizedText(
                en: "\(reference.kind == .image ? "image" : "link") has an empty target",
                hi: "\(reference.kind == .image ? "चित्र" : "लिंक") का लक्ष्य खाली है")))
            return
        }
        if reference.kind == .image && LessonImages.isRemote(destination) {
            report(Finding(.remoteImage, at: reference.location, LocalizedText(
                en: "image '\(destination)' is loaded from the network; lessons must play offline, so it is left out of pages and archives",
                hi: "चित्र '\(destination)' नेटवर्क से लोड होता है; पाठ ऑफ़लाइन चलने चाहिए, इसलिए इसे पृष्ठों और आर्काइव से हटा दिया जाता है"),
                hint: LocalizedText(
                    en: "download the image into the course's assets folder and link it by a relative path",
                    hi: "चित्र को पाठ्यक्रम के assets फ़ोल्डर में डाउनलोड करें और सापेक्ष पथ से जोड़ें")))
            return
        }
        if destination.hasPrefix("#") || destination.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil {
            return
        }
        var target = destination
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        target = target.removingPercentEncoding ?? target
        let before = FindingCollector()
        let resolved = resolve(target, at: reference.location, from: folder, expecting: .file, report: before.add)
        if reference.kind == .image, before.findings.isEmpty, let path = resolved.resolved,
           let problem = LessonImages.problem(with: path, repository: repository) {
            report(Finding(.imageType, at: reference.location, problem, hint: LocalizedText(
                en: "only real images are copied into pages and archives; convert it or link it as a file",
                hi: "पृष्ठों और आर्काइव में केवल वास्तविक चित्र कॉपी होते हैं; इसे बदलें या फ़ाइल के रूप में जोड़ें")))
        }
        for finding in before.findings {
            var adjusted = finding
            if finding.ruleID == CoreRule.missingFile.id {
                adjusted.ruleID = CoreRule.brokenLink.id
                adjusted.message = reference.kind == .image
                    ? LocalizedText(en: "image '\(destination)' does not exist", hi: "चित्र '\(destination)' मौजूद नहीं है")
                    : LocalizedText(en: "link target '\(destination)' does not exist", hi: "लिंक का लक्ष्य '\(destination)' मौजूद नहीं है")
            }
            report(adjusted)
        }
    }
}

/// Collects findings handed to a `report` closure.
final class FindingCollector {
    private(set) var findings: [Finding] = []
    func add(_ finding: Finding) { findings.append(finding) }
}

/// Names of lesson files per language: `intro.md` is the source, `intro.hi.md` its Hindi edition.
enum LessonFiles {
    static func isMarkdown(_ name: String) -> Bool { name.hasSuffix(".md") || name.hasSuffix(".markdown") }

    static func translatedName(_ name: String, language: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "\(name).\(language)" }
        return "\(name[..<dot]).\(language)\(name[dot...])"
    }

    /// `intro.hi.md` → `hi`; nil for `intro.md`.
    static func languageSuffix(of name: String) -> String? {
        let parts = name.split(separator: ".")
        guard parts.count >= 3 else { return nil }
        let code = parts[parts.count - 2]
        return code.count >= 2 && code.count <= 3 && code.allSatisfy(\.isLowercase) ? String(code) : nil
    }
}

/// Finds identifiers used by two files of the same kind, across the whole run.
enum DuplicateIdentifiers {
    static func findings(in uses: [IdentifierUse]) -> [Finding] {
        var seenFiles: Set<String> = []
        var first: [String: SourceLocation] = [:]
        var findings: [Finding] = []
        for use in uses.sorted(by: { ($0.kind, $0.location) < ($1.kind, $1.location) })
        where seenFiles.insert(use.location.file).inserted {
            let key = use.kind + "\u{0}" + use.id
            guard let previous = first[key] else {
                first[key] = use.location
                continue
            }
            findings.append(Finding(.duplicateID, at: use.location, LocalizedText(
                en: "\(use.kind) id '\(use.id)' is already used by \(previous.file)",
                hi: "\(use.kind) id '\(use.id)' पहले से \(previous.file) में प्रयुक्त है"),
                hint: LocalizedText(en: "give each \(use.kind) its own id", hi: "हर \(use.kind) को अलग id दें"),
                notes: [Finding.Note(location: previous, message: LocalizedText(en: "first used here", hi: "पहली बार यहाँ प्रयुक्त"))]))
        }
        return findings
    }
}

/// One file's `id`, remembered so duplicates can be found across batches.
public struct IdentifierUse: Sendable, Hashable, Codable {
    public var kind: String
    public var id: String
    public var location: SourceLocation
}

extension Catalogue {
    /// The ids this catalogue's files declare.
    public var identifierUses: [IdentifierUse] {
        let groups: [(String, [SourceFile])] = [
            ("course", courses.map(\.file)),
            ("module", sortedModules.map(\.file)),
            ("quiz", quizzes.keys.sorted().compactMap { quizzes[$0]?.file }),
            ("programme", programmes.map(\.file)),
            ("case study", caseStudies.map(\.file)),
        ]
        return groups.flatMap { kind, files in
            files.compactMap { file in
                guard let id = file.value["id"], let text = id.string else { return nil }
                return IdentifierUse(kind: kind, id: text, location: id.location)
            }
        }
    }
}
