import Foundation
import Testing
@testable import CourseKit

@Suite("Reproducible packing")
struct PackDeterminismTests {
    @Test func sameSourcesGiveByteIdenticalArchivesWhateverFileTimesAndListingOrder() throws {
        let scratch = try ScratchFolder("determinism")
        let first = scratch.file("one"), second = scratch.file("two")
        try PackFixture.write(to: first)
        try PackFixture.write(to: second, reversed: true)
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        for language in ["hi", "en"] {
            let (catalogueA, courseA) = try PackFixture.load(first)
            let (catalogueB, courseB) = try PackFixture.load(second)
            let planA = try ECARBuilder(catalogue: catalogueA, timestamp: date, unplayableQuestions: .convert).plan(course: courseA, language: language)
            let planB = try ECARBuilder(catalogue: catalogueB, timestamp: date, unplayableQuestions: .convert).plan(course: courseB, language: language)
            #expect(planA.findings.isEmpty, "\(planA.findings.map { "\($0.location) \($0.ruleID) \($0.message.en)" })")
            let outA = scratch.file("out-a"), outB = scratch.file("out-b")
            try FileManager.default.createDirectory(at: outA, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: outB, withIntermediateDirectories: true)
            let urlA = try planA.write(into: outA)
            let urlB = try planB.write(into: outB)
            #expect(urlA.lastPathComponent == "demo-course_2.1.0_\(language).ecar")
            #expect(try Data(contentsOf: urlA) == Data(contentsOf: urlB))
            #expect(ArchiveVerifier().verify(urlA).isEmpty)
        }
    }

    @Test func timestampGoesIntoTsAndChangesNothingElse() throws {
        let scratch = try ScratchFolder("timestamp")
        try PackFixture.write(to: scratch.url)
        let (catalogue, course) = try PackFixture.load(scratch.url)
        let date = ArchiveTimestamp.fromEnvironment(["SOURCE_DATE_EPOCH": "1767225600"])
        #expect(date == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(ArchiveTimestamp.fromEnvironment(["SOURCE_DATE_EPOCH": "soon"]) == nil)
        let url = try ECARBuilder(catalogue: catalogue, timestamp: try #require(date), unplayableQuestions: .convert).plan(course: course, language: "hi").write(into: scratch.url)
        let manifest = try jsonEntry("manifest.json", in: url)
        #expect(manifest["ts"]?.string == "2026-01-01T00:00:00Z")
        let other = try ECARBuilder(catalogue: catalogue, timestamp: ArchiveTimestamp.fallback, unplayableQuestions: .convert).plan(course: course, language: "hi")
        let otherManifest = try JSONDocumentLoader().load(
            data: try #require(other.entries.first { $0.path == "manifest.json" }.flatMap { if case .data(let d) = $0.content { d } else { nil } }),
            path: "manifest.json")
        #expect(otherManifest["ts"]?.string == "1980-01-01T00:00:00Z")
        // resmsgid depends on content only.
        #expect(otherManifest["params"]?["resmsgid"]?.string == manifest["params"]?["resmsgid"]?.string)
        #expect(manifest["params"]?["resmsgid"]?.string?.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression) != nil)
    }

    @Test func mediaLessonsKeepTheirTypeAndImagesWithUnicodeNamesArePackaged() throws {
        let scratch = try ScratchFolder("media")
        try PackFixture.write(to: scratch.url)
        let (catalogue, course) = try PackFixture.load(scratch.url)
        let url = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert).plan(course: course, language: "hi").write(into: scratch.url)
        let items = try #require(try jsonEntry("manifest.json", in: url)["archive"]?["items"]?.array)
        let pdf = try #require(items.first { $0["mimeType"]?.string == "application/pdf" })
        #expect(pdf["primaryCategory"]?.string == "Learning Resource")
        #expect(pdf["contentEncoding"]?.string == "identity")
        #expect(pdf["duration"]?.string == "600")
        let artifact = try #require(pdf["artifactUrl"]?.string)
        #expect(artifact.hasSuffix("/handout.pdf"))
        // The PDF is stored, not deflated.
        let reader = try ArchiveReader(contentsOf: url)
        while let entry = try reader.nextEntry() {
            let data = try reader.readData(maximumSize: 1 << 20)
            if entry.name == artifact { #expect(reader.compressedBytesRead == Int64(data.count)) }
        }
        let root = try #require(items.first)
        #expect(root["license"]?.string == "CC BY-SA 4.0")
        #expect(root["creator"]?.string == "स्वास्थ्य विभाग")
        #expect(root["version"]?.string == "2.1.0")

        let lesson = try #require(items.first { $0["mimeType"]?.string == "application/vnd.ekstep.html-archive" })
        #expect(lesson["description"]?.string == "पहला पाठ।")
        let artifact2 = try #require(lesson["artifactUrl"]?.string)
        let inner = try #require(try entries(of: url)[artifact2])
        let files = Dictionary(uniqueKeysWithValues: try readAll(ArchiveReader(data: inner, displayName: "inner")).map { ($0.0.name, $0.1) })
        #expect(Set(files.keys) == ["index.html", "images/आरेख एक.svg"])
        let html = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(html.contains("src=\"images/आरेख एक.svg\""))
        #expect(html.contains("<p class=\"course\">डेमो पाठ्यक्रम</p>"))
    }

    @Test func aMissingTranslationStopsThatEditionOnly() throws {
        let scratch = try ScratchFolder("missing")
        try PackFixture.write(to: scratch.url)
        try FileManager.default.removeItem(at: scratch.file("courses/demo/modules/intro/lessons/welcome.en.md"))
        let (catalogue, course) = try PackFixture.load(scratch.url)
        let builder = ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert)
        let english = try builder.plan(course: course, language: "en")
        let finding = try #require(english.findings.first { $0.ruleID == "pack-missing-edition" })
        #expect(finding.location.file == "courses/demo/modules/intro/module.yaml")
        #expect(finding.location.line == 8)
        #expect(finding.message.hi.contains("संस्करण पैकेज नहीं हो सकता"))
        #expect(english.hasErrors)
        let output = scratch.file("dist")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        #expect(throws: ArchiveError.self) { try english.write(into: output) }
        #expect(try ScratchFolder.listingOf(output).isEmpty)
        #expect(try builder.plan(course: course, language: "hi").findings.isEmpty)
    }

