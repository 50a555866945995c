import Foundation

/// Finds, reads and checks `coursekit.yaml`: YAML syntax, the config JSON Schema
/// (`schemas/config.schema.json`), then what a schema cannot know — pack names, rule ids (with
/// "did you mean"), glob patterns and rule parameters. Any problem is a `ToolError` (exit 2)
/// pointing at the config file's `line:col`; all problems of a file are reported together.
public struct ConfigurationLoader: Sendable {
    public var schemas: SchemaSet
    public var catalog: RuleCatalog

    public init(schemas: SchemaSet, catalog: RuleCatalog = RuleCatalog()) {
        self.schemas = schemas
        self.catalog = catalog
    }

    /// The names a config file may have, in order of preference.
    public static let fileNames = ["coursekit.yaml", "coursekit.yml"]

    /// The nearest config file in `directory` or a folder above it.
    public static func discover(from directory: URL) -> URL? {
        var folder = directory.standardizedFileURL.resolvingSymlinksInPath()
        while true {
            for name in fileNames {
                let candidate = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return candidate
                }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The configuration for a run: the file named by `--config` (relative to the working
    /// directory), else the nearest `coursekit.yaml` in or above `searchFrom`, else defaults.
    /// `searchFrom` is where discovery starts (the folder of the paths being checked); it
    /// defaults to the working directory.
    public func resolve(explicitPath: String?, workingDirectory: URL, searchFrom: URL? = nil) throws(ToolError) -> Configuration {
        if let explicitPath {
            let url = explicitPath.hasPrefix("/") ? URL(fileURLWithPath: explicitPath)
                : workingDirectory.appendingPathComponent(explicitPath)
            return try load(fileAt: url, workingDirectory: workingDirectory)
        }
        guard let found = Self.discover(from: searchFrom ?? workingDirectory) else {
            return .defaults(directory: workingDirectory, catalog: catalog)
        }
        return try load(fileAt: found, workingDirectory: workingDirectory)
    }

    /// Reads and checks the config file at `url`; paths in messages are relative to `workingDirectory`.
    public func load(fileAt url: URL, workingDirectory: URL) throws(ToolError) -> Configuration {
        let resolved = url.standardizedFileURL.resolvingSymlinksInPath()
        let display = Self.displayPath(resolved, base: workingDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else {
            throw ToolError(LocalizedText(
                en: "configuration file \(display) not found", hi: "कॉन्फ़िगरेशन फ़ाइल \(display) नहीं मिली"))
        }
        guard !isDirectory.boolValue else {
            throw ToolError(LocalizedText(
                en: "\(display) is a folder, not a configuration file", hi: "\(display) फ़ोल्डर है, कॉन्फ़िगरेशन फ़ाइल नहीं"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: resolved)
        } catch {
            throw ToolError(LocalizedText(
                en: "cannot read the configuration file \(display)", hi: "कॉन्फ़िगरेशन फ़ाइल \(display) पढ़ी नहीं जा सकी"))
        }
        let value: LocatedValue
        do {
            value = try YAMLDocumentLoader(maximumFileSize: 1024 * 1024).load(data: data, path: display)
        } catch {
            throw ToolError(error.message, at: error.location)
        }
        return try check(value, file: display, directory: resolved.deletingLastPathComponent())
    }

    /// Parses config text (for tests and tools that hold the text already).
    public func parse(text: String, file: String, directory: URL) throws(ToolError) -> Configuration {
        let value: LocatedValue
        do {
            value = try YAMLDocumentLoader(maximumFileSize: 1024 * 1024).load(text: text, path: file)
        } catch {
            throw ToolError(error.message, at: error.location)
        }
        return try check(value, file: file, directory: directory)
    }

    /// Schema, then meaning. An empty file (or one with only comments) is the default configuration.
    func check(_ document: LocatedValue, file: String, directory: URL) throws(ToolError) -> Configuration {
        let root = document.isNull ? LocatedValue(.object(LocatedObject()), at: document.location) : document
        guard let schema = schemas.schema(for: .config) else {
            throw ToolError(LocalizedText(
                en: "cannot check \(file): coursekit's schemas have no config.schema.json",
                hi: "\(file) जाँची नहीं जा सकती: coursekit के स्कीमा में config.schema.json नहीं है"))
        }
        // Schema problems first; the checks below read the document defensively, so their
        // problems are reported too (except where the schema already complained).
        var problems: [ToolError] = schema.validate(root).map { violation in
            var message = violation.message
            if let hint = violation.hint {
                message = LocalizedText(en: message.en + " — " + hint.en, hi: message.hi + " — " + hint.hi)
            }
            return ToolError(message, at: violation.location)
        }
        let schemaLocations = Set(problems.compactMap(\.location))
        let schemaProblemCount = problems.count
        var configuration = Configuration(file: file, directory: directory, pack: nil, catalog: catalog)

        // extends
        if let extends = root["extends"], let name = extends.string {
            if name == Configuration.noPack {
                configuration.pack = nil
            } else if let pack = catalog.packs[name] {
                configuration.pack = pack
            } else {
                let names = catalog.packs.keys.sorted()
                let close = Spelling.closest(to: name, among: names)
                problems.append(ToolError(LocalizedText(
                    en: "unknown policy pack '\(name)'" + (close.map { " (did you mean '\($0)'?)" } ?? "")
                        + "; available: \(names.joined(separator: ", ")), or none",
                    hi: "अज्ञात नीति-पैक '\(name)'" + (close.map { " (क्या आपका आशय '\($0)' से था?)" } ?? "")
                        + "; उपलब्ध: \(names.joined(separator: ", ")), या none"), at: extends.location))
            }
        } else {
            configuration.pack = catalog.packs[Configuration.defaultPackName]
        }

        // rules
        for entry in root["rules"]?.object?.entries ?? [] {
            guard checkRuleID(entry.key, at: entry.keyLocation, into: &problems) else { continue }
            let level = (entry.value.string ?? entry.value["severity"]?.string).flatMap(RuleLevel.init(rawValue:))
            configuration.rules[entry.key] = Configuration.RuleSetting(
                ruleID: entry.key, level: level, parameters: entry.value["parameters"]?.object, location: entry.keyLocation)
            configuration.rules[entry.key]?.levelLocation = entry.value.string != nil ? entry.value.location : entry.value["severity"]?.location
        }

        // overrides
        for item in root["overrides"]?.array ?? [] {
            var globs: [PathGlob] = []
            for written in item["paths"]?.array ?? [] {
                guard let pattern = written.string else { continue }
                do {
                    globs.append(try PathGlob(pattern))
                } catch {
                    problems.append(ToolError(LocalizedText(
                        en: "'\(pattern)': " + error.message.en, hi: "'\(pattern)': " + error.message.hi), at: written.location))
                }
            }
            var levels: [String: RuleLevel] = [:]
            var locations: [String: SourceLocation] = [:]
            for entry in item["rules"]?.object?.entries ?? [] {
                guard checkRuleID(entry.key, at: entry.keyLocation, into: &problems) else { continue }
                levels[entry.key] = entry.value.string.flatMap(RuleLevel.init(rawValue:))
                locations[entry.key] = entry.value.location
            }
            configuration.overrides.append(Configuration.Override(paths: globs, rules: levels, locations: locations))
        }

        configuration.failSeverity = root["failSeverity"]?.string.flatMap(Severity.init(rawValue:))
        if let base = root["helpBaseURI"]?.string { configuration.helpBaseURI = base }
        if let policy = root["pack"]?["unplayableQuestions"]?.string.flatMap(UnplayableQuestionPolicy.init(rawValue:)) {
            configuration.packing.unplayableQuestions = policy
        }

        for entry in root["libraries"]?.object?.entries ?? [] {
            let source: LibrarySource?
            if entry.value.string == "builtin" {
                source = .builtin
            } else if let path = entry.value["path"]?.string {
                source = .folder(path)
            } else if let url = entry.value["git"]?.string, let tag = entry.value["tag"]?.string {
                source = .git(url: url, tag: tag, path: entry.value["subfolder"]?.string)
            } else {
                source = nil
            }
            if let source {
                configuration.libraries.append(LibraryDeclaration(name: entry.key, source: source, location: entry.keyLocation))
            }
        }

        for item in root["competencies"]?.array ?? [] {
            guard let area = item["area"]?.string, let theme = item["theme"]?.string else { continue }
            let subThemes = item["subThemes"]?.array?.compactMap(\.string) ?? []
            configuration.competencies[area, default: [:]][theme, default: []].formUnion(subThemes)
        }

        configuration.policy = PolicyContextReader(schemas: schemas).read(root, directory: directory, file: file, problems: &problems)
        problems += configuration.parameterProblems()
        problems += configuration.lockProblems()
        problems = problems.enumerated().filter { index, problem in
            // Keep schema problems; drop a later check at a place the schema already flagged.
            index < schemaProblemCount || problem.location.map { !schemaLocations.contains($0) } ?? true
        }.map(\.element)
        if !problems.isEmpty { throw Self.combine(problems) }
        return configuration
    }

    private func checkRuleID(_ id: String, at location: SourceLocation, into problems: inout [ToolError]) -> Bool {
        guard !catalog.isKnown(id) else { return true }
        let suggestion = catalog.didYouMean(id)
        problems.append(ToolError(LocalizedText(
            en: "unknown rule '\(id)'\(suggestion.en); docs/rules/ lists every rule",
            hi: "अज्ञात नियम '\(id)'\(suggestion.hi); सभी नियमों की सूची docs/rules/ में है"), at: location))
        return false
    }

    /// One error for several problems: the first (in file order) is the headline, the others
    /// follow on their own lines, each with its location.
    static func combine(_ problems: [ToolError]) -> ToolError {
        let sorted = problems.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: l < r
            case (nil, _?): false
            case (_?, nil): true
            default: a.offset < b.offset
            }
        }.map(\.element)
        guard var first = sorted.first else { return ToolError(LocalizedText(en: "invalid configuration", hi: "अमान्य कॉन्फ़िगरेशन")) }
        for other in sorted.dropFirst() {
            first.message.en += "\n" + other.text(in: .en)
            first.message.hi += "\n" + other.text(in: .hi)
        }
        return first
    }

    static func displayPath(_ url: URL, base: URL) -> String {
        let basePath = base.standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = basePath == "/" ? "/" : basePath + "/"
        return url.path.hasPrefix(prefix) ? String(url.path.dropFirst(prefix.count)) : url.path
    }
}
