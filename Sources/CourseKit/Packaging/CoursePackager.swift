import Foundation

/// Packs every course and programme under the given paths into ECARs, one per language
/// edition, for `coursekit pack`. Sources load in parallel, memory-bounded batches (see
/// `CatalogueLoader.process`); a course whose files have structural errors is not packed, and
/// neither is an edition with packaging errors. Each archive's date comes from
/// `ArchiveTimestamp.resolve` (`SOURCE_DATE_EPOCH`, else git, else 1980-01-01).
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
    /// The package formats to write for each course and programme edition (`pack --format`).
    /// Question sets are written as ECARs only.
    public var formats: [PackageFormat] = [.ecar]

    public init(workingDirectory: URL, output: URL, editions: [String] = [],
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.workingDirectory = workingDirectory
        self.output = output
        self.editions = editions
        self.environment = environment
    }

    /// One archive written.
    public struct PackedArchive: Sendable, Hashable {
        public var url: URL
        public var language: String
        public var rootIdentifier: String
        public var itemCount: Int
    }

    public struct Result: Sendable {
        public var archives: [PackedArchive]
        public var findings: [Finding]
    }

    public func pack(paths: [String]) throws(ToolError) -> Result {
        let (loader, urls) = try Validator(workingDirectory: workingDirectory).makeLoader(paths: paths)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw ToolError(LocalizedText(
                en: "cannot create the output folder \(output.path): \(error.localizedDescription)",
                hi: "आउटपुट फ़ोल्डर \(output.path) नहीं बनाया जा सका: \(error.localizedDescription)"))
        }
        let requested = urls.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        let claims = ArchiveClaims()
        let packager = self
        let outcomes: [Result]
        do {
            outcomes = try loader.process(paths: urls) { catalogue in packager.packBatch(catalogue, requested: requested, claims: claims) }
        } catch {
            throw ToolError(error.message)
        }
        var seen: Set<Finding> = []
        let findings = outcomes.flatMap(\.findings).filter { seen.insert($0).inserted }.sorted()
        let archives = outcomes.flatMap(\.archives).sorted { $0.url.path < $1.url.path }
        return Result(archives: archives, findings: findings)
    }

    private func isRequested(_ file: SourceFile, _ repository: Repository, _ requested: [String]) -> Bool {
        let path = repository.absolutePath(file.path)
        return requested.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    func packBatch(_ catalogue: Catalogue, requested: [String], claims: ArchiveClaims) -> Result {
        var archives: [PackedArchive] = []
        var findings: [Finding] = []
        let repository = catalogue.repository
        let errors = catalogue.findings.filter { $0.severity == .error }
        func blocking(_ folders: [RepositoryPath]) -> [Finding] {
            let prefixes = folders.map { repository.displayPath(for: $0) + "/" }
            return errors.filter { finding in prefixes.contains { finding.location.file.hasPrefix($0) } }
        }
        func emit(_ plan: @autoclosure () throws(ArchiveError) -> ECARPlan, at location: SourceLocation) {
            do {
                let plan = try plan()
                findings += plan.findings
                guard !plan.hasErrors, claims.claim(plan.archiveName) else { return }
                let url = try plan.write(into: output)
                archives.append(PackedArchive(url: url, language: plan.language, rootIdentifier: plan.rootIdentifier, itemCount: plan.itemCount))
            } catch {
                findings.append(PackRule.unreadableFile.finding(at: location, error.message))
            }
        }
        /// Packs one course or programme in each requested edition, unless its files have errors.
        func pack(_ folders: [RepositoryPath], languages: [String], at location: SourceLocation,
                  plan: (ECARBuilder, String) throws(ArchiveError) -> ECARPlan) {
            let blockers = blocking(folders)
            guard blockers.isEmpty else {
                findings += blockers
                return
            }
            let builder = ECARBuilder(catalogue: catalogue, timestamp: ArchiveTimestamp.resolve(
                repository: repository.root, paths: folders.map(repository.absolutePath), environment: environment),
                unplayableQuestions: unplayableQuestions)
            for language in languages where editions.isEmpty || editions.contains(language) {
                emit(try plan(builder, language), at: location)
            }
        }
        let lmsFormats = formats.filter { $0 != .ecar }
        /// Writes the SCORM and cmi5 packages of a course or programme, one per edition and format.
        func packLMS(_ folders: [RepositoryPath], languages: [String], at location: SourceLocation,
                     read: (LMSCourseReader) -> (course: LMSCourse?, findings: [Finding])) {
            guard !lmsFormats.isEmpty else { return }
            let blockers = blocking(folders)
            guard blockers.isEmpty else {
                findings += blockers
                return
            }
            for language in languages where editions.isEmpty || editions.contains(language) {
                let read = read(LMSCourseReader(catalogue: catalogue, language: language))
                findings += read.findings
                guard let lms = read.course, !read.findings.contains(where: { $0.severity == .error }) else { continue }
                for format in lmsFormats {
                    let package = LMSPackage(course: lms, format: format)
                    guard claims.claim(package.archiveName) else { continue }
                    do {
                        let url = try package.write(into: output)
                        archives.append(PackedArchive(url: url, language: language, rootIdentifier: package.identifier, itemCount: package.unitCount))
                    } catch {
                        findings.append(PackRule.unreadableFile.finding(at: location, error.message))
                    }
                }
            }
        }
        for course in catalogue.courses where isRequested(course.file, repository, requested) {
            let folders = [course.file.path.parent] + course.modules.compactMap(\.resolved)
            if formats.contains(.ecar) {
                pack(folders, languages: course.languages,
                     at: course.file.location) { builder, language throws(ArchiveError) in try builder.plan(course: course, language: language) }
            }
            packLMS(folders, languages: course.languages, at: course.file.location) { $0.read(course) }
            guard questionSets else { continue }
            for reference in course.modules {
                guard let module = catalogue.module(for: reference), module.quiz != nil,
                      let quiz = catalogue.quiz(for: module), quiz.file.loaded else { continue }
                pack([module.file.path.parent], languages: course.languages.filter(quiz.languages.contains),
                     at: quiz.file.location) { builder, language throws(ArchiveError) in
                    try builder.plan(quiz: quiz, of: module, language: language)
                }
            }
        }
        for programme in catalogue.programmes where isRequested(programme.file, repository, requested) {
            let folders = [programme.file.path.parent] + programme.sessionReferences.compactMap(\.resolved)
            if formats.contains(.ecar) {
                pack(folders, languages: programme.languages,
                     at: programme.file.location) { builder, language throws(ArchiveError) in try builder.plan(programme: programme, language: language) }
            }
            packLMS(folders, languages: programme.languages, at: programme.file.location) { $0.read(programme) }
        }
        return Result(archives: archives, findings: findings)
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
