import Foundation

/// A library's `library.yaml`: its name and version. The state's standard library is
/// `courses/library/library.yaml` (`up-karmayogi`), installed as `share/coursekit/library/`.
public struct LibraryManifest: Sendable, Equatable {
    public static let fileName = "library.yaml"
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    public static func read(folder: URL) throws(ToolError) -> LibraryManifest {
        let url = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ToolError(LocalizedText(
                en: "\(folder.path) is not a coursekit library: it has no \(fileName)",
                hi: "\(folder.path) coursekit लाइब्रेरी नहीं है: इसमें \(fileName) नहीं है"))
        }
        let value: LocatedValue
        do {
            value = try YAMLDocumentLoader(maximumFileSize: 1 << 20).load(data: data, path: url.path)
        } catch {
            throw ToolError(error.message, at: error.location)
        }
        guard let name = value["name"]?.string, LibraryName.isValid(name), let version = value["version"]?.string, !version.isEmpty else {
            throw ToolError(LocalizedText(
                en: "\(url.path) must give a name (lowercase letters, digits and hyphens) and a version",
                hi: "\(url.path) में name (छोटे अक्षर, अंक और हाइफ़न) और version होना चाहिए"))
        }
        return LibraryManifest(name: name, version: version)
    }
}

enum LibraryName {
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// Where a library declared in `coursekit.yaml` comes from.
public enum LibrarySource: Sendable, Equatable, CustomStringConvertible {
    /// The standard library installed with coursekit (`share/coursekit/library`).
    case builtin
    /// A folder, relative to the folder of `coursekit.yaml` (or absolute).
    case folder(String)
    /// A git repository at a tag; `path` is the library's folder inside it (default: its root).
    case git(url: String, tag: String, path: String?)

    public var description: String {
        switch self {
        case .builtin: "builtin"
        case .folder(let path): "path:\(path)"
        case .git(let url, let tag, let path): "git:\(url)@\(tag)" + (path.map { "#\($0)" } ?? "")
        }
    }
}

/// One entry of `libraries:` in `coursekit.yaml`.
public struct LibraryDeclaration: Sendable {
    public var name: String
    public var source: LibrarySource
    public var location: SourceLocation?

    public init(name: String, source: LibrarySource, location: SourceLocation? = nil) {
        self.name = name
        self.source = source
        self.location = location
    }
}

/// The vendored copies live in `libraries/<name>/` at the repository root and are recorded in
/// `coursekit.lock`; a course names a module as `library: <name>/<module>`.
public enum LibraryLayout {
    public static let folder = "libraries"
    public static let lockFileName = "coursekit.lock"

    public static func path(of name: String) -> RepositoryPath { RepositoryPath(components: [folder, name]) }
}

/// `coursekit.lock`: per library its version, source and the SHA-256 of every file.
public struct LockFile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var version: String
        public var source: String
        /// relative path inside the library → SHA-256 hex
        public var files: [String: String]

        /// One hash of the whole tree: SHA-256 over the sorted `<hash>  <path>` lines.
        public var treeHash: String {
            SHA256Hex.digest(Data(files.keys.sorted().map { "\(files[$0]!)  \($0)\n" }.joined().utf8))
        }
    }

    public var entries: [String: Entry] = [:]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    public static func read(_ url: URL) throws(ToolError) -> LockFile? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let value: LocatedValue
        do {
            value = try YAMLDocumentLoader(maximumFileSize: 16 << 20).load(data: data, path: LibraryLayout.lockFileName)
        } catch {
            throw ToolError(error.message, at: error.location)
        }
        var lock = LockFile()
        for item in value["libraries"]?.object?.entries ?? [] {
            var files: [String: String] = [:]
            for file in item.value["files"]?.object?.entries ?? [] {
                if let hash = file.value.string { files[file.key] = hash.replacingOccurrences(of: "sha256:", with: "") }
            }
            lock.entries[item.key] = Entry(
                name: item.key, version: item.value["version"]?.string ?? "", source: item.value["source"]?.string ?? "", files: files)
        }
        return lock
    }

    /// The lock file's text: stable order, one file per line, so diffs of it are readable.
    public func render() -> String {
        var out = "# coursekit.lock: written by `coursekit library update`; do not edit by hand.\n"
        out += "# Every file of every library vendored in libraries/, with its SHA-256.\n"
        out += "lockVersion: 1\nlibraries:\n"
        if entries.isEmpty { out = out.replacingOccurrences(of: "libraries:\n", with: "libraries: {}\n") }
        for name in entries.keys.sorted() {
            let entry = entries[name]!
            out += "  \(name):\n    version: \(Self.quote(entry.version))\n    source: \(Self.quote(entry.source))\n"
            out += "    hash: sha256:\(entry.treeHash)\n    files:\n"
            for path in entry.files.keys.sorted() {
                out += "      \(Self.quote(path)): sha256:\(entry.files[path]!)\n"
            }
        }
        return out
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Hashes of every regular file of a folder tree (hidden files and folders skipped).
public enum LibraryTree {
    public static func hashes(of folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        walk(folder, prefix: "", into: &result)
        return result
    }

    private static func walk(_ folder: URL, prefix: String, into result: inout [String: String]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(url, prefix: prefix + name + "/", into: &result)
            } else if let digest = try? SHA256Hex.digest(ofFile: url) {
                result[prefix + name] = digest
            }
        }
    }
}

