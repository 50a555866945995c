import Foundation
import Testing
@testable import CourseKit

/// Runs every rule's examples from `RuleRegistry` through the real pipeline, in the style of
/// swift-format's rule tests: each example's files are written into a temporary repository
/// (markers `1️⃣`… removed), validated — or packed, for `pack-*` rules, or zipped and verified,
/// for `archive-*` rules — and the findings of the rule must sit exactly at the markers
/// (`file:line:column`, columns in code points): each marker has one or more, none is elsewhere. A non-triggering example must give none.
/// Files may be FIFOs (`RuleExample.File.fifo`), archives may hold names coursekit's own writer
/// refuses (`HostileZip`), and the configuration may carry markers.
@Suite("Rule examples")
struct RuleExamplesTests {
    /// Every rule coursekit can report.
    static let rules = RuleRegistry.all

    @Test func everyRuleHasATriggeringAndANonTriggeringExample() {
        for rule in Self.rules {
            #expect(!rule.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
            #expect(!rule.nonTriggeringExamples.isEmpty, "\(rule.id) has no non-triggering example")
        }
    }

    @Test func theRegistryHasEveryRuleOnceAndTheIDNamespacesAgree() {
        let ids = Self.rules.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        for id in CoreRule.allCases.map(\.id) { #expect(RuleRegistry.descriptor(for: id)?.kind == .structural, "\(id)") }
        for id in SuppressionRule.allCases.map(\.id) { #expect(RuleRegistry.descriptor(for: id)?.kind == .suppression, "\(id)") }
        for id in ArchiveRule.allCases.map(\.id) { #expect(RuleRegistry.descriptor(for: id)?.kind == .archive, "\(id)") }
        for id in PackRule.allCases.map(\.id) { #expect(RuleRegistry.descriptor(for: id)?.kind == .pack, "\(id)") }
        let policy = PolicyPack.builtIn.values.flatMap { $0.rules.map { $0.descriptor.id } }
        for id in policy { #expect(RuleRegistry.descriptor(for: id)?.kind == .policy, "\(id)") }
        #expect(ids.count == CoreRule.allCases.count + SuppressionRule.allCases.count + ArchiveRule.allCases.count
            + PackRule.allCases.count + Set(policy).count)
        // Configuration knows every one of them.
        let catalog = RuleCatalog()
        for id in ids { #expect(catalog.isKnown(id), "\(id)") }
    }

    /// Each kind of rule (structural, suppression, policy, pack, archive) has a triggering
    /// example with a marker after Devanagari text on its line, so columns are checked in
    /// characters (code points), not bytes.
    @Test(arguments: RuleKind.allCases)
    func someExampleOfEachKindChecksColumnsOnADevanagariLine(_ kind: RuleKind) {
        let files = Self.rules.filter { $0.kind == kind }.flatMap(\.triggeringExamples).flatMap(\.files)
        let devanagari = (files + files.flatMap(\.entries)).contains { file in
            file.text.split(separator: "\n").contains { line in
                guard let marker = line.firstIndex(where: { RuleExample.markers.contains($0) }) else { return false }
                return line[..<marker].unicodeScalars.contains { (0x0900...0x097F).contains($0.value) }
            }
        }
        #expect(devanagari, "no \(kind) rule example has a marker on a Devanagari line")
    }

    @Test func markersGiveCodePointColumns() {
        let (text, marks) = RuleExample.strip("a: 1\nयह चित्र: 1️⃣x\n2️⃣")
        #expect(text == "a: 1\nयह चित्र: x\n")
        #expect(marks.map { "\($0.line):\($0.column)" } == ["2:11", "3:1"])
    }

    @Test(arguments: RuleRegistry.all.filter { $0.kind != .archive && $0.kind != .pack }.map(\.id))
    func sourceRuleExamples(_ id: String) throws {
        let rule = try #require(RuleRegistry.descriptor(for: id))
        try Self.check(rule) { example in try Self.validate(example, rule: rule) }
    }

    @Test(arguments: RuleRegistry.pack.map(\.id))
    func packRuleExamples(_ id: String) throws {
        let rule = try #require(RuleRegistry.descriptor(for: id))
        try Self.check(rule) { example in try Self.pack(example, rule: rule) }
    }

    @Test(arguments: RuleRegistry.archive.map(\.id))
    func archiveRuleExamples(_ id: String) throws {
        let rule = try #require(RuleRegistry.descriptor(for: id))
        try Self.check(rule) { example in try Self.verify(example, rule: rule) }
    }

    // MARK: - Runners

    static func check(_ rule: RuleDescriptor, run: (RuleExample) throws -> (expected: [String], found: [String])) throws {
        for (index, example) in rule.triggeringExamples.enumerated() {
            let (expected, found) = try run(example)
            #expect(!expected.isEmpty, "\(rule.id) triggering example \(index + 1) has no marker")
            // Every marker has a finding of the rule (one or more) and no finding is elsewhere.
            #expect(Set(found) == Set(expected), "\(rule.id) triggering example \(index + 1): expected \(expected), found \(found)")
        }
        for (index, example) in rule.nonTriggeringExamples.enumerated() {
            let (expected, found) = try run(example)
            #expect(expected.isEmpty, "\(rule.id) non-triggering example \(index + 1) has a marker")
            #expect(found.isEmpty, "\(rule.id) non-triggering example \(index + 1) triggered: \(found)")
        }
    }

    /// Writes the example's files (markers removed) under `folder`; returns the markers as
    /// `path:line:column`, with `prefix` before each path.
    static func write(_ example: RuleExample, into folder: URL, prefix: String = "") throws -> [String] {
        var expected: [String] = []
        for file in example.files {
            let (text, marks) = RuleExample.strip(file.text)
            expected += marks.map { "\(prefix)\(file.path):\($0.line):\($0.column)" }
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if file.fifo {
                #expect(mkfifo(url.path, 0o644) == 0, "cannot make the FIFO \(file.path)")
                continue
            }
            let data = file.latin1 ? try #require(text.data(using: .isoLatin1)) : Data(text.utf8)
            try data.write(to: url)
        }
        return expected.sorted()
    }

    static func repository(_ example: RuleExample) throws -> (URL, [String], ValidationOptions) {
        let folder = TestTemporary.url("rule-example").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var expected = try write(example, into: folder)
        // The configuration may carry markers too (a finding about a declaration in coursekit.yaml).
        let (configText, marks) = RuleExample.strip(example.configuration ?? "")
        expected = (expected + marks.map { "coursekit.yaml:\($0.line):\($0.column)" }).sorted()
        let config = folder.appendingPathComponent("coursekit.yaml")
        try Data(configText.utf8).write(to: config)
        let schemas = try ConfigFixtures.schemas()
        let configuration = try ConfigurationLoader(schemas: schemas).load(fileAt: config, workingDirectory: folder)
        return (folder, expected, ValidationOptions(workingDirectory: folder, configuration: configuration, schemas: schemas))
    }

    static func validate(_ example: RuleExample, rule: RuleDescriptor) throws -> (expected: [String], found: [String]) {
        let (_, expected, options) = try repository(example)
        let result = try Validator(options: options).validate(paths: ["."])
        return (expected, result.findings.filter { $0.ruleID == rule.id }.map(\.location.description).sorted())
    }

    static func pack(_ example: RuleExample, rule: RuleDescriptor) throws -> (expected: [String], found: [String]) {
        let (folder, expected, options) = try repository(example)
        var packager = CoursePackager(workingDirectory: folder, output: folder.appendingPathComponent("dist"), options: options)
        if let policy = example.options["unplayableQuestions"].flatMap(UnplayableQuestionPolicy.init(rawValue:)) {
            packager.unplayableQuestions = policy
        }
        let result = try packager.pack(paths: ["."])
        return (expected, result.findings.filter { $0.ruleID == rule.id }.map(\.location.description).sorted())
    }

    /// Zips the example's files as an archive `example.ecar` and verifies it. A file named `!`
    /// is not an entry: its marker stands for the archive as a whole (`example.ecar:1:1`), and
    /// its text, when there is any, is written as the archive instead of a zip. A
    /// `checksums.sha256` whose last line is `auto` (or `auto except PATH…`) lists every other entry
    /// there with its real digest.
    static func verify(_ example: RuleExample, rule: RuleDescriptor) throws -> (expected: [String], found: [String]) {
        let folder = TestTemporary.url("archive-example").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var expected: [String] = []
        var entries: [(path: String, data: Data)] = []
        var raw: Data?
        for file in example.files {
            let (text, marks) = RuleExample.strip(file.text)
            if file.path == "!" {
                expected += marks.map { "example.ecar:\($0.line):\($0.column)" }
                if !text.isEmpty { raw = Data(text.utf8) }
                continue
            }
            expected += marks.map { "example.ecar!/\(file.path):\($0.line):\($0.column)" }
            if file.entries.isEmpty {
                entries.append((file.path, Data(text.utf8)))
            } else {
                let inner = file.entries.map { ZipEntry.data($0.path, Data($0.text.utf8)) }.sorted { $0.path < $1.path }
                entries.append((file.path, try ZipArchiveWriter().archiveData(inner)))
            }
        }
        if let index = entries.firstIndex(where: { $0.path == "checksums.sha256" }),
           let text = String(data: entries[index].data, encoding: .utf8),
           let last = text.split(separator: "\n", omittingEmptySubsequences: false).last, last.hasPrefix("auto") {
            let except = Set(last.dropFirst(4).split(separator: " ").dropFirst().map(String.init))
            let digests = entries.filter { $0.path != "checksums.sha256" && !except.contains($0.path) }.sorted { $0.path < $1.path }
                .map { (path: $0.path, digest: SHA256Hex.digest($0.data)) }
            entries[index].data = Data((String(text.dropLast(last.count)) + ChecksumList.render(digests)).utf8)
        }
        let url = folder.appendingPathComponent("example.ecar")
        let sorted = entries.sorted { $0.path < $1.path }
        if let raw {
            try raw.write(to: url)
        } else if sorted.contains(where: { ArchiveEntryName.problem(with: $0.path) != nil }) {
            // Names coursekit's own writer refuses (`..`, absolute paths) go in through libarchive.
            try HostileZip.build(sorted.map { .file($0.path, $0.data) }, to: url)
        } else {
            try ZipArchiveWriter().write(sorted.map { ZipEntry.data($0.path, $0.data) }, to: url)
        }
        var verifier = ArchiveVerifier()
        if let limit = example.options["onlineOnlyLimit"].flatMap(Int64.init) {
            verifier = ArchiveVerifier(onlineOnlyLimit: limit)
        }
        let findings = verifier.verify(url, displayPath: "example.ecar")
        return (expected.sorted(), findings.filter { $0.ruleID == rule.id }.map(\.location.description).sorted())
    }
}
