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
            // UT holds only its flags byte (no time); ux holds uid 0 and gid 0.
            #expect(header.extra[0x5455] == [0])
            #expect(header.extra[0x7875] == [1, 4, 0, 0, 0, 0, 4, 0, 0, 0, 0])
        }
        for header in headers.central {
            #expect(header.externalAttributes == (0o100644 << 16))
        }
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
                local.append(Header(flags: u16(index + 6), dosDateTime: u32(index + 10), name: name,
                                    extra: extras(index + 30 + nameLength, extraLength), externalAttributes: 0))
                index += 30
            } else if signature == 0x0201_4B50 {
                let nameLength = Int(u16(index + 28)), extraLength = Int(u16(index + 30))
                let name = String(decoding: bytes[index + 46 ..< index + 46 + nameLength], as: UTF8.self)
                central.append(Header(flags: u16(index + 8), dosDateTime: u32(index + 12), name: name,
                                      extra: extras(index + 46 + nameLength, extraLength), externalAttributes: u32(index + 38)))
                index += 46
            } else {
                index += 1
            }
        }
    }
}
