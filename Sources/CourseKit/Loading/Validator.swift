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

    /// Loads the catalogue for `paths` (files or folders, relative to the working directory).
    public func loadCatalogue(paths: [String]) throws(ToolError) -> Catalogue {
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
        do {
            return try CatalogueLoader(repository: repository, schemas: schemaSet).load(paths: urls)
        } catch {
            throw ToolError(error.message)
        }
    }

    public func validate(paths: [String]) throws(ToolError) -> ValidationResult {
        let catalogue = try loadCatalogue(paths: paths)
        var findings = catalogue.findings
        for rule in rules {
            findings += rule.check(catalogue)
        }
        let files = catalogue.allFiles.map(\.displayPath)
            + catalogue.sortedModules.flatMap { $0.lessons.flatMap { $0.editions.filter { $0.markdown != nil }.map { catalogue.repository.displayPath(for: $0.path) } } }
        let descriptors = CoreRule.allCases.map(\.descriptor) + rules.map(\.descriptor)
        return ValidationResult(findings: findings, checkedFiles: files, rules: descriptors)
    }
}
