import Foundation
import Testing
@testable import CourseKit

@Suite("Verifying ECARs")
struct ArchiveVerifierTests {
    /// A clean ECAR of the fixture course and its entries.
    func cleanArchive(_ scratch: ScratchFolder) throws -> (URL, [String: Data]) {
        try PackFixture.write(to: scratch.file("repo"))
        let (catalogue, course) = try PackFixture.load(scratch.file("repo"))
        let url = try ECARBuilder(catalogue: catalogue).plan(course: course, language: "hi").write(into: scratch.url)
        return (url, try entries(of: url))
    }

    /// Writes `files` as an archive (coursekit's writer sorts and checks names).
    func archive(_ files: [String: Data], _ scratch: ScratchFolder, name: String = "tampered.ecar") throws -> URL {
        let url = scratch.file(name)
        try ZipArchiveWriter().write(files.map { .data($0.key, $0.value) }, to: url)
        return url
    }

    /// Edits manifest.json (or another JSON entry) through Foundation's JSON objects.
    func editJSON(_ data: Data, _ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    func items(_ object: [String: Any]) -> [[String: Any]] {
        ((object["archive"] as? [String: Any])?["items"] as? [[String: Any]]) ?? []
    }

    func setItems(_ object: inout [String: Any], _ items: [[String: Any]]) {
        var archive = object["archive"] as? [String: Any] ?? [:]
        archive["items"] = items
        object["archive"] = archive
    }

    func rules(_ findings: [Finding]) -> Set<String> { Set(findings.map(\.ruleID)) }

    @Test func aCleanArchiveHasNoFindings() throws {
        let scratch = try ScratchFolder("verify")
        let (url, _) = try cleanArchive(scratch)
        #expect(ArchiveVerifier().verify(url).isEmpty)
    }

    @Test func wrongCountIsReportedAtItsLineInTheManifest() throws {
        let scratch = try ScratchFolder("verify")
        let (_, files) = try cleanArchive(scratch)
        var changed = files
        let text = String(decoding: try #require(files["manifest.json"]), as: UTF8.self)
        // The manifest is compact JSON on one line: the position is that line and the column.
        changed["manifest.json"] = Data(text.replacingOccurrences(of: "\"count\":", with: "\"count\":1").utf8)
        let findings = ArchiveVerifier().verify(try archive(changed, scratch), displayPath: "demo.ecar")
        let count = try #require(findings.first { $0.ruleID == "archive-manifest-count" })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.contains("\"count\"") }!
        let column = lines[line].distance(from: lines[line].startIndex, to: lines[line].range(of: "\"count\":")!.upperBound) + 1
        #expect(count.location == SourceLocation(file: "demo.ecar!/manifest.json", line: line + 1, column: column))
        // The manifest changed, so its checksum no longer matches.
        let mismatch = try #require(findings.first { $0.ruleID == "archive-checksum-mismatch" })
        #expect(mismatch.location.file == "demo.ecar!/checksums.sha256")
        #expect(mismatch.message.en.contains("'manifest.json'"))
    }

    @Test func aUnitWithoutChildrenIsReported() throws {
        let scratch = try ScratchFolder("verify")
        let (_, files) = try cleanArchive(scratch)
        var changed = files
        changed["manifest.json"] = try editJSON(try #require(files["manifest.json"])) { manifest in
            var list = items(manifest)
            let unit = try! #require(list.firstIndex { $0["primaryCategory"] as? String == "Course Unit" })
            list[unit]["children"] = [Any]()
            setItems(&manifest, list)
        }
        let findings = ArchiveVerifier().verify(try archive(changed, scratch), displayPath: "demo.ecar")
        let empty = try #require(findings.first { $0.ruleID == "archive-empty-unit" })
        #expect(empty.severity == .error)
        #expect(empty.location.file == "demo.ecar!/manifest.json" && empty.location.line > 1)
        #expect(empty.message.hi.contains("खाली अध्याय"))
    }

    @Test func missingChildrenFilesAndDuplicateIdentifiersAreFound() throws {
        let scratch = try ScratchFolder("verify")
        let (_, files) = try cleanArchive(scratch)
        var changed = files
        var removedArtifact = ""
        changed["manifest.json"] = try editJSON(try #require(files["manifest.json"])) { object in
            var list = items(object)
            // Drop the quiz's last question: the quiz still lists it.
            list.removeLast()
            // Point the PDF lesson at a file that is not there.
            if let index = list.firstIndex(where: { $0["mimeType"] as? String == "application/pdf" }) {
                removedArtifact = list[index]["artifactUrl"] as? String ?? ""
                list[index]["artifactUrl"] = "do_nowhere/handout.pdf"
            }
            // Give a module's identifier to a lesson.
            list[2]["identifier"] = list[1]["identifier"]
            setItems(&object, list)
            var archive = object["archive"] as? [String: Any] ?? [:]
            archive["count"] = list.count
            object["archive"] = archive
        }
        let findings = ArchiveVerifier().verify(try archive(changed, scratch))
        #expect(rules(findings).isSuperset(of: [
            "archive-missing-child", "archive-missing-file", "archive-duplicate-identifier", "archive-hierarchy-mismatch",
            "archive-checksum-mismatch",
        ]))
        #expect(!removedArtifact.isEmpty)
        let duplicate = try #require(findings.first { $0.ruleID == "archive-duplicate-identifier" })
        #expect(duplicate.notes.first?.message.hi == "पहली बार यहाँ प्रयुक्त")
    }

    @Test func anHTMLArchiveWithoutIndexAtItsRootIsFound() throws {
        let scratch = try ScratchFolder("verify")
        let (_, files) = try cleanArchive(scratch)
        var changed = files
        let artifact = try #require(files.keys.first { $0.hasSuffix(".zip") })
        changed[artifact] = try ZipArchiveWriter().archiveData([.data("lesson/index.html", Data("<p>x</p>".utf8))])
        let findings = ArchiveVerifier().verify(try archive(changed, scratch), displayPath: "demo.ecar")
        let missing = try #require(findings.first { $0.ruleID == "archive-html-index-missing" })
        #expect(missing.location.file == "demo.ecar!/\(artifact)")
        #expect(missing.message.en.contains("found lesson/index.html"))
        #expect(rules(findings).contains("archive-checksum-mismatch"))

        // An inner archive that is not even a zip, and one with a path that climbs out.
        changed[artifact] = Data("not a zip".utf8)
        #expect(rules(ArchiveVerifier().verify(try archive(changed, scratch, name: "b.ecar"))).contains("archive-inner-archive-invalid"))
        let hostile = scratch.file("inner.zip")
        try HostileZip.build([.file("index.html", Data()), .file("../../escape.html", Data())], to: hostile)
        changed[artifact] = try Data(contentsOf: hostile)
        let escape = ArchiveVerifier().verify(try archive(changed, scratch, name: "c.ecar"))
        #expect(escape.contains { $0.ruleID == "archive-inner-archive-invalid" && $0.message.en.contains("..") })
    }

    @Test func checksumProblemsAndStrayFilesAreFound() throws {
        let scratch = try ScratchFolder("verify")
        let (_, files) = try cleanArchive(scratch)
        var changed = files
        changed["notes.txt"] = Data("left behind".utf8)
        let pdf = try #require(files.keys.first { $0.hasSuffix(".pdf") })
        changed[pdf] = nil
        changed["checksums.sha256"] = Data((String(decoding: files["checksums.sha256"]!, as: UTF8.self) + "not a checksum line\n").utf8)
        let findings = ArchiveVerifier().verify(try archive(changed, scratch))
        #expect(rules(findings).isSuperset(of: ["archive-stray-file", "archive-checksum-unlisted", "archive-checksum-stale", "archive-checksum-mismatch", "archive-missing-file"]))
        #expect(findings.first { $0.ruleID == "archive-stray-file" }?.severity == .warning)

        changed["checksums.sha256"] = nil
        #expect(rules(ArchiveVerifier().verify(try archive(changed, scratch, name: "b.ecar"))).contains("archive-checksums-missing"))
    }

    @Test func hierarchyMustAgreeWithTheManifest() throws {
        let scratch = try ScratchFolder("verify")
        let (_, files) = try cleanArchive(scratch)
        var changed = files
        changed["hierarchy.json"] = try editJSON(try #require(files["hierarchy.json"])) { object in
            var content = object["content"] as? [String: Any] ?? [:]
            var modules = content["children"] as? [[String: Any]] ?? []
            var children = modules[0]["children"] as? [[String: Any]] ?? []
            children.reverse()
            modules[0]["children"] = children
            content["children"] = modules
            object["content"] = content
        }
        let findings = ArchiveVerifier().verify(try archive(changed, scratch))
        #expect(findings.contains { $0.ruleID == "archive-hierarchy-mismatch" && $0.message.en.contains("children of") })

        changed["hierarchy.json"] = nil
        #expect(rules(ArchiveVerifier().verify(try archive(changed, scratch, name: "b.ecar"))).contains("archive-hierarchy-missing"))
        changed["manifest.json"] = nil
        #expect(rules(ArchiveVerifier().verify(try archive(changed, scratch, name: "c.ecar"))).contains("archive-manifest-missing"))
    }

    @Test func itemsOverTheOnlineOnlyLimitAreWarnedAbout() throws {
        let scratch = try ScratchFolder("verify")
        let (url, _) = try cleanArchive(scratch)
        let findings = ArchiveVerifier(onlineOnlyLimit: 10_000).verify(url)
        let warning = try #require(findings.first { $0.ruleID == "archive-online-only-size" })
        #expect(warning.severity == .warning)
        #expect(warning.location.file.hasSuffix("!/manifest.json"))
        #expect(warning.message.hi.contains("केवल ऑनलाइन"))
        #expect(findings.allSatisfy { $0.ruleID == "archive-online-only-size" })
    }

    @Test func hostileArchivesBecomeFindingsNotCrashes() throws {
        let scratch = try ScratchFolder("verify")
        let cases: [([HostileZip.Item], String)] = [
            ([.file("manifest.json", Data("{}".utf8)), .file("../x", Data())], "archive-unsafe-entry"),
            ([.file("/etc/passwd", Data())], "archive-unsafe-entry"),
            ([.symlink("do_1/link", target: "/etc/shadow")], "archive-unsafe-entry"),
            ([.file("a.json", Data()), .file("A.json", Data())], "archive-unsafe-entry"),
            ([.zeros("do_1/bomb.bin", size: 50_000_000)], "archive-zip-bomb"),
        ]
        for (index, (items, rule)) in cases.enumerated() {
            let url = scratch.file("hostile-\(index).ecar")
            try HostileZip.build(items, to: url)
            let findings = ArchiveVerifier().verify(url, displayPath: "hostile.ecar")
            #expect(findings.map(\.ruleID) == [rule], "\(items)")
            #expect(findings.first?.severity == .error)
        }
        let junk = try scratch.write("junk.ecar", "PK but not really")
        #expect(ArchiveVerifier().verify(junk).map(\.ruleID) == ["archive-unreadable"])
    }

    @Test func everyFindingIsBilingual() throws {
        let scratch = try ScratchFolder("verify")
        let (_, files) = try cleanArchive(scratch)
        var changed = files
        changed["stray.txt"] = Data()
        changed["checksums.sha256"] = Data("zz\n".utf8)
        let text = String(decoding: files["manifest.json"]!, as: UTF8.self)
        changed["manifest.json"] = Data(text.replacingOccurrences(of: "\"sunbird.content.archive\"", with: "\"other\"")
            .replacingOccurrences(of: "\"1.2\"", with: "\"9\"").utf8)
        let findings = ArchiveVerifier(onlineOnlyLimit: 100).verify(try archive(changed, scratch))
        #expect(findings.count >= 5)
        for finding in findings {
            #expect(!finding.message.en.isEmpty && !finding.message.hi.isEmpty && finding.message.en != finding.message.hi)
            #expect(finding.message.hi.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) })
        }
        #expect(ArchiveRule.allCases.allSatisfy { $0.descriptor.summary.hi.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) } })
    }
}

