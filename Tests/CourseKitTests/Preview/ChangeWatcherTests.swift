import Foundation
import Testing
@testable import CourseKit

@Suite("Live preview: change watcher")
struct ChangeWatcherTests {
    func write(_ root: URL, _ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func seesChangesAdditionsAndRemovalsButNotHiddenOrPreviewFolders() throws {
        let root = TestTemporary.url("watch")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(root, "course.yaml", "id: a")
        try write(root, "modules/m/lessons/l.md", "# L")
        let watcher = ChangeWatcher(root: root)
        let first = watcher.snapshot()
        #expect(Set(first.files.keys) == ["course.yaml", "modules/m/lessons/l.md"])
        #expect(watcher.snapshot() == first)

        try write(root, ".git/index", "x")
        try write(root, "preview/\(PreviewSite.markerName)", "")
        try write(root, "preview/index.html", "x")
        #expect(watcher.snapshot() == first, "hidden folders and a preview folder are not watched")

        try write(root, "modules/m/lessons/l.md", "# Longer")
        let changed = watcher.snapshot()
        #expect(changed != first)
        try write(root, "modules/m/lessons/l.hi.md", "# L")
        let added = watcher.snapshot()
        #expect(added.files.count == 3)
        try FileManager.default.removeItem(at: root.appendingPathComponent("course.yaml"))
        #expect(watcher.snapshot().files.keys.sorted() == ["modules/m/lessons/l.hi.md", "modules/m/lessons/l.md"])
    }

    @Test func seesASameSizeRewriteByItsModificationTime() throws {
        let root = TestTemporary.url("watch-mtime")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(root, "a.md", "one")
        let watcher = ChangeWatcher(root: root)
        let before = watcher.snapshot()
        let later = Date().addingTimeInterval(5)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: root.appendingPathComponent("a.md").path)
        #expect(watcher.snapshot() != before)
    }

    @Test func stopsAtItsFileLimit() throws {
        let root = TestTemporary.url("watch-limit")
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<12 { try write(root, "f\(index).md", "x") }
        let snapshot = ChangeWatcher(root: root, maximumFiles: 5).snapshot()
        #expect(snapshot.files.count == 5)
        #expect(snapshot.truncated)
    }
}
