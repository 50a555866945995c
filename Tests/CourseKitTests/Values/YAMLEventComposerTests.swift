import Foundation
import Testing
@testable import CourseKit

/// The event composer (the fast path) must give exactly what composing through Yams gives —
/// values, types, key order and every line and column — or step aside.
@Suite("YAML composed from libyaml events")
struct YAMLEventComposerTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The value with every location, as text, for comparing two loads.
    func dump(_ value: LocatedValue) -> String {
        var out = ""
        var stack: [(LocatedValue, String)] = [(value, "")]
        while let (node, label) = stack.popLast() {
            out += "\(label)@\(node.location.line):\(node.location.column) "
            switch node.content {
            case .null: out += "null\n"
            case .bool(let flag): out += "bool \(flag)\n"
            case .number(let number): out += "number \(number.literal) \(number.value)\n"
            case .string(let text): out += "string \(text.debugDescription)\n"
            case .array(let items):
                out += "array \(items.count)\n"
                stack += items.enumerated().reversed().map { ($1, "\(label)[\($0)]") }
            case .object(let object):
                out += "object \(object.keys)\n"
                stack += object.entries.reversed().map { ($0.value, "\(label).\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column)") }
            }
        }
        return out
    }

    func bothWays(_ text: String, path: String = "t.yaml") -> (events: Result<String, DocumentLoadError>, yams: Result<String, DocumentLoadError>) {
        var yams = YAMLDocumentLoader()
        yams.composesFromEvents = false
        let fast = YAMLDocumentLoader()
        func run(_ loader: YAMLDocumentLoader) -> Result<String, DocumentLoadError> {
            do { return .success(dump(try loader.load(text: text, path: path))) } catch { return .failure(error) }
        }
        return (run(fast), run(yams))
    }

    @Test func everyShippedYAMLFileLoadsTheSameBothWays() throws {
        var files: [URL] = []
        for folder in ["courses", "examples", "schemas"] {
            let enumerator = FileManager.default.enumerator(at: Self.root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                if ["yaml", "yml"].contains(url.pathExtension) { files.append(url) }
            }
        }
        #expect(files.count >= 40, "the shipped courses are where the test expects them: \(Self.root.path)")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let (events, yams) = bothWays(text, path: file.lastPathComponent)
            #expect(events == yams, "\(file.path)")
        }
    }

    @Test func unusualDocumentsGiveTheSameValueOrTheSameError() {
        let documents = [
            "",
            "---\n",
            "# only a comment\n",
            "a: 1\nb: [x, 'y', \"z\", 2.50, -3, 0x1F, 0o17, .inf, -.Inf, ~, null, True, no]\n",
            "a: &x {k: v, n: [1, 2]}\nb: *x\nc: *x\n",
            "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n",
            "\"<<\": quoted, not a merge\n",
            "a: 1\na: 2\n",
            "a: 1\n\"a\": 2\n",
            "1: one\n\"1\": also one\n",
            "? [a, b]\n: complex key\n",
            "*undefined\n",
            "a: &x [*x]\n",
            "one: 1\n---\ntwo: 2\n",
            "a: [1, 2\n",
            "a:\n\tb: 1\n",
            "title: Citizen: first\n",
            "text: |\n  line one\n  line two\n\nfolded: >\n  a\n  b\n",
            "{शीर्षक: एक, b: 2}",
            "\u{FEFF}a: 1\n",
            "a: 1\r\nb: 2\r\n",
            (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk7: again\n",
            "!!str 12: tagged\nv: !!int '7'\n",
        ]
        for text in documents {
            let (events, yams) = bothWays(text)
            #expect(events == yams, "\(text.debugDescription)")
        }
    }

    @Test func aMappingOverTheKeyLimitIsStillRefused() {
        let text = (0...YAMLDocumentLoader.maximumKeysPerMapping).map { "k\($0): 1" }.joined(separator: "\n")
        let (events, yams) = bothWays(text)
        guard case .failure(let error) = events else {
            Issue.record("a mapping of \(YAMLDocumentLoader.maximumKeysPerMapping + 1) keys loaded")
            return
        }
        #expect(error.kind == .limit)
        #expect(events == yams)
    }
}
