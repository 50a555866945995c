import Foundation

/// Packs every course and programme under the given paths into ECARs, one per language
/// edition, for `coursekit pack`. It first runs exactly the validation `coursekit validate` runs
/// (same configuration, rules, suppressions and severities), so whatever validate accepts,
/// pack packs. An edition is blocked only by errors about it: errors in the course's or
/// programme's files (course.yaml, its modules, quizzes, lessons) that concern every edition,
/// or errors about that one language (a missing translation, a lesson file in that language);
/// each blocked edition gets one `pack-edition-blocked` finding that names it. Sources load once,
/// in validation's parallel, memory-bounded batches (see `Validator.collect(paths:also:)`): each
/// batch stages its archives, and `settle` puts them in place once the run's errors are known.
/// Each archive's date comes from `ArchiveDates` (`SOURCE_DATE_EPOCH`, else git, else 1980-01-01).
public struct CoursePackager: Sendable {
    public var workingDirectory: URL
    /// Folder the archives are written to (created when missing).
    public var output: URL
    /// Language codes to pack; empty packs every edition a course declares.
    public var editions: [String]
    public var environment: [String: String]
    /// What becomes of fill-in and match questions in ECARs.
    public var unplayableQuestions: UnplayableQuestionPolicy = .error
    /// Also write one question-set ECAR per quiz edition, for offline practice.
    public var questionSets = false
    /// Progress of the validation that runs first (see `Validator.progress`).
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Measure effort for the report (see `Validator.measuresEffort`).
    public var measuresEffort = true
    /// The validation to run first; nil runs the structural checks only (no configuration).
    public var options: ValidationOptions?
    /// The package formats to write for each course and programme edition (`pack --format`).
    /// Question sets are written as ECARs only.
    public var formats: [PackageFormat] = [.ecar]
    /// Keep lesson archives and archive records between runs (`PackCache`), so an unchanged
    /// archive is not rewritten. Lesson archives are always shared within a run.
    public var useCache = false
    /// Where the cache lives; nil is `.coursekit-cache` at the repository root.
    public var cacheFolder: URL?

    public init(workingDirectory: URL, output: URL, editions: [String] = [],
                environment: [String: String] = ProcessInfo.processInfo.environment, options: ValidationOptions? = nil) {
        self.workingDirectory = workingDirectory
        self.output = output
        self.editions = editions
        self.environment = environment
        self.options = options
    }

    /// One archive written.
    public struct PackedArchive: Sendable, Hashable, Codable {
        public var url: URL
        public var language: String
        public var rootIdentifier: String
        public var itemCount: Int
    }

    public struct Result: Sendable {
        public var archives: [PackedArchive]
        /// Validation findings, then packaging findings, in the total order.
        public var findings: [Finding]
        /// The validation run with packaging's findings and rules added, for reporters.
        public var validation: ValidationResult
        /// File names of the archives written in this run, and of those the cache found unchanged.
        public var rewritten: [String] = []
        public var unchanged: [String] = []
        /// Validation batches loaded, and taken unchanged from the cache (`ValidationCache`).
        var batchesLoaded = 0
        var batchesReused = 0
    }

