import Foundation

/// What a validation run needs: where it runs, the configuration (`coursekit.yaml` or the
/// defaults) and, optionally, schemas already loaded.
public struct ValidationOptions: Sendable {
    public var workingDirectory: URL
    public var configuration: Configuration
    public var schemas: SchemaSet?

    public init(workingDirectory: URL, configuration: Configuration? = nil, schemas: SchemaSet? = nil) {
        self.workingDirectory = workingDirectory
        self.configuration = configuration ?? .defaults(directory: workingDirectory)
        self.schemas = schemas
    }

    /// Loads the bundled schemas and the configuration the way `coursekit validate` and
    /// `coursekit pack` do: `configPath` when given (relative to `workingDirectory`), else the
    /// nearest `coursekit.yaml` in or above the folder of the first of `paths` (the repository
    /// being checked, wherever the command runs from), else the defaults. Any problem is a
    /// `ToolError` (exit 2).
    public static func load(
        workingDirectory: URL, configPath: String? = nil, paths: [String] = [], catalog: RuleCatalog = RuleCatalog()
    ) throws(ToolError) -> ValidationOptions {
        let schemas: SchemaSet
        do {
            schemas = try SchemaSet.bundled()
        } catch {
            throw ToolError(error.message)
        }
        let configuration = try ConfigurationLoader(schemas: schemas, catalog: catalog)
            .resolve(explicitPath: configPath, workingDirectory: workingDirectory,
                     searchFrom: configurationSearchFolder(paths: paths, workingDirectory: workingDirectory))
        return ValidationOptions(workingDirectory: workingDirectory, configuration: configuration, schemas: schemas)
    }

    /// The folder configuration discovery starts from: the first path given (its folder when it
    /// is a file), else the working directory.
    static func configurationSearchFolder(paths: [String], workingDirectory: URL) -> URL {
        guard let first = paths.first else { return workingDirectory }
        let url = (first.hasPrefix("/") ? URL(fileURLWithPath: first) : workingDirectory.appendingPathComponent(first))
            .standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { return url }
        return url.deletingLastPathComponent()
    }
}

/// Runs a validation: finds the repository, loads the sources under the given paths with
/// their schemas, runs the rules, applies the configuration and inline suppressions, and
/// returns the findings. The library's entry point for `coursekit validate`.
public struct Validator: Sendable {
    public var workingDirectory: URL
    public var rules: [any Rule]
    public var schemas: SchemaSet?
    public var configuration: Configuration
    public var suppressionSettings: SuppressionSettings
    /// Called as batches of courses finish: (batches done, batches in all), from any thread.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Whether to measure every course's effort for the report's `effort` figures, which only
    /// `--format json` prints; a run whose report shows none skips it. Always measured when a
    /// cache is used, so that a cached batch serves any later report.
    public var measuresEffort = true
    /// Batches whose inputs are unchanged since a run stored them are not loaded again.
    var cache: ValidationCache?

    /// A validator with explicit rules and no configuration (structural checks, the given rules,
    /// inline suppressions).
    public init(workingDirectory: URL, rules: [any Rule] = [], schemas: SchemaSet? = nil) {
        self.workingDirectory = workingDirectory
        self.rules = rules
        self.schemas = schemas
        self.configuration = .structuralOnly(directory: workingDirectory)
        self.suppressionSettings = SuppressionSettings()
    }

    /// A validator whose rules come from the configuration: the pack's rules and those
    /// `coursekit.yaml` switches on, built with their configured parameters.
    public init(options: ValidationOptions) throws(ToolError) {
        self.workingDirectory = options.workingDirectory
        self.schemas = options.schemas
        self.configuration = options.configuration
        self.rules = try options.configuration.makeRules()
        self.suppressionSettings = try options.configuration.suppressionSettings()
    }

