import Foundation
import Testing

/// Headless Chromium launches a packaged cmi5 AU the way a cmi5 LMS does (launch URL with
/// `endpoint`, `fetch`, `actor`, `registration`, `activityId`) against a local LRS stub
/// (`CMI5LRSStub`, node) that records every statement. The first registration reads two
/// lessons, leaves, comes back (resuming from its state document), reads the rest and passes
/// the quiz; the second fails it, tries again and passes.
@Suite("cmi5 AU against a local LRS", .serialized)
struct CMI5BrowserTests {
    static let cmi5Category = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
    static let moveOnCategory = "https://w3id.org/xapi/cmi5/context/categories/moveon"

    @Test(arguments: ["hi", "en"])
    func auSendsTheCmi5Statements(language: String) throws {
        guard let chromium = LMSTestSupport.requireTool("chromium", package: "chromium fonts-noto-core"),
              let node = LMSTestSupport.requireTool("node", package: "nodejs") else { return }
        let scratch = try LMSTestSupport.scratch("cmi5-browser")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dist = scratch.appendingPathComponent("dist")
        let packed = try CommandRunner.run(["pack", SCORMBrowserTests.course, "--out", dist.path, "--format", "cmi5", "--editions", language],
                                           in: CommandRunner.packageRoot)
        #expect(packed.exitCode == 0, "\(packed.standardError)")
        let folder = try LMSTestSupport.unzip(dist.appendingPathComponent("anm-asha-maternal-newborn-care_1.0.0_\(language).cmi5.zip"),
                                              into: scratch.appendingPathComponent("au"))
        let structure = try String(contentsOf: folder.appendingPathComponent("cmi5.xml"), encoding: .utf8)
        let auIDs = SCORMPackageTests.matches(#"<au id="([^"]+)""#, in: structure)
        let urls = SCORMPackageTests.matches(#"<url>([^<]+)</url>"#, in: structure)
        guard let activityID = auIDs.first, let auURL = urls.first else {
            Issue.record("cmi5.xml has no AU")
            return
        }
        #expect(structure.contains("masteryScore=\"0.7\""))

        // Start the stub.
        let stubFile = scratch.appendingPathComponent("stub.js"), statementsFile = scratch.appendingPathComponent("statements.json")
        let portFile = scratch.appendingPathComponent("port")
        try CMI5LRSStub.script.write(to: stubFile, atomically: true, encoding: .utf8)
        let stub = Process()
        stub.executableURL = URL(fileURLWithPath: node)
        stub.arguments = [stubFile.path, folder.path, statementsFile.path, portFile.path, "0.7"]
        stub.standardOutput = FileHandle.nullDevice
        stub.standardError = FileHandle.nullDevice
        try stub.run()
        defer { if stub.isRunning { stub.terminate() }; stub.waitUntilExit() }
        var port = ""
        for _ in 0..<200 where port.isEmpty {
            Thread.sleep(forTimeInterval: 0.05)
            port = (try? String(contentsOf: portFile, encoding: .utf8)) ?? ""
        }
        guard !port.isEmpty else {
            Issue.record("the LRS stub did not start")
            return
        }
        let base = "http://127.0.0.1:\(port)"
        let actor = #"{"objectType":"Agent","name":"Test Learner","account":{"homePage":"https://lms.invalid","name":"learner-1"}}"#

        @discardableResult
        func launch(registration: String, sessions: [[String: Any]]) throws -> String {
            var query = URLComponents()
            query.queryItems = [
                URLQueryItem(name: "endpoint", value: base + "/xapi/"),
                URLQueryItem(name: "fetch", value: base + "/fetch?registration=" + registration),
                URLQueryItem(name: "actor", value: actor),
                URLQueryItem(name: "registration", value: registration),
                URLQueryItem(name: "activityId", value: activityID),
            ]
            let encoded = (query.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
            let config: [String: Any] = [
                "page": auURL + "?" + encoded, "fill": SCORMBrowserTests.fillIn, "beforeLaunch": "/launched?registration=" + registration,
                "sessions": sessions,
            ]
            let json = String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]), as: UTF8.self)
            let name = "harness-\(registration).html"
            try LMSHarness.page.replacingOccurrences(of: "__CONFIG__", with: json).write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let (status, dom, error) = try LMSTestSupport.run(chromium, [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(scratch.appendingPathComponent("profile-\(registration)").path)",
                "--virtual-time-budget=60000", "--dump-dom", "\(base)/\(name)",
            ], in: folder)
            #expect(status == 0 && dom.contains("ck-log"), "chromium failed: \(error.suffix(1000))")
            #expect(dom.range(of: "driver error: [A-Za-z]", options: .regularExpression) == nil, "driver: \(dom.suffix(2000))")
            return dom
        }
        let passing = "5d0c7a1e-0000-4000-8000-00000000000a", failing = "5d0c7a1e-0000-4000-8000-00000000000b"
        let resumed = try launch(registration: passing, sessions: [["next": 2], ["next": 3, "quiz": "correct"]])
        // The second launch resumes at page 3 from the AU's state document.
        #expect(resumed.range(of: language == "hi" ? "session 2 status: आपकी प्रगति सहेजी जा रही है। \\| position: पृष्ठ 3 / [0-9]+" : "session 2 status: Your progress is saved. \\| position: Page 3 of [0-9]+",
                              options: .regularExpression) != nil,
                "the second launch did not resume at page 3")
        try launch(registration: failing, sessions: [["next": 4, "quiz": "wrong", "retry": "correct"]])
        Thread.sleep(forTimeInterval: 0.3)

        let records = (try? JSONSerialization.jsonObject(with: Data(contentsOf: statementsFile))) as? [[String: Any]] ?? []
        func verbs(_ registration: String) -> [String] {
            records.compactMap { record -> String? in
                let statement = record["statement"] as? [String: Any] ?? [:]
                guard ((statement["context"] as? [String: Any])?["registration"] as? String) == registration else { return nil }
                return ((statement["verb"] as? [String: Any])?["id"] as? String)?.components(separatedBy: "/").last
            }
        }
        #expect(verbs(passing) == ["launched", "initialized", "terminated", "launched", "initialized", "passed", "completed", "terminated"],
                "statements of the passing registration: \(verbs(passing))")
        #expect(verbs(failing) == ["launched", "initialized", "failed", "completed", "passed", "terminated"],
                "statements of the failing registration: \(verbs(failing))")
        for record in records where record["by"] as? String == "au" {
            let statement = record["statement"] as? [String: Any] ?? [:]
            let verb = ((statement["verb"] as? [String: Any])?["id"] as? String) ?? ""
            let context = statement["context"] as? [String: Any] ?? [:]
            let result = statement["result"] as? [String: Any] ?? [:]
            let categories = ((context["contextActivities"] as? [String: Any])?["category"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(record["authorised"] as? Bool == true, "\(verb): not sent with the fetched token")
            #expect(record["version"] as? String == "1.0.3", "\(verb): no X-Experience-API-Version")
            #expect((statement["object"] as? [String: Any])?["id"] as? String == activityID, "\(verb): object is not the AU")
            #expect(((statement["actor"] as? [String: Any])?["account"] as? [String: Any])?["name"] as? String == "learner-1", "\(verb): actor")
            #expect(categories.contains(Self.cmi5Category), "\(verb): no cmi5 category")
            #expect(((context["extensions"] as? [String: Any])?["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] as? String)?.hasPrefix("session-") == true,
                    "\(verb): the context template's session id is missing")
            #expect((statement["id"] as? String)?.count == 36 && statement["timestamp"] is String, "\(verb): id/timestamp")
            let moveOn = verb.hasSuffix("/passed") || verb.hasSuffix("/failed") || verb.hasSuffix("/completed")
            #expect(categories.contains(Self.moveOnCategory) == moveOn, "\(verb): moveon category")
            if moveOn || verb.hasSuffix("/terminated") {
                #expect((result["duration"] as? String)?.hasPrefix("PT") == true, "\(verb): no duration")
            }
            let score = result["score"] as? [String: Any]
            if verb.hasSuffix("/passed") {
                #expect(score?["scaled"] as? Double == 1 && result["success"] as? Bool == true, "passed: \(result)")
            }
            if verb.hasSuffix("/failed") {
                #expect(score?["scaled"] as? Double == 0 && result["success"] as? Bool == false, "failed: \(result)")
            }
            if verb.hasSuffix("/completed") { #expect(result["completion"] as? Bool == true, "completed: \(result)") }
        }
    }
}