    public func pack(paths: [String]) throws(ToolError) -> Result {
        var validator = try options.map { options throws(ToolError) in try Validator(options: options) }
            ?? Validator(workingDirectory: workingDirectory)
        validator.progress = progress
        validator.measuresEffort = measuresEffort
        let (sourceLoader, urls) = try validator.makeLoader(paths: paths)
        // Paths with no sources (or outside the repository) fail before anything is created.
        let discovered: [(RepositoryPath, SourceKind)]
        do {
            discovered = try sourceLoader.sources(for: urls)
        } catch {
            throw ToolError(error.message)
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw ToolError(LocalizedText(
                en: "cannot create the output folder \(output.path): \(error.localizedDescription)",
                hi: "आउटपुट फ़ोल्डर \(output.path) नहीं बनाया जा सका: \(error.localizedDescription)"))
        }
        // Temporary archives a killed (SIGKILL) run left behind.
        TemporaryFiles.removeStale(in: output)
        let requested = urls.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        let claims = ArchiveClaims()
        let repositoryRoot = Repository.discover(for: urls[0], workingDirectory: workingDirectory).root
        let pipeline = FindingPipeline(
            configuration: validator.configuration, settings: validator.suppressionSettings, displayBase: repositoryRoot)
        let packager = self
        let dates = ArchiveDates(repository: repositoryRoot, environment: environment)
        let cache = PackCache(folder: useCache ? (cacheFolder ?? repositoryRoot.appendingPathComponent(PackCache.folderName)) : nil,
                              environment: environment)
        if cache.folder != nil {
            validator.cache = ValidationCache(store: cache, repository: Repository.discover(for: urls[0], workingDirectory: workingDirectory),
                                              configuration: validator.configuration, mode: cacheMode(requested: requested, root: repositoryRoot, dates: dates))
        }
        // One load: each validation batch also makes its archives (staged beside their
        // destinations), judged by the batch's own errors; an archive is put in place only once
        // the whole run's errors are known (duplicate identifiers span batches). A batch taken
        // from the cache brings the archives it made last time, if they are still in place.
        let run = try validator.collect(paths: paths, discovered: discovered, accept: Self.archivesInPlace) { catalogue, found, suppressions in
            let local = pipeline.settled(found, suppressions: suppressions).filter { $0.severity == .error }
            return packager.packBatch(catalogue, requested: requested, errors: local, pipeline: pipeline,
                                      suppressions: suppressions, claims: claims, cache: cache, dates: dates, deferred: true)
        }
        let collected = run.collected, loader = run.loader
        let validation = validator.finish(collected)
        let errors = validation.findings.filter { $0.severity == .error }
        var outcomes: [Batch] = []
        for batch in run.batches {
            let settled = Self.settle(batch.extra.pending, errors: errors, cache: cache)
            outcomes.append(settled)
            if let stored = Self.reusable(batch.extra, settled: settled) { batch.save(into: validator.cache, extra: stored) }
        }
        // Editions the batch's errors held back but the run's do not (a suppression or a
        // configuration default only the whole run applies): packed from a second load.
        let retry = Set(outcomes.flatMap(\.retry))
        if !retry.isEmpty {
            do {
                outcomes += try loader.process(paths: retry.sorted().map { URL(fileURLWithPath: loader.repository.absolutePath($0)) }) { catalogue in
                    packager.packBatch(catalogue, requested: requested, errors: errors, pipeline: pipeline,
                                       suppressions: collected.suppressions, claims: claims, cache: cache, dates: dates, deferred: false)
                }
            } catch {
                throw ToolError(error.message)
            }
        }
        // Pack findings go through the same pipeline as validate's: the configuration grades
        // or switches them off, and inline suppressions in the sources cover them.
        let result = validator.finish(collected, extra: outcomes.flatMap(\.findings), packing: true)
        var seen: Set<URL> = []
        let archives = outcomes.flatMap(\.archives).filter { seen.insert($0.url).inserted }.sorted { $0.url.path < $1.url.path }
        cache.writeLog(batches: validator.cache)
        return Result(archives: archives, findings: result.findings, validation: result,
                      rewritten: cache.rewrittenArchives, unchanged: cache.unchangedArchives,
                      batchesLoaded: validator.cache?.loaded ?? run.batches.count, batchesReused: validator.cache?.reused ?? 0)
    }

    /// What keys a cached batch besides its sources: everything about this run that changes
    /// the archives (output folder, editions, formats, options, requested paths, archive date).
    func cacheMode(requested: [String], root: URL, dates: ArchiveDates) -> [String] {
        let date = "date \(dates.date(of: [root.path], repository: root).timeIntervalSince1970)"
        return ["pack", output.standardizedFileURL.path, editions.joined(separator: ","), formats.map { "\($0)" }.joined(separator: ","),
                "\(unplayableQuestions)", "\(questionSets)", requested.joined(separator: "\n"), date]
    }

    /// A cached batch is used only when every archive it made is still in place as written.
    @Sendable static func archivesInPlace(_ batch: Batch) -> Bool {
        batch.retry.isEmpty && batch.pending.allSatisfy { edition in
            edition.made.map { made in made.staged.allSatisfy { $0.identity != nil && $0.identity == FileIdentity.of($0.staged.destination) } } ?? false
        }
    }

