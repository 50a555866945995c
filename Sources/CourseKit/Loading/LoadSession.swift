import Foundation

/// The mutable state of one load: what has been loaded already (so shared modules load once)
/// and the findings so far. Used by `CatalogueLoader` on one thread.
final class LoadSession {
    let repository: Repository
    let schemas: SchemaSet
    let resolver: ReferenceResolver
    var catalogue: Catalogue
    private var courseIndex: [RepositoryPath: Int] = [:]
    private var programmeIndex: Set<RepositoryPath> = []
    private var caseStudyIndex: Set<RepositoryPath> = []

    init(repository: Repository, schemas: SchemaSet) {
        self.repository = repository
        self.schemas = schemas
        self.resolver = ReferenceResolver(repository: repository)
        self.catalogue = Catalogue(repository: repository)
    }

    func report(_ finding: Finding) { catalogue.findings.append(finding) }
    func report(_ findings: [Finding]) { catalogue.findings.append(contentsOf: findings) }

    /// Records whether a file the load read mentions the suppression marker (see
    /// `Catalogue.mentionsSuppressionMarker`).
    private func noteSuppressionMarker(_ path: RepositoryPath, in data: Data) {
        catalogue.mentionsSuppressionMarker[path] = ByteSearch.contains(SuppressionScanner.markerBytes, in: data)
    }

    func load(_ path: RepositoryPath, kind: SourceKind) {
        switch kind {
        case .course: _ = loadCourse(path)
        case .module: _ = loadModule(path)
        case .quiz: _ = loadQuiz(path)
        case .programme: loadProgramme(path)
        case .caseStudy: loadCaseStudy(path)
        case .lesson:
            let language = LessonFiles.languageSuffix(of: path.name) ?? "und"
            catalogue.looseLessons.append(loadLesson(path, language: language))
        case .config: break
        }
    }

    /// The loaded catalogue. Duplicate identifiers are checked by the caller, across batches.
    func finish() -> Catalogue {
        catalogue.findings.sort()
        return catalogue
    }

    // MARK: - YAML files

    /// Reads, parses and schema-checks one YAML file.
    func loadYAML(_ path: RepositoryPath, kind: SourceKind) -> SourceFile {
        let display = repository.displayPath(for: path)
        var file = SourceFile(path: path, displayPath: display, kind: kind, value: LocatedValue(.null, at: .wholeFile(display)), loaded: false)
        let data: Data
        do {
            data = try repository.read(path)
        } catch {
            report(Finding(error.tooLarge ? .fileTooLarge : .unreadableFile, at: .wholeFile(display), error.message))
            return file
        }
        noteSuppressionMarker(path, in: data)
        do {
            file.value = try YAMLDocumentLoader(maximumFileSize: repository.maximumFileSize).load(data: data, path: display)
            file.loaded = true
            file.languages = DeclaredLanguages(file.value)
            file.translatableFields = TranslatableFields.fields(in: file.value)
        } catch {
            report(Finding(ruleID: error.kind.rawValue, severity: .error, location: error.location, message: error.message,
                           hint: Self.hint(for: error.kind)))
            return file
        }
        var schemaFindings = Self.explainingSplitText(file.value, schemas.findings(for: file.value, kind: kind))
        if kind == .quiz { schemaFindings = Self.explainingAnswerKeys(file.value, schemaFindings) }
        report(schemaFindings)
        if let finding = NFC.textFinding(utf8: data, file: display) { report(finding) }
        if [.course, .programme, .caseStudy].contains(kind), let finding = NFC.nameFinding(path, at: .wholeFile(display)) {
            report(finding)
        }
        checkDurations(file.value)
        let head = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        if let text = String(validating: head.prefix(2_048), as: UTF8.self) ?? String(validating: head.prefix(1_024), as: UTF8.self) {
            checkSchemaComment(text, file: file)
        }
        return file
    }

