import Foundation
import Testing

/// `pack` and `verify` findings go through the configuration, inline suppressions, severities
/// and output formats `validate` uses: the built binary, run as a user would.
@Suite("pack and verify findings through coursekit.yaml and suppressions")
struct RuleConfigurationCommandTests {
    /// A repository (no policy pack) with one course whose quiz has a fill-in question, which
    /// iGOT's QuML player cannot show: `pack-unplayable-question` at `quiz.yaml:10:11`.
    func repository(config: String = "extends: none\n", suppress: Bool = false) throws -> URL {
        let folder = TestTemporary.url("rule-configuration").resolvingSymlinksInPath()
        let files: [String: String] = [
            "coursekit.yaml": config,
            "c/course.yaml": """
                id: office-basics
                version: 1.0.0
                languages: [en, hi]
                title: {en: Office basics, hi: कार्यालय की मूल बातें}
                description: {en: A short course, hi: एक छोटा पाठ्यक्रम}
                modules:
                  - path: m

                """,
            "c/m/module.yaml": """
                id: intro
                languages: [en, hi]
                title: {en: Introduction, hi: परिचय}
                assessment: {quiz: quiz.yaml}
                lessons:
                  - file: lessons/a.md
                    title: {en: Welcome, hi: स्वागत}
                    kind: reading

                """,
            "c/m/lessons/a.md": "# Welcome\n\nRead the circular before the meeting.\n",
            "c/m/lessons/a.hi.md": "# स्वागत\n\nबैठक से पहले परिपत्र पढ़ें।\n",
            "c/m/quiz.yaml": """
                id: intro-quiz
                languages: [en, hi]
                passMark: 60
                questions:
                  - id: q1
                    type: true-false
                    prompt: {en: Share your OTP with the bank., hi: बैंक को अपना ओटीपी बताएँ।}
                    answer: false
                    explanation: {en: Never share an OTP., hi: ओटीपी कभी न बताएँ।}
                  - id: q2
                \(suppress ? "    # coursekit-disable-next-line pack-unplayable-question -- the state LMS plays this quiz, not iGOT\n" : "")    type: fill-in
                    prompt: {en: The cyber fraud helpline is ___., hi: साइबर धोखाधड़ी हेल्पलाइन ___ है।}
                    answers: {en: ["1930"], hi: ["1930"]}
                    explanation: {en: 1930 is the helpline., hi: 1930 हेल्पलाइन है।}

                """,
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    func archives(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("dist").path)) ?? [])
            .filter { $0.hasSuffix(".ecar") }.sorted()
    }

    @Test func packFindingsAreReportedLikeValidateFindings() throws {
        let folder = try repository()
        let run = try CommandRunner.run(["pack", ".", "--out", "dist", "--no-color"], in: folder)
        #expect(run.exitCode == 1, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("c/m/quiz.yaml:11:11: error[pack-unplayable-question]"), "\(run.standardOutput)")
        #expect(archives(folder).isEmpty)
        // SARIF lists every rule of the registry, pack-* and archive-* included.
        let sarif = try CommandRunner.run(["pack", ".", "--out", "dist", "--format", "sarif"], in: folder)
        #expect(sarif.standardOutput.contains("\"id\" : \"pack-unplayable-question\"") || sarif.standardOutput.contains("\"id\": \"pack-unplayable-question\""))
        #expect(sarif.standardOutput.contains("archive-checksum-mismatch"))
        #expect(sarif.standardOutput.contains("\"ruleId\" : \"pack-unplayable-question\"") || sarif.standardOutput.contains("\"ruleId\": \"pack-unplayable-question\""))
    }

    @Test func coursekitYamlRegradesOrSwitchesOffPackRules() throws {
        let warning = try repository(config: "extends: none\nrules:\n  pack-unplayable-question: warning\n")
        let graded = try CommandRunner.run(["pack", ".", "--out", "dist", "--no-color"], in: warning)
        #expect(graded.exitCode == 0, "\(graded.standardOutput)\(graded.standardError)")
        #expect(graded.standardOutput.contains("c/m/quiz.yaml:11:11: warning[pack-unplayable-question]"))
        #expect(archives(warning) == ["office-basics_1.0.0_en.ecar", "office-basics_1.0.0_hi.ecar"])

        let off = try repository(config: "extends: none\noverrides:\n  - paths: [\"c/**\"]\n    rules: {pack-unplayable-question: off}\n")
        let silent = try CommandRunner.run(["pack", ".", "--out", "dist", "--no-color"], in: off)
        #expect(silent.exitCode == 0, "\(silent.standardOutput)\(silent.standardError)")
        #expect(!silent.standardOutput.contains("pack-unplayable-question"))

        // A misspelt pack rule is a configuration error with a suggestion, as for any rule.
        let typo = try repository(config: "extends: none\nrules: {pack-unplayable-questions: off}\n")
        let refused = try CommandRunner.run(["pack", ".", "--out", "dist"], in: typo)
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.contains("did you mean 'pack-unplayable-question'?"), "\(refused.standardError)")
    }

    @Test func anInlineSuppressionCoversAPackFinding() throws {
        let folder = try repository(suppress: true)
        let run = try CommandRunner.run(["pack", ".", "--out", "dist", "--no-color", "--format", "json"], in: folder)
        #expect(run.exitCode == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(!run.standardOutput.contains("pack-unplayable-question"), "\(run.standardOutput)")
        #expect(!run.standardOutput.contains("unused-suppression"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("\"suppressed\" : 1") || run.standardOutput.contains("\"suppressed\": 1") || run.standardOutput.contains("suppressed"))
        #expect(archives(folder).count == 2)
        // validate makes no pack findings: the suppression is not reported as unused there.
        let validate = try CommandRunner.run(["validate", ".", "--no-color"], in: folder)
        #expect(validate.exitCode == 0, "\(validate.standardOutput)")
        #expect(!validate.standardOutput.contains("unused-suppression"), "\(validate.standardOutput)")
    }

    /// Overwrites `files` (path → text) in the repository at `folder`.
    func write(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(path))
        }
    }

    @Test func aMarkdownSuppressionCoversAPackFindingInALesson() throws {
        let folder = try repository(config: "extends: none\nrules: {broken-link: off}\n")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("c/m/quiz.yaml"))
        let lesson = "# स्वागत\n\nयह चित्र देखें: ![पोस्टर](पोस्टर.png)\n"
        let module = "id: intro\nlanguages: [en, hi]\ntitle: {en: Introduction, hi: परिचय}\nlessons:\n  - file: lessons/a.md\n    title: {en: Welcome, hi: स्वागत}\n    kind: reading\n"
        try write(["c/m/module.yaml": module, "c/m/lessons/a.hi.md": lesson], in: folder)
        let plain = try CommandRunner.run(["pack", ".", "--out", "dist", "--no-color"], in: folder)
        // Columns count characters: the image starts at column 17 of the Devanagari line (16 code points before it).
        #expect(plain.standardOutput.contains("c/m/lessons/a.hi.md:3:17: warning[pack-missing-image]"), "\(plain.standardOutput)")

        try write(["c/m/lessons/a.hi.md": "# स्वागत\n\n<!-- coursekit-disable-next-line pack-missing-image -- the poster is added by the state team -->\n"
            + lesson.split(separator: "\n").last! + "\n"], in: folder)
        let suppressed = try CommandRunner.run(["pack", ".", "--out", "dist", "--no-color", "--format", "json"], in: folder)
        #expect(suppressed.exitCode == 0, "\(suppressed.standardOutput)\(suppressed.standardError)")
        #expect(!suppressed.standardOutput.contains("pack-missing-image"), "\(suppressed.standardOutput)")
        #expect(!suppressed.standardOutput.contains("unused-suppression"), "\(suppressed.standardOutput)")
        #expect(archives(folder).count == 2)
    }

    @Test func aSuppressedPackErrorNoLongerBlocksTheArchive() throws {
        // The quiz is missing: validate reports missing-file (switched off here), pack
        // pack-unresolved-reference at the reference, an error that blocks both editions.
        let folder = try repository(config: "extends: none\nrules: {missing-file: off}\n")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("c/m/quiz.yaml"))
        let blocked = try CommandRunner.run(["pack", ".", "--out", "dist", "--no-color"], in: folder)
        #expect(blocked.exitCode == 1, "\(blocked.standardOutput)\(blocked.standardError)")
        #expect(blocked.standardOutput.contains("c/m/module.yaml:4:20: error[pack-unresolved-reference]"), "\(blocked.standardOutput)")
        #expect(archives(folder).isEmpty)

        let module = try String(contentsOf: folder.appendingPathComponent("c/m/module.yaml"), encoding: .utf8)
        try write(["c/m/module.yaml": module.replacingOccurrences(
            of: "assessment:", with: "# coursekit-disable-next-line pack-unresolved-reference -- the quiz is written in the LMS\nassessment:")], in: folder)
        let packed = try CommandRunner.run(["pack", ".", "--out", "dist", "--no-color"], in: folder)
        #expect(packed.exitCode == 0, "\(packed.standardOutput)\(packed.standardError)")
        #expect(!packed.standardOutput.contains("pack-unresolved-reference"), "\(packed.standardOutput)")
        #expect(archives(folder) == ["office-basics_1.0.0_en.ecar", "office-basics_1.0.0_hi.ecar"])
    }

    @Test func verifyFindingsFollowCoursekitYaml() throws {
        let folder = TestTemporary.url("verify-configuration").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dist"), withIntermediateDirectories: true)
        try Data("PK\u{3}\u{4} truncated".utf8).write(to: folder.appendingPathComponent("dist/damaged.ecar"))
        let plain = try CommandRunner.run(["verify", "dist/damaged.ecar", "--no-color"], in: folder)
        #expect(plain.exitCode == 1)
        #expect(plain.standardOutput.contains("error[archive-unreadable]"))

        try "rules: {archive-unreadable: warning}\n".write(to: folder.appendingPathComponent("coursekit.yaml"), atomically: true, encoding: .utf8)
        let graded = try CommandRunner.run(["verify", "dist/damaged.ecar", "--no-color"], in: folder)
        #expect(graded.exitCode == 0, "\(graded.standardOutput)\(graded.standardError)")
        #expect(graded.standardOutput.contains("warning[archive-unreadable]"))
        let failing = try CommandRunner.run(["verify", "dist/damaged.ecar", "--fail-severity", "warning"], in: folder)
        #expect(failing.exitCode == 1)

        try "overrides: [{paths: [\"dist/**\"], rules: {archive-unreadable: off}}]\n"
            .write(to: folder.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
        let off = try CommandRunner.run(["verify", "dist/damaged.ecar", "--config", "other.yaml", "--format", "json"], in: folder)
        #expect(off.exitCode == 0, "\(off.standardOutput)\(off.standardError)")
        #expect(!off.standardOutput.contains("archive-unreadable"))
    }
}
