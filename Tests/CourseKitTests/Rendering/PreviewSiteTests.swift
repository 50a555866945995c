import Foundation
import Testing
@testable import CourseKit

@Suite("Preview site")
struct PreviewSiteTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func writesEveryLessonInEveryLanguageWithItsImages() throws {
        let catalogue = try Validator(workingDirectory: Self.packageRoot).loadCatalogue(paths: ["courses/anm-asha-maternal-newborn-care"])
        let output = TestTemporary.url("preview")
        let pages = try PreviewSite(catalogue: catalogue).write(to: output)
        let markdownEditions = catalogue.sortedModules.flatMap { $0.lessons.flatMap(\.editions) }.filter { $0.markdown != nil }
        #expect(pages == markdownEditions.count)
        let hindi = try String(contentsOf: output.appendingPathComponent(
            "files/courses/anm-asha-maternal-newborn-care/modules/antenatal-care-danger-signs/lessons/danger-signs.html"), encoding: .utf8)
        #expect(hindi.contains("<html lang=\"hi\" dir=\"ltr\">"))
        #expect(hindi.contains("ख़तरे"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(
            "files/courses/anm-asha-maternal-newborn-care/modules/antenatal-care-danger-signs/assets/danger-signs.hi.svg").path))
        #expect(!FileManager.default.fileExists(atPath: output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path))
    }

    @Test func lessonLinksPointAtPages() {
        let html = #"<a href="next.hi.md">x</a> <a href="https://a.example/b.md">y</a> <a href="../m/intro.md#part">z</a>"#
        #expect(PreviewSite.linkMarkdownToHTML(html)
            == #"<a href="next.hi.html">x</a> <a href="https://a.example/b.md">y</a> <a href="../m/intro.html#part">z</a>"#)
    }
}

@Suite("Preview owns its output folder")
struct PreviewOwnershipTests {
    func repository(_ scratch: ScratchFolder, lesson: String = "welcome.md") throws -> (Catalogue, URL) {
        let root = scratch.file("repo")
        try HostileCorpus.base(root)
        if lesson != "welcome.md" {
            let folder = root.appendingPathComponent("courses/demo/modules/intro/lessons")
            try FileManager.default.moveItem(at: folder.appendingPathComponent("welcome.md"), to: folder.appendingPathComponent(lesson))
            try FileManager.default.removeItem(at: folder.appendingPathComponent("welcome.en.md"))
            try HostileCorpus.write(root, "courses/demo/modules/intro/module.yaml", HostileCorpus.module(lesson: "'lessons/\(lesson)'"))
        }
        return (try Validator(workingDirectory: root).loadCatalogue(paths: ["courses"]), root)
    }

    @Test func refusesFoldersItDoesNotOwnAndReplacesItsOwn() throws {
        let scratch = try ScratchFolder("preview-own")
        let (catalogue, root) = try repository(scratch)
        let site = PreviewSite(catalogue: catalogue)
        for target in ["courses", "coursekit.yaml", ".", "..", "courses/demo/modules"] {
            #expect(throws: ToolError.self, "\(target)") { try site.write(to: root.appendingPathComponent(target)) }
        }
        let notes = root.appendingPathComponent("notes")
        try HostileCorpus.write(root, "notes/todo.txt", "mine")
        #expect(throws: ToolError.self) { try site.write(to: notes) }
        #expect(FileManager.default.fileExists(atPath: notes.appendingPathComponent("todo.txt").path))
        // Absent, then its own earlier preview: written and replaced.
        let output = root.appendingPathComponent("site")
        try site.write(to: output)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(PreviewSite.markerName).path))
        try HostileCorpus.write(root, "site/stale.html", "old")
        try site.write(to: output)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        // Nothing left beside it.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".site") }
        #expect(leftovers.isEmpty)
        // An empty folder is fine too.
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try site.write(to: empty)
    }

    @Test func refusesUnsafeIdsAndLanguagesEvenWhenSchemaChecksAreOff() throws {
        let scratch = try ScratchFolder("preview-ids")
        let (_, root) = try repository(scratch)
        for (id, languages) in [("../../../x", "[hi, en]"), ("demo", "[hi, '/../../x']"), ("demo", #"[hi, 'en"><script>']"#)] {
            try HostileCorpus.write(root, "courses/demo/course.yaml", HostileCorpus.course(id: id, languages: languages))
            var catalogue = try Validator(workingDirectory: root).loadCatalogue(paths: ["courses"])
            catalogue.findings = []  // as if every schema finding were switched off or suppressed
            #expect(throws: ToolError.self, "\(id) \(languages)") { try PreviewSite(catalogue: catalogue).write(to: root.appendingPathComponent("site")) }
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
        }
    }

    @Test func lessonFileNamesAreEscapedInPages() throws {
        let scratch = try ScratchFolder("preview-escape")
        let (catalogue, root) = try repository(scratch, lesson: #"x"><img src=x onerror=alert(1)>.md"#)
        try PreviewSite(catalogue: catalogue).write(to: root.appendingPathComponent("site"))
        let index = try String(contentsOf: root.appendingPathComponent("site/demo.hi.html"), encoding: .utf8)
        #expect(!index.contains("<img"))
        #expect(!index.contains(#""><"#))
    }
}
