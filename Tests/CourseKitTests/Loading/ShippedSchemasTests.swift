import Foundation
import Testing
@testable import CourseKit

@Suite("The shipped schemas")
struct ShippedSchemasTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schemas")

    @Test func compileInStrictModeWithFormatsAsserted() throws {
        let set = try SchemaSet(directory: Self.schemas)
        for kind in [SourceKind.course, .module, .quiz, .lesson, .programme, .caseStudy] {
            #expect(set.schema(for: kind) != nil, "no schema for \(kind)")
        }
    }

    /// Every title and description has Hindi beside it, so hints under `--lang hi` are Hindi.
    @Test func everyDescriptionHasHindi() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.schemas.path).filter { $0.hasSuffix(".json") }
        #expect(!names.isEmpty)
        var missing: [String] = []
        func walk(_ value: LocatedValue) {
            switch value.content {
            case .object(let object):
                for key in ["title", "description"] where object[key]?.string != nil {
                    let hindi = object[key + "Hi"]?.string ?? ""
                    if !hindi.unicodeScalars.contains(where: { (0x0900...0x097F).contains($0.value) }) {
                        missing.append("\(object.entry(key)!.keyLocation): \(object[key]!.string!)")
                    }
                }
                object.entries.forEach { walk($0.value) }
            case .array(let items): items.forEach(walk)
            default: break
            }
        }
        for name in names {
            let text = try String(contentsOf: Self.schemas.appendingPathComponent(name), encoding: .utf8)
            walk(try JSONDocumentLoader().load(text: text, path: name))
        }
        #expect(missing.isEmpty, "\(missing)")
    }
}