    /// Loads the catalogue for `paths` (files or folders, relative to the working directory)
    /// in one piece; rules and tests that need the whole model use this.
    public func loadCatalogue(paths: [String]) throws(ToolError) -> Catalogue {
        let (loader, urls) = try makeLoader(paths: paths)
        do {
            var catalogue = try loader.load(paths: urls)
            catalogue.policy = configuration.policy
            return catalogue
        } catch {
            throw ToolError(error.message)
        }
    }

    func makeLoader(paths: [String]) throws(ToolError) -> (CatalogueLoader, [URL]) {
        let urls = (paths.isEmpty ? ["."] : paths).map { path in
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
        }
        let repository = Repository.discover(for: urls[0], workingDirectory: workingDirectory)
        let schemaSet: SchemaSet
        if let schemas {
            schemaSet = schemas
        } else {
            do {
                schemaSet = try SchemaSet.bundled()
            } catch {
                throw ToolError(error.message)
            }
        }
        return (CatalogueLoader(repository: repository, schemas: schemaSet), urls)
    }

    /// Validates in parallel batches (see `CatalogueLoader.process`), running every rule on
    /// each batch and keeping only the findings and the inline suppressions; then applies the
    /// configuration and the suppressions (`FindingPipeline`).
    public func validate(paths: [String]) throws(ToolError) -> ValidationResult {
        finish(try collect(paths: paths))
    }

    /// What the rules found before the configuration and the suppressions were applied.
    public struct Collected: Sendable {
        public var findings: [Finding]
        public var suppressions: [Suppression]
        public var files: [String]
        public var repositoryRoot: URL
        /// Measured and declared effort (`validate --format json`).
        public var effort: EffortReport
    }

    /// Keeps each batch's results in `folder` (default `.coursekit-cache` at the repository
    /// root of `paths`), so the next run loads again only batches whose inputs changed
    /// (`ValidationCache`). Without a usable folder or secret the run is uncached.
    public mutating func enableCache(paths: [String], folder: URL? = nil,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) throws(ToolError) {
        let repository = try makeLoader(paths: paths).0.repository
        let store = PackCache(folder: folder ?? repository.root.appendingPathComponent(PackCache.folderName), environment: environment)
        guard store.folder != nil else { return }
        cache = ValidationCache(store: store, repository: repository, configuration: configuration, mode: ["validate"])
    }

    /// Runs the rules on every batch and collects findings and inline suppressions.
    public func collect(paths: [String]) throws(ToolError) -> Collected {
        let run = try collect(paths: paths) { _, _, _ in Nothing() }
        for batch in run.batches { batch.save(into: cache) }
        return run.collected
    }

    /// Courses per batch when a cache is used.
    static let cachedBatchSize = 4

    /// No extra result per batch.
    struct Nothing: Codable, Sendable {}

    /// One batch's results, and what storing it in the cache needs.
    struct BatchRun<Extra: Codable & Sendable>: Sendable {
        var sources: [(RepositoryPath, SourceKind)]
        var outcome: BatchOutcome
        var extra: Extra
        /// What the batch looked at; nil when it came from the cache (or there is none).
        var dependencies: [ValidationCache.Dependency]?

        func save(into cache: ValidationCache?, extra replacement: Extra? = nil) {
            guard let cache, let dependencies else { return }
            cache.save(sources, dependencies: dependencies, outcome: outcome, extra: replacement ?? extra)
        }
    }

