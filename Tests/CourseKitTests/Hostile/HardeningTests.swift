import Foundation
import Testing
@testable import CourseKit

/// Regression tests for each hardening fix, at the level of the function that was fixed (the
/// corpus in `HostileCorpusTests` checks the same classes end to end through the binary).
@Suite("Hardening")
struct HardeningTests {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    // MARK: One terminal-escaping function

    @Test func terminalTextShowsControlCharactersVisibly() {
        #expect(TerminalText.escape("a\u{1B}[2Jb") == #"a\e[2Jb"#)
        #expect(TerminalText.escape("x\ny\rz\u{07}\u{0}") == #"x\ny\rz\x07\0"#)
        #expect(TerminalText.escape("\u{9B}31m\u{7F}") == #"\x9b31m\x7f"#)
        #expect(TerminalText.escape("abc\u{202E}def") == #"abc\u{202E}def"#)
        #expect(TerminalText.escape("पाठ\tएक") == #"पाठ\tएक"#)
        #expect(TerminalText.escape("पाठ\tएक", keepTabs: true) == "पाठ\tएक")
        #expect(TerminalText.escape("courses/ai/intro.hi.md") == "courses/ai/intro.hi.md")
    }

    @Test func textReportEscapesNamesMessagesAndSnippets() throws {
        let scratch = try ScratchFolder("terminal")
        try scratch.write("x.md", "line \u{1B}]0;title\u{07} here\n")
        let finding = Finding(.brokenLink, at: SourceLocation(file: "a\u{1B}[2J\nforged.md", line: 1, column: 1), LocalizedText(en: "link 'x\u{1B}[31m' is broken", hi: "x"))
        let snippetFinding = Finding(.brokenLink, at: SourceLocation(file: "x.md", line: 1, column: 6), LocalizedText(en: "m", hi: "m"))
        let result = ValidationResult(findings: [finding, snippetFinding], checkedFiles: [], rules: [], suppressedCount: 0, repositoryRoot: nil, displayBase: nil)
        let text = TextReporter(useColor: false, sourceBase: scratch.url).render(result, language: .en)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(text.contains(#"a\e[2J\nforged.md:1:1"#))
        #expect(text.contains(#"x\e[31m"#))
        #expect(text.contains(#"line \e]0;title\x07 here"#))
        let github = GitHubReporter().render(result, language: .en)
        #expect(!github.unicodeScalars.contains { $0.value == 0x1B })
    }

    // MARK: Checked arithmetic

    @Test func durationsOverTheLimitAreNotDurations() {
        #expect(ISODuration.seconds("P999999999999999D") == nil)
        #expect(ISODuration.seconds("PT99999999999999999999H") == nil)
        #expect(ISODuration.seconds("P36600D") == 36_600 * 86_400)
        #expect(ISODuration.seconds("P36601D") == nil)
        #expect(ISODuration.seconds("PT1H30M") == 5_400)
        #expect(ISODuration.sum([Int.max, 5]) == Int.max)
    }

    @Test func nonFiniteOrHugeParametersAreConfigurationErrors() throws {
        for literal in ["-.inf", ".inf", "-1e300", "1e10", ".nan"] {
            let values = try YAMLDocumentLoader().load(text: "maximumMinutes: \(literal)\n", path: "coursekit.yaml")
            #expect(throws: ToolError.self, "\(literal)") {
                _ = try FieldLessonLength(options: RuleOptions(ruleID: "field-lesson-length", values: values.object))
            }
        }
        let hours = try YAMLDocumentLoader().load(text: "minimumHoursPerDay: -1e300\n", path: "coursekit.yaml")
        #expect(throws: ToolError.self) {
            _ = try SevenDayProgramme(options: RuleOptions(ruleID: "seven-day-programme", values: hours.object))
        }
        let duration = try YAMLDocumentLoader().load(text: "minimumDuration: P999999999999999D\n", path: "coursekit.yaml")
        #expect(throws: ToolError.self) {
            _ = try AIModuleRequired(options: RuleOptions(ruleID: "ai-module-required", values: duration.object))
        }
    }

    // MARK: Iterative walks

    @Test func deeplyNestedEmphasisInAltTextAndHeadings() throws {
        let depth = 50_000
        let nested = String(repeating: "*a ", count: depth) + "x" + String(repeating: " a*", count: depth)
        let document = try MarkdownDocument.parse(text: "# \(nested)\n\n![\(nested)](i.png)\n", path: "deep.md")
        #expect(document.references.count == 1)
        #expect(document.references[0].text.hasSuffix("x" + String(repeating: " a", count: 3)) || document.references[0].text.contains("x"))
        #expect(document.headings.count == 1)
        _ = document.renderHTML()
    }

    @Test func inspectShowsDeepChainsUpToALimit() throws {
        let scratch = try ScratchFolder("inspect-deep")
        let depth = 30_000
        var items: [String] = []
        for index in 0..<depth {
            let children = index + 1 < depth ? #"[{"identifier":"do_\#(index + 1)"}]"# : "[]"
            items.append(#"{"identifier":"do_\#(index)","name":"n","children":\#(children)}"#)
        }
        let manifest = #"{"id":"sunbird.content.archive","ver":"1.2","archive":{"count":\#(depth),"items":[\#(items.joined(separator: ","))]}}"#
        let url = scratch.file("chain.ecar")
        try HostileZip.build([.file("manifest.json", Data(manifest.utf8))], to: url)
        let tree = try ArchiveInspector().inspect(url)
        #expect(tree.root.omitted > 0)
        let text = tree.render()
        #expect(text.split(separator: "\n").count == ArchiveTree.maximumDepth + 2)
        #expect(text.contains("not shown"))
    }

    @Test func archiveNamesHaveABoundedDepthAndLength() {
        let deep = Array(repeating: "d", count: 30_000).joined(separator: "/")
        #expect(ArchiveEntryName.problem(with: deep)?.kind == .invalidName)
        #expect(ArchiveEntryName.problem(with: String(repeating: "x", count: 5_000))?.kind == .invalidName)
        let allowed = Array(repeating: "d", count: ArchiveEntryName.maximumDepth).joined(separator: "/")
        #expect(ArchiveEntryName.problem(with: allowed) == nil)
    }

    // MARK: Linear algorithms

    @Test func pathologicalGlobsAreLinear() throws {
        let pattern = Array(repeating: "**/a", count: 31).joined(separator: "/") + "/b"
        let glob = try PathGlob(pattern)
        let path = Array(repeating: "a", count: 200).joined(separator: "/") + "/c"
        let elapsed = Self.seconds { #expect(!glob.matches(path)) }
        #expect(elapsed < 1)
        #expect(glob.matches(Array(repeating: "a", count: 40).joined(separator: "/") + "/b"))
        #expect(throws: PathGlobError.self) { try PathGlob(Array(repeating: "**/a", count: 40).joined(separator: "/")) }
        // Semantics kept: `**` matches no segment too, and a folder match covers what is below.
        #expect(try PathGlob("courses/**/x.md").matches("courses/x.md"))
        #expect(try PathGlob("courses/police").matches("courses/police/modules/m.yaml"))
        #expect(try PathGlob("**/*.hi.md").matches("a/b/intro.hi.md"))
        #expect(try !PathGlob("a/*/c").matches("a/c"))
    }

    @Test func stackedSuppressionsAreLinearAndBounded() {
        let directives = String(repeating: "# coursekit-disable-next-line schema-value -- reason\n", count: 60_000)
        var suppressions: [Suppression] = []
        let elapsed = Self.seconds {
            suppressions = SuppressionScanner.scan(directives + "key: value\n", file: "f.yaml", markdown: false)
        }
        #expect(elapsed < 5)
        #expect(suppressions.count == SuppressionScanner.maximumPerFile)
        let limited = SuppressionScanner.scanWithLimit(directives, file: "f.yaml", markdown: false)
        #expect(limited.limit?.ruleID == "input-limit" && limited.limit?.location.line == SuppressionScanner.maximumPerFile + 1)
        let small = SuppressionScanner.scan("# coursekit-disable-next-line a -- r\n# coursekit-disable-next-line b -- r\nx: 1\n", file: "f.yaml", markdown: false)
        #expect(small.map(\.scope) == [.line(3), .line(3)])
    }

    @Test func manyLinksOnOneLineAreLinear() throws {
        let line = "अ " + String(repeating: "[x](m.md) ", count: 200_000)
        var document: MarkdownDocument?
        let elapsed = try Self.seconds { document = try MarkdownDocument.parse(text: "# x\n\n" + line + "\n", path: "l.md") }
        #expect(elapsed < 30)
        #expect(document?.references.count == MarkdownDocument.maximumReferences)
        #expect(document?.omittedReferences == 200_000 - MarkdownDocument.maximumReferences)
        #expect(document?.references[1].location.column == 13)
        // The incremental mapper agrees with the one-off conversion.
        let text = "अबc [x](y) दे [z](w)"
        let lines = [Substring(text)]
        let mapper = ColumnMapper(text: text)
        for byte in [1, 4, 7, 9, 12, 16, 22, 4, 8] {  // scalar boundaries, as cmark reports
            #expect(mapper.scalarColumn(byteColumn: byte, line: 1) == MarkdownDocument.scalarColumn(byteColumn: byte, in: lines, line: 1))
        }
    }

    @Test func hugeTablesAreNotBuiltAsTables() throws {
        let table = String(repeating: "|a", count: 50_000) + "|\n" + String(repeating: "|-", count: 50_000) + "|\n" + String(repeating: "|x\n", count: 5_000)
        #expect(MarkdownDocument.tableCells(table) > MarkdownDocument.maximumTableCells)
        var document: MarkdownDocument?
        let elapsed = try Self.seconds { document = try MarkdownDocument.parse(text: "# t\n\n" + table, path: "t.md") }
        #expect(elapsed < 20)
        #expect(document?.tablesOmitted == true)
        #expect(!(document?.renderHTML().contains("<table") ?? true))
        let small = try MarkdownDocument.parse(text: "| a | b |\n| --- | :-: |\n| 1 | 2 |\n", path: "s.md")
        #expect(!small.tablesOmitted && small.renderHTML().contains("<table"))
        #expect(MarkdownDocument.tableCells("| a | b |\n| --- | :-: |\n| 1 | 2 |\n\n- a list\n") == 6)
    }

    @Test func snippetWindowsOnLongLinesCostTheirWidth() {
        let line = SourceLines.Line(Substring(String(repeating: "[x](m.md) ", count: 200_000)))
        let elapsed = Self.seconds {
            for column in stride(from: 1, to: 2_000_000, by: 10) {
                _ = TextReporter.window(of: line, around: column)
            }
        }
        #expect(elapsed < 20)
        let (window, column) = TextReporter.window(of: line, around: 1_000_001)
        #expect(Array(window.unicodeScalars)[column - 1] == "[")
    }

    @Test func snippetsReadABoundedPrefixOfRegularFilesOnly() throws {
        let scratch = try ScratchFolder("snippets")
        let big = scratch.file("big.yaml")
        try Data("first line\n".utf8).write(to: big)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        let lines = SourceLines(base: scratch.url)
        #expect(lines.line(1, of: "big.yaml") == "first line")
        #expect(mkfifo(scratch.file("fifo.yaml").path, 0o644) == 0)
        #expect(lines.line(1, of: "fifo.yaml")?.isEmpty ?? true)  // would block forever if opened
    }

    @Test func manyKeysAndAliasKeysAreRefusedBeforeComposing() throws {
        let keys = (0..<50_000).map { "k\($0): 1" }.joined(separator: "\n")
        #expect { _ = try YAMLDocumentLoader().load(text: keys, path: "f.yaml") } throws: { error in
            (error as? DocumentLoadError)?.kind == .limit
        }
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let elapsed = Self.seconds {
            #expect { _ = try YAMLDocumentLoader(maximumNodeCount: 10_000_000_000).load(text: bomb + "? *i\n: 1\n", path: "f.yaml") } throws: { error in
                (error as? DocumentLoadError)?.kind == .unsupportedKey && (error as? DocumentLoadError)?.location.line == 10
            }
            #expect { _ = try YAMLDocumentLoader().load(text: bomb, path: "f.yaml") } throws: { error in
                (error as? DocumentLoadError)?.kind == .aliasExpansion
            }
        }
        #expect(elapsed < 5)
        // Ordinary anchors, aliases and merge keys still load, with the old semantics.
        let merged = try YAMLDocumentLoader().load(text: "d: &d {a: 1, b: 2}\ne: {<<: *d, b: 3, c: *d}\n", path: "f.yaml")
        #expect(merged["e"]?.object?.keys == ["a", "b", "c"])
        #expect(merged["e"]?["b"]?.int == 3)
        #expect(merged["e"]?["c"]?["a"]?.int == 1)
    }

    // MARK: cmark-gfm under threads

    @Test func parallelParsingGivesTheSameHTMLAsSerial() {
        // Half the lessons strike text through (`~`, parsed alone), half do not (parsed side by
        // side); both kinds carry autolinks.
        let texts = (0..<64).map { index in
            "# L\(index)\n\n" + (0..<20).map { line in
                "see www.example.com/\(index)/\(line) and https://example.org/\(index) or a@b.in"
                    + (index.isMultiple(of: 2) ? " ~~old~~" : " new")
            }.joined(separator: "\n") + "\n\n| a | b |\n| - | - |\n| \(index) | x |\n"
        }
        let serial = texts.map { CmarkTree.renderHTML($0) }
        // Without cmark-gfm's special-character table filled once up front (CmarkExtensions),
        // this failed about every other run (an autolink or strikethrough missing in some lessons).
        for _ in 0..<40 {
            let slots = ResultSlots<String>(count: texts.count)
            DispatchQueue.concurrentPerform(iterations: texts.count) { index in
                _ = try? MarkdownDocument.parse(text: texts[index], path: "x.md")
                slots.set(index, CmarkTree.renderHTML(texts[index]))
            }
            let differing = zip(slots.values, serial).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            #expect(differing.isEmpty, "lessons rendered differently in parallel: \(differing)")
        }
        #expect(serial[3].contains(#"<a href="http://www.example.com/3/0">"#))
        #expect(serial[2].contains("<del>old</del>"))
    }

    @Test func packingManyCoursesInParallelIsReproducible() throws {
        let scratch = try ScratchFolder("parallel-pack")
        let root = scratch.file("repo")
        try HostileCorpus.base(root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("courses/demo"))
        for index in 0..<24 {
            let lesson = (0..<40).map { "Line \($0): www.example.com/\(index)/\($0), https://example.org/p\($0) and mail@example.in ~~x~~" }
                .joined(separator: "\n\n")
            try HostileCorpus.write(root, "courses/c\(index)/course.yaml", HostileCorpus.course(id: "course-\(index)"))
            try HostileCorpus.write(root, "courses/c\(index)/modules/intro/module.yaml",
                                    HostileCorpus.module().replacingOccurrences(of: "id: intro", with: "id: intro-\(index)"))
            try HostileCorpus.write(root, "courses/c\(index)/modules/intro/lessons/welcome.md", "# पाठ\n\n" + lesson + "\n")
            try HostileCorpus.write(root, "courses/c\(index)/modules/intro/lessons/welcome.en.md", "# Lesson\n\n" + lesson + "\n")
        }
        var runs: [[String: Data]] = []
        for run in 0..<6 {
            let output = scratch.file("dist-\(run)")
            let result = try CoursePackager(
                workingDirectory: root, output: output, environment: ["SOURCE_DATE_EPOCH": "1767225600"]
            ).pack(paths: ["courses"])
            #expect(result.archives.count == 48, "\(result.findings.map { "\($0.ruleID) \($0.message.en)" }.prefix(3))")
            var files: [String: Data] = [:]
            for archive in result.archives { files[archive.url.lastPathComponent] = try Data(contentsOf: archive.url) }
            runs.append(files)
        }
        for run in runs.dropFirst() {
            #expect(run.keys.sorted() == runs[0].keys.sorted())
            for (name, data) in run where data != runs[0][name] {
                Issue.record("\(name) differs between parallel runs")
            }
        }
    }

    // MARK: Images, empty lessons, active content

    @Test func imagesAreCheckedByExtensionAndSignature() throws {
        let scratch = try ScratchFolder("images")
        let repository = Repository(root: scratch.url, displayBase: scratch.url)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).write(to: scratch.file("ok.png"))
        try Data("SECRET=1\n".utf8).write(to: scratch.file("fake.png"))
        try Data("SECRET=1\n".utf8).write(to: scratch.file(".env"))
        try Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8).write(to: scratch.file("d.svg"))
        #expect(LessonImages.problem(with: RepositoryPath(normalizing: "ok.png")!, repository: repository) == nil)
        #expect(LessonImages.problem(with: RepositoryPath(normalizing: "d.svg")!, repository: repository) == nil)
        #expect(LessonImages.problem(with: RepositoryPath(normalizing: "fake.png")!, repository: repository) != nil)
        #expect(LessonImages.problem(with: RepositoryPath(normalizing: ".env")!, repository: repository) != nil)
        #expect(LessonImages.isRemote("HTTPS://x.example/a.png") && LessonImages.isRemote("//cdn.example/a.png"))
        #expect(!LessonImages.isRemote("../assets/a.png"))
        let html = MarkdownDocument(path: "x", frontMatter: nil, body: "![pixel](https://t.example/p.png) ![ok](a.png)\n", bodyLineOffset: 0, references: [], headings: [], wordCount: 0).renderHTML()
        #expect(!html.contains("t.example"))
        #expect(html.contains("[pixel]") && html.contains(#"src="a.png""#))
        #expect(LessonImages.isEmpty("\n  * \n---\n") && !LessonImages.isEmpty("एक"))
    }

    /// The SVG signature test reads bytes; it gives the verdict of the text-based test (BOM
    /// dropped, Unicode white space trimmed, `String.hasPrefix`) for every combination of lead,
    /// opening and what follows.
    @Test func svgSignatureOnBytesAgreesWithTheTextTest() {
        func textTest(_ head: [UInt8]) -> Bool {
            var text = String(decoding: head, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.hasPrefix("<svg") || text.hasPrefix("<?xml") || text.hasPrefix("<!--") || text.hasPrefix("<!DOCTYPE svg")
        }
        let leads: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], Array(" \t\r\n\u{0B}\u{0C}".utf8),
                                Array("\u{A0}".utf8), Array("\u{2028} ".utf8), Array("\u{85}".utf8), [0x1C], [0xFF], Array("x".utf8)]
        let openings = ["<svg", "<?xml", "<!--", "<!DOCTYPE svg", "<SVG", "<sv", "<html", "<!DOCTYPE html", "", "<"]
        let tails: [[UInt8]] = [[], Array(" xmlns='x'>".utf8), Array("\u{301}>".utf8), Array(">".utf8), [0xC3], Array("\n".utf8)]
        var compared = 0
        for lead in leads {
            for opening in openings {
                for tail in tails {
                    let head = lead + Array(opening.utf8) + tail
                    #expect(LessonImages.startsLikeSVG(head) == textTest(head), "\(head)")
                    compared += 1
                }
            }
        }
        #expect(compared == 600)
        #expect(LessonImages.startsLikeSVG(Array("\u{FEFF}\n  <svg xmlns='http://www.w3.org/2000/svg'/>".utf8)))
        #expect(!LessonImages.startsLikeSVG(Array("SECRET=1\n".utf8)))
    }

    @Test func activeContentIsFoundAcrossChunks() {
        func scan(_ text: String, chunk: Int) -> String? {
            var scanner = ActiveContentScanner()
            let bytes = Array(text.utf8)
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                bytes[start..<min(start + chunk, bytes.count)].withUnsafeBytes { scanner.feed($0) }
            }
            return scanner.found
        }
        for chunk in [1, 3, 7, 4_096] {
            #expect(scan("<p>x</p><SCRIPT>alert(1)</SCRIPT>", chunk: chunk) != nil)
            #expect(scan(#"<img src=x onerror = "alert(1)">"#, chunk: chunk) != nil)
            #expect(scan(#"<a href="JavaScript:alert(1)">"#, chunk: chunk) != nil)
            #expect(scan("<p>one=1, onion rings; scripts are described here</p>", chunk: chunk) == nil)
        }
    }

    @Test func verifyReportsScriptsInHTMLArchives() throws {
        let scratch = try ScratchFolder("active")
        let inner = try ZipArchiveWriter().archiveData([.data("index.html", Data("<html><script>steal()</script></html>".utf8))])
        let manifest = #"{"id":"sunbird.content.archive","ver":"1.2","ts":"2026-01-01T00:00:00Z","params":{"resmsgid":"x"},"archive":{"count":1,"ttl":24,"items":[{"identifier":"do_1","name":"L","objectType":"Content","mimeType":"application/vnd.ekstep.html-archive","artifactUrl":"do_1/l.zip"}]}}"#
        let url = scratch.file("s.ecar")
        try ZipArchiveWriter().write([.data("manifest.json", Data(manifest.utf8)), .data("do_1/l.zip", inner)], to: url)
        let findings = ArchiveVerifier().verify(url)
        #expect(findings.contains { $0.ruleID == ArchiveRule.activeContent.id && $0.message.en.contains("<script>") })
    }

    // MARK: Temporary files

    @Test func registeredTemporaryFilesAreRemovedOnDemand() throws {
        let scratch = try ScratchFolder("temporary")
        let file = scratch.file(".x.ecar.12345678.tmp")
        try Data("x".utf8).write(to: file)
        TemporaryFiles.register(file.path)
        // Only this test's file: packs running in parallel tests keep staged archives registered.
        TemporaryFiles.removeAll { $0 == file.path }
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let stale = scratch.file(".y.ecar.abcdefgh.tmp")
        try Data("x".utf8).write(to: stale)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3_600)], ofItemAtPath: stale.path)
        TemporaryFiles.removeStale(in: scratch.url)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }
}