/// What `coursekit library update` changed in one library.
public struct LibraryChange: Sendable {
    public var name: String
    public var oldVersion: String?
    public var newVersion: String
    public var source: String
    public var added: [String]
    public var removed: [String]
    public var changed: [String]
    /// Files of the vendored copy that had been edited since the last lock (now replaced).
    public var locallyEdited: [String]

    public var isUnchanged: Bool { oldVersion == newVersion && added.isEmpty && removed.isEmpty && changed.isEmpty && locallyEdited.isEmpty }

    public func render(in language: MessageLanguage) -> String {
        let hi = language == .hi
        var lines: [String] = []
        let versions = oldVersion.map { $0 == newVersion ? newVersion : "\($0) → \(newVersion)" } ?? newVersion
        if oldVersion == nil {
            lines.append(hi ? "\(name) \(versions) जोड़ी गई (\(source)): \(added.count) फ़ाइलें"
                            : "\(name) \(versions) added (\(source)): \(added.count) files")
            return lines.joined(separator: "\n")
        }
        if isUnchanged {
            return hi ? "\(name) \(versions): कोई बदलाव नहीं" : "\(name) \(versions): unchanged"
        }
        lines.append(hi ? "\(name) \(versions) (\(source)):" : "\(name) \(versions) (\(source)):")
        for path in added { lines.append("  + \(path)") }
        for path in removed { lines.append("  - \(path)") }
        for path in changed { lines.append("  ~ \(path)") }
        if !locallyEdited.isEmpty {
            lines.append(hi ? "  स्थानीय बदलाव हटाए गए (ये फ़ाइलें coursekit.lock से भिन्न थीं): \(locallyEdited.joined(separator: ", "))"
                            : "  local edits replaced (these files differed from coursekit.lock): \(locallyEdited.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}

/// Resolves the libraries a configuration declares, vendors them into `libraries/<name>/`
/// and writes `coursekit.lock`.
public struct LibraryManager {
    public var root: URL
    public var declarations: [LibraryDeclaration]
    /// The folder `path:` sources are relative to (the folder of `coursekit.yaml`).
    public var configDirectory: URL

    public init(root: URL, declarations: [LibraryDeclaration], configDirectory: URL? = nil) {
        self.root = root.standardizedFileURL
        self.declarations = declarations
        self.configDirectory = configDirectory ?? root
    }

    public var lockURL: URL { root.appendingPathComponent(LibraryLayout.lockFileName) }

    /// Fetches every declared library (or the named ones), compares it with the lock and the
    /// vendored copy, and — unless `dryRun` — replaces the copy and rewrites the lock.
    public func update(only names: [String] = [], dryRun: Bool = false) throws(ToolError) -> [LibraryChange] {
        for name in names where !declarations.contains(where: { $0.name == name }) {
            throw ToolError(LocalizedText(
                en: "library '\(name)' is not declared under libraries: in coursekit.yaml",
                hi: "लाइब्रेरी '\(name)' coursekit.yaml के libraries: में घोषित नहीं है"))
        }
        var lock = try LockFile.read(lockURL) ?? LockFile()
        var changes: [LibraryChange] = []
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("coursekit-library-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for declaration in declarations where names.isEmpty || names.contains(declaration.name) {
            let folder = try fetch(declaration, scratch: scratch)
            let manifest = try LibraryManifest.read(folder: folder)
            guard manifest.name == declaration.name else {
                throw ToolError(LocalizedText(
                    en: "library '\(declaration.name)' (\(declaration.source)) calls itself '\(manifest.name)' in library.yaml",
                    hi: "लाइब्रेरी '\(declaration.name)' (\(declaration.source)) library.yaml में अपना नाम '\(manifest.name)' बताती है"),
                    at: declaration.location)
            }
            let newFiles = LibraryTree.hashes(of: folder)
            let old = lock.entries[declaration.name]
            let oldFiles = old?.files ?? [:]
            let vendored = root.appendingPathComponent(LibraryLayout.folder).appendingPathComponent(declaration.name)
            let onDisk = LibraryTree.hashes(of: vendored)
            let edited = old == nil ? [] : Set(onDisk.keys).union(oldFiles.keys).filter { onDisk[$0] != oldFiles[$0] }.sorted()
            changes.append(LibraryChange(
                name: declaration.name, oldVersion: old?.version, newVersion: manifest.version, source: declaration.source.description,
                added: newFiles.keys.filter { oldFiles[$0] == nil }.sorted(),
                removed: oldFiles.keys.filter { newFiles[$0] == nil }.sorted(),
                changed: newFiles.keys.filter { oldFiles[$0] != nil && oldFiles[$0] != newFiles[$0] }.sorted(),
                locallyEdited: edited))
            guard !dryRun else { continue }
            try replace(vendored, with: folder)
            lock.entries[declaration.name] = LockFile.Entry(
                name: declaration.name, version: manifest.version, source: declaration.source.description, files: newFiles)
        }
        if !dryRun {
            do {
                try Data(lock.render().utf8).write(to: lockURL, options: .atomic)
            } catch {
                throw ToolError(LocalizedText(en: "cannot write \(lockURL.path)", hi: "\(lockURL.path) लिखी नहीं जा सकी"))
            }
        }
        return changes
    }

    /// The library's folder: the installed one, a folder, or a shallow clone of a tag.
    func fetch(_ declaration: LibraryDeclaration, scratch: URL) throws(ToolError) -> URL {
        switch declaration.source {
        case .builtin:
            guard let folder = Installation.builtinLibrary else {
                throw ToolError(LocalizedText(
                    en: "this coursekit has no standard library installed (looked in \(Installation.libraryCandidates.map(\.path).joined(separator: ", ")))",
                    hi: "इस coursekit के साथ मानक लाइब्रेरी स्थापित नहीं है (\(Installation.libraryCandidates.map(\.path).joined(separator: ", ")) में देखा)"),
                    at: declaration.location)
            }
            return folder
        case .folder(let path):
            let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : configDirectory.appendingPathComponent(path)).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ToolError(LocalizedText(
                    en: "library '\(declaration.name)': folder \(path) does not exist", hi: "लाइब्रेरी '\(declaration.name)': फ़ोल्डर \(path) मौजूद नहीं है"),
                    at: declaration.location)
            }
            return url
        case .git(let url, let tag, let path):
            let clone = scratch.appendingPathComponent(declaration.name)
            try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "advice.detachedHead=false", "clone", "--quiet", "--depth", "1", "--branch", tag, url, clone.path]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            do {
                try process.run()
            } catch {
                throw ToolError(LocalizedText(en: "cannot run git to fetch library '\(declaration.name)'; install git",
                                              hi: "लाइब्रेरी '\(declaration.name)' लाने के लिए git नहीं चल सका; git स्थापित करें"),
                                at: declaration.location)
            }
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw ToolError(LocalizedText(
                    en: "cannot fetch library '\(declaration.name)' from \(url) at tag \(tag): \(message.trimmingCharacters(in: .whitespacesAndNewlines))",
                    hi: "लाइब्रेरी '\(declaration.name)' को \(url) से टैग \(tag) पर नहीं लाया जा सका: \(message.trimmingCharacters(in: .whitespacesAndNewlines))"),
                    at: declaration.location)
            }
            return path.map { clone.appendingPathComponent($0) } ?? clone
        }
    }