    /// Runs the rules on every batch, then `body` on the same loaded catalogue with the
    /// batch's findings and inline suppressions (before the configuration applies), so a
    /// caller such as `pack` works from the one load and keeps only what `body` returns.
    /// With a cache, a batch whose inputs are unchanged (and whose stored extra `accept`s) is
    /// taken from it instead. `discovered` is the loader's `sources(for:)` of `paths` when the
    /// caller has already searched them.
    func collect<Extra: Codable & Sendable>(
        paths: [String], discovered: [(RepositoryPath, SourceKind)]? = nil, accept: @Sendable (Extra) -> Bool = { _ in true },
        also body: @Sendable (Catalogue, _ findings: [Finding], _ suppressions: [Suppression]) -> Extra
    ) throws(ToolError) -> (collected: Collected, extras: [Extra], loader: CatalogueLoader, batches: [BatchRun<Extra>]) {
        let (loader, urls) = try makeLoader(paths: paths)
        let rules = self.rules, policy = configuration.policy
        let cache = self.cache
        let measuresEffort = self.measuresEffort || cache != nil
        let wide = RepositoryWidePass(rules: rules, repository: loader.repository)
        let processed: [BatchRun<Extra>]
        do {
            // With a cache, smaller batches: a change then loads and checks a few courses again.
            processed = try loader.process(paths: urls, discovered: discovered, batchSize: cache == nil ? CatalogueLoader.defaultBatchSize : Self.cachedBatchSize, progress: progress, reuse: { sources in
                cache?.lookup(sources, as: Extra.self, accept: accept).map { BatchRun(sources: sources, outcome: $0.outcome, extra: $0.extra) }
            }, logging: cache != nil) { loaded, sources, log in
                var catalogue = loaded
                catalogue.policy = policy
                var findings = catalogue.findings
                // A file that failed to load or failed its schema, and what uses it, are not
                // checked by the rules (see `FailedSources`).
                let failures = FailedSources(catalogue)
                var pending: [PendingFinding] = []
                for rule in rules {
                    guard let repositoryWide = rule as? any RepositoryWideRule else {
                        findings += rule.check(catalogue).filter { !failures.skips($0) }
                        continue
                    }
                    findings += repositoryWide.batchFindings(catalogue).filter { !failures.skips($0) }
                    pending += repositoryWide.pending(catalogue).filter { !failures.skips($0.finding) }
                }
                let files = Self.sourceFiles(catalogue)
                let scanned = Self.suppressions(
                    in: files, repository: catalogue.repository, mentions: catalogue.mentionsSuppressionMarker)
                let outcome = BatchOutcome(
                    findings: findings + scanned.limits, files: files.map(\.display), identifiers: catalogue.identifierUses,
                    suppressions: scanned.suppressions, pending: pending, settled: wide.settled(catalogue),
                    skipped: failures.pairs, failedLoading: catalogue.allFiles.filter { !$0.loaded }.map(\.displayPath),
                    effort: measuresEffort ? EffortReport.make(catalogue) : EffortReport())
                let extra = body(catalogue, outcome.findings, outcome.suppressions)
                return BatchRun(sources: sources, outcome: outcome, extra: extra, dependencies: cache?.dependencies(log))
            }
        } catch {
            throw ToolError(error.message)
        }
        // Every dependency of this run is fingerprinted by now.
        if cache?.isUsable == true { cache?.digests.save() }
        let batches = processed.map(\.outcome)
        let notChecked = FailedSources.notes(batches.flatMap(\.skipped), failedLoading: Set(batches.flatMap(\.failedLoading)))
        let libraries = LibraryIntegrity.findings(
            repository: loader.repository, declarations: configuration.libraries, configFile: configuration.file)
        let confirmed = wide.confirm(batches.flatMap(\.pending), settled: batches.map(\.settled))
        let findings = (batches.flatMap(\.findings) + DuplicateIdentifiers.findings(in: batches.flatMap(\.identifiers)) + confirmed + notChecked + libraries)
            .sortedUnique()
        var seen: Set<String> = []
        let files = batches.flatMap(\.files).filter { seen.insert($0).inserted }
        let collected = Collected(findings: findings, suppressions: batches.flatMap(\.suppressions), files: files, repositoryRoot: loader.repository.root,
                                  effort: EffortReport.merging(batches.map(\.effort)))
        return (collected, processed.map(\.extra), loader, processed)
    }

