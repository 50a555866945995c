import Crypto
import Foundation
import Testing
@testable import CourseKit

/// The pieces of SCORM/cmi5 packaging: `--format` words, answer keys, and a package of the
/// small fixture course (Devanagari image name with a space, a PDF lesson, a quiz).
@Suite("SCORM and cmi5 packaging units")
struct LMSPackageTests {
    @Test func formatWords() throws {
        #expect(try PackageFormat.parse(["scorm12,cmi5"]).get() == [.scorm12, .cmi5])
        #expect(try PackageFormat.parse(["cmi5", "ecar", "cmi5"]).get() == [.ecar, .cmi5])
        #expect(try PackageFormat.parse(["all"]).get() == PackageFormat.allCases)
        #expect(throws: PackageFormat.UnknownFormat.self) { try PackageFormat.parse(["scorm3"]).get() }
        #expect(PackageFormat.scorm2004.fileSuffix == ".scorm2004.zip")
    }

    @Test func answerKeys() {
        #expect(AnswerKey.normalizeTyped("  Nine\tTH \n") == "nine th")
        #expect(AnswerKey.normalizeTyped("नौ") == "नौ")
        let salt = AnswerKey.salt(["course", "hi", "module", "quiz", "q1"])
        #expect(salt.count == 16)
        let expected = SHA256.hash(data: Data((salt + "|2").utf8)).map { String(format: "%02x", $0) }.joined().prefix(24)
        #expect(AnswerKey.hash(salt: salt, "2") == String(expected))
        // The explanation decodes with the same key stream the runtime uses.
        let text = "दौरे में करवट पर लिटाएँ — and call 108. " + String(repeating: "x", count: 80)
        let encoded = Data(base64Encoded: AnswerKey.obscure(text, salt: salt)) ?? Data()
        var decoded: [UInt8] = []
        var block = 0
        while decoded.count < encoded.count {
            for byte in SHA256.hash(data: Data((salt + "|x|" + String(block)).utf8)) where decoded.count < encoded.count {
                decoded.append(encoded[decoded.count] ^ byte)
            }
            block += 1
        }
        #expect(String(decoding: decoded, as: UTF8.self) == text)
        #expect(AnswerKey.obscure(text, salt: salt).contains("करवट") == false)
    }

    @Test func fixturePackages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("coursekit-lms-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try PackFixture.write(to: root)
        let (catalogue, course) = try PackFixture.load(root)
        let read = LMSCourseReader(catalogue: catalogue, language: "hi").read(course)
        #expect(!read.findings.contains { $0.severity == .error }, "\(read.findings)")
        let lms = try #require(read.course)
        #expect(lms.modules.map(\.folder) == ["01-intro"])
        #expect(lms.modules[0].lessons.map(\.title) == ["स्वागत", "हैंडआउट"])
        let package = LMSPackage(course: lms, format: .scorm12)
        #expect(package.archiveName == "demo-course_2.1.0_hi.scorm12.zip")
        let names = package.entries.map(\.path).sorted()
        #expect(names == ["01-intro/images/आरेख एक.svg", "01-intro/index.html", "01-intro/media/handout.pdf", "coursekit/runtime.js", "imsmanifest.xml"])
        func text(_ path: String) -> String {
            guard let entry = package.entries.first(where: { $0.path == path }), case .data(let data) = entry.content else { return "" }
            return String(decoding: data, as: UTF8.self)
        }
        let page = text("01-intro/index.html")
        #expect(page.contains("<html lang=\"hi\" dir=\"ltr\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("src=\"images/आरेख एक.svg\""))
        #expect(page.contains("<object data=\"media/handout.pdf\" type=\"application/pdf\""))
        #expect(page.contains("data-type=\"true-false\""))
        #expect(page.contains("<script src=\"../coursekit/runtime.js\"></script>"))
        #expect(!page.contains("पहले पंजीकरण।"), "the explanation is readable")
        let manifest = text("imsmanifest.xml")
        #expect(manifest.contains("<file href=\"01-intro/images/%E0%A4%86%E0%A4%B0%E0%A5%87%E0%A4%96%20%E0%A4%8F%E0%A4%95.svg\"/>"))
        #expect(manifest.contains("<adlcp:masteryscore>60</adlcp:masteryscore>"))
        #expect(manifest.contains("<title>डेमो पाठ्यक्रम</title>"))
        let cmi5 = LMSPackage(course: lms, format: .cmi5)
        #expect(cmi5.identifier == "urn:coursekit:demo-course:hi:2.1.0")
        #expect(cmi5.entries.contains { $0.path == "cmi5.xml" } && !cmi5.entries.contains { $0.path == "imsmanifest.xml" })
    }
}