    @Test func packagerWritesEveryEditionAndRefusesCoursesWithStructuralErrors() throws {
        let scratch = try ScratchFolder("packager")
        try PackFixture.write(to: scratch.url)
        let output = scratch.file("dist")
        let packager = CoursePackager(workingDirectory: scratch.url, output: output, environment: ["SOURCE_DATE_EPOCH": "1767225600"])
        let result = try packager.pack(paths: ["courses"])
        #expect(result.archives.map(\.url.lastPathComponent) == ["demo-course_2.1.0_en.ecar", "demo-course_2.1.0_hi.ecar"])
        #expect(result.findings.filter { $0.severity == .error }.isEmpty)
        let hindiOnly = try CoursePackager(workingDirectory: scratch.url, output: scratch.file("hi"), editions: ["hi"], environment: [:]).pack(paths: [])
        #expect(hindiOnly.archives.map(\.language) == ["hi"])

        // A YAML error in the module blocks the course.
        try Data("id: intro\nlanguages: [hi, en\n".utf8).write(to: scratch.file("courses/demo/modules/intro/module.yaml"))
        let broken = try CoursePackager(workingDirectory: scratch.url, output: scratch.file("broken"), environment: [:]).pack(paths: ["courses"])
        #expect(broken.archives.isEmpty)
        #expect(broken.findings.contains { $0.severity == .error && $0.location.file.hasSuffix("module.yaml") })
        #expect(try ScratchFolder.listingOf(scratch.file("broken")).isEmpty)
    }
}

@Suite("Large media")
struct LargeMediaTests {
    /// A 201 MiB lesson file is streamed into the archive (never loaded whole), stored rather
    /// than deflated, and flagged by verify as over Sunbird's 200 MiB online-only limit.
    @Test func aLessonOverTwoHundredMebibytesIsPackedAndFlagged() throws {
        let scratch = try ScratchFolder("large")
        try PackFixture.write(to: scratch.url)
        let pdf = scratch.file("courses/demo/modules/intro/assets/handout.pdf")
        let handle = try FileHandle(forWritingTo: pdf)
        try handle.truncate(atOffset: 201 << 20)
        try handle.close()
        let (catalogue, course) = try PackFixture.load(scratch.url)
        let plan = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert).plan(course: course, language: "en")
        #expect(plan.findings.isEmpty)
        let url = try plan.write(into: scratch.url)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size > 201 << 20)
        let findings = ArchiveVerifier().verify(url, displayPath: "demo.ecar")
        #expect(findings.map(\.ruleID) == ["archive-online-only-size"])
        #expect(findings.first?.message.en.contains("201.0 MiB") == true)
    }
}