    /// Applies the configuration and the inline suppressions to collected findings plus
    /// `extra` ones (`pack`'s findings about the same sources): one pipeline for every finding,
    /// so a suppression of a `pack-*` rule counts as used and `coursekit.yaml` grades them all.
    /// `packing` says the run is `pack`'s: only then are suppressions of `pack-*` rules that
    /// cover nothing reported as unused (`validate` cannot know whether pack would use them).
    public func finish(_ collected: Collected, extra: [Finding] = [], packing: Bool = false) -> ValidationResult {
        let pipeline = FindingPipeline(
            configuration: configuration.withRepositoryDefaults(root: collected.repositoryRoot), settings: suppressionSettings,
            displayBase: collected.repositoryRoot)
        let outcome = pipeline.run((collected.findings + extra).sortedUnique(), suppressions: collected.suppressions,
                                   notProduced: packing ? [] : [.pack])
        var result = ValidationResult(
            findings: outcome.findings, checkedFiles: collected.files, rules: descriptors, suppressedCount: outcome.suppressedCount,
            repositoryRoot: collected.repositoryRoot, displayBase: collected.repositoryRoot)
        result.effort = collected.effort
        return result
    }

    /// Every rule coursekit can report (the one list in `RuleRegistry`, with the configured
    /// catalogue's packs), plus explicit rules not in it: reporters list these (SARIF `rules`).
    public var descriptors: [RuleDescriptor] {
        let known = configuration.catalog.descriptors
        let ids = Set(known.map(\.id))
        return known + rules.map(\.descriptor).filter { !ids.contains($0.id) }
    }

    struct BatchOutcome: Sendable, Codable {
        var findings: [Finding]
        var files: [String]
        var identifiers: [IdentifierUse]
        var suppressions: [Suppression]
        /// Findings of `RepositoryWideRule`s the run confirms once over every batch.
        var pending: [PendingFinding]
        /// Subjects of pending findings this batch settled, by rule id (`RepositoryWidePass`);
        /// nil in batches cached before it was recorded.
        var settled: [String: [RepositoryPath]]?
        var skipped: [SkippedFile]
        var failedLoading: [String]
        var effort: EffortReport
    }

    struct CheckedFile {
        var path: RepositoryPath
        var display: String
        var markdown: Bool
    }

    /// Every file a batch read: YAML sources and Markdown lesson editions.
    static func sourceFiles(_ catalogue: Catalogue) -> [CheckedFile] {
        let repository = catalogue.repository
        let markdown = catalogue.sortedModules.flatMap { module in
            module.lessons.flatMap { lesson in lesson.editions.filter { $0.markdown != nil } }
        } + catalogue.looseLessons.filter { $0.markdown != nil }
        return catalogue.allFiles.map { CheckedFile(path: $0.path, display: $0.displayPath, markdown: false) }
            + markdown.map { CheckedFile(path: $0.path, display: repository.displayPath(for: $0.path), markdown: true) }
    }

    /// Inline suppressions in the files: those that mention the marker are read again (the
    /// loader keeps no text; `mentions` says which files it saw the marker in).
    /// Files with more directives than `SuppressionScanner.maximumPerFile` give an
    /// `input-limit` finding.
    static func suppressions(
        in files: [CheckedFile], repository: Repository, mentions: [RepositoryPath: Bool]
    ) -> (suppressions: [Suppression], limits: [Finding]) {
        var suppressions: [Suppression] = []
        var limits: [Finding] = []
        for file in files where mentions[file.path] ?? true {
            guard let data = try? repository.read(file.path), ByteSearch.contains(SuppressionScanner.markerBytes, in: data),
                  let text = String(validating: data, as: UTF8.self) else { continue }
            let scanned = SuppressionScanner.scanWithLimit(text, file: file.display, markdown: file.markdown)
            suppressions += scanned.suppressions
            if let limit = scanned.limit { limits.append(limit) }
        }
        return (suppressions, limits)
    }
}