    /// Durations the schema accepts but coursekit cannot add up (`P999999999999999D`): over
    /// `ISODuration.maximumSeconds` they are reported, never computed with. Iterative walk.
    func checkDurations(_ value: LocatedValue) {
        var stack = [value]
        while let current = stack.popLast() {
            switch current.content {
            case .object(let object):
                for entry in object.entries {
                    if entry.key.lowercased().hasSuffix("duration"), let text = entry.value.string,
                       text.hasPrefix("P"), FormatChecker.isDuration(Array(text.utf8)), ISODuration.seconds(text) == nil {
                        report(Finding(.inputLimit, at: entry.value.location, LocalizedText(
                            en: "duration '\(text)' is longer than coursekit's limit of \(ISODuration.maximumSeconds / 86_400) days",
                            hi: "अवधि '\(text)' coursekit की \(ISODuration.maximumSeconds / 86_400) दिन की सीमा से लंबी है")))
                    } else {
                        stack.append(entry.value)
                    }
                }
            case .array(let items):
                stack.append(contentsOf: items)
            default:
                break
            }
        }
    }

    /// Every YAML source should name its schema on a `# yaml-language-server: $schema=…` line so
    /// editors can help; the path must lead to the schema of the file's kind.
    func checkSchemaComment(_ head: String, file: SourceFile) {
        let lines = head.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: 5, omittingEmptySubsequences: false)
            .prefix(5).map { line in Substring(line).hasSuffix("\r") ? Substring(line).dropLast() : Substring(line) }
        guard let index = lines.firstIndex(where: Self.namesSchema) else {
            report(Finding(.schemaReference, at: .wholeFile(file.displayPath), LocalizedText(
                en: "the file does not name its schema, so editors cannot check it as you type",
                hi: "फ़ाइल अपना स्कीमा नहीं बताती, इसलिए एडिटर लिखते समय इसे जाँच नहीं सकते"),
                hint: LocalizedText(
                    en: "add '# yaml-language-server: $schema=<relative path>/\(file.kind.schemaFileName)' as the first line",
                    hi: "पहली पंक्ति में '# yaml-language-server: $schema=<सापेक्ष पथ>/\(file.kind.schemaFileName)' जोड़ें")))
            return
        }
        let (target, column, name) = Self.schemaTarget(in: lines[index])
        let location = SourceLocation(file: file.displayPath, line: index + 1, column: column)
        guard name == file.kind.schemaFileName else {
            report(Finding(.schemaReference, at: location, LocalizedText(
                en: "this is a \(file.kind.rawValue) file, but the $schema line names '\(name)'",
                hi: "यह \(file.kind.rawValue) फ़ाइल है, पर $schema पंक्ति '\(name)' बताती है"),
                hint: LocalizedText(en: "point it at \(file.kind.schemaFileName)", hi: "इसे \(file.kind.schemaFileName) पर इंगित करें")))
            return
        }
        if target.hasPrefix("http://") || target.hasPrefix("https://") { return }
        let resolved = file.path.parent.resolving(target).map { path in
            if let known = schemaTargetTypes[path] { return known }
            let type = repository.entryType(path)
            schemaTargetTypes[path] = type
            return type
        }
        if resolved != .file {
            report(Finding(.schemaReference, at: location, LocalizedText(
                en: "the $schema path '\(target)' does not lead to a file, so editors cannot load the schema",
                hi: "$schema पथ '\(target)' किसी फ़ाइल तक नहीं पहुँचता, इसलिए एडिटर स्कीमा लोड नहीं कर सकते"),
                hint: LocalizedText(
                    en: "write the path from this file to the repository's schemas/ folder",
                    hi: "इस फ़ाइल से रिपॉज़िटरी के schemas/ फ़ोल्डर तक का पथ लिखें")))
        }
    }

    /// What the `$schema=` paths of this batch's files lead to: every file of a kind at the same
    /// depth names the same schema file, looked up once.
    private var schemaTargetTypes: [RepositoryPath: Repository.EntryType] = [:]

    static let languageServerMarker = Array("yaml-language-server:".utf8), schemaMarker = Array("$schema=".utf8)

    /// Whether a line is the `# yaml-language-server: $schema=…` comment. ASCII lines (all of
    /// them in practice) are searched as bytes; others through Foundation, as before.
    static func namesSchema(_ line: Substring) -> Bool {
        let ascii = asciiBytes(line) { bytes in
            ByteSearch.firstOffset(of: languageServerMarker, in: bytes) != nil && ByteSearch.firstOffset(of: schemaMarker, in: bytes) != nil
        }
        return ascii ?? (line.contains("yaml-language-server:") && line.contains("$schema="))
    }

    /// The path after `$schema=` (trimmed), the column it starts at, and its last component.
    static func schemaTarget(in line: Substring) -> (target: String, column: Int, name: String) {
        let ascii = asciiBytes(line) { bytes -> (String, Int, String)? in
            guard let marker = ByteSearch.firstOffset(of: schemaMarker, in: bytes) else { return nil }
            // ASCII: a byte is a column, white space is a space or a tab.
            var start = marker + schemaMarker.count, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            let target = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            let column = marker + schemaMarker.count + 1
            guard end > start, bytes[end - 1] != UInt8(ascii: "/") else { return (target, column, (target as NSString).lastPathComponent) }
            var slash = end
            while slash > start, bytes[slash - 1] != UInt8(ascii: "/") { slash -= 1 }
            return (target, column, String(decoding: UnsafeBufferPointer(rebasing: bytes[slash..<end]), as: UTF8.self))
        }
        if let found = ascii ?? nil { return found }
        let start = line.range(of: "$schema=")!.upperBound
        let target = line[start...].trimmingCharacters(in: .whitespaces)
        return (target, line[..<start].unicodeScalars.count + 1, (target as NSString).lastPathComponent)
    }

    /// `body` on the line's UTF-8 bytes when they are all ASCII, else nil.
    private static func asciiBytes<T>(_ line: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        var line = line
        return line.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? body(bytes) : nil }
    }

    /// `{ hi: राजस्व विभाग, उत्तर प्रदेश, en: … }`: an unquoted comma in a { } mapping splits
    /// the text, and the rest becomes a key without a value. The schema would report the odd key
    /// and its empty value; one finding that says to quote the text replaces them.
    static func explainingSplitText(_ root: LocatedValue, _ findings: [Finding]) -> [Finding] {
        var splits: [(previous: LocatedObject.Entry, entry: LocatedObject.Entry)] = []
        func walk(_ value: LocatedValue) {
            if let object = value.object {
                let entries = object.entries
                for (index, entry) in entries.enumerated() {
                    walk(entry.value)
                    guard index > 0, entry.value.isNull else { continue }
                    let previous = entries[index - 1]
                    guard previous.value.string != nil, previous.value.location.line == entry.keyLocation.line,
                          entry.key.contains(where: { $0 == " " || !$0.isASCII }) else { continue }
                    splits.append((previous, entry))
                }
            } else if let array = value.array {
                array.forEach(walk)
            }
        }
        walk(root)
        guard !splits.isEmpty else { return findings }
        var result = findings
        for split in splits {
            let at = [split.entry.keyLocation, split.entry.value.location]
            result.removeAll { at.contains($0.location) }
            let whole = "\(split.previous.value.string ?? ""), \(split.entry.key)"
            result.append(Finding(.schemaValue, at: split.entry.keyLocation, LocalizedText(
                en: "the text of '\(split.previous.key)' contains a comma, so YAML ended it there and read '\(split.entry.key)' as a new key; put the whole text in quotes: \(split.previous.key): \"\(whole)\"",
                hi: "'\(split.previous.key)' के पाठ में अल्पविराम है, इसलिए YAML ने पाठ वहीं समाप्त मान लिया और '\(split.entry.key)' को नई कुंजी पढ़ा; पूरा पाठ उद्धरण चिह्नों में रखें: \(split.previous.key): \"\(whole)\""),
                hint: LocalizedText(
                    en: "inside { } a comma separates entries; text with a comma or ': ' needs quotes",
                    hi: "{ } के भीतर अल्पविराम प्रविष्टियों को अलग करता है; अल्पविराम या ': ' वाले पाठ को उद्धरण चिह्न चाहिए")))
        }
        return result
    }

    /// `answer: 3` on a single-choice question: the schema sees a value that is not true/false,
    /// but the author meant "the third option". Say how a choice question marks its answer.
    static func explainingAnswerKeys(_ root: LocatedValue, _ findings: [Finding]) -> [Finding] {
        var result = findings
        for question in root["questions"]?.array ?? [] {
            guard let type = question["type"]?.string, type == "single-choice" || type == "multiple-choice",
                  let answer = question.object?.entries.first(where: { $0.key == "answer" }) else { continue }
            let at = [answer.keyLocation, answer.value.location]
            result.removeAll { at.contains($0.location) }
            // The missing 'options' is what the new finding explains.
            result.removeAll { $0.location == question.location && $0.ruleID == CoreRule.schemaRequired.id && $0.message.en.contains("'options'") }
            result.append(Finding(.schemaUnknownKey, at: answer.keyLocation, LocalizedText(
                en: "a \(type) question does not use 'answer' (that is for true-false questions): mark the right option\(type == "multiple-choice" ? "s" : "") with 'correct: true' under 'options'",
                hi: "\(type) प्रश्न में 'answer' नहीं होता (वह सही-ग़लत प्रश्नों के लिए है): 'options' में सही विकल्प के साथ 'correct: true' लिखें"),
                hint: LocalizedText(
                    en: "options:\n      - {text: {hi: …, en: …}, correct: true}\n      - {text: {hi: …, en: …}}",
                    hi: "options:\n      - {text: {hi: …, en: …}, correct: true}\n      - {text: {hi: …, en: …}}")))
        }
        return result
    }

    static func hint(for kind: DocumentLoadError.Kind) -> LocalizedText? {
        switch kind {
        case .syntax:
            LocalizedText(
                en: "check indentation (spaces, not tabs) and put text containing ': ' or '#' in quotes",
                hi: "इंडेंटेशन जाँचें (टैब नहीं, स्पेस) और ': ' या '#' वाले पाठ को उद्धरण चिह्नों में रखें")
        case .duplicateKey:
            LocalizedText(en: "keep one of the two entries", hi: "दोनों में से एक ही प्रविष्टि रखें")
        case .encoding:
            LocalizedText(en: "re-save the file as UTF-8 in your editor", hi: "अपने एडिटर में फ़ाइल को UTF-8 में दोबारा सहेजें")
        default: nil
        }
    }

    static func languages(_ value: LocatedValue) -> [String] {
        value["languages"]?.array?.compactMap(\.string) ?? []
    }

    // MARK: - Courses

    @discardableResult
    func loadCourse(_ path: RepositoryPath) -> Course {
        if let index = courseIndex[path] { return catalogue.courses[index] }
        let file = loadYAML(path, kind: .course)
        let value = file.value
        let folder = path.parent
        let modules = (value["modules"]?.array ?? []).compactMap { item -> FileReference? in
            if let written = item["library"], let text = written.string {
                let reference = resolveLibraryModule(text, at: written.location, from: folder)
                if let resolved = reference.resolved { loadModuleFolder(resolved, reference: reference) }
                return reference
            }
            guard let written = item["path"], let text = written.string else { return nil }
            let reference = resolver.resolve(text, at: written.location, from: folder, expecting: .directory, report: report)
            if let resolved = reference.resolved { loadModuleFolder(resolved, reference: reference) }
            return reference
        }
        let thumbnail = value["thumbnail"].flatMap { written in
            written.string.map { resolver.resolve($0, at: written.location, from: folder, expecting: .file, report: report) }
        }
        let details = CatalogueDetails(value)
        let caseStudies = details.caseStudies.compactMap { written in
            loadCaseStudyReference(written.value, at: written.location, from: folder)
        }
        var course = Course(
            file: file, id: value["id"]?.string, version: value["version"]?.string,
            languages: Self.languages(value), title: value["title"].map(TranslatedText.init),
            audience: value["audience"]?.array?.compactMap(\.string) ?? [], modules: modules, thumbnail: thumbnail)
        course.caseStudies = caseStudies
        course.details = details
        courseIndex[path] = catalogue.courses.count
        catalogue.courses.append(course)
        return course
    }

    /// `library: <name>/<module>`: the module folder `libraries/<name>/<module>` vendored by
    /// `coursekit library update` (see `LibraryLayout`), reported when it is not there.
    func resolveLibraryModule(_ written: String, at location: SourceLocation, from folder: RepositoryPath) -> FileReference {
        var reference = FileReference(written: written, location: location, resolved: nil)
        let parts = written.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return reference }  // the schema reports the form
        // The nearest `libraries/<name>` at or above the referencing file (a department
        // repository checked from a folder above it finds its own libraries), else the root's.
        var library = LibraryLayout.path(of: parts[0])
        var ancestor: RepositoryPath? = folder
        while let current = ancestor {
            let candidate = RepositoryPath(components: current.components + [LibraryLayout.folder, parts[0]])
            if repository.entryType(candidate) == .directory { library = candidate; break }
            ancestor = current.components.isEmpty ? nil : current.parent
        }
        guard repository.entryType(library) == .directory else {
            let installed = repository.listing(RepositoryPath(components: [LibraryLayout.folder]))
            let close = Spelling.closest(to: parts[0], among: installed.filter { !$0.hasPrefix(".") })
            report(Finding(.libraryMissing, at: location, LocalizedText(
                en: "library '\(parts[0])' is not installed in this repository" + (close.map { " (did you mean '\($0)'?)" } ?? ""),
                hi: "लाइब्रेरी '\(parts[0])' इस रिपॉज़िटरी में स्थापित नहीं है" + (close.map { " (क्या आपका आशय '\($0)' से था?)" } ?? "")),
                hint: LocalizedText(
                    en: "declare it in coursekit.yaml (libraries: {\(parts[0]): builtin}) and run 'coursekit library update'; see docs/libraries.md",
                    hi: "इसे coursekit.yaml में घोषित करें (libraries: {\(parts[0]): builtin}) और 'coursekit library update' चलाएँ; देखें docs/libraries.md")))
            return reference
        }
        let folder = library.appending(parts[1])
        guard repository.entryType(folder) == .directory else {
            let names = repository.listing(library)
            let close = Spelling.closest(to: parts[1], among: names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".yaml") })
            report(Finding(.libraryMissing, at: location, LocalizedText(
                en: "library '\(parts[0])' has no module '\(parts[1])'" + (close.map { " (did you mean '\(parts[0])/\($0)'?)" } ?? ""),
                hi: "लाइब्रेरी '\(parts[0])' में मॉड्यूल '\(parts[1])' नहीं है" + (close.map { " (क्या आपका आशय '\(parts[0])/\($0)' से था?)" } ?? "")),
                hint: LocalizedText(
                    en: "the modules it has are the folders of \(repository.displayPath(for: library))/",
                    hi: "इसके मॉड्यूल \(repository.displayPath(for: library))/ के फ़ोल्डर हैं")))
            return reference
        }
        reference.resolved = folder
        return reference
    }

    /// Loads `folder/module.yaml`, reporting at the reference when the folder has none.
    func loadModuleFolder(_ folder: RepositoryPath, reference: FileReference) {
        let manifest = folder.appending("module.yaml")
        guard repository.entryType(manifest) == .file else {
            report(Finding(.missingFile, at: reference.location, LocalizedText(
                en: "folder '\(reference.written)' has no module.yaml",
                hi: "फ़ोल्डर '\(reference.written)' में module.yaml नहीं है"),
                hint: LocalizedText(
                    en: "point 'path' at a module folder (the one holding module.yaml)",
                    hi: "'path' को मॉड्यूल फ़ोल्डर (जिसमें module.yaml है) पर इंगित करें")))
            return
        }
        _ = loadModule(manifest)
    }

    // MARK: - Modules and lessons

    @discardableResult
    func loadModule(_ path: RepositoryPath) -> Module {
        if let module = catalogue.modules[path] { return module }
        let file = loadYAML(path, kind: .module)
        let value = file.value
        let folder = path.parent
        let languages = Self.languages(value)
        let lessons = (value["lessons"]?.array ?? []).compactMap { entry -> Lesson? in
            guard let written = entry["file"], let text = written.string else { return nil }
            return loadLessonEntry(entry, written: text, at: written.location, folder: folder, languages: languages)
        }
        let quiz = value["assessment"]?["quiz"].flatMap { written -> FileReference? in
            guard let text = written.string else { return nil }
            let reference = resolver.resolve(text, at: written.location, from: folder, expecting: .file, report: report)
            if let resolved = reference.resolved { _ = loadQuiz(resolved) }
            return reference
        }
        let module = Module(
            file: file, id: value["id"]?.string, languages: languages, title: value["title"].map(TranslatedText.init),
            tags: value["tags"]?.array?.compactMap(\.string) ?? [], lessons: lessons, quiz: quiz,
            description: value["description"].map(TranslatedText.init), duration: value["duration"]?.locatedString,
            version: value["version"]?.string, details: CatalogueDetails(value))
        catalogue.modules[path] = module
        return module
    }

    func loadLessonEntry(_ entry: LocatedValue, written: String, at location: SourceLocation, folder: RepositoryPath, languages: [String]) -> Lesson {
        let kind = entry["kind"]?.string
        let source = resolver.resolve(written, at: location, from: folder, expecting: .file, report: report)
        var editions: [LessonEdition] = []
        guard let sourcePath = source.resolved ?? folder.resolving(written) else {
            return Lesson(entry: entry, kind: kind, source: source, editions: [])
        }
        let perLanguageRequired = LessonFiles.isMarkdown(sourcePath.name)
        for (index, language) in (languages.isEmpty ? ["und"] : languages).enumerated() {
            if index == 0 {
                if source.resolved != nil {
                    editions.append(perLanguageRequired ? loadLesson(sourcePath, language: language)
                                    : LessonEdition(language: language, path: sourcePath, exists: true, markdown: nil))
                }
                continue
            }
            guard source.resolved != nil else { break }
            let translated = sourcePath.parent.appending(LessonFiles.translatedName(sourcePath.name, language: language))
            if repository.entryType(translated) == .file {
                editions.append(perLanguageRequired ? loadLesson(translated, language: language)
                                : LessonEdition(language: language, path: translated, exists: true, markdown: nil))
            } else if perLanguageRequired {
                let expected = LessonFiles.translatedName((written as NSString).lastPathComponent, language: language)
                report(Finding(.missingTranslation, at: location, LocalizedText(
                    en: "lesson '\(written)' has no \(LanguageNames.english(language)) (\(language)) edition: expected \(expected) beside it",
                    hi: "पाठ '\(written)' का \(LanguageNames.hindi(language)) (\(language)) संस्करण नहीं है: इसके साथ \(expected) अपेक्षित है"),
                    hint: LocalizedText(
                        en: "add the translated file, or remove '\(language)' from this module's languages",
                        hi: "अनुवादित फ़ाइल जोड़ें, या इस मॉड्यूल की languages से '\(language)' हटाएँ"),
                    edition: language))
            } else if source.resolved != nil {
                editions.append(LessonEdition(language: language, path: sourcePath, exists: true, markdown: nil))
            }
        }
        return Lesson(entry: entry, kind: kind, source: source, editions: editions)
    }

    /// Reads and parses one Markdown lesson file, checking its front matter and its links.
    func loadLesson(_ path: RepositoryPath, language: String) -> LessonEdition {
        let display = repository.displayPath(for: path)
        var edition = LessonEdition(language: language, path: path, exists: true, markdown: nil)
        let data: Data
        do {
            data = try repository.read(path)
        } catch {
            report(Finding(error.tooLarge ? .fileTooLarge : .unreadableFile, at: .wholeFile(display), error.message))
            return edition
        }
        noteSuppressionMarker(path, in: data)
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            report(Finding(.fileEncoding, at: .wholeFile(display), LocalizedText(
                en: "file is not valid UTF-8 text; save it as UTF-8", hi: "फ़ाइल मान्य UTF-8 पाठ नहीं है; इसे UTF-8 में सहेजें"),
                hint: Self.hint(for: .encoding)))
            return edition
        }
        if let finding = NFC.textFinding(text, file: display) { report(finding) }
        let document: MarkdownDocument
        do {
            document = try MarkdownDocument.parse(text: text, path: display)
        } catch {
            report(Finding(ruleID: error.kind.rawValue, severity: .error, location: error.location, message: error.message,
                           hint: Self.hint(for: error.kind)))
            return edition
        }
        if let frontMatter = document.frontMatter, !frontMatter.isNull {
            report(schemas.findings(for: frontMatter, kind: .lesson))
        }
        for reference in document.references {
            resolver.checkLessonReference(reference, in: path.parent, report: report)
        }
        if document.omittedReferences > 0 {
            report(Finding(.inputLimit, at: .wholeFile(display), LocalizedText(
                en: "the lesson has more than \(MarkdownDocument.maximumReferences) links and images; the \(document.omittedReferences) after that were not checked",
                hi: "पाठ में \(MarkdownDocument.maximumReferences) से अधिक लिंक और चित्र हैं; उसके बाद के \(document.omittedReferences) जाँचे नहीं गए")))
        }
        if document.tablesOmitted {
            report(Finding(.inputLimit, at: .wholeFile(display), LocalizedText(
                en: "the lesson's tables have more than \(MarkdownDocument.maximumTableCells) cells (columns × rows); they are shown as plain text",
                hi: "पाठ की तालिकाओं में \(MarkdownDocument.maximumTableCells) से अधिक कोष्ठ (स्तंभ × पंक्तियाँ) हैं; वे सादे पाठ के रूप में दिखाई जाती हैं")))
        }
        if LessonImages.isEmpty(document.body) {
            report(Finding(.emptyLesson, at: SourceLocation(file: display, line: document.bodyLineOffset + 1, column: 1), LocalizedText(
                en: "the lesson has no text", hi: "पाठ में कोई पाठ्य सामग्री नहीं है"),
                hint: LocalizedText(en: "write the lesson, or remove it from module.yaml", hi: "पाठ लिखें, या उसे module.yaml से हटाएँ")))
        }
        edition.markdown = document
        return edition
    }

    // MARK: - Quizzes, programmes, case studies

    func loadQuiz(_ path: RepositoryPath) -> Quiz {
        if let quiz = catalogue.quizzes[path] { return quiz }
        let file = loadYAML(path, kind: .quiz)
        let quiz = Quiz(
            file: file, id: file.value["id"]?.string, languages: Self.languages(file.value),
            questionCount: file.value["questions"]?.array?.count ?? 0, details: QuizDetails(file.value))
        catalogue.quizzes[path] = quiz
        return quiz
    }

    func loadProgramme(_ path: RepositoryPath) {
        guard programmeIndex.insert(path).inserted else { return }
        let file = loadYAML(path, kind: .programme)
        var references: [FileReference] = []
        var caseStudies: [FileReference] = []
        let days = ProgrammeDay.list(in: file.value) { key, written -> FileReference? in
            let text = written.value
            switch key {
            case .caseStudy:
                guard let reference = loadCaseStudyReference(text, at: written.location, from: path.parent) else { return nil }
                caseStudies.append(reference)
                return reference
            case .library:
                let reference = resolveLibraryModule(text, at: written.location, from: path.parent)
                references.append(reference)
                if let folder = reference.resolved { loadModuleFolder(folder, reference: reference) }
                return reference
            case .module, .course:
                let reference = resolver.resolve(text, at: written.location, from: path.parent, expecting: .directory, report: report)
                references.append(reference)
                guard let folder = reference.resolved else { return reference }
                if key == .module {
                    loadModuleFolder(folder, reference: reference)
                } else if repository.entryType(folder.appending("course.yaml")) == .file {
                    loadCourse(folder.appending("course.yaml"))
                } else {
                    report(Finding(.missingFile, at: reference.location, LocalizedText(
                        en: "folder '\(text)' has no course.yaml", hi: "फ़ोल्डर '\(text)' में course.yaml नहीं है")))
                }
                return reference
            }
        }
        var programme = Programme(
            file: file, id: file.value["id"]?.string, languages: Self.languages(file.value), sessionReferences: references)
        programme.caseStudyReferences = caseStudies
        programme.details = CatalogueDetails(file.value)
        programme.days = days
        programme.thumbnail = file.value["thumbnail"].flatMap { written in
            written.string.map { resolver.resolve($0, at: written.location, from: path.parent, expecting: .file, report: report) }
        }
        catalogue.programmes.append(programme)
    }

    /// Resolves a case-study folder written in a course or programme, reports it when it holds
    /// no `case-study.yaml`, and loads the case study.
    func loadCaseStudyReference(_ text: String, at location: SourceLocation, from folder: RepositoryPath) -> FileReference? {
        let reference = resolver.resolve(text, at: location, from: folder, expecting: .directory, report: report)
        guard let resolved = reference.resolved else { return reference }
        let manifest = resolved.appending("case-study.yaml")
        guard repository.entryType(manifest) == .file else {
            report(Finding(.missingFile, at: location, LocalizedText(
                en: "folder '\(text)' has no case-study.yaml", hi: "फ़ोल्डर '\(text)' में case-study.yaml नहीं है"),
                hint: LocalizedText(en: "name the folder that holds the case study's case-study.yaml",
                                    hi: "वह फ़ोल्डर लिखें जिसमें केस स्टडी की case-study.yaml है")))
            return reference
        }
        loadCaseStudy(manifest)
        return reference
    }

    func loadCaseStudy(_ path: RepositoryPath) {
        guard caseStudyIndex.insert(path).inserted else { return }
        let file = loadYAML(path, kind: .caseStudy)
        if let thumbnail = file.value["thumbnail"], let text = thumbnail.string {
            _ = resolver.resolve(text, at: thumbnail.location, from: path.parent, expecting: .file, report: report)
        }
        catalogue.caseStudies.append(CaseStudy(
            file: file, id: file.value["id"]?.string, languages: Self.languages(file.value), details: CaseStudyDetails(file.value)))
    }
}
