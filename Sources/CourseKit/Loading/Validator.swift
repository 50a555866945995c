import Foundation

/// Runs a validation: finds the repository, loads the sources under the given paths with
/// their schemas, runs the rules, and returns the findings. The library's entry point for
/// `coursekit validate`.
public struct Validator: Sendable {
    public var workingDirectory: URL
    public var rules: [any Rule]
    public var schemas: SchemaSet?

    public init(workingDirectory: URL, rules: [any Rule] = [], schemas: SchemaSet? = nil) {
        self.workingDirectory = workingDirectory
        self.rules = rules
        self.schemas = schemas
    }

    /// Loads the catalogue for `paths` (files or folders, relative to the working directory)
    /// in one piece; rules and tests that need the whole model use this.
    public func loadCatalogue(paths: [String]) throws(ToolError) -> Catalogue {
        let (loader, urls) = try makeLoader(paths: paths)
        do {
            return try loader.load(paths: urls)
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
    /// each batch and keeping only the findings.
    public func validate(paths: [String]) throws(ToolError) -> ValidationResult {
        let (loader, urls) = try makeLoader(paths: paths)
        let rules = self.rules
        let batches: [BatchOutcome]
        do {
            batches = try loader.process(paths: urls) { catalogue in
                var findings = catalogue.findings
                for rule in rules { findings += rule.check(catalogue) }
                return BatchOutcome(findings: findings, files: Self.checkedFiles(catalogue), identifiers: catalogue.identifierUses)
            }
        } catch {
            throw ToolError(error.message)
        }
        var findings = Set(batches.flatMap(\.findings))
        findings.formUnion(DuplicateIdentifiers.findings(in: batches.flatMap(\.identifiers)))
        var seen: Set<String> = []
        let files = batches.flatMap(\.files).filter { seen.insert($0).inserted }
        let descriptors = CoreRule.allCases.map(\.descriptor) + rules.map(\.descriptor)
        return ValidationResult(findings: Array(findings), checkedFiles: files, rules: descriptors)
    }

    struct BatchOutcome: Sendable {
        var findings: [Finding]
        var files: [String]
        var identifiers: [IdentifierUse]
    }

    static func checkedFiles(_ catalogue: Catalogue) -> [String] {
        catalogue.allFiles.map(\.displayPath)
            + catalogue.sortedModules.flatMap { module in
                module.lessons.flatMap { lesson in
                    lesson.editions.filter { $0.markdown != nil }.map { catalogue.repository.displayPath(for: $0.path) }
                }
            }
    }
}
