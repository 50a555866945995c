import Foundation

/// A static HTML preview of the courses in a catalogue, one set of pages per language edition,
/// for authors and reviewers to read lessons as learners will. Lesson pages mirror the
/// repository layout under `files/`, so relative images and links keep working; index pages
/// list courses, modules and lessons.
///
/// Preview writes only into a folder it owns: `output` must be absent, empty, or hold the
/// marker file `.coursekit-preview` that an earlier preview wrote; it may not be a file, a
/// symbolic link, the repository or a folder holding it, or hold any source. The site is
/// written to a fresh folder beside `output` and swapped in; only then is the old preview
/// (which carried the marker) removed. Page names come from ids and language codes that are
/// checked to be `[a-z0-9-]` only, and preview refuses to run while structural errors exist.
public struct PreviewSite: Sendable {
    public var catalogue: Catalogue

    /// The file that marks a folder as a coursekit preview.
    public static let markerName = ".coursekit-preview"

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    /// Writes the site to `output` (replacing an older preview there) and returns how many
    /// lesson pages it wrote.
    @discardableResult
    public func write(to output: URL) throws(ToolError) -> Int {
        try checkSources()
        let output = output.standardizedFileURL
        try checkOutput(output)
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).tmp-\(unique)")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(unique)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            TemporaryFiles.register(staging.path)
            defer { TemporaryFiles.unregister(staging.path) }
            try Data("coursekit preview; this folder is replaced by every `coursekit preview`\n".utf8)
                .write(to: staging.appendingPathComponent(Self.markerName))
            let pages = try writePages(into: staging)
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
                // Checked above: an empty folder or an earlier preview. Re-checked here, just
                // before it is moved away, and removed only after the new site is in place.
                try checkOutput(output)
                try fileManager.moveItem(at: output, to: retired)
                TemporaryFiles.register(retired.path)
                defer { TemporaryFiles.unregister(retired.path) }
                try fileManager.moveItem(at: staging, to: output)
                try? fileManager.removeItem(at: retired)
            } else {
                try fileManager.moveItem(at: staging, to: output)
            }
            return pages
        } catch let error as ToolError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw ToolError(LocalizedText(
                en: "could not write the preview to \(output.path): \(error.localizedDescription)",
                hi: "पूर्वावलोकन \(output.path) में लिखा नहीं जा सका: \(error.localizedDescription)"))
        }
    }

    /// Characters allowed in ids and language codes that name preview pages.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 128 && name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
        } && !name.hasPrefix("-")
    }

    /// Structural errors (YAML, schema, missing files…) stop the preview, whatever the
    /// configuration says about them: ids and codes reach file names.
    /// Findings that stop a preview: unreadable or malformed sources, schema violations, paths
    /// out of the repository, clashing ids, inputs over a limit. (Broken links, missing
    /// translations and remote images do not: a draft can be previewed.)
    static let blockingRules: Set<String> = Set([
        CoreRule.yamlSyntax, .duplicateKey, .fileEncoding, .fileTooLarge, .yamlAliasBomb, .yamlComplexKey, .unreadableFile,
        .schemaType, .schemaUnknownKey, .schemaRequired, .schemaValue, .pathOutsideRepository, .duplicateID, .inputLimit,
    ].map(\.id))

    func checkSources() throws(ToolError) {
        let errors = catalogue.findings.filter { $0.severity == .error && Self.blockingRules.contains($0.ruleID) }
        if let first = errors.sorted().first {
            throw ToolError(LocalizedText(
                en: "preview needs sources without structural errors; \(errors.count) found, the first: \(first.location): \(first.message.en) [\(first.ruleID)]. Run 'coursekit validate' and fix them first",
                hi: "पूर्वावलोकन के लिए स्रोतों में संरचनात्मक त्रुटियाँ नहीं होनी चाहिए; \(errors.count) मिलीं, पहली: \(first.location): \(first.message.hi) [\(first.ruleID)]। पहले 'coursekit validate' चलाकर इन्हें ठीक करें"))
        }
        for course in catalogue.courses {
            let display = course.file.displayPath
            if let id = course.id, !Self.isSafeName(id) {
                throw ToolError(LocalizedText(
                    en: "\(display): course id '\(id)' may contain only a-z, 0-9 and '-'; preview names its pages after it",
                    hi: "\(display): पाठ्यक्रम id '\(id)' में केवल a-z, 0-9 और '-' हो सकते हैं; पूर्वावलोकन पृष्ठों के नाम इसी से बनते हैं"))
            }
            for language in course.languages where !Self.isSafeName(language) {
                throw ToolError(LocalizedText(
                    en: "\(display): language code '\(language)' may contain only a-z, 0-9 and '-'",
                    hi: "\(display): भाषा कोड '\(language)' में केवल a-z, 0-9 और '-' हो सकते हैं"))
            }
        }
    }

    /// Refuses an output folder coursekit does not own (see the type's documentation).
    func checkOutput(_ output: URL) throws(ToolError) {
        let path = output.path
        let root = catalogue.repository.root.path
        func refuse(_ en: String, _ hi: String) -> ToolError {
            ToolError(LocalizedText(
                en: "refusing to write the preview to \(path): \(en)",
                hi: "पूर्वावलोकन \(path) में लिखने से मना किया गया: \(hi)"))
        }
        let resolved = output.resolvingSymlinksInPath().path
        for candidate in Set([path, resolved]) {
            if candidate == "/" || candidate == root || root.hasPrefix(candidate.hasSuffix("/") ? candidate : candidate + "/") {
                throw refuse("it is the repository or a folder that holds it", "यह रिपॉज़िटरी है या उसे रखने वाला फ़ोल्डर है")
            }
        }
        for file in catalogue.allFiles {
            let source = catalogue.repository.absolutePath(file.path)
            if source.hasPrefix(path + "/") || source.hasPrefix(resolved + "/") {
                throw refuse("it holds course sources (\(file.displayPath))", "इसमें पाठ्यक्रम के स्रोत हैं (\(file.displayPath))")
            }
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // absent: fine
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw refuse("it is a symbolic link", "यह एक सिम्बॉलिक लिंक है")
        default: throw refuse("it is a file, not a folder", "यह फ़ोल्डर नहीं, फ़ाइल है")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [".unreadable"]
        if names.isEmpty || names.contains(Self.markerName) { return }
        throw refuse(
            "the folder is not empty and was not written by coursekit preview (it has no \(Self.markerName) file); choose an empty or new folder",
            "फ़ोल्डर खाली नहीं है और coursekit preview ने नहीं लिखा है (इसमें \(Self.markerName) फ़ाइल नहीं है); कोई खाली या नया फ़ोल्डर चुनें")
    }

    private func writePages(into root: URL) throws -> Int {
        var pages = PreviewPages(catalogue: catalogue)
        pages.build()
        for path in pages.entries.keys.sorted() {
            let target = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch pages.entries[path]! {
            case .bytes(let bytes): try Data(bytes).write(to: target)
            case .source(let source): try catalogue.repository.read(source, limit: Self.sourceLimit).write(to: target)
            }
        }
        return pages.lessonPages
    }

    /// The largest source file (a PDF or video lesson) a preview copies or serves.
    public static let sourceLimit = 512 * 1024 * 1024

    /// A relative link to a page or file of the site: each path segment percent-encoded, then
    /// HTML-escaped (the one escaping function), so no file name can break out of `href="…"`.
    static func href(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#\"'<>&;")
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
            .joined(separator: "/")
        return HTMLEscaping.escape(encoded)
    }

    /// Links between lessons point at `.md` files in the source; in the preview they are pages.
    static func linkMarkdownToHTML(_ html: String) -> String {
        html.replacingOccurrences(
            of: ##"href="((?![a-zA-Z][a-zA-Z0-9+.-]*:)[^"#?]*)\.md([#?][^"]*)?""##,
            with: ##"href="$1.html$2""##, options: .regularExpression)
    }
}

extension String {
    /// `lessons/intro.hi.md` → `lessons/intro.hi`
    func dropLastExtension() -> String {
        guard let dot = lastIndex(of: "."), !self[dot...].contains("/") else { return self }
        return String(self[..<dot])
    }
}
