import Foundation
import Testing

/// Headless Chromium plays packaged SCORM 1.2 and SCORM 2004 courses, in the Hindi and the
/// English edition, inside a test page whose LMS API records every call (`LMSHarness`). The
/// first run reads two lessons, leaves, comes back (resume from `suspend_data`), reads the rest
/// and answers every question of the quiz correctly; the second answers every question wrongly,
/// then tries again and passes.
/// The quiz of the first module of the ANM course has all five question types; the test seeds
/// the draw (through `suspend_data`, the way a resumed attempt carries it) so all eight
/// questions are asked.
@Suite("SCORM packages in a real browser", .serialized)
struct SCORMBrowserTests {
    static let course = "courses/anm-asha-maternal-newborn-care"
    static let module = "01-antenatal-care-danger-signs/index.html"
    /// The fill-in answer of that quiz (q4, "the ____ of every month"), accepted in both editions.
    static let fillIn = ["q4": "9"]
    static let allQuestions = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]

    struct Call {
        var session: Int
        var function: String
        var arguments: [String]
    }

    struct Run {
        var calls: [Call]
        var store: [String: String]
        var notes: [String]

        func sets(_ key: String, session: Int? = nil) -> [String] {
            calls.filter { ($0.function == "LMSSetValue" || $0.function == "SetValue") && $0.arguments.first == key && (session == nil || $0.session == session) }
                .map { $0.arguments.count > 1 ? $0.arguments[1] : "" }
        }

        func count(_ function: String, session: Int) -> Int {
            calls.filter { $0.function == function && $0.session == session }.count
        }

        func last(session: Int) -> String? { calls.last { $0.session == session }?.function }
    }

    static func chromium() -> String? {
        LMSTestSupport.requireTool("chromium", package: "chromium fonts-noto-core")
    }

    /// Packs the course in one format into a scratch folder and unzips one edition.
    static func unpack(_ format: String, language: String, scratch: URL) throws -> URL? {
        let dist = scratch.appendingPathComponent("dist")
        let packed = try CommandRunner.run(["pack", course, "--out", dist.path, "--format", format, "--editions", language], in: CommandRunner.packageRoot)
        #expect(packed.exitCode == 0, "\(packed.standardError)\(packed.standardOutput)")
        let archive = dist.appendingPathComponent("anm-asha-maternal-newborn-care_1.0.0_\(language).\(format).zip")
        guard FileManager.default.fileExists(atPath: archive.path) else {
            Issue.record("\(archive.lastPathComponent) was not written")
            return nil
        }
        return try LMSTestSupport.unzip(archive, into: scratch.appendingPathComponent("sco"))
    }

    /// Runs the harness with the given sessions in headless Chromium and returns what it recorded.
    static func play(_ folder: URL, chromium: String, sessions: [[String: Any]]) throws -> Run? {
        let seed = String(decoding: try JSONSerialization.data(withJSONObject: ["p": 0, "s": "", "a": 0, "d": allQuestions]), as: UTF8.self)
        let config: [String: Any] = ["page": module, "mastery": 70, "fill": fillIn, "seed": seed, "sessions": sessions]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]), as: UTF8.self)
        let harness = folder.appendingPathComponent("harness.html")
        try LMSHarness.page.replacingOccurrences(of: "__CONFIG__", with: json).write(to: harness, atomically: true, encoding: .utf8)
        let profile = folder.appendingPathComponent("profile")
        let (status, dom, error) = try LMSTestSupport.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--user-data-dir=\(profile.path)",
            "--virtual-time-budget=60000", "--dump-dom", harness.absoluteString,
        ], in: folder)
        guard status == 0, let range = dom.range(of: #"<pre id="ck-log">(.*?)</pre>"#, options: .regularExpression) else {
            Issue.record("chromium did not produce the harness log (exit \(status)): \(error.suffix(2000))")
            return nil
        }
        let text = Self.unescape(String(dom[range]).replacingOccurrences(of: #"^<pre id="ck-log">|</pre>$"#, with: "", options: .regularExpression))
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            Issue.record("the harness log is not JSON: \(text.prefix(500))")
            return nil
        }
        let calls = (object["calls"] as? [[String: Any]] ?? []).map { call in
            Call(session: call["s"] as? Int ?? 0, function: call["f"] as? String ?? "",
                 arguments: (call["a"] as? [Any] ?? []).map { "\($0)" })
        }
        return Run(calls: calls, store: object["store"] as? [String: String] ?? [:], notes: object["notes"] as? [String] ?? [])
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    static var correctSessions: [[String: Any]] { [["next": 2], ["next": 3, "quiz": "correct"]] }
    static var wrongSessions: [[String: Any]] { [["next": 4, "quiz": "wrong", "retry": "correct"]] }

    static func checkQuizNotes(_ run: Run, label: String) {
        let types = run.notes.first { $0.hasPrefix("types: ") } ?? ""
        for type in ["single-choice", "multiple-choice", "true-false", "fill-in", "match"] {
            #expect(types.contains(type), "\(label): the quiz did not show a \(type) question (\(types))")
        }
        let feedback = run.notes.first { $0.hasPrefix("feedback: ") } ?? ""
        #expect(feedback.count > 200, "\(label): explanations were not revealed after submitting: \(feedback.prefix(200))")
        #expect(!run.notes.contains { $0.hasPrefix("driver error") }, "\(label): \(run.notes)")
    }

    @Test(arguments: ["hi", "en"])
    func scorm12ReportsProgressScoreAndStatus(language: String) throws {
        guard let chromium = Self.chromium() else { return }
        let scratch = try LMSTestSupport.scratch("scorm12-browser")
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard let folder = try Self.unpack("scorm12", language: language, scratch: scratch),
              let good = try Self.play(folder, chromium: chromium, sessions: Self.correctSessions),
              let bad = try Self.play(folder, chromium: chromium, sessions: Self.wrongSessions) else { return }
        let label = "SCORM 1.2 \(language)"
        for (run, sessions) in [(good, 2), (bad, 1)] {
            for session in 1...sessions {
                #expect(run.count("LMSInitialize", session: session) == 1, "\(label): LMSInitialize in session \(session)")
                #expect(run.count("LMSFinish", session: session) == 1, "\(label): LMSFinish once in session \(session)")
                #expect(run.last(session: session) == "LMSFinish", "\(label): LMSFinish is the last call of session \(session)")
                #expect(!run.sets("cmi.core.lesson_location", session: session).isEmpty, "\(label): no progress in session \(session)")
                #expect(!run.sets("cmi.suspend_data", session: session).isEmpty, "\(label): no suspend_data in session \(session)")
                let time = run.sets("cmi.core.session_time", session: session).last ?? ""
                #expect(time.range(of: #"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$"#, options: .regularExpression) != nil, "\(label): session_time '\(time)'")
            }
            #expect(run.sets("cmi.core.lesson_status", session: 1).first == "incomplete", "\(label): not marked incomplete on first launch")
            #expect(run.sets("cmi.core.score.min").last == "0" && run.sets("cmi.core.score.max").last == "100")
        }
        // Resume: the second session starts where the first left (page 3), from suspend_data.
        #expect(good.sets("cmi.core.exit", session: 1) == ["suspend"], "\(label): first session did not suspend")
        #expect(good.sets("cmi.core.lesson_location", session: 2).first == "2", "\(label): did not resume at page 3: \(good.sets("cmi.core.lesson_location", session: 2))")
        #expect(good.calls.contains { $0.session == 2 && $0.function == "LMSGetValue" && $0.arguments.first == "cmi.suspend_data" })
        #expect(good.sets("cmi.core.score.raw").last == "100", "\(label): correct answers scored \(good.sets("cmi.core.score.raw"))")
        #expect(good.store["cmi.core.lesson_status"] == "passed", "\(label): status \(good.store["cmi.core.lesson_status"] ?? "none")")
        #expect(good.sets("cmi.core.exit", session: 2) == [""], "\(label): a finished attempt exits normally")
        #expect(bad.sets("cmi.core.score.raw") == ["0", "100"], "\(label): wrong answers, then right ones, scored \(bad.sets("cmi.core.score.raw"))")
        #expect(bad.sets("cmi.core.lesson_status") == ["incomplete", "failed", "passed"], "\(label): status \(bad.sets("cmi.core.lesson_status"))")
        Self.checkQuizNotes(good, label: label + " correct")
        Self.checkQuizNotes(bad, label: label + " wrong")
        #expect(good.notes.contains { $0.contains("100%") }, "\(label): the learner does not see the score: \(good.notes)")
    }

    @Test(arguments: ["hi", "en"])
    func scorm2004ReportsProgressScoreAndStatus(language: String) throws {
        guard let chromium = Self.chromium() else { return }
        let scratch = try LMSTestSupport.scratch("scorm2004-browser")
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard let folder = try Self.unpack("scorm2004", language: language, scratch: scratch),
              let good = try Self.play(folder, chromium: chromium, sessions: Self.correctSessions),
              let bad = try Self.play(folder, chromium: chromium, sessions: Self.wrongSessions) else { return }
        let label = "SCORM 2004 \(language)"
        for (run, sessions) in [(good, 2), (bad, 1)] {
            for session in 1...sessions {
                #expect(run.count("Initialize", session: session) == 1, "\(label): Initialize in session \(session)")
                #expect(run.count("Terminate", session: session) == 1, "\(label): Terminate once in session \(session)")
                #expect(run.last(session: session) == "Terminate", "\(label): Terminate is the last call of session \(session)")
                let time = run.sets("cmi.session_time", session: session).last ?? ""
                #expect(time.range(of: #"^PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S$"#, options: .regularExpression) != nil, "\(label): session_time '\(time)'")
            }
            let measures = run.sets("cmi.progress_measure").compactMap(Double.init)
            #expect(!measures.isEmpty && measures == measures.sorted(), "\(label): progress_measure \(measures)")
            #expect(measures.last == 1, "\(label): progress did not reach 1: \(measures)")
            #expect(run.sets("cmi.completion_status").first == "incomplete" && run.store["cmi.completion_status"] == "completed",
                    "\(label): completion \(run.sets("cmi.completion_status"))")
        }
        #expect(good.sets("cmi.exit", session: 1) == ["suspend"] && good.sets("cmi.exit", session: 2) == ["normal"], "\(label): exit \(good.sets("cmi.exit"))")
        #expect(good.sets("cmi.location", session: 2).first == "2", "\(label): did not resume at page 3")
        #expect(good.sets("cmi.score.scaled").last == "1" && good.sets("cmi.score.raw").last == "100", "\(label): \(good.sets("cmi.score.scaled"))")
        #expect(good.store["cmi.success_status"] == "passed", "\(label): success \(good.store["cmi.success_status"] ?? "none")")
        #expect(bad.sets("cmi.score.scaled") == ["0", "1"], "\(label): wrong answers, then right ones, scored \(bad.sets("cmi.score.scaled"))")
        #expect(bad.sets("cmi.success_status") == ["failed", "passed"], "\(label): success \(bad.sets("cmi.success_status"))")
        Self.checkQuizNotes(good, label: label + " correct")
        Self.checkQuizNotes(bad, label: label + " wrong")
    }

    /// Without an LMS the page still works and says so quietly; a phone-sized screenshot of a
    /// Hindi page is written for a person to look at (`COURSEKIT_SCREENSHOT_DIR`, else scratch).
    @Test func worksOfflineAndRendersHindi() throws {
        guard let chromium = Self.chromium() else { return }
        let scratch = try LMSTestSupport.scratch("sco-offline")
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard let folder = try Self.unpack("scorm12", language: "hi", scratch: scratch) else { return }
        let page = folder.appendingPathComponent(Self.module)
        let (status, dom, error) = try LMSTestSupport.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
            "--virtual-time-budget=5000", "--dump-dom", page.absoluteString,
        ], in: folder)
        #expect(status == 0, "\(error.suffix(1000))")
        #expect(dom.contains("किसी लर्निंग प्लेटफ़ॉर्म से नहीं जुड़ा है"), "the offline note is missing")
        #expect(dom.range(of: "पृष्ठ 1 / [0-9]+", options: .regularExpression) != nil, "the runtime did not start without an LMS")
        let shots = ProcessInfo.processInfo.environment["COURSEKIT_SCREENSHOT_DIR"].map { URL(fileURLWithPath: $0) } ?? scratch
        let png = shots.appendingPathComponent("sco-hindi-phone.png")
        try? FileManager.default.removeItem(at: png)
        _ = try LMSTestSupport.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=412,915",
            "--user-data-dir=\(scratch.appendingPathComponent("profile2").path)", "--virtual-time-budget=5000",
            "--screenshot=\(png.path)", page.absoluteString,
        ], in: folder)
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "no screenshot of the Hindi page (\(size) bytes)")
    }
}
