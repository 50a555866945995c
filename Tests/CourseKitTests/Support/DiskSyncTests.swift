import Foundation
import Testing
@testable import CourseKit

/// Archives reach the disk before they are renamed into place: pack flushes the output's file
/// system once (`syncfs`), or each file when it cannot.
@Suite("Flushing archives to disk before they are put in place")
struct DiskSyncTests {
    @Test func theFileSystemOfAFolderIsFlushedAtOnceOnLinux() throws {
        let scratch = try ScratchFolder()
        try Data("x".utf8).write(to: scratch.file("a.txt"))
        #if os(Linux)
        // Found at run time (dlsym): a failed lookup would silently cost one fsync per archive.
        #expect(DiskSync.flushFileSystem(containing: scratch.url))
        #endif
        #expect(!DiskSync.flushFileSystem(containing: scratch.file("no-such-folder")))
    }

    @Test func aSingleFileIsFlushedOrTheFailureSaysWhy() throws {
        let scratch = try ScratchFolder()
        try Data("x".utf8).write(to: scratch.file("a.txt"))
        #expect(DiskSync.flush(fileAt: scratch.file("a.txt").path))
        #expect(!DiskSync.flush(fileAt: scratch.file("gone.txt").path))
        #expect(errno == ENOENT)
    }

    @Test func stagedArchivesAreCommittedFlushedTogetherOrOneByOne() throws {
        let scratch = try ScratchFolder()
        let output = scratch.file("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let cache = PackCache(folder: nil)
        let staged = try (1...3).map { number in
            try cache.stage([.data("manifest.json", Data("{\"n\":\(number)}".utf8))], named: "c\(number).ecar", into: output)
        }
        #expect(staged.allSatisfy { $0.temporary != nil })
        #if os(Linux)
        #expect(PackCache.flushStaged(staged))
        #endif
        _ = try cache.commit(staged[0], flushed: true)
        _ = try cache.commit(staged[1], flushed: false)
        #expect(try ScratchFolder.listingOf(output).filter { !$0.hasPrefix(".") } == ["c1.ecar", "c2.ecar"])
        // A temporary file gone before its commit is reported, in both languages, not renamed.
        unlink(staged[2].temporary!.path)
        let error = #expect(throws: ArchiveError.self) { _ = try cache.commit(staged[2], flushed: false) }
        #expect(error?.message.en.contains("could not write c3.ecar to disk") == true)
        #expect(error?.message.hi.contains("डिस्क पर नहीं लिखा जा सका") == true)
        #expect(try ScratchFolder.listingOf(output) == ["c1.ecar", "c2.ecar"])
    }
}
