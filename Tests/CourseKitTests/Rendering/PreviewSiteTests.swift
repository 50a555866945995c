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
