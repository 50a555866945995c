import Foundation
@testable import CourseKit

/// Every hostile case, grouped by class: data loss and escapes (preview), crashes, hangs and
/// blow-ups, broken promises. Each generator writes its input at test time.
extension HostileCorpus {
    static let lesson = lessonPath
    static let moduleFile = "courses/demo/modules/intro/module.yaml"
    static let courseFile = "courses/demo/course.yaml"

    static var cases: [HostileCase] {
        previewCases + crashCases + hangCases + promiseCases + archiveCases
    }

    // MARK: Data loss and escapes

    static let previewCases: [HostileCase] = [
        HostileCase(
            name: "preview --out the sources folder", arguments: ["preview", "courses", "--out", "courses"], exits: [2],
            mentions: ["courses"], generate: { _ in }),
        HostileCase(
            name: "preview --out the configuration file", arguments: ["preview", "courses", "--out", "coursekit.yaml"], exits: [2],
            mentions: ["coursekit.yaml", "file"], generate: { _ in }),
        HostileCase(
            name: "preview --out the repository's parent", arguments: ["preview", "courses", "--out", ".."], exits: [2],
            mentions: ["repository"], generate: { _ in }),
        HostileCase(
            name: "preview --out the repository itself", arguments: ["preview", "courses", "--out", "."], exits: [2],
            mentions: ["repository"], generate: { _ in }),
        HostileCase(
            name: "preview --out a folder it does not own", arguments: ["preview", "courses", "--out", "notes"], exits: [2],
            mentions: ["notes", ".coursekit-preview"],
            generate: { root in try write(root, "notes/todo.txt", "mine\n") }),
        HostileCase(
            name: "preview with an id that climbs out", arguments: ["preview", "courses", "--out", "site"], exits: [2],
            mentions: [courseFile],
            generate: { root in try write(root, courseFile, course(id: "../../../../escaped")) }),
        HostileCase(
            name: "preview with a language code that climbs out", arguments: ["preview", "courses", "--out", "site"], exits: [2],
            mentions: [courseFile],
            generate: { root in
                // Schema checks switched off and suppressed: preview still refuses.
                try write(root, "coursekit.yaml", "extends: none\nrules: {schema-value: off, schema-type: off}\n")
                try write(root, courseFile, course(languages: "[hi, '/../../x']"))
            }),
        HostileCase(
            name: "preview with markup in a language code", arguments: ["preview", "courses", "--out", "site"], exits: [2],
            mentions: [courseFile],
            generate: { root in
                try write(root, "coursekit.yaml", "extends: none\nrules: {schema-value: off}\n")
                try write(root, courseFile, course(languages: #"[hi, 'en"><script>alert(1)</script>']"#))
            }),
    ]

    // MARK: Crashes

    static let crashCases: [HostileCase] = [
        HostileCase(
            name: "deeply nested emphasis in an image's alt text", arguments: ["validate", "courses"],
            mentions: [lesson], timeLimit: 120,
            generate: { root in
                let depth = 60_000
                let alt = String(repeating: "*a ", count: depth) + "x" + String(repeating: " a*", count: depth)
                try write(root, lesson, "# x\n\ntext\n\n![\(alt)](missing.png)\n")
            }),
        HostileCase(
            name: "deeply nested emphasis in a heading", arguments: ["pack", "courses", "--out", "dist"],
            mentions: [lesson], timeLimit: 120,
            generate: { root in
                let depth = 60_000
                try write(root, lesson, "# " + String(repeating: "_a ", count: depth) + "x" + String(repeating: " a_", count: depth)
                    + "\n\ntext ![x](missing.png)\n")
            }),
        HostileCase(
            name: "duration of 10^15 days in a module", arguments: ["validate", "courses"],
            mentions: ["\(moduleFile):4:"],
            generate: { root in try write(root, moduleFile, module(duration: "P999999999999999D")) }),
        HostileCase(
            name: "duration of 10^15 days packed", arguments: ["pack", "courses", "--out", "dist"],
            mentions: [moduleFile],
            generate: { root in
                try write(root, moduleFile, module(duration: "P999999999999999D"))
                try write(root, "coursekit.yaml", "extends: none\n")
            }),
        HostileCase(
            name: "programme session of 10^15 days", arguments: ["validate", "."],
            mentions: ["programmes/p/programme.yaml"],
            generate: { root in
                try write(root, "coursekit.yaml", "extends: up-karmayogi-2026\n")
                try write(root, "programmes/p/programme.yaml", """
                    id: p
                    languages: [hi, en]
                    title: {hi: कार्यक्रम, en: Programme}
                    days:
                      - day: 1
                        sessions:
                          - {course: ../../courses/demo, duration: P999999999999999D}
                          - {course: ../../courses/demo, duration: P999999999999999D}

                    """)
            }),
        HostileCase(
            name: "rule parameter -.inf", arguments: ["validate", "courses"], exits: [2],
            mentions: ["coursekit.yaml:4:"],
            generate: { root in
                try write(root, "coursekit.yaml", "extends: up-karmayogi-2026\nrules:\n  field-lesson-length:\n    parameters: {maximumMinutes: -.inf}\n")
            }),
        HostileCase(
            name: "rule parameter -1e300", arguments: ["validate", "courses"], exits: [2],
            mentions: ["coursekit.yaml:4:"],
            generate: { root in
                try write(root, "coursekit.yaml", "extends: up-karmayogi-2026\nrules:\n  seven-day-programme:\n    parameters: {minimumHoursPerDay: -1e300}\n")
            }),
        HostileCase(
            name: "rule parameter duration of 10^15 days", arguments: ["validate", "courses"], exits: [2],
            mentions: ["coursekit.yaml:4:"],
            generate: { root in
                try write(root, "coursekit.yaml", "extends: up-karmayogi-2026\nrules:\n  ai-module-required:\n    parameters: {minimumDuration: P999999999999999D}\n")
            }),
    ]

    // MARK: Hangs and blow-ups

    static let hangCases: [HostileCase] = [
        HostileCase(
            name: "billion-laughs alias used as a mapping key", arguments: ["validate", "courses"],
            mentions: [courseFile], timeLimit: 30,
            generate: { root in
                var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
                for (previous, name) in zip("abcdefgh", "bcdefghi") {
                    text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
                }
                text += "? *i\n: boom\n"
                try write(root, courseFile, text)
            }),
        HostileCase(
            name: "billion-laughs alias as a flow-mapping key", arguments: ["validate", "courses"],
            mentions: [courseFile], timeLimit: 30,
            generate: { root in
                var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
                for (previous, name) in zip("abcdefgh", "bcdefghi") {
                    text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
                }
                text += "z: {*i : boom}\n"
                try write(root, courseFile, text)
            }),
        HostileCase(
            name: "50,000 keys in one mapping", arguments: ["validate", "courses"],
            mentions: [courseFile], timeLimit: 30,
            generate: { root in
                let keys = (0..<50_000).map { "key\($0): \($0)" }.joined(separator: "\n")
                try write(root, courseFile, course() + keys + "\n")
            }),
        HostileCase(
            name: "pathological glob in overrides", arguments: ["validate", "courses"], exits: [2],
            mentions: ["coursekit.yaml"], timeLimit: 30,
            generate: { root in
                let pattern = Array(repeating: "**/a", count: 200).joined(separator: "/") + "/b"
                try write(root, "coursekit.yaml", "extends: none\noverrides:\n  - paths: ['\(pattern)']\n    rules: {schema-value: off}\n")
            }),
        HostileCase(
            name: "long but allowed glob on deep paths", arguments: ["validate", "courses"],
            mentions: [lesson], timeLimit: 30,
            generate: { root in
                let pattern = Array(repeating: "**/a", count: 31).joined(separator: "/") + "/b"
                try write(root, "coursekit.yaml", "extends: none\noverrides:\n  - paths: ['\(pattern)']\n    rules: {broken-link: off}\n")
                try write(root, lesson, "# x\n\ntext ![x](missing.png)\n")
            }),
        HostileCase(
            name: "60,000 stacked suppression comments", arguments: ["validate", "courses"],
            mentions: ["\(lesson):1005:", "input-limit"], timeLimit: 30,
            generate: { root in
                let comments = String(repeating: "<!-- coursekit-disable-next-line broken-link -- reason given -->\n", count: 60_000)
                try write(root, lesson, "# x\n\ntext\n\n" + comments + "![x](missing.png)\n")
            }),
        HostileCase(
            name: "200,000 links on one line", arguments: ["validate", "courses"],
            mentions: ["\(lesson):3:"], timeLimit: 60,
            generate: { root in
                try write(root, lesson, "# x\n\n" + String(repeating: "[x](m.md) ", count: 200_000) + "\n")
            }),
        HostileCase(
            name: "200,000 links on one line, SARIF", arguments: ["validate", "courses", "--format", "sarif"],
            mentions: [lesson], timeLimit: 60,
            generate: { root in
                try write(root, lesson, "# x\n\n" + String(repeating: "[x](m.md) ", count: 200_000) + "\n")
            }),
        HostileCase(
            name: "a wide table with many short rows (cmark-gfm pads every row)", arguments: ["pack", "courses", "--out", "dist"],
            mentions: [lesson, "input-limit"], timeLimit: 60,
            generate: { root in
                let columns = 50_000, rows = 5_000
                let table = String(repeating: "|a", count: columns) + "|\n" + String(repeating: "|-", count: columns) + "|\n"
                    + String(repeating: "|x\n", count: rows)
                try write(root, lesson, "# t\n\ntext\n\n" + table)
            }),
        HostileCase(
            name: "3 GB sparse lesson", arguments: ["validate", "courses"],
            mentions: [lesson], timeLimit: 30,
            generate: { root in
                try write(root, lesson, "# x\n")
                let handle = try FileHandle(forWritingTo: root.appendingPathComponent(lesson))
                try handle.truncate(atOffset: 3 << 30)
                try handle.close()
            }),
        HostileCase(
            name: "3 GB sparse course.yaml, SARIF", arguments: ["validate", "courses", "--format", "sarif"],
            mentions: [courseFile], timeLimit: 30,
            generate: { root in
                let handle = try FileHandle(forWritingTo: root.appendingPathComponent(courseFile))
                try handle.truncate(atOffset: 3 << 30)
                try handle.close()
            }),
    ]

    // MARK: Broken promises

    static let promiseCases: [HostileCase] = [
        HostileCase(
            name: "course.yaml is a FIFO", arguments: ["validate", "courses"],
            mentions: [courseFile], timeLimit: 30,
            generate: { root in
                let path = root.appendingPathComponent(courseFile).path
                try FileManager.default.removeItem(atPath: path)
                guard mkfifo(path, 0o644) == 0 else { throw HostileZipError.write }
            }),
        HostileCase(
            name: "course.yaml is a symlink out of the repository", arguments: ["validate", "courses"],
            mentions: [courseFile],
            generate: { root in
                let outside = root.deletingLastPathComponent().appendingPathComponent("outside-course.yaml")
                try Data(course().utf8).write(to: outside)
                let path = root.appendingPathComponent(courseFile).path
                try FileManager.default.removeItem(atPath: path)
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside.path)
            }),
        HostileCase(
            name: "lesson file name with escape sequences and a newline", arguments: ["validate", "courses"],
            mentions: [#"\e]0;pwned\x07"#, #"\n"#],
            generate: { root in
                try write(root, moduleFile, module(lesson: "\"lessons/x\\e]0;pwned\\a\\e[2J\\nfoo.py:1:1: error[forged]: x.md\""))
            },
            check: { run, _ in
                var problems: [String] = []
                if run.output.unicodeScalars.contains(where: { $0.value == 0x1B || $0.value == 0x07 }) { problems.append("raw control characters reached the terminal") }
                if run.output.split(separator: "\n").contains(where: { $0.hasPrefix("foo.py:1:1") }) { problems.append("a forged finding line") }
                return problems
            }),
        HostileCase(
            name: "link target with escape sequences", arguments: ["validate", "courses"],
            mentions: [#"\e[2J"#],
            generate: { root in try write(root, lesson, "# x\n\ntext [x](<a\u{1B}[2Jb.md>)\n") },
            check: { run, _ in run.output.contains("\u{1B}") ? ["raw ESC reached the terminal"] : [] }),
        HostileCase(
            name: "remote image in a lesson", arguments: ["validate", "courses"],
            mentions: ["\(lesson):3:", "remote-image"],
            generate: { root in try write(root, lesson, "# x\n\n![tracker](https://evil.example/pixel.png) text\n") }),
        HostileCase(
            name: "remote image is not emitted in preview", arguments: ["preview", "courses", "--out", "site"], exits: [0],
            mentions: [],
            generate: { root in
                // Validate reports it; preview (which only refuses on errors) must leave it out.
                try write(root, "coursekit.yaml", "extends: none\nrules: {remote-image: warning}\n")
                try write(root, lesson, "# x\n\n![tracker](https://evil.example/pixel.png) text\n")
            },
            check: { _, root in
                let page = (try? String(contentsOf: root.appendingPathComponent("site/files/\(lesson.dropLastExtension()).html"), encoding: .utf8)) ?? ""
                return page.contains("evil.example") || page.isEmpty ? ["the remote image is in the page"] : []
            }),
        HostileCase(
            name: ".env referenced as an image", arguments: ["validate", "courses"],
            mentions: ["\(lesson):3:", "image-type"],
            generate: { root in
                try write(root, ".env", "SECRET=hunter2\n")
                try write(root, lesson, "# x\n\n![x](../../../../../.env) text\n")
            }),
        HostileCase(
            name: ".env renamed .png is not packed", arguments: ["pack", "courses", "--out", "dist"],
            mentions: [lesson, "image-type"],
            generate: { root in
                try write(root, "courses/demo/modules/intro/assets/secret.png", "SECRET=hunter2\n")
                try write(root, lesson, "# x\n\n![x](../assets/secret.png) text\n")
            },
            check: { _, root in
                let dist = root.appendingPathComponent("dist")
                let names = (try? FileManager.default.contentsOfDirectory(atPath: dist.path)) ?? []
                var problems: [String] = []
                for name in names where name.hasSuffix(".ecar") {
                    if let data = try? Data(contentsOf: dist.appendingPathComponent(name)), data.range(of: Data("hunter2".utf8)) != nil {
                        problems.append("the secret was packed into \(name)")
                    }
                }
                return problems
            }),
        HostileCase(
            name: "empty lesson", arguments: ["validate", "courses"],
            mentions: [lesson, "empty-lesson"],
            generate: { root in try write(root, lesson, "\n\n   \n") }),
    ]

    // MARK: Archives (verify, inspect)

    static let archiveCases: [HostileCase] = [
        HostileCase(
            name: "verify: 30,000 path components", arguments: ["verify", "deep.ecar"],
            mentions: ["deep.ecar"], timeLimit: 30,
            generate: { root in
                let name = Array(repeating: "d", count: 30_000).joined(separator: "/") + "/f"
                try HostileZip.build([.file("manifest.json", Data("{}".utf8)), .file(name, Data("x".utf8))], to: root.appendingPathComponent("deep.ecar"))
            }),
        HostileCase(
            name: "verify: 49,000 items", arguments: ["verify", "many.ecar"],
            mentions: ["many.ecar"], timeLimit: 120,
            generate: { root in
                let count = 49_000
                var items: [String] = []
                var files: [HostileZip.Item] = []
                for index in 0..<count {
                    items.append(#"{"identifier":"do_\#(index)","name":"n","objectType":"Content","mimeType":"application/pdf","artifactUrl":"do_\#(index)/a.pdf"}"#)
                    files.append(.file("do_\(index)/a.pdf", Data("%PDF".utf8)))
                }
                let manifest = #"{"id":"sunbird.content.archive","ver":"1.2","ts":"2026-01-01T00:00:00Z","params":{"resmsgid":"x"},"archive":{"count":\#(count),"ttl":24,"items":[\#(items.joined(separator: ","))]}}"#
                try HostileZip.build([.file("manifest.json", Data(manifest.utf8))] + files, to: root.appendingPathComponent("many.ecar"))
            }),
        HostileCase(
            name: "verify: 60 MB manifest", arguments: ["verify", "big.ecar"],
            mentions: ["big.ecar", "manifest.json"], timeLimit: 60,
            generate: { root in
                let item = #"{"identifier":"do_x","name":"padding padding padding padding","objectType":"Content","mimeType":"application/pdf"},"#
                let count = 60_000_000 / item.utf8.count
                let manifest = #"{"id":"sunbird.content.archive","ver":"1.2","archive":{"count":1,"items":["# + String(repeating: item, count: count) + #"{"identifier":"do_y"}]}}"#
                try HostileZip.build([.file("manifest.json", Data(manifest.utf8))], to: root.appendingPathComponent("big.ecar"))
            }),
        HostileCase(
            name: "inspect: 30,000-deep chain of items", arguments: ["inspect", "chain.ecar"], exits: [0],
            mentions: ["not shown"], timeLimit: 60,
            generate: { root in
                let depth = 30_000
                var items: [String] = []
                for index in 0..<depth {
                    let children = index + 1 < depth ? #"[{"identifier":"do_\#(index + 1)"}]"# : "[]"
                    items.append(#"{"identifier":"do_\#(index)","name":"n\#(index)","objectType":"Collection","mimeType":"application/vnd.ekstep.content-collection","children":\#(children)}"#)
                }
                let manifest = #"{"id":"sunbird.content.archive","ver":"1.2","archive":{"count":\#(depth),"items":[\#(items.joined(separator: ","))]}}"#
                try HostileZip.build([.file("manifest.json", Data(manifest.utf8))], to: root.appendingPathComponent("chain.ecar"))
            }),
        HostileCase(
            name: "verify: 30,000-deep chain of items", arguments: ["verify", "chain.ecar"],
            mentions: ["chain.ecar"], timeLimit: 60,
            generate: { root in
                let depth = 30_000
                var items: [String] = []
                for index in 0..<depth {
                    let children = index + 1 < depth ? #"[{"identifier":"do_\#(index + 1)"}]"# : "[]"
                    items.append(#"{"identifier":"do_\#(index)","name":"n\#(index)","objectType":"Collection","mimeType":"application/vnd.ekstep.content-collection","children":\#(children)}"#)
                }
                let manifest = #"{"id":"sunbird.content.archive","ver":"1.2","archive":{"count":\#(depth),"items":[\#(items.joined(separator: ","))]}}"#
                try HostileZip.build([.file("manifest.json", Data(manifest.utf8))], to: root.appendingPathComponent("chain.ecar"))
            }),
        HostileCase(
            name: "verify: manifest name and entry name with escape sequences", arguments: ["verify", "names.ecar"],
            mentions: ["names.ecar", #"\e"#],
            generate: { root in
                let manifest = #"{"id":"sunbird.content.archive","ver":"1.2","archive":{"count":2,"items":[{"identifier":"do_1\u001b[2J","name":"evil\u001b]0;title\u0007\nforged: error","mimeType":"application/pdf","artifactUrl":"do_1/a\u001b[2J.pdf"}]}}"#
                try HostileZip.build([.file("manifest.json", Data(manifest.utf8))], to: root.appendingPathComponent("names.ecar"))
            },
            check: { run, _ in run.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } ? ["raw control characters reached the terminal"] : [] }),
        HostileCase(
            name: "inspect: names with escape sequences", arguments: ["inspect", "names.ecar"], exits: [0, 1, 2],
            mentions: [#"\e"#],
            generate: { root in
                let manifest = #"{"id":"sunbird.content.archive","ver":"1.2","archive":{"count":1,"items":[{"identifier":"do_1","name":"evil\u001b]0;title\u0007\u001b[2J","mimeType":"application/pdf"}]}}"#
                try HostileZip.build([.file("manifest.json", Data(manifest.utf8))], to: root.appendingPathComponent("names.ecar"))
            },
            check: { run, _ in run.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } ? ["raw control characters reached the terminal"] : [] }),
    ]
}
