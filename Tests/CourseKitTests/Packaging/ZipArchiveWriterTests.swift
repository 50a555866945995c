import Foundation
import Testing
@testable import CourseKit

@Suite("Writing reproducible zip archives")
struct ZipArchiveWriterTests {
    /// The DOS date 1980-01-01 00:00:00 as stored in zip headers.
    static let dosFloor: UInt32 = 0x0021_0000

    @Test func writesEntriesSortedWithCompressionByType() throws {
        let scratch = try ScratchFolder()
        let photo = Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        let text = Data(String(repeating: "नमस्ते coursekit ", count: 4_000).utf8)
        let destination = scratch.file("out.zip")
        try ZipArchiveWriter().write([
            .data("z/last.txt", text),
            .data("a/photo.JPG", photo),
            .data("m/page.html", text),
            .data("m/empty.txt", Data()),
        ], to: destination)

        let reader = try ArchiveReader(contentsOf: destination)
        var seen: [(String, Int64, Int64)] = []
        while let entry = try reader.nextEntry() {
            let data = try reader.readData(maximumSize: 1 << 20)
            seen.append((entry.name, Int64(data.count), reader.compressedBytesRead))
            #expect(entry.type == .file)
        }
        #expect(seen.map(\.0) == ["a/photo.JPG", "m/empty.txt", "m/page.html", "z/last.txt"])
        // A photo is stored as it is; text is deflated.
        #expect(seen[0].1 == Int64(photo.count) && seen[0].2 == Int64(photo.count))
        #expect(seen[2].2 < seen[2].1 / 10)
        #expect(try ScratchFolder.listingOf(scratch.url) == ["out.zip"])
    }

    @Test func headersCarryNoTimeOwnerOrVariableMode() throws {
        let scratch = try ScratchFolder()
        let destination = scratch.file("out.zip")
        try ZipArchiveWriter().write([.data("b.txt", Data("b".utf8)), .data("a.png", Data([1, 2, 3]))], to: destination)
        let headers = try ZipHeaders(Data(contentsOf: destination))
        #expect(headers.central.count == 2)
        for header in headers.local + headers.central {
            #expect(header.dosDateTime == Self.dosFloor)
            // No extended timestamp, no owner: no extra field at all.
            #expect(header.extra.isEmpty)
        }
        for header in headers.central {
            #expect(header.externalAttributes == (0o100644 << 16))
            #expect(header.madeBy >> 8 == 3, "made by Unix, so the mode is read")
        }
    }

