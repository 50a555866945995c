import Foundation
import Testing
@testable import CourseKit

/// The requested paths are searched on all cores (`CatalogueLoader.sources(for:)`); what is
/// found, and in what order, is what the one-thread walk finds.
@Suite("Searching the requested folders in parallel")
struct SourceDiscoveryTests {
    static func loader() throws -> CatalogueLoader {
        let options = try ValidationOptions.load(workingDirectory: CatalogueCopy.packageRoot)
        return try Validator(options: options).makeLoader(paths: ["courses"]).0
    }

    static func names(_ sources: [(RepositoryPath, SourceKind)]) -> [String] {
        sources.map { "\($0.0.string) \($0.1)" }
    }

    @Test func oneFolderSearchedInParallelGivesTheWalksOrder() throws {
        let loader = try Self.loader()
        let root = CatalogueCopy.packageRoot
        for folder in ["courses", "examples/department-repo", "."] {
            let path = try #require(loader.repository.repositoryPath(of: root.appendingPathComponent(folder)))
            let walked = SourceDiscovery(repository: loader.repository).sources(under: path)
            let found = try loader.sources(for: [root.appendingPathComponent(folder)])
            #expect(walked.count >= 5, "\(folder)")
            #expect(Self.names(found) == Self.names(walked), "\(folder)")
            #expect(Self.names(SourceDiscovery(repository: loader.repository).sourcesInParallel(under: path)) == Self.names(walked))
        }
    }

    @Test func manyPathsKeepTheirOrderAndTheFirstBadOneIsReported() throws {
        let loader = try Self.loader()
        let root = CatalogueCopy.packageRoot.appendingPathComponent("courses")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().reversed().map(root.appendingPathComponent)
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
        let one = try folders.flatMap { try loader.sources(for: [$0]) }
        #expect(Self.names(try loader.sources(for: Array(folders))) == Self.names(one))
        let bad = folders.prefix(3) + [root.appendingPathComponent("no-such-course"), root.appendingPathComponent("also-missing")] + folders.suffix(2)
        let error = #expect(throws: CatalogueLoader.InputError.self) { try loader.sources(for: Array(bad)) }
        #expect(error?.message.en.contains("no-such-course: no such file or folder") == true)
    }
}
