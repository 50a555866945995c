import Foundation

/// Loads courses, modules, quizzes, lessons, programmes and case studies from the requested
/// paths, following the references between them, evaluating each file's schema and checking
/// that every reference resolves. It reports every problem it meets and never stops at the first.
public struct CatalogueLoader: Sendable {
    public var repository: Repository
    public var schemas: SchemaSet

    public init(repository: Repository, schemas: SchemaSet) {
        self.repository = repository
        self.schemas = schemas
    }

    /// A requested path that cannot be used at all (exit 2).
    public struct InputError: Error, Sendable {
        public var message: LocalizedText
    }

    /// Loads everything under `paths` (files or folders).
    public func load(paths: [URL]) throws(InputError) -> Catalogue {
        let session = LoadSession(repository: repository, schemas: schemas)
        for url in paths {
            guard let path = repository.repositoryPath(of: url.standardizedFileURL.resolvingSymlinksInPath()) else {
                throw InputError(message: LocalizedText(
                    en: "\(url.path) is outside the repository at \(repository.root.path)",
                    hi: "\(url.path) रिपॉज़िटरी \(repository.root.path) से बाहर है"))
            }
            switch repository.entryType(path) {
            case .directory:
                for (file, kind) in SourceDiscovery(repository: repository).sources(under: path) {
                    session.load(file, kind: kind)
                }
            case .file:
                guard let kind = SourceDiscovery(repository: repository).kind(of: path) else {
                    throw InputError(message: LocalizedText(
                        en: "\(url.path): not a coursekit source (expected course.yaml, module.yaml, programme.yaml, case-study.yaml, a quiz naming quiz.schema.json, or a Markdown lesson)",
                        hi: "\(url.path): यह coursekit स्रोत नहीं है (course.yaml, module.yaml, programme.yaml, case-study.yaml, quiz.schema.json वाली क्विज़ या Markdown पाठ अपेक्षित है)"))
                }
                session.load(path, kind: kind)
            case .missing:
                throw InputError(message: LocalizedText(
                    en: "\(url.path): no such file or folder", hi: "\(url.path): ऐसी कोई फ़ाइल या फ़ोल्डर नहीं है"))
            case .linkOutside:
                throw InputError(message: LocalizedText(
                    en: "\(url.path) is a symbolic link out of the repository", hi: "\(url.path) रिपॉज़िटरी से बाहर का सिम्बॉलिक लिंक है"))
            case .other:
                throw InputError(message: LocalizedText(
                    en: "\(url.path) is not a regular file or folder", hi: "\(url.path) सामान्य फ़ाइल या फ़ोल्डर नहीं है"))
            }
        }
        return session.finish()
    }
}

/// Finds source files in a folder tree, in a stable order, skipping hidden and build folders.
struct SourceDiscovery {
    let repository: Repository

    func sources(under folder: RepositoryPath) -> [(RepositoryPath, SourceKind)] {
        var found: [(RepositoryPath, SourceKind)] = []
        walk(folder, into: &found)
        return found
    }

    private func walk(_ folder: RepositoryPath, into found: inout [(RepositoryPath, SourceKind)]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: repository.absolutePath(folder)) else { return }
        for name in names.sorted() {
            if name.hasPrefix(".") || name == "node_modules" { continue }
            let child = folder.appending(name)
            switch repository.entryType(child) {
            case .directory:
                // Symbolic links to folders are not followed when walking.
                var info = stat()
                let isLink = lstat(repository.absolutePath(child), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
                if !isLink { walk(child, into: &found) }
            case .file:
                if let kind = SourceKind.forFileName(name), kind != .config { found.append((child, kind)) }
            default: continue
            }
        }
    }

    /// The kind of a single file named on the command line.
    func kind(of path: RepositoryPath) -> SourceKind? {
        if let kind = SourceKind.forFileName(path.name) { return kind }
        if path.name.hasSuffix(".md") { return .lesson }
        guard path.name.hasSuffix(".yaml") || path.name.hasSuffix(".yml"),
              let data = try? repository.read(path, limit: 64 * 1024 + repository.maximumFileSize)
        else { return nil }
        let head = String(decoding: data.prefix(512), as: UTF8.self)
        for kind in SourceKind.allCases where head.contains("$schema=") && head.contains(kind.schemaFileName) {
            return kind
        }
        return nil
    }
}