    /// Entries of every kind the writer handles: in memory and from files, stored and
    /// deflated, empty, incompressible, and a file larger than the writer reads whole.
    static func mixedEntries(in scratch: ScratchFolder) throws -> (entries: [ZipEntry], contents: [String: Data]) {
        let text = Data(String(repeating: "स्वास्थ्य सेवा coursekit\n", count: 3_000).utf8)
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let media = scratch.file("clip.mp3"), large = scratch.file("notes.txt"), small = scratch.file("page.svg")
        try Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: media)
        try Data(String(repeating: "पंक्ति line\n", count: 20_000).utf8).write(to: large)
        let circles = (0..<50).map { "<circle cx='\($0)' cy='10' r='4'/>" }.joined()
        try Data("<svg xmlns='http://www.w3.org/2000/svg'>\(circles)</svg>".utf8).write(to: small)
        let entries: [ZipEntry] = [
            .data("manifest.json", text), .data("empty.txt", Data()), .data("noise.txt", noise),
            .file("media/clip.mp3", media), .file("notes.txt", large), .file("images/page.svg", small),
        ]
        var contents: [String: Data] = ["manifest.json": text, "empty.txt": Data(), "noise.txt": noise]
        contents["media/clip.mp3"] = try Data(contentsOf: media)
        contents["notes.txt"] = try Data(contentsOf: large)
        contents["images/page.svg"] = try Data(contentsOf: small)
        return (entries, contents)
    }

    /// What libarchive (coursekit's reader) finds in an archive, name by name.
    static func readBack(_ url: URL) throws -> [String: Data] {
        let reader = try ArchiveReader(contentsOf: url)
        var found: [String: Data] = [:]
        while let entry = try reader.nextEntry() {
            found[entry.name] = try reader.readData(maximumSize: 1 << 24)
        }
        return found
    }

    @Test func everyKindOfEntryReadsBackWithTheRightCRC() throws {
        let scratch = try ScratchFolder()
        let (entries, contents) = try Self.mixedEntries(in: scratch)
        var writer = ZipArchiveWriter()
        writer.wholeFileLimit = 100_000 // notes.txt (240 KB) is then copied in chunks and stored
        let destination = scratch.file("mixed.zip")
        try writer.write(entries, to: destination)
        #expect(try Self.readBack(destination) == contents)
        let headers = try ZipHeaders(Data(contentsOf: destination))
        let methods = Dictionary(uniqueKeysWithValues: headers.central.map { ($0.name, $0.method) })
        #expect(methods == ["manifest.json": 8, "images/page.svg": 8, "empty.txt": 0, "noise.txt": 0,
                            "media/clip.mp3": 0, "notes.txt": 0])
        // With the default limit the same text file is read whole and deflated.
        try ZipArchiveWriter().write(entries, to: destination)
        #expect(try Self.readBack(destination) == contents)
        #expect(try ZipHeaders(Data(contentsOf: destination)).central.first { $0.name == "notes.txt" }?.method == 8)
        if let unzip = RequiredTool.path("unzip", package: "unzip", for: "the unzip -t CRC check") {
            let result = try run(unzip, ["-t", destination.path])
            #expect(result.status == 0 && result.output.contains("No errors detected"), "\(result.output)")
        }
    }

    @Test func zip64RecordsAreWrittenWhereValuesDoNotFitAndReadBack() throws {
        let scratch = try ScratchFolder()
        let (entries, contents) = try Self.mixedEntries(in: scratch)
        // Every size, offset and count counts as too large for the 32- and 16-bit fields.
        var writer = ZipArchiveWriter()
        writer.fieldLimits = ZipFieldLimits(sizeOrOffset: 0, entryCount: 0)
        writer.wholeFileLimit = 100_000
        let destination = scratch.file("zip64.zip")
        try writer.write(entries, to: destination)
        #expect(try Self.readBack(destination) == contents)
        let bytes = try Data(contentsOf: destination)
        let headers = try ZipHeaders(bytes)
        for header in headers.local {
            #expect(header.extra[0x0001]?.count == 16, "\(header.name): both sizes in the local Zip64 field")
        }
        for header in headers.central {
            #expect(header.extra[0x0001]?.count == 24, "\(header.name): size, compressed size and offset")
        }
        #expect(bytes.range(of: Data([0x50, 0x4B, 0x06, 0x06])) != nil, "Zip64 end of central directory")
        #expect(bytes.range(of: Data([0x50, 0x4B, 0x06, 0x07])) != nil, "Zip64 end locator")
        if let unzip = RequiredTool.path("unzip", package: "unzip", for: "the unzip -t Zip64 check") {
            let result = try run(unzip, ["-t", destination.path])
            #expect(result.status == 0 && result.output.contains("No errors detected"), "\(result.output)")
        }
        // Only the entry count over its limit: the end records alone are Zip64.
        writer.fieldLimits = ZipFieldLimits(sizeOrOffset: 0xFFFF_FFFF, entryCount: 3)
        try writer.write(entries, to: destination)
        #expect(try Self.readBack(destination) == contents)
        #expect(try ZipHeaders(Data(contentsOf: destination)).central.allSatisfy { $0.extra.isEmpty })
    }

    @Test func aFileThatChangesSizeWhileBeingArchivedFailsTheArchive() throws {
        let scratch = try ScratchFolder()
        let destination = scratch.file("out.zip")
        // A FIFO reports size 0 when opened but is no regular file: refused before writing.
        let fifo = scratch.file("pipe.mp3")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let error = #expect(throws: ArchiveError.self) {
            try ZipArchiveWriter().write([.file("media/pipe.mp3", fifo)], to: destination)
        }
        #expect(error?.entry == "media/pipe.mp3")
        #expect(!FileManager.default.fileExists(atPath: destination.path))
        // /proc files claim size 0 and then produce bytes: the changed size is caught in both
        // ways of reading a file (whole, and in chunks for the stored copy).
        for entry in [ZipEntry.file("status.txt", URL(fileURLWithPath: "/proc/self/status")),
                      ZipEntry.file("status.mp3", URL(fileURLWithPath: "/proc/self/status"))] {
            guard FileManager.default.fileExists(atPath: "/proc/self/status") else { break }
            let changed = #expect(throws: ArchiveError.self) {
                try ZipArchiveWriter().write([entry], to: destination)
            }
            #expect(changed?.message.en.contains("changed size") == true, "\(entry.path)")
            #expect(!FileManager.default.fileExists(atPath: destination.path))
        }
        #expect(try scratch.listing() == ["pipe.mp3"])
    }

    @Test func sameEntriesGiveIdenticalBytesWhateverTheFileTimesAndOrder() throws {
        let scratch = try ScratchFolder()
        let first = try scratch.write("src1/lesson.md", "# पाठ\n\nएक दो तीन\n")
        let second = try scratch.write("src2/lesson.md", "# पाठ\n\nएक दो तीन\n")
        let image1 = scratch.file("src1/image.png")
        let image2 = scratch.file("src2/image.png")
        try Data(repeating: 7, count: 300_000).write(to: image1)
        try Data(repeating: 7, count: 300_000).write(to: image2)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 86_400)], ofItemAtPath: first.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_900_000_000)], ofItemAtPath: second.path)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: image2.path)

        let writer = ZipArchiveWriter()
        try writer.write([
            .file("do_1/lesson.md", first), .file("do_1/image.png", image1), .data("manifest.json", Data("{}".utf8)),
        ], to: scratch.file("one.zip"))
        try writer.write([
            .data("manifest.json", Data("{}".utf8)), .file("do_1/image.png", image2), .file("do_1/lesson.md", second),
        ], to: scratch.file("two.zip"))
        let one = try Data(contentsOf: scratch.file("one.zip"))
        let two = try Data(contentsOf: scratch.file("two.zip"))
        #expect(one == two)
        // In memory, the same bytes again.
        let memory = try writer.archiveData([
            .file("do_1/lesson.md", first), .data("manifest.json", Data("{}".utf8)), .file("do_1/image.png", image2),
        ])
        #expect(memory == one)
    }

    @Test func storesNamesAsFlaggedUTF8() throws {
        let scratch = try ScratchFolder()
        let destination = scratch.file("names.zip")
        try ZipArchiveWriter().write([.data("पाठ/चित्र.svg", Data("<svg/>".utf8))], to: destination)
        let headers = try ZipHeaders(Data(contentsOf: destination))
        #expect(headers.local[0].flags & 0x0800 != 0)
        #expect(headers.local[0].name == "पाठ/चित्र.svg")
        let entries = try readAll(ArchiveReader(contentsOf: destination))
        #expect(entries.map(\.0.name) == ["पाठ/चित्र.svg"])
    }

    @Test func refusesUnsafeOrCollidingNamesBeforeWritingAnything() throws {
        let scratch = try ScratchFolder()
        let cases: [([ZipEntry], ArchiveError.Kind)] = [
            ([.data("../evil.txt", Data())], .parentComponent),
            ([.data("/etc/passwd", Data())], .absolutePath),
            ([.data("C:/boot.ini", Data())], .absolutePath),
            ([.data("a\\..\\b", Data())], .parentComponent),
            ([.data("a//b", Data())], .invalidName),
            ([.data("a.txt", Data()), .data("a.txt", Data("x".utf8))], .duplicateName),
            ([.data("Index.html", Data()), .data("index.html", Data())], .caseCollision),
            ([.data("a", Data()), .data("a/b", Data())], .duplicateName),
        ]
        for (entries, kind) in cases {
            let error = #expect(throws: ArchiveError.self) {
                try ZipArchiveWriter().write(entries, to: scratch.file("bad.zip"))
            }
            #expect(error?.kind == kind, "\(entries.map(\.path))")
            #expect(error.map { !$0.message.hi.isEmpty && $0.message.hi != $0.message.en } == true)
        }
        #expect(try scratch.listing().isEmpty)
    }

    @Test func failureMidWriteKeepsThePreviousArchiveAndLeavesNoTemporaryFile() throws {
        let scratch = try ScratchFolder()
        let destination = scratch.file("course.ecar")
        try ZipArchiveWriter().write([.data("manifest.json", Data("{\"v\":1}".utf8))], to: destination)
        let before = try Data(contentsOf: destination)

        // The first entries are written, then a source file turns out to be missing.
        let big = scratch.file("big.bin")
        try Data(repeating: 42, count: 2_000_000).write(to: big)
        let error = #expect(throws: ArchiveError.self) {
            try ZipArchiveWriter().write([
                .file("a/big.bin", big),
                .data("b/page.html", Data("<p>hi</p>".utf8)),
                .file("c/missing.png", scratch.file("does-not-exist.png")),
            ], to: destination)
        }
        #expect(error?.kind == .io)
        #expect(error?.entry == "c/missing.png")
        #expect(try Data(contentsOf: destination) == before)
        #expect(try scratch.listing() == ["big.bin", "course.ecar"])
    }

    @Test func unwritableDestinationIsReportedInBothLanguages() throws {
        let scratch = try ScratchFolder()
        let error = #expect(throws: ArchiveError.self) {
            try ZipArchiveWriter().write([.data("a.txt", Data())], to: scratch.file("no/such/folder/out.zip"))
        }
        #expect(error?.kind == .io)
        #expect(error?.message.hi.contains("फ़ाइल नहीं बनाई जा सकी") == true)
    }

    @Test func unzipAcceptsTheArchive() throws {
        guard let unzip = RequiredTool.path("unzip", package: "unzip", for: "the unzip -t check") else { return }
        let scratch = try ScratchFolder()
        let destination = scratch.file("out.zip")
        try ZipArchiveWriter().write([
            .data("index.html", Data("<!doctype html><title>x</title>".utf8)),
            .data("images/photo.png", Data(repeating: 1, count: 1000)),
            .data("हिंदी/पाठ.txt", Data("पाठ".utf8)),
        ], to: destination)
        let result = try run(unzip, ["-t", destination.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("No errors detected"))
    }
}