    /// What to store for a batch whose every edition was put in place (or found unchanged);
    /// nil when one was blocked, held back or failed, so the batch loads again next time.
    static func reusable(_ batch: Batch, settled: Batch) -> Batch? {
        guard settled.retry.isEmpty, !settled.findings.contains(where: { $0.ruleID == PackRule.editionBlocked.id || $0.ruleID == PackRule.unreadableFile.id }),
              batch.pending.allSatisfy({ $0.made != nil }) else { return nil }
        var stored = batch
        for index in stored.pending.indices {
            guard var made = stored.pending[index].made else { return nil }
            for item in made.staged.indices {
                made.staged[item].staged.temporary = nil
                made.staged[item].staged.record = nil
                made.staged[item].identity = FileIdentity.of(made.staged[item].staged.destination)
                if made.staged[item].identity == nil { return nil }
            }
            stored.pending[index].made = made
        }
        return stored
    }

    struct Batch: Sendable, Codable {
        var archives: [PackedArchive] = []
        var findings: [Finding] = []
        /// Editions made (or held back) in a deferred batch, waiting for the run's errors.
        var pending: [PendingEdition] = []
        /// Folders of courses and programmes to load again (see `settle`).
        var retry: [RepositoryPath] = []
    }

    /// Puts in place the staged archives of every edition no error of the run concerns, and
    /// reports the others as blocked.
    static func settle(_ pending: [PendingEdition], errors: [Finding], cache: PackCache) -> Batch {
        var batch = Batch()
        let decided = pending.map { edition in (edition, blockers: edition.blockers(in: errors)) }
        // One flush of the output's file system for many archives (`DiskSync`), else one each.
        let staged = decided.filter(\.blockers.isEmpty).flatMap { $0.0.made?.staged.map(\.staged) ?? [] }
        let flushed = staged.filter { $0.temporary != nil }.count > 1 && PackCache.flushStaged(staged)
        for (edition, blockers) in decided {
            guard blockers.isEmpty else {
                edition.made?.staged.forEach { cache.discard($0.staged) }
                if let report = edition.report {
                    batch.findings.append(blocked(kind: report.kind, id: report.id, language: edition.language, blockers: blockers, at: report.location))
                }
                continue
            }
            guard let made = edition.made else {
                batch.retry.append(edition.source)
                continue
            }
            batch.findings += made.findings
            for item in made.staged {
                do {
                    _ = try cache.commit(item.staged, flushed: flushed)
                    batch.archives.append(item.archive)
                } catch {
                    batch.findings.append(PackRule.unreadableFile.finding(at: edition.location, error.message))
                }
            }
        }
        return batch
    }

