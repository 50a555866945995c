import Foundation
import Testing
@testable import CourseKit

@Suite("Reading archives safely")
struct ArchiveReaderTests {
    /// Opens `items` as a hostile archive and returns the error reading every entry raises.
    func refusal(_ items: [HostileZip.Item], limits: ArchiveLimits = ArchiveLimits()) throws -> ArchiveError? {
        let scratch = try ScratchFolder("hostile")
        let url = scratch.file("hostile.zip")
        try HostileZip.build(items, to: url)
        return refusal(at: url, limits: limits)
    }

    func refusal(at url: URL, limits: ArchiveLimits = ArchiveLimits()) -> ArchiveError? {
        do {
            let reader = try ArchiveReader(contentsOf: url, limits: limits)
            while try reader.nextEntry() != nil {
                try reader.readChunks { _ in }
            }
            return nil
        } catch {
            return error
        }
    }

    @Test func readsEntriesAndDataFromFileAndMemory() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("ok.zip")
        try HostileZip.build([
            .directory("lessons/"),
            .file("lessons/a.html", Data("<p>a</p>".utf8)),
            .file("manifest.json", Data("{}".utf8)),
        ], to: url)
        let fromFile = try readAll(ArchiveReader(contentsOf: url))
        #expect(fromFile.map(\.0.name) == ["lessons", "lessons/a.html", "manifest.json"])
        #expect(fromFile.map(\.0.type) == [.directory, .file, .file])
        #expect(fromFile[1].0.declaredSize == 8)
        #expect(String(decoding: fromFile[1].1, as: UTF8.self) == "<p>a</p>")
        let fromMemory = try readAll(ArchiveReader(data: Data(contentsOf: url), displayName: "ok.zip"))
        #expect(fromMemory.map(\.0.name) == fromFile.map(\.0.name))
        #expect(fromMemory.map(\.1) == fromFile.map(\.1))
    }

    @Test func readDataStopsAtTheCap() throws {
        let scratch = try ScratchFolder()
        let url = scratch.file("big.zip")
        try ZipArchiveWriter().write([.data("big.txt", Data(repeating: 65, count: 100_000))], to: url)
        let reader = try ArchiveReader(contentsOf: url)
        _ = try reader.nextEntry()
        let error = #expect(throws: ArchiveError.self) { try reader.readData(maximumSize: 10_000) }
        #expect(error?.kind == .entryTooLarge)
    }

    @Test func refusesAbsolutePaths() throws {
        let error = try refusal([.file("/etc/cron.d/evil", Data("x".utf8))])
        #expect(error?.kind == .absolutePath)
        #expect(error?.message.en.contains("/etc/cron.d/evil") == true)
        #expect(error?.message.hi.contains("निरपेक्ष") == true)
    }

    @Test func refusesParentComponents() throws {
        #expect(try refusal([.file("../outside.txt", Data("x".utf8))])?.kind == .parentComponent)
        #expect(try refusal([.file("do_1/../../x", Data("x".utf8))])?.kind == .parentComponent)
    }

    @Test func refusesSymbolicLinks() throws {
        let error = try refusal([.symlink("do_1/passwd", target: "/etc/passwd")])
        #expect(error?.kind == .link)
        #expect(error?.entry == "do_1/passwd")
    }

    /// libarchive's seekable zip reader reports entries whose central-directory mode says FIFO
    /// or device as regular files; the reader's own check refuses them if it ever did not.
    /// Either way nothing but files and folders comes out.
    @Test func neverYieldsFIFOsOrDevices() throws {
        let scratch = try ScratchFolder("fifo")
        let url = scratch.file("fifo.zip")
        for mode: UInt32 in [0o010644, 0o060644, 0o020644, 0o140644] {
            try HostileZip.build([.file("pipe", Data("x".utf8))], to: url)
            try HostileZip.setCentralDirectoryMode(mode, in: url)
            do {
                let entries = try readAll(ArchiveReader(contentsOf: url))
                #expect(entries.map(\.0.type) == [.file])
            } catch let error as ArchiveError {
                #expect(error.kind == .specialFile)
            }
        }
    }

    @Test func refusesDuplicateNames() throws {
        let error = try refusal([.file("manifest.json", Data("{}".utf8)), .file("manifest.json", Data("[]".utf8))])
        #expect(error?.kind == .duplicateName)
        #expect(error?.entry == "manifest.json")
    }

    @Test func refusesNamesDifferingOnlyByCase() throws {
        let error = try refusal([.file("do_1/index.html", Data()), .file("do_1/INDEX.html", Data())])
        #expect(error?.kind == .caseCollision)
        #expect(error?.message.en.contains("do_1/index.html") == true)
    }

    @Test func refusesNamesThatAreNotUTF8() throws {
        let error = try refusal([.rawName([0x61, 0xFF, 0xFE, 0x2E, 0x74, 0x78, 0x74], Data("x".utf8))])
        #expect(error?.kind == .invalidName)
    }

    @Test func refusesAZipBombByItsExpansionRatio() throws {
        // 50 MB of zeros deflate to about 50 KB: a ratio near 1000:1.
        let scratch = try ScratchFolder("bomb")
        let url = scratch.file("bomb.zip")
        try HostileZip.build([.zeros("do_1/zeros.bin", size: 50_000_000)], to: url)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        #expect(size < 200_000)
        let reader = try ArchiveReader(contentsOf: url)
        _ = try reader.nextEntry()
        var produced = 0
        let error = #expect(throws: ArchiveError.self) { try reader.readChunks { produced += $0.count } }
        #expect(error?.kind == .compressionRatio)
        // Stopped early, long before the 50 MB were produced.
        #expect(produced < 4_000_000)
        // The reader stays failed.
        #expect(throws: ArchiveError.self) { _ = try reader.nextEntry() }
    }

    @Test func refusesEntriesOverTheSizeLimits() throws {
        let limits = ArchiveLimits(maximumEntrySize: 100_000, maximumTotalSize: 150_000, maximumCompressionRatio: 10_000)
        // Declared size over the limit: refused at the header, before any data.
        #expect(try refusal([.zeros("big.bin", size: 200_000)], limits: limits)?.kind == .entryTooLarge)
        // Each under the limit, but together over the total.
        let total = try refusal([.zeros("a.bin", size: 90_000), .zeros("b.bin", size: 90_000)], limits: limits)
        #expect(total?.kind == .totalTooLarge)
    }

    @Test func refusesTooManyEntries() throws {
        let items = (0..<5).map { HostileZip.Item.file("f\($0).txt", Data("x".utf8)) }
        #expect(try refusal(items, limits: ArchiveLimits(maximumEntries: 4))?.kind == .tooManyEntries)
    }

    @Test func refusesFilesThatAreNotZips() throws {
        let scratch = try ScratchFolder()
        let url = try scratch.write("notes.ecar", "this is not a zip archive")
        let error = #expect(throws: ArchiveError.self) { _ = try ArchiveReader(contentsOf: url) }
        #expect(error?.kind == .format)
        let missing = #expect(throws: ArchiveError.self) { _ = try ArchiveReader(contentsOf: scratch.file("nope.ecar")) }
        #expect(missing?.kind == .io)
    }
}