extension ScratchFolder {
    static func listingOf(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// The local and central headers of a zip, decoded just enough to check what coursekit writes.
struct ZipHeaders {
    struct Header {
        var flags: UInt16
        var method: UInt16 = 0
        var madeBy: UInt16 = 0
        var dosDateTime: UInt32
        var name: String
        var extra: [UInt16: [UInt8]]
        var externalAttributes: UInt32
    }

    var local: [Header] = []
    var central: [Header] = []

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        func extras(_ start: Int, _ length: Int) -> [UInt16: [UInt8]] {
            var result: [UInt16: [UInt8]] = [:]
            var at = start
            while at + 4 <= start + length {
                let id = u16(at), size = Int(u16(at + 2))
                result[id] = Array(bytes[at + 4 ..< at + 4 + size])
                at += 4 + size
            }
            return result
        }
        var index = 0
        while index + 4 <= bytes.count {
            let signature = u32(index)
            if signature == 0x0403_4B50 {
                let nameLength = Int(u16(index + 26)), extraLength = Int(u16(index + 28))
                let name = String(decoding: bytes[index + 30 ..< index + 30 + nameLength], as: UTF8.self)
                local.append(Header(flags: u16(index + 6), method: u16(index + 8), dosDateTime: u32(index + 10), name: name,
                                    extra: extras(index + 30 + nameLength, extraLength), externalAttributes: 0))
                index += 30
            } else if signature == 0x0201_4B50 {
                let nameLength = Int(u16(index + 28)), extraLength = Int(u16(index + 30))
                let name = String(decoding: bytes[index + 46 ..< index + 46 + nameLength], as: UTF8.self)
                central.append(Header(flags: u16(index + 8), method: u16(index + 10), madeBy: u16(index + 4), dosDateTime: u32(index + 12), name: name,
                                      extra: extras(index + 46 + nameLength, extraLength), externalAttributes: u32(index + 38)))
                index += 46
            } else {
                index += 1
            }
        }
    }
}

/// Entry names coursekit generates are accepted in one pass (`ArchiveEntryName.isPlainName`);
/// the fast path may only accept what the full check accepts.
@Suite("Entry names: the fast path against the full check")
struct ArchiveEntryNameFastPathTests {
    @Test func everyNameTheFastPathAcceptsPassesTheFullCheck() {
        let pieces = ["a", "B", "0", ".", "..", "...", "/", "//", "_", "-", "\\", ":", "C:", " ", "\u{7}", "\u{7F}", "ह", "é", "do_1a2b", "index.html"]
        var generator = SeededGenerator(seed: 7)
        var accepted = 0, names = 0
        for _ in 0..<20_000 {
            let name = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            names += 1
            guard ArchiveEntryName.isPlainName(name) else { continue }
            accepted += 1
            #expect(ArchiveEntryName.problemByFullCheck(name) == nil, "\(name.debugDescription)")
        }
        #expect(accepted > names / 20, "the generated names include plain ones (\(accepted) of \(names))")
    }

    @Test func namesCoursekitWritesTakeTheFastPathAndUnsafeOnesDoNot() {
        for name in ["manifest.json", "do_3f48680bfd3fa621219ec9ae/do_3f48680bfd3fa621219ec9ae.zip", "images/a-b_c.svg", "a/.../b", "x."] {
            #expect(ArchiveEntryName.isPlainName(name), "\(name)")
        }
        for name in ["", ".", "..", "a/../b", "a/./b", "a//b", "/etc/passwd", "a/", "C:/x", "a\\b", "पाठ.md", "a b", "a\u{7}"] {
            #expect(!ArchiveEntryName.isPlainName(name), "\(name.debugDescription)")
        }
        let deep = Array(repeating: "d", count: ArchiveEntryName.maximumDepth + 1).joined(separator: "/")
        #expect(!ArchiveEntryName.isPlainName(deep))
        #expect(ArchiveEntryName.problem(with: deep) != nil)
        #expect(!ArchiveEntryName.isPlainName(String(repeating: "a", count: ArchiveEntryName.maximumNameLength + 1)))
    }
}