@Suite("Inspecting ECARs")
struct ArchiveInspectorTests {
    @Test func printsTheCourseTree() throws {
        let scratch = try ScratchFolder("inspect")
        try PackFixture.write(to: scratch.file("repo"))
        let (catalogue, course) = try PackFixture.load(scratch.file("repo"))
        let url = try ECARBuilder(catalogue: catalogue).plan(course: course, language: "en").write(into: scratch.url)
        let tree = try ArchiveInspector().inspect(url)
        #expect(tree.root.name == "Demo course")
        #expect(tree.root.primaryCategory == "Course")
        #expect(tree.itemCount == 7)
        let module = try #require(tree.root.children.first)
        #expect(module.primaryCategory == "Course Unit")
        #expect(module.children.map(\.primaryCategory) == ["Learning Resource", "Learning Resource", "Course Assessment"])
        #expect(module.children[1].mimeType == "application/pdf")
        #expect(module.children[1].size == 20_009)
        let text = tree.render()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Demo course  [Course · application/vnd.ekstep.content-collection · "))
        #expect(lines[1].hasPrefix("└─ Introduction  [Course Unit"))
        #expect(lines[2].hasPrefix("   ├─ Welcome  [Learning Resource · application/vnd.ekstep.html-archive · "))
        #expect(lines[4].hasPrefix("   └─ Introduction quiz  [Course Assessment"))
        #expect(lines[5].hasPrefix("      ├─ What is the first step?  [Multiple Choice Question"))
        #expect(lines.last?.hasPrefix("7 items, ") == true)
        #expect(tree.render(in: .hi).contains("7 आइटम, कुल"))
    }

    @Test func showsMissingChildrenAndRefusesArchivesWithoutAManifest() throws {
        let scratch = try ScratchFolder("inspect")
        let manifest = """
            {"id":"sunbird.content.archive","ver":"1.2","archive":{"count":1,"items":[
              {"identifier":"do_root","name":"Root","primaryCategory":"Course","children":["do_gone"]}]}}
            """
        let url = scratch.file("odd.ecar")
        try ZipArchiveWriter().write([.data("manifest.json", Data(manifest.utf8))], to: url)
        let tree = try ArchiveInspector().inspect(url)
        #expect(tree.root.children.first?.missing == true)
        #expect(tree.render().contains("└─ do_gone  [missing]"))
        #expect(tree.render(in: .hi).contains("[अनुपस्थित]"))

        let empty = scratch.file("empty.ecar")
        try ZipArchiveWriter().write([.data("x/readme.txt", Data())], to: empty)
        let error = #expect(throws: ArchiveError.self) { _ = try ArchiveInspector().inspect(empty) }
        #expect(error?.message.hi.contains("manifest.json") == true)
    }

    @Test func formatsSizes() {
        #expect(ArchiveTree.formatSize(512) == "512 B")
        #expect(ArchiveTree.formatSize(1536) == "1.5 KB")
        #expect(ArchiveTree.formatSize(200 << 20) == "200.0 MB")
    }
}