    /// Replaces `target` by a copy of `source` (copied beside it first, then swapped in).
    func replace(_ target: URL, with source: URL) throws(ToolError) {
        let manager = FileManager.default
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).new")
        do {
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for (path, _) in LibraryTree.hashes(of: source) {
                let destination = staging.appendingPathComponent(path)
                try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.copyItem(at: source.appendingPathComponent(path), to: destination)
            }
            try? manager.removeItem(at: target)
            try manager.moveItem(at: staging, to: target)
        } catch {
            try? manager.removeItem(at: staging)
            throw ToolError(LocalizedText(
                en: "cannot write \(target.path): \(error.localizedDescription)", hi: "\(target.path) लिखा नहीं जा सका: \(error.localizedDescription)"))
        }
    }
}

/// Validation's view of the vendored libraries: every file of `libraries/<name>/` must match
/// `coursekit.lock`, and every declared library must be locked and present.
public enum LibraryIntegrity {
    public static func findings(repository: Repository, declarations: [LibraryDeclaration], configFile: String?) -> [Finding] {
        let lockURL = repository.root.appendingPathComponent(LibraryLayout.lockFileName)
        let lock: LockFile?
        do {
            lock = try LockFile.read(lockURL)
        } catch {
            return [Finding(.libraryModified, at: error.location ?? .wholeFile(LibraryLayout.lockFileName), error.message)]
        }
        var findings: [Finding] = []
        let update = LocalizedText(en: "run 'coursekit library update' to fetch it and record it in coursekit.lock",
                                   hi: "इसे लाने और coursekit.lock में दर्ज करने के लिए 'coursekit library update' चलाएँ")
        for declaration in declarations where lock?.entries[declaration.name] == nil {
            findings.append(Finding(.libraryMissing, at: declaration.location ?? .wholeFile(configFile ?? "coursekit.yaml"), LocalizedText(
                en: "library '\(declaration.name)' is declared but not installed in this repository",
                hi: "लाइब्रेरी '\(declaration.name)' घोषित है पर इस रिपॉज़िटरी में स्थापित नहीं है"), hint: update))
        }
        guard let lock else { return findings }
        let restore = LocalizedText(
            en: "library files are shared and versioned: put your changes in a module of your own, or run 'coursekit library update' to restore the locked copy",
            hi: "लाइब्रेरी की फ़ाइलें साझा और संस्करण-बद्ध हैं: अपने बदलाव अपने मॉड्यूल में करें, या लॉक की गई प्रति वापस लाने के लिए 'coursekit library update' चलाएँ")
        for name in lock.entries.keys.sorted() {
            let entry = lock.entries[name]!
            let folder = LibraryLayout.path(of: name)
            let onDisk = LibraryTree.hashes(of: repository.url(for: folder))
            let display = { (path: String) in repository.displayPath(for: folder.resolving(path) ?? folder) }
            if onDisk.isEmpty {
                findings.append(Finding(.libraryMissing, at: .wholeFile(LibraryLayout.lockFileName), LocalizedText(
                    en: "library '\(name)' \(entry.version) is in coursekit.lock but \(LibraryLayout.folder)/\(name)/ is missing",
                    hi: "लाइब्रेरी '\(name)' \(entry.version) coursekit.lock में है पर \(LibraryLayout.folder)/\(name)/ नहीं है"), hint: update))
                continue
            }
            for path in Set(onDisk.keys).union(entry.files.keys).sorted() where onDisk[path] != entry.files[path] {
                let message: LocalizedText
                if entry.files[path] == nil {
                    message = LocalizedText(
                        en: "this file was added to library '\(name)' \(entry.version); it is not in coursekit.lock",
                        hi: "यह फ़ाइल लाइब्रेरी '\(name)' \(entry.version) में जोड़ी गई है; यह coursekit.lock में नहीं है")
                } else if onDisk[path] == nil {
                    findings.append(Finding(.libraryModified, at: .wholeFile(LibraryLayout.lockFileName), LocalizedText(
                        en: "\(display(path)) of library '\(name)' \(entry.version) was deleted",
                        hi: "लाइब्रेरी '\(name)' \(entry.version) की \(display(path)) हटा दी गई है"), hint: restore))
                    continue
                } else {
                    message = LocalizedText(
                        en: "this file of library '\(name)' \(entry.version) was edited: its SHA-256 differs from coursekit.lock",
                        hi: "लाइब्रेरी '\(name)' \(entry.version) की यह फ़ाइल बदली गई है: इसका SHA-256 coursekit.lock से भिन्न है")
                }
                findings.append(Finding(.libraryModified, at: .wholeFile(display(path)), message, hint: restore))
            }
        }
        return findings
    }
}