    private func isRequested(_ file: SourceFile, _ repository: Repository, _ requested: [String]) -> Bool {
        let path = repository.absolutePath(file.path)
        return requested.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    /// The languages of the lesson files of a catalogue, by repository path: a finding in
    /// `intro.hi.md` concerns only the Hindi edition. Files used by several editions are absent.
    static func editionFiles(_ catalogue: Catalogue) -> [String: String] {
        var languages: [String: Set<String>] = [:]
        for module in catalogue.sortedModules {
            for lesson in module.lessons {
                for edition in lesson.editions {
                    languages[edition.path.string, default: []].insert(edition.language)
                }
            }
        }
        return languages.compactMapValues { $0.count == 1 ? $0.first : nil }
    }

    /// Packs the requested courses and programmes of one loaded batch. `errors` are the errors
    /// known so far; `deferred` stages the archives and leaves the decision to `settle`, else
    /// they are written at once.
    func packBatch(_ catalogue: Catalogue, requested: [String], errors: [Finding], pipeline: FindingPipeline,
                   suppressions: [Suppression] = [], claims: ArchiveClaims, cache: PackCache = PackCache(folder: nil),
                   dates: ArchiveDates, deferred: Bool = false) -> Batch {
        /// Whether findings still hold an error once the configuration and the inline
        /// suppressions apply (they are reported unchanged; the final pipeline settles them).
        func blocks(_ found: [Finding]) -> Bool {
            pipeline.settled(found, suppressions: suppressions).contains { $0.severity == .error }
        }
        var batch = Batch()
        let repository = catalogue.repository
        let editionFiles = EditionFileIndex(Self.editionFiles(catalogue))
        /// Decides one edition: blocked by `errors`, or made by `make` (written now, or staged).
        func edition(_ folders: [RepositoryPath], language: String, report: PendingEdition.Report?, location: SourceLocation,
                     make: () -> PendingEdition.Made) {
            var pending = PendingEdition(
                prefixes: folders.map { $0.components.isEmpty ? "" : $0.string + "/" }, language: language,
                editionFiles: [:], report: report, location: location, source: folders[0], made: nil)
            pending.editionFiles = editionFiles.subset(under: pending.prefixes)
            let blockers = pending.blockers(in: errors)
            if blockers.isEmpty { pending.made = make() }
            if deferred {
                batch.pending.append(pending)
            } else if !blockers.isEmpty {
                if let report { batch.findings.append(Self.blocked(kind: report.kind, id: report.id, language: language, blockers: blockers, at: report.location)) }
            } else {
                let settled = Self.settle([pending], errors: [], cache: cache)
                batch.findings += settled.findings
                batch.archives += settled.archives
            }
        }
        func emit(_ plan: () throws(ArchiveError) -> ECARPlan, at location: SourceLocation) -> PendingEdition.Made {
            var made = PendingEdition.Made()
            do {
                var plan = try plan()
                // An edition with a lesson missing in its language cannot be packed. Where the
                // configuration switched `missing-translation` off (drafts), validate accepted
                // that, so pack skips the edition with a note instead of failing.
                let incomplete = plan.findings.filter { $0.ruleID == PackRule.missingEdition.id }
                if !incomplete.isEmpty, incomplete.allSatisfy({ pipeline.isOff(CoreRule.missingTranslation.id, at: $0.location) }) {
                    made.findings = plan.findings.map { finding in
                        guard finding.ruleID == PackRule.missingEdition.id else { return finding }
                        var note = finding
                        note.severity = .info
                        note.message.en += " (skipped: missing-translation is off for this file)"
                        note.message.hi += " (छोड़ा गया: इस फ़ाइल के लिए missing-translation बंद है)"
                        return note
                    }
                    return made
                }
                made.findings = plan.findings
                guard !blocks(plan.findings), claims.claim(plan.archiveName) else { return made }
                // Errors the configuration re-grades or a suppression covers do not stop the archive.
                plan.findings = pipeline.settled(plan.findings, suppressions: suppressions)
                let staged = try cache.stage(plan.entries, named: plan.archiveName, into: output, deflateLevel: ECARPlan.deflateLevel)
                made.staged.append(.init(staged: staged, archive: PackedArchive(
                    url: staged.destination, language: plan.language, rootIdentifier: plan.rootIdentifier, itemCount: plan.itemCount)))
            } catch {
                made.findings.append(PackRule.unreadableFile.finding(at: location, error.message))
            }
            return made
        }
        /// Packs one course or programme in each requested edition that no error concerns.
        func pack(_ folders: [RepositoryPath], kind: LocalizedText, id: String?, languages: [String], at location: SourceLocation,
                  plan: (ECARBuilder, String) throws(ArchiveError) -> ECARPlan) {
            var builder = ECARBuilder(catalogue: catalogue, timestamp: dates.date(
                of: folders.map(repository.absolutePath), repository: repository.root),
                unplayableQuestions: unplayableQuestions)
            builder.cache = cache
            for language in languages where editions.isEmpty || editions.contains(language) {
                edition(folders, language: language, report: .init(kind: kind, id: id ?? folders[0].name, location: location), location: location) {
                    emit({ () throws(ArchiveError) -> ECARPlan in try plan(builder, language) }, at: location)
                }
            }
        }
        let lmsFormats = formats.filter { $0 != .ecar }
        /// Writes the SCORM and cmi5 packages of a course or programme, one per edition and format.
        func packLMS(_ folders: [RepositoryPath], kind: LocalizedText, id: String?, languages: [String], at location: SourceLocation,
                     read: (LMSCourseReader) -> (course: LMSCourse?, findings: [Finding])) {
            guard !lmsFormats.isEmpty else { return }
            for language in languages where editions.isEmpty || editions.contains(language) {
                // Reported blocked once per edition, whether the ECAR or only LMS packages were asked for.
                let report: PendingEdition.Report? = formats.contains(.ecar) ? nil : .init(kind: kind, id: id ?? folders[0].name, location: location)
                edition(folders, language: language, report: report, location: location) {
                    var made = PendingEdition.Made()
                    let read = read(LMSCourseReader(catalogue: catalogue, language: language))
                    made.findings = read.findings
                    guard let lms = read.course, !blocks(read.findings) else { return made }
                    for format in lmsFormats {
                        let package = LMSPackage(course: lms, format: format)
                        guard claims.claim(package.archiveName) else { continue }
                        do throws(ArchiveError) {
                            let staged = try cache.stage(package.entries, named: package.archiveName, into: output)
                            made.staged.append(.init(staged: staged, archive: PackedArchive(
                                url: staged.destination, language: language, rootIdentifier: package.identifier, itemCount: package.unitCount)))
                        } catch {
                            made.findings.append(PackRule.unreadableFile.finding(at: location, error.message))
                        }
                    }
                    return made
                }
            }
        }
        for course in catalogue.courses where isRequested(course.file, repository, requested) {
            let folders = [course.file.path.parent] + course.modules.compactMap(\.resolved) + course.caseStudies.compactMap(\.resolved)
            let courseKind = LocalizedText(en: "course", hi: "पाठ्यक्रम")
            if formats.contains(.ecar) {
                pack(folders, kind: courseKind, id: course.id, languages: course.languages,
                     at: course.file.location) { builder, language throws(ArchiveError) in try builder.plan(course: course, language: language) }
            }
            packLMS(folders, kind: courseKind, id: course.id, languages: course.languages, at: course.file.location) { $0.read(course) }
            guard questionSets else { continue }
            for reference in course.modules {
                guard let module = catalogue.module(for: reference), module.quiz != nil,
                      let quiz = catalogue.quiz(for: module), quiz.file.loaded else { continue }
                pack([module.file.path.parent], kind: LocalizedText(en: "quiz", hi: "क्विज़"), id: quiz.id,
                     languages: course.languages.filter(quiz.languages.contains),
                     at: quiz.file.location) { builder, language throws(ArchiveError) in
                    try builder.plan(quiz: quiz, of: module, language: language)
                }
            }
        }
        for programme in catalogue.programmes where isRequested(programme.file, repository, requested) {
            let folders = [programme.file.path.parent] + programme.sessionReferences.compactMap(\.resolved)
                + programme.caseStudyReferences.compactMap(\.resolved)
            let programmeKind = LocalizedText(en: "programme", hi: "कार्यक्रम")
            if formats.contains(.ecar) {
                pack(folders, kind: programmeKind, id: programme.id, languages: programme.languages,
                     at: programme.file.location) { builder, language throws(ArchiveError) in try builder.plan(programme: programme, language: language) }
            }
            packLMS(folders, kind: programmeKind, id: programme.id, languages: programme.languages, at: programme.file.location) { $0.read(programme) }
        }
        return batch
    }

    /// "the hi edition of course 'x' is not packed: 2 errors about it, the first at …".
    static func blocked(kind: LocalizedText, id: String, language: String, blockers: [Finding], at location: SourceLocation) -> Finding {
        let first = blockers.min()!
        let count = blockers.count
        return PackRule.editionBlocked.finding(at: location, LocalizedText(
            en: "the \(LanguageNames.english(language)) (\(language)) edition of \(kind.en) '\(id)' is not packed: \(count) error\(count == 1 ? "" : "s") about it, the first at \(first.location) [\(first.ruleID)]",
            hi: "\(kind.hi) '\(id)' का \(LanguageNames.hindi(language)) (\(language)) संस्करण पैक नहीं किया गया: इससे जुड़ी \(count) त्रुटि, पहली \(first.location) पर [\(first.ruleID)]"),
            hint: LocalizedText(
                en: "fix the errors coursekit validate reports for it; other editions are packed",
                hi: "coursekit validate द्वारा बताई गई इसकी त्रुटियाँ ठीक करें; अन्य संस्करण पैक किए जाते हैं"),
            edition: language)
    }
}

/// Archive names already taken in this run: a course loaded by two batches (its own and a
/// programme's) is written once.
final class ArchiveClaims: @unchecked Sendable {
    private var names: Set<String> = []
    private let lock = NSLock()

    func claim(_ name: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return names.insert(name).inserted
    }
}
