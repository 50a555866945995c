import Foundation
import Testing

/// `pack --format scorm12|scorm2004|cmi5`: every shipped course, the department example and a
/// course with PDF and video lessons export to every format; SCORM 1.2 manifests and cmi5
/// course structures validate against the official XSDs (xmllint); SCORM 2004 manifests carry
/// what the 4th edition requires; every file is listed; nothing is loaded from the network;
/// the bytes are reproducible.
@Suite("SCORM 1.2, SCORM 2004 and cmi5 packages", .serialized)
struct SCORMPackageTests {
    /// The sources to pack and the folder `pack` runs in.
    static func sources(_ scratch: URL) throws -> [(name: String, repo: URL, paths: [String])] {
        let department = scratch.appendingPathComponent("department")
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("examples/department-repo"), to: department)
        try stripSuppressedLinks(department)
        let media = scratch.appendingPathComponent("media")
        try FileManager.default.copyItem(at: CommandRunner.fixtures.appendingPathComponent("media-course"), to: media)
        // The drafts folder is work in progress with a missing translation, by design.
        return [("catalogue", CommandRunner.packageRoot, ["courses"]), ("department", department, ["courses/e-office-for-revenue-clerks"]), ("media", media, [])]
    }

    /// `pack` does not yet honour inline suppressions (`coursekit-disable-next-line`; see the
    /// "one finding pipeline" issue), so the department example's one suppressed broken link
    /// (a circular published on the portal) would block its course in every format, ECAR
    /// included. The copy drops the suppressed lines so the rest of the course is exported.
    static func stripSuppressedLinks(_ repo: URL) throws {
        let lessons = repo.appendingPathComponent("courses/e-office-for-revenue-clerks/modules/e-office-basics/lessons")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: lessons.path)) ?? [] where name.hasSuffix(".md") {
            let url = lessons.appendingPathComponent(name)
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            var kept: [String] = []
            var skipNext = false
            for line in lines {
                if skipNext { skipNext = false; continue }
                if line.contains("coursekit-disable-next-line broken-link") { skipNext = true; continue }
                kept.append(line)
            }
            try kept.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test func everyCourseExportsToEveryFormatAndValidates() throws {
        let scratch = try LMSTestSupport.scratch("scorm-formats")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var packages: [URL] = []
        for source in try Self.sources(scratch) {
            let dist = scratch.appendingPathComponent("dist-\(source.name)")
            let packed = try CommandRunner.run(["pack"] + source.paths + ["--out", dist.path, "--format", "all"], in: source.repo,
                                               environment: ["SOURCE_DATE_EPOCH": "1767225600"])
            #expect(packed.exitCode == 0, "pack --format all of \(source.name) failed:\n\(packed.standardError)\(packed.standardOutput)")
            let names = try FileManager.default.contentsOfDirectory(atPath: dist.path).sorted()
            // Every course and programme edition in every format.
            let courseStems = names.filter { $0.hasSuffix(".scorm12.zip") }.map { String($0.dropLast(".scorm12.zip".count)) }
            #expect(!courseStems.isEmpty, "\(source.name): no SCORM package written")
            for name in names where name.hasSuffix(".ecar") {
                let stem = String(name.dropLast(".ecar".count))
                for suffix in [".scorm12.zip", ".scorm2004.zip", ".cmi5.zip"] {
                    #expect(names.contains(stem + suffix), "\(source.name): \(stem)\(suffix) was not written")
                }
            }
            packages += names.filter { $0.hasSuffix(".zip") }.map { dist.appendingPathComponent($0) }
        }
        // (4 shipped courses + the programme) × 2 editions + the department's course + the media fixture, × 3 formats.
        #expect(packages.count >= 42, "only \(packages.count) SCORM/cmi5 packages")
        guard let xmllint = LMSTestSupport.requireTool("xmllint", package: "libxml2-utils"),
              LMSTestSupport.requireTool("unzip", package: "unzip") != nil,
              let scorm12 = LMSTestSupport.conformanceFile("scorm12/scorm12-all.xsd"),
              let cmi5 = LMSTestSupport.conformanceFile("cmi5/CourseStructure.xsd") else { return }
        let scorm2004 = try Self.scorm2004Schema(in: scratch)
        var validated = (scorm12: 0, cmi5: 0, scorm2004: 0)
        for package in packages {
            let name = package.lastPathComponent
            let folder = try LMSTestSupport.unzip(package, into: scratch.appendingPathComponent("x-" + name))
            let files = LMSTestSupport.files(in: folder)
            if name.hasSuffix(".cmi5.zip") {
                let (status, _, error) = try LMSTestSupport.run(xmllint, ["--noout", "--schema", cmi5.path, "cmi5.xml"], in: folder)
                #expect(status == 0, "\(name): cmi5.xml does not validate against CourseStructure.xsd:\n\(error)")
                if status == 0 { validated.cmi5 += 1 }
                let xml = try String(contentsOf: folder.appendingPathComponent("cmi5.xml"), encoding: .utf8)
                for url in Self.matches(#"<url>([^<]+)</url>"#, in: xml).map({ $0.removingPercentEncoding ?? $0 }) {
                    #expect(files.contains(url), "\(name): AU url \(url) is not in the package")
                }
                #expect(xml.contains("masteryScore=\"0."), "\(name): no AU has a mastery score")
                if name.hasPrefix("upam-7-day-induction") { #expect(xml.contains("<block id="), "\(name): no block per day") }
            } else {
                let manifest = try String(contentsOf: folder.appendingPathComponent("imsmanifest.xml"), encoding: .utf8)
                if name.hasPrefix("upam-7-day-induction") {
                    // A programme: its days with e-learning nest the modules they schedule.
                    #expect(manifest.contains("<item identifier=\"GROUP-01\" isvisible=\"true\">"), "\(name): no day items")
                }
                if name.hasSuffix(".scorm12.zip") {
                    let (status, _, error) = try LMSTestSupport.run(xmllint, ["--noout", "--schema", scorm12.path, "imsmanifest.xml"], in: folder)
                    #expect(status == 0, "\(name): imsmanifest.xml does not validate against the SCORM 1.2 XSDs:\n\(error)")
                    if status == 0 { validated.scorm12 += 1 }
                    #expect(manifest.contains("<adlcp:masteryscore>"), "\(name): no mastery score")
                } else {
                    Self.check2004(manifest, name: name)
                    // With ADL's SCORM 2004 XSDs in the conformance folder (scorm2004/), validate;
                    // otherwise check that the XML is well formed.
                    let arguments = scorm2004.map { ["--noout", "--schema", $0.path, "imsmanifest.xml"] } ?? ["--noout", "imsmanifest.xml"]
                    let (status, _, error) = try LMSTestSupport.run(xmllint, arguments, in: folder)
                    #expect(status == 0, "\(name): imsmanifest.xml does not validate\(scorm2004 == nil ? " (well-formedness)" : " against the SCORM 2004 XSDs"):\n\(error)")
                    if status == 0 { validated.scorm2004 += 1 }
                }
                // Every file of the package is listed by a resource, and every listed file exists.
                let listed = Set(Self.matches(#"<file href="([^"]+)"/>"#, in: manifest).map { $0.removingPercentEncoding ?? $0 })
                for file in files where file != "imsmanifest.xml" {
                    #expect(listed.contains(file), "\(name): \(file) is not listed in imsmanifest.xml")
                }
                for file in listed { #expect(files.contains(file), "\(name): imsmanifest.xml lists \(file), which is not in the package") }
            }
            for file in files where file.hasSuffix(".html") || file.hasSuffix(".js") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for problem in Self.networkReferences(text, javaScript: file.hasSuffix(".js")) {
                    Issue.record("\(name)!/\(file) references the network: \(problem)")
                }
                if file.hasSuffix(".html") {
                    #expect(text.contains("<meta charset=\"utf-8\">"), "\(name)!/\(file) does not declare UTF-8")
                    #expect(text.contains("name=\"viewport\""), "\(name)!/\(file) has no viewport for phones")
                }
            }
        }
        print("validated \(validated.scorm12) SCORM 1.2 manifests and \(validated.cmi5) cmi5.xml with xmllint; \(validated.scorm2004) SCORM 2004 manifests \(scorm2004 == nil ? "checked (no SCORM 2004 XSDs in the conformance folder)" : "validated against the SCORM 2004 XSDs")")
    }

    /// A schema importing ADL's SCORM 2004 4th edition XSDs when the conformance folder has
    /// them (`scorm2004/imscp_v1p1.xsd`, `adlcp_v1p3.xsd`, `adlseq_v1p3.xsd`,
    /// `adlnav_v1p3.xsd`, `imsss_v1p0.xsd` and what they include); nil otherwise.
    static func scorm2004Schema(in scratch: URL) throws -> URL? {
        let names = ["imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd", "imsss_v1p0.xsd"]
        guard let folder = LMSTestSupport.conformanceCandidates.map({ $0.appendingPathComponent("scorm2004") })
            .first(where: { folder in names.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) } })
        else { return nil }
        let namespaces = [
            ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"), ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"), ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
            ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
        ]
        var xsd = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
        for (namespace, file) in namespaces {
            xsd += "  <xs:import namespace=\"\(namespace)\" schemaLocation=\"\(folder.appendingPathComponent(file).absoluteString)\"/>\n"
        }
        xsd += "</xs:schema>\n"
        let url = scratch.appendingPathComponent("scorm2004-all.xsd")
        try xsd.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// What SCORM 2004 4th edition's content aggregation model requires of a manifest.
    static func check2004(_ manifest: String, name: String) {
        for required in [
            "<schema>ADL SCORM</schema>", "<schemaversion>2004 4th Edition</schemaversion>",
            "xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"", "xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"",
            "xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"", "xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\"",
            "xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"", "<organizations default=\"ORG\">", "<organization identifier=\"ORG\"",
            "<imsss:primaryObjective", "satisfiedByMeasure=\"true\"", "<imsss:minNormalizedMeasure>",
        ] {
            #expect(manifest.contains(required), "\(name): imsmanifest.xml lacks \(required)")
        }
        let resources = matches(#"(<resource [^>]*>)"#, in: manifest)
        #expect(!resources.isEmpty)
        for resource in resources {
            #expect(resource.contains("adlcp:scormType=\"sco\"") || resource.contains("adlcp:scormType=\"asset\""),
                    "\(name): resource without adlcp:scormType: \(resource)")
        }
        let referenced = Set(matches(#"identifierref="([^"]+)""#, in: manifest))
        let declared = Set(matches(#"<resource identifier="([^"]+)""#, in: manifest))
        #expect(referenced.isSubset(of: declared), "\(name): items or dependencies point at missing resources")
    }

    /// References that would make a browser load something from the network: `src`, `srcset`,
    /// `poster`, `data` (object), stylesheet links, CSS `url()`/`@import`, and in scripts any
    /// http(s) URL other than the xAPI/cmi5 identifiers (which are names, never fetched).
    /// Links a learner can follow (`<a href="https://…">`) are allowed: nothing is loaded
    /// until they are clicked.
    static func networkReferences(_ text: String, javaScript: Bool) -> [String] {
        var problems: [String] = []
        if javaScript {
            let allowed = ["http://adlnet.gov/expapi/verbs/", "https://w3id.org/xapi/cmi5/context/categories/", "https://coursekit.invalid/"]
            for url in matches(#"(https?://[^"' )]+)"#, in: text) where !allowed.contains(where: { url.hasPrefix($0) }) {
                problems.append(url)
            }
            return problems
        }
        let patterns = [
            #"(?i)\b(?:src|srcset|poster|data|action|formaction)\s*=\s*["']?\s*((?:https?:)?//[^"' >]+)"#,
            #"(?i)(<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^"' >]+)"#,
            #"(?i)(url\(\s*["']?(?:https?:)?//[^)]+\))"#,
            #"(?i)(@import\b[^;]+)"#,
        ]
        for pattern in patterns { problems += matches(pattern, in: text) }
        return problems
    }

    /// The first capture group of every match.
    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    @Test func networkCheckCatchesRemoteResources() {
        #expect(!Self.networkReferences("<img src=\"https://example.org/a.png\">", javaScript: false).isEmpty)
        #expect(!Self.networkReferences("<script src=\"//cdn.example.org/x.js\"></script>", javaScript: false).isEmpty)
        #expect(!Self.networkReferences("<style>@import url(https://fonts.example/x.css)</style>", javaScript: false).isEmpty)
        #expect(Self.networkReferences("<a href=\"https://cybercrime.gov.in\">report</a><img src=\"images/a.svg\">", javaScript: false).isEmpty)
        #expect(!Self.networkReferences("fetch(\"https://tracker.example/x\")", javaScript: true).isEmpty)
    }

    @Test func packagesAreReproducible() throws {
        let scratch = try LMSTestSupport.scratch("scorm-repro")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = scratch.appendingPathComponent("a"), second = scratch.appendingPathComponent("b")
        for dist in [first, second] {
            let result = try CommandRunner.run(["pack", "courses/anm-asha-maternal-newborn-care", "--out", dist.path, "--format", "scorm12,scorm2004", "--format", "cmi5"],
                                               in: CommandRunner.packageRoot, environment: ["TZ": dist == first ? "UTC" : "Asia/Kolkata"])
            #expect(result.exitCode == 0, "\(result.standardError)\(result.standardOutput)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        #expect(names == [
            "anm-asha-maternal-newborn-care_1.0.0_en.cmi5.zip", "anm-asha-maternal-newborn-care_1.0.0_en.scorm12.zip",
            "anm-asha-maternal-newborn-care_1.0.0_en.scorm2004.zip", "anm-asha-maternal-newborn-care_1.0.0_hi.cmi5.zip",
            "anm-asha-maternal-newborn-care_1.0.0_hi.scorm12.zip", "anm-asha-maternal-newborn-care_1.0.0_hi.scorm2004.zip",
        ], "--format scorm12,scorm2004 --format cmi5 writes exactly those formats and no ECAR")
        for name in names {
            let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs")
        }
    }

    @Test func formatOptionKeepsReportFormatsAndRefusesUnknownWords() throws {
        let scratch = try LMSTestSupport.scratch("scorm-option")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let json = try CommandRunner.run(["pack", "courses/anm-asha-maternal-newborn-care", "--out", scratch.path, "--format", "json", "--editions", "hi"],
                                         in: CommandRunner.packageRoot)
        #expect(json.exitCode == 0)
        #expect(json.standardOutput.hasPrefix("{"), "--format json still prints findings as JSON")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["anm-asha-maternal-newborn-care_1.0.0_hi.ecar"])
        let unknown = try CommandRunner.run(["pack", "courses/anm-asha-maternal-newborn-care", "--out", scratch.path, "--format", "scorm3"],
                                            in: CommandRunner.packageRoot)
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError.contains("unknown package format 'scorm3'"))
    }

    /// Text from the sources reaches pages and manifests escaped; explanations and fill-in
    /// answers are not readable in the page source.
    @Test func sourceTextIsEscapedAndAnswersAreNotInPlainText() throws {
        let scratch = try LMSTestSupport.scratch("scorm-escape")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repo = scratch.appendingPathComponent("media")
        try FileManager.default.copyItem(at: CommandRunner.fixtures.appendingPathComponent("media-course"), to: repo)
        let quiz = repo.appendingPathComponent("modules/report-cyber-fraud/quiz.yaml")
        try (try String(contentsOf: quiz, encoding: .utf8))
            .replacingOccurrences(of: "en: Match what to keep with why", with: #"en: "Match <img src=x onerror=alert(1)> & \"quoted\" </script>""#)
            .write(to: quiz, atomically: true, encoding: .utf8)
        let module = repo.appendingPathComponent("modules/report-cyber-fraud/module.yaml")
        try (try String(contentsOf: module, encoding: .utf8))
            .replacingOccurrences(of: "en: Report the fraud at once", with: #"en: "Report <b>now</b> & 'today'""#)
            .write(to: module, atomically: true, encoding: .utf8)
        let dist = scratch.appendingPathComponent("dist")
        let packed = try CommandRunner.run(["pack", "--out", dist.path, "--format", "scorm12,cmi5", "--editions", "en"], in: repo)
        #expect(packed.exitCode == 0, "\(packed.standardError)\(packed.standardOutput)")
        guard LMSTestSupport.requireTool("unzip", package: "unzip") != nil else { return }
        let folder = try LMSTestSupport.unzip(dist.appendingPathComponent("report-cyber-fraud-media_1.0.0_en.scorm12.zip"), into: scratch.appendingPathComponent("x"))
        let page = try String(contentsOf: folder.appendingPathComponent("01-report-cyber-fraud/index.html"), encoding: .utf8)
        #expect(page.contains("Match &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &lt;/script&gt;"), "the prompt is not escaped")
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("Report &lt;b&gt;now&lt;/b&gt; &amp; &#39;today&#39;"), "the module title is not escaped")
        #expect(!page.contains("<b>now</b>"))
        let manifest = try String(contentsOf: folder.appendingPathComponent("imsmanifest.xml"), encoding: .utf8)
        #expect(manifest.contains("<title>Report &lt;b&gt;now&lt;/b&gt; &amp; &#39;today&#39;</title>"))
        let cmi5 = try LMSTestSupport.unzip(dist.appendingPathComponent("report-cyber-fraud-media_1.0.0_en.cmi5.zip"), into: scratch.appendingPathComponent("y"))
        #expect(try String(contentsOf: cmi5.appendingPathComponent("cmi5.xml"), encoding: .utf8).contains("Report &lt;b&gt;now&lt;/b&gt;"))
        for explanation in ["The national cyber-crime helpline is 1930.", "Both details help the complaint.", "The sooner, the better."] {
            #expect(!page.contains(explanation), "the explanation '\(explanation)' is readable in the page source")
        }
        #expect(!page.contains("data-correct") && !page.contains("\"correct\":true"), "the page marks correct answers")
        // The match question does not list its right-hand items in the source order.
        let transaction = page.range(of: "so the bank can trace the money"), caller = page.range(of: "so the police can reach the fraudster")
        #expect(transaction != nil && caller != nil)
        if let transaction, let caller { #expect(caller.lowerBound < transaction.lowerBound, "match answers are listed in source order") }
    }
}
