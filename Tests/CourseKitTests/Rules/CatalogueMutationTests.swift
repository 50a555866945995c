import Foundation
import Testing
@testable import CourseKit

/// A temporary copy of the shipped catalogue (courses/, the example department repository,
/// schemas/ and coursekit.yaml with its glossary), changed in one place per test.
final class CatalogueCopy {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("examples"), withIntermediateDirectories: true)
        for item in ["courses", "schemas", "coursekit.yaml", "examples/department-repo"] {
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func text(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Replaces the first occurrence (or all) of `old` in a file; the test fails if it is not there.
    func replace(_ path: String, _ old: String, with new: String, all: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = try text(path)
        guard let range = text.range(of: old) else {
            Issue.record("'\(old)' is not in \(path)", sourceLocation: sourceLocation)
            return
        }
        try write(path, all ? text.replacingOccurrences(of: old, with: new) : text.replacingCharacters(in: range, with: new))
    }

    /// `path:line:col` of the `occurrence`-th `needle` in a file, columns in Unicode scalars.
    func position(of needle: String, in path: String, occurrence: Int = 1) throws -> String {
        let lines = try text(path).components(separatedBy: "\n")
        var seen = 0
        for (index, line) in lines.enumerated() {
            var searchStart = line.startIndex
            while let range = line.range(of: needle, range: searchStart..<line.endIndex) {
                seen += 1
                if seen == occurrence {
                    return "\(path):\(index + 1):\(line[..<range.lowerBound].unicodeScalars.count + 1)"
                }
                searchStart = range.upperBound
            }
        }
        Issue.record("'\(needle)' occurs fewer than \(occurrence) times in \(path)")
        return "?"
    }

    /// `path:line:col` of `needle` inside the first occurrence of `context` (which may span lines).
    func position(of needle: String, in path: String, within context: String) throws -> String {
        let text = try text(path)
        guard let outer = text.range(of: context), let inner = text.range(of: needle, range: outer) else {
            Issue.record("'\(needle)' in '\(context)' is not in \(path)")
            return "?"
        }
        let before = text[..<inner.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return "\(path):\(line):\(text[lineStart..<inner.lowerBound].unicodeScalars.count + 1)"
    }

    func result(paths: [String] = ["courses", "examples/department-repo"]) throws -> ValidationResult {
        let options = try ValidationOptions.load(workingDirectory: folder)
        return try Validator(options: options).validate(paths: paths)
    }

    /// Findings of `rules` as `path:line:col rule-id`.
    func findings(_ rules: Set<String>, paths: [String] = ["courses", "examples/department-repo"]) throws -> [String] {
        try result(paths: paths).findings.filter { rules.contains($0.ruleID) }.map { "\($0.location) \($0.ruleID)" }
    }
}

@Suite("The shipped catalogue, mutated: effort, evaluation, vocabulary and domain rules")
struct CatalogueMutationTests {
    static let newRules: Set<String> = [
        "duration-matches-effort", "duration-adds-up", "session-fits-content", "programme-evaluation",
        "final-assessment-required", "pass-mark-policy", "case-study-used", "glossary-term", "example-domain-reserved",
        "ai-module-required", "cyber-security-module-required",
    ]

    @Test func theShippedCatalogueAndTheDepartmentExamplePass() throws {
        let options = try ValidationOptions.load(workingDirectory: CatalogueCopy.packageRoot)
        let result = try Validator(options: options).validate(paths: ["courses", "examples/department-repo"])
        let ours = result.findings.filter { Self.newRules.contains($0.ruleID) }
        #expect(ours.isEmpty, "\(ours.map { "\($0.location) \($0.ruleID): \($0.message.en)" })")
        #expect(!result.fails(at: .error))
    }

    // MARK: Durations

    @Test func aRolePlayDeclaredAsNineMinutes() throws {
        let copy = try CatalogueCopy()
        let module = "courses/police-citizen-centric-policing/modules/cyber-crime-complaint/module.yaml"
        try copy.replace(module, "duration: PT30M", with: "duration: PT9M")
        let found = try copy.findings(["duration-matches-effort", "duration-adds-up"])
        #expect(found.contains("\(try copy.position(of: "PT9M", in: module)) duration-matches-effort"), "\(found)")
        // The module's PT50M is no longer its lessons plus its quiz (29 min).
        #expect(found.contains("\(try copy.position(of: "PT50M", in: module)) duration-adds-up"), "\(found)")
    }

    @Test func aModuleDeclaredAtTwiceItsLessons() throws {
        let copy = try CatalogueCopy()
        let module = "courses/panchayat-ulb-grievance-citizen-services/modules/grievance-handling/module.yaml"
        try copy.replace(module, "\nduration: PT38M", with: "\nduration: PT1H")
        let found = try copy.findings(["duration-adds-up"])
        #expect(found.contains("\(try copy.position(of: "PT1H", in: module)) duration-adds-up"), "\(found)")
        // …and the course total no longer adds up either? It declares its modules' old sum.
        #expect(found.contains("\(try copy.position(of: "PT3H11M", in: "courses/panchayat-ulb-grievance-citizen-services/course.yaml")) duration-adds-up"))
    }

    @Test func aCourseTotalThatIsNotTheSumOfItsModules() throws {
        let copy = try CatalogueCopy()
        let course = "courses/panchayat-ulb-grievance-citizen-services/course.yaml"
        try copy.replace(course, "duration: PT3H11M", with: "duration: PT4H30M")
        let result = try copy.result()
        let finding = try #require(result.findings.first { $0.ruleID == "duration-adds-up" })
        #expect("\(finding.location)" == (try copy.position(of: "PT4H30M", in: course)))
        #expect(finding.message.en.contains("add up to 3 h 11 min"))
        #expect(finding.hint?.en.contains("PT3H11M") == true)
        #expect(finding.message.hi.contains("योग"))
    }

    @Test func aFrontMatterDurationFarFromTheEdition() throws {
        let copy = try CatalogueCopy()
        let lesson = "courses/library/ai-for-public-servants/lessons/what-ai-is.hi.md"
        try copy.replace(lesson, "duration: PT6M", with: "duration: PT45M")
        let found = try copy.findings(["duration-matches-effort"])
        #expect(found == ["\(try copy.position(of: "PT45M", in: lesson)) duration-matches-effort"])
    }

    @Test func aProgrammeDayThatDeclaresTheWrongHours() throws {
        let copy = try CatalogueCopy()
        let programme = "courses/programmes/upam-7-day-induction/programme.yaml"
        try copy.replace(programme, "      en: AI at work and personal data\n", with: "      en: AI at work and personal data\n    duration: PT8H\n")
        let found = try copy.findings(["duration-adds-up", "schema-unknown-key"])
        #expect(found == ["\(try copy.position(of: "PT8H", in: programme)) duration-adds-up"])
    }

    @Test func aSessionShorterThanTheCourseItSchedules() throws {
        let copy = try CatalogueCopy()
        let programme = "courses/programmes/upam-7-day-induction/programme.yaml"
        try copy.replace(programme, """
                    duration: PT1H30M
                    module: ../../panchayat-ulb-grievance-citizen-services/modules/grievance-handling
            """, with: """
                    duration: PT2H
                    course: ../../panchayat-ulb-grievance-citizen-services
            """)
        let result = try copy.result(paths: ["courses/programmes"])
        let finding = try #require(result.findings.first { $0.ruleID == "session-fits-content" })
        #expect("\(finding.location)" == (try copy.position(of: "PT2H", in: programme, within: "PT2H\n        course:")))
        #expect(finding.message.en.contains("course 'panchayat-ulb-grievance-citizen-services' it schedules takes 3 h 11 min"))
    }

    // MARK: AI and cyber minimums, measured

    @Test func aTokenAIModuleFailsWhateverItDeclares() throws {
        let copy = try CatalogueCopy()
        let course = "examples/department-repo/courses/e-office-for-revenue-clerks/course.yaml"
        try copy.replace(course, "../library/ai-for-public-servants", with: "modules/ai-token")
        let folder = "examples/department-repo/courses/e-office-for-revenue-clerks/modules/ai-token"
        try copy.write("\(folder)/module.yaml", """
            # yaml-language-server: $schema=../../../../../../schemas/module.schema.json
            id: ai-token
            languages: [hi, en]
            title: {hi: एआई, en: AI}
            tags: [ai]
            duration: PT1H
            lessons:
              - file: lessons/ai.md
                title: {hi: एआई, en: AI}
                duration: PT55M
                kind: reading
            assessment:
              quiz: quiz.yaml

            """)
        try copy.write("\(folder)/lessons/ai.md", "# एआई\n\nएआई एक उपकरण है। इसका उपयोग सावधानी से करें और हर उत्तर की जाँच करें।\n")
        try copy.write("\(folder)/lessons/ai.en.md", "# AI\n\nAI is a tool. Use it with care and check every answer it gives you.\n")
        try copy.write("\(folder)/quiz.yaml", """
            # yaml-language-server: $schema=../../../../../../schemas/quiz.schema.json
            id: ai-token-quiz
            languages: [hi, en]
            passMark: 70
            questions:
              - {id: q1, type: true-false, prompt: {hi: एआई ग़लत हो सकता है।, en: AI can be wrong.}, answer: true, explanation: {hi: हाँ।, en: Yes.}}

            """)
        let found = try copy.findings(["ai-module-required", "duration-matches-effort"])
        #expect(found.contains("\(try copy.position(of: "modules:", in: course)) ai-module-required"), "\(found)")
        #expect(found.contains("\(try copy.position(of: "PT55M", in: "\(folder)/module.yaml")) duration-matches-effort"))
        // The department cannot lower the state's minimum to let it pass.
        try copy.replace("examples/department-repo/coursekit.yaml", "rules:\n", with: "rules:\n  ai-module-required:\n    parameters:\n      minimumDuration: PT20M\n")
        let department = copy.folder.appendingPathComponent("examples/department-repo")
        #expect {
            _ = try ValidationOptions.load(workingDirectory: department)
        } throws: { error in
            guard let error = error as? ToolError else { return false }
            return "examples/department-repo/" + (error.location?.description ?? "") == (try? copy.position(of: "PT20M", in: "examples/department-repo/coursekit.yaml"))
                && error.message.en.contains("locked by policy pack 'up-karmayogi-2026'")
                && error.message.en.contains("AI and cyber security")
        }
    }

    // MARK: Regular evaluation

    @Test func aProgrammeWithoutADailyCheckBaselineOrFinal() throws {
        let copy = try CatalogueCopy()
        let programme = "courses/programmes/upam-7-day-induction/programme.yaml"
        try copy.replace(programme, "      en: \"Daily check: cyber security (10 questions, 20 minutes, then the answers discussed)\"\n        duration: PT30M\n        mode: assessment",
                         with: "      en: \"Daily check: cyber security (10 questions, 20 minutes, then the answers discussed)\"\n        duration: PT30M\n        mode: classroom")
        var found = try copy.findings(["programme-evaluation"], paths: ["courses/programmes"])
        #expect(found == ["\(try copy.position(of: "sessions:", in: programme, occurrence: 3)) programme-evaluation"])
        try copy.replace(programme, "        duration: PT30M\n        mode: assessment", with: "        duration: PT30M\n        mode: classroom")
        try copy.replace(programme, "        duration: PT2H\n        mode: assessment", with: "        duration: PT2H\n        mode: classroom")
        found = try copy.findings(["programme-evaluation"], paths: ["courses/programmes"])
        #expect(found.contains("\(try copy.position(of: "sessions:", in: programme, occurrence: 1)) programme-evaluation"))
        #expect(found.contains("\(try copy.position(of: "sessions:", in: programme, occurrence: 7)) programme-evaluation"))
    }

    @Test func aCourseForPromotionWithoutAFinalAssessment() throws {
        let copy = try CatalogueCopy()
        try copy.replace("courses/library/cyber-security-essentials/module.yaml", "assessment:\n  quiz: quiz.yaml\n", with: "")
        let course = "courses/rural-roads-quality-control/course.yaml"
        let found = try copy.findings(["final-assessment-required"])
        #expect(found.contains("\(try copy.position(of: "../library/cyber-security-essentials", in: course)) final-assessment-required"), "\(found)")
    }

    @Test func passMarksFollowThePolicyUnlessACourseGivesAReason() throws {
        let copy = try CatalogueCopy()
        let quiz = "courses/rural-roads-quality-control/modules/new-technologies-rural-roads/quiz.yaml"
        try copy.replace(quiz, "passMark: 65", with: "passMark: 40")
        #expect(try copy.findings(["pass-mark-policy"]) == ["\(try copy.position(of: "40", in: quiz)) pass-mark-policy"])
        let course = "courses/rural-roads-quality-control/course.yaml"
        try copy.replace(course, "modules:\n", with: "passMark:\n  value: 40\n  reason: pilot course for contract engineers, agreed with the department\nmodules:\n")
        #expect(try copy.findings(["pass-mark-policy", "schema-unknown-key"]) == [])
    }

    // MARK: Case studies

    @Test func aCaseStudyNoCourseOrProgrammeUses() throws {
        let copy = try CatalogueCopy()
        try copy.replace("courses/police-citizen-centric-policing/course.yaml", "caseStudies:\n  - ../case-studies/up-112-emergency-response\n", with: "")
        try copy.replace("courses/programmes/in-service-7-day/programme.yaml", "        caseStudy: ../../case-studies/up-112-emergency-response\n", with: "")
        let caseStudy = "courses/case-studies/up-112-emergency-response/case-study.yaml"
        // Checking the case study alone gives the same answer as checking everything.
        #expect(try copy.findings(["case-study-used"], paths: ["courses/case-studies"]) == ["\(try copy.position(of: "id:", in: caseStudy)) case-study-used"])
        #expect(try copy.findings(["case-study-used"]) == ["\(try copy.position(of: "id:", in: caseStudy)) case-study-used"])
        try copy.replace("courses/anm-asha-maternal-newborn-care/course.yaml", "modules:\n", with: "caseStudies:\n  - ../case-studies/no-such-study\nmodules:\n")
        #expect(try copy.findings(["case-study-used"]).contains("\(try copy.position(of: "../case-studies/no-such-study", in: "courses/anm-asha-maternal-newborn-care/course.yaml")) case-study-used"))
    }

    // MARK: One vocabulary

    @Test func glossaryVariantsFromTheIssueAreFound() throws {
        let copy = try CatalogueCopy()
        let lesson = "courses/anm-asha-maternal-newborn-care/modules/home-based-newborn-care/lessons/visit-checklist.md"
        let text = try copy.text(lesson)
        try copy.write(lesson, text + "\nयह चेकलिस्ट देखें। खतरे के संकेत हों तो जन्म प्रमाणपत्र और प्रमाण पत्र बाद में।\n")
        let module = "courses/anm-asha-maternal-newborn-care/modules/home-based-newborn-care/module.yaml"
        try copy.replace(module, "hi: गृह-आधारित", with: "hi: जांच-सूची और गृह-आधारित")
        let found = try copy.findings(["glossary-term"])
        for needle in ["चेकलिस्ट", "खतरे", "प्रमाणपत्र", "प्रमाण पत्र"] {
            #expect(found.contains("\(try copy.position(of: needle, in: lesson)) glossary-term"), "\(needle): \(found)")
        }
        #expect(found.contains("\(try copy.position(of: "जांच-सूची", in: module)) glossary-term"), "\(found)")
        #expect(found.count == 5, "\(found)")
        let result = try copy.result()
        let checklist = try #require(result.findings.first { $0.ruleID == "glossary-term" && $0.message.en.contains("चेकलिस्ट") })
        #expect(checklist.message.en.contains("write 'जाँच-सूची' (checklist)"))
    }

    // MARK: Safe domains

    @Test func realLookingDomainsInQuizzesAndLessons() throws {
        let copy = try CatalogueCopy()
        let quiz = "courses/library/cyber-safety-for-field-staff/quiz.yaml"
        let quizText = try copy.text(quiz)
        let target = try #require(quizText.range(of: "cybercrime.gov.in"))
        try copy.write(quiz, quizText.replacingCharacters(in: target, with: "cyberpolice.com or cybercrime.gov.in"))
        let lesson = "courses/library/cyber-security-essentials/lessons/phishing-and-frauds.md"
        try copy.write(lesson, try copy.text(lesson) + "\nSee https://upjansunwai.com/login and upjansunwai.example.com, jansunwai.up.nic.in, portal.test.\n")
        let found = try copy.findings(["example-domain-reserved"])
        #expect(found.sorted() == [
            "\(try copy.position(of: "upjansunwai.com", in: lesson)) example-domain-reserved",
            "\(try copy.position(of: "cyberpolice.com", in: quiz)) example-domain-reserved",
        ].sorted(), "\(found)")
    }
}

@Suite("Locked policy parameters")
struct LockedParameterTests {
    static func problems(_ text: String) throws -> String? {
        let loader = try ConfigFixtures.loader()
        do throws(ToolError) {
            _ = try loader.parse(text: text, file: "coursekit.yaml", directory: URL(fileURLWithPath: "/tmp"))
            return nil
        } catch {
            return error.text(in: .en)
        }
    }

    @Test func loosening() throws {
        let cases: [(String, String)] = [
            ("rules:\n  ai-module-required: off\n", "coursekit.yaml:2:23: rule 'ai-module-required' is mandatory in policy pack 'up-karmayogi-2026'"),
            ("rules:\n  seven-day-programme: {severity: warning}\n", "coursekit.yaml:2:35: rule 'seven-day-programme' is mandatory"),
            ("rules:\n  cyber-security-module-required:\n    parameters: {minimumDuration: PT45M}\n", "coursekit.yaml:3:35: parameter 'minimumDuration' of rule 'cyber-security-module-required' is locked by policy pack 'up-karmayogi-2026' to PT1H or more"),
            ("rules:\n  seven-day-programme:\n    parameters: {minimumDays: 5}\n", "coursekit.yaml:3:31: parameter 'minimumDays'"),
            ("rules:\n  seven-day-programme:\n    parameters: {requiredTags: [ai]}\n", "to a list that includes ai, cyber-security"),
            ("rules:\n  hindi-edition-required:\n    parameters: {requiredLanguages: [en]}\n", "coursekit.yaml:3:37: parameter 'requiredLanguages'"),
            ("rules:\n  ai-module-required:\n    parameters: {tag: practical}\n", "coursekit.yaml:3:23: parameter 'tag'"),
            ("rules:\n  programme-evaluation:\n    parameters: {maximumDaysBetween: 3}\n", "to 1 or less (directive: training that is regularly evaluated)"),
            ("overrides:\n  - paths: [drafts]\n    rules: {hindi-edition-required: off}\n", "coursekit.yaml:3:37: rule 'hindi-edition-required' is mandatory in policy pack 'up-karmayogi-2026' (directive: training in Hindi and the regional languages) and cannot be set to 'off' for some paths"),
        ]
        for (config, expected) in cases {
            let problem = try Self.problems(config)
            #expect(problem?.contains(expected) == true, "\(config) → \(problem ?? "no error")")
            if problem?.contains(expected) != true { print("LOCK", config.replacingOccurrences(of: "\n", with: "|"), "→", (problem ?? "nil").replacingOccurrences(of: "\n", with: "|")) }
        }
    }

    @Test func tighteningIsAllowed() throws {
        #expect(try Self.problems("""
            rules:
              ai-module-required: {severity: error, parameters: {minimumDuration: PT1H30M}}
              seven-day-programme:
                parameters: {minimumDays: 8, minimumHoursPerDay: 7, requiredTags: [ai, cyber-security, ethics]}
              hindi-edition-required: {parameters: {requiredLanguages: [hi, ur]}}
              programme-evaluation: {parameters: {maximumDaysBetween: 1}}

            """) == nil)
    }

    @Test func lockedRulesCannotBeSuppressedInline() throws {
        let configuration = Configuration.defaults(directory: URL(fileURLWithPath: "/tmp"))
        let pipeline = FindingPipeline(configuration: configuration, displayBase: URL(fileURLWithPath: "/tmp"))
        let location = SourceLocation(file: "course.yaml", line: 3, column: 1)
        let suppression = Suppression(ruleID: "ai-module-required", reason: "our department has its own AI training elsewhere", scope: .line(4), location: location)
        let finding = try #require(pipeline.check(suppression))
        #expect(finding.ruleID == "suppression-unknown-rule")
        #expect(finding.message.en.contains("cannot be suppressed inline"))
        let other = Suppression(ruleID: "glossary-term", reason: "quotes the portal's own spelling", scope: .line(4), location: location)
        #expect(pipeline.check(other) == nil)
    }
}

@Suite("Effort model, glossary matching and domain detection")
struct EffortModelTests {
    @Test func bandAndCredit() {
        let model = EffortModel()
        let reading = Effort(low: 240, expected: 240, high: 240)
        #expect(model.band(reading) == 60...420)            // 4 min − 3 min … 4 min + 3 min
        let rolePlay = Effort(low: 1_440, expected: 1_440, high: 2_640)
        #expect(model.band(rolePlay) == 1_080...3_300)       // 24 min − 25 % … 44 min + 25 %
        #expect(model.credited(declared: 9 * 60, effort: rolePlay) == 1_080)
        #expect(model.credited(declared: 30 * 60, effort: rolePlay) == 1_800)
        #expect(model.credited(declared: nil, effort: rolePlay) == 1_440)
        let huge = Effort(low: Int.max / 2, expected: Int.max / 2, high: Int.max / 2) + Effort(low: Int.max, expected: Int.max, high: Int.max)
        #expect(huge.high == Int.max)
        #expect(model.band(huge).upperBound > 0)
    }

    @Test func readingRates() {
        let parameters = EffortParameters()
        #expect(parameters.wordsPerMinute(for: "hi") == 140)
        #expect(parameters.wordsPerMinute(for: "en") == 180)
        #expect(parameters.wordsPerMinute(for: "bn") == 140)
    }

    @Test func effortSettingsAreReadAndChecked() throws {
        let loader = try ConfigFixtures.loader()
        let configuration = try loader.parse(text: """
            effort:
              wordsPerMinute: {hi: 120, other: 100}
              activities: {role-play: {minimum: PT25M}}
              timePerQuestion: PT90S
              tolerancePercent: 10

            """, file: "coursekit.yaml", directory: URL(fileURLWithPath: "/tmp"))
        #expect(configuration.policy.effort.wordsPerMinute["hi"] == 120)
        #expect(configuration.policy.effort.otherLanguagesWordsPerMinute == 100)
        #expect(configuration.policy.effort.activities["role-play"]?.minimumSeconds == 1_500)
        #expect(configuration.policy.effort.secondsPerQuestion == 90)
        #expect(configuration.policy.effort.tolerance == 0.1)
        let error = try ConfigFixtures.error(parsing: "effort:\n  timePerQuestion: soon\n")
        #expect(error.location?.description == "coursekit.yaml:2:20")
    }

    @Test func normalisationIgnoresNuktaHyphensSpacesAndCase() {
        #expect(Glossary.normalise("ख़तरे") == Glossary.normalise("खतरे"))
        #expect(Glossary.normalise("\u{0916}\u{093C}तरे") == Glossary.normalise("\u{0959}तरे"))   // decomposed and precomposed nukta
        #expect(Glossary.normalise("प्रमाण-पत्र") == Glossary.normalise("प्रमाण पत्र"))
        #expect(Glossary.normalise("E-Mail") == Glossary.normalise("email"))
    }

    @Test func matchesRespectWordBoundaries() throws {
        let value = try YAMLDocumentLoader().load(text: """
            terms:
              - preferred: {hi: ज़िला}
                forms: {hi: [ज़िले]}
              - preferred: {hi: प्रमाण-पत्र}
                avoid: {hi: [सर्टिफिकेट]}

            """, path: "glossary.yaml")
        let glossary = Glossary(value, file: "glossary.yaml")
        let matches = glossary.matches(in: "जिला अस्पताल, ज़िले में जिलाधिकारी; प्रमाण पत्र और सर्टिफिकेट।", language: "hi")
        #expect(matches.map(\.found) == ["जिला", "प्रमाण पत्र", "सर्टिफिकेट"])
        let text = "जिला अस्पताल, ज़िले में जिलाधिकारी; प्रमाण पत्र और सर्टिफिकेट।"
        let offsets = ["प्रमाण पत्र", "सर्टिफिकेट"].map { text[..<text.range(of: $0)!.lowerBound].unicodeScalars.count }
        #expect(matches.map(\.offset) == [0] + offsets)
        #expect(glossary.matches(in: "जिला", language: "en").isEmpty)
    }

    @Test func domainsInProse() {
        let found = ExampleDomainReserved.domains(in: "Visit https://www.upjansunwai.com/x, mail help@up.nic.in; read quiz.yaml and report.pdf, v1.2.3, e.g. U.P.")
        #expect(found.map(\.0) == ["www.upjansunwai.com", "up.nic.in"])
        let rule = try? ExampleDomainReserved(options: RuleOptions(ruleID: "example-domain-reserved"))
        #expect(rule?.isAcceptable("cybercrime.gov.in") == true)
        #expect(rule?.isAcceptable("portal.example") == true)
        #expect(rule?.isAcceptable("phish.example.org") == true)
        #expect(rule?.isAcceptable("x.localhost") == true)
        #expect(rule?.isAcceptable("gov.in.evil.com") == false)
        #expect(rule?.isAcceptable("notgov.in") == false)
        #expect(ExampleDomainReserved.suggestion(for: "www.upjansunwai.com") == "upjansunwai.example")
    }

    @Test func jsonReportsMeasuredBesideDeclared() throws {
        let options = try ValidationOptions.load(workingDirectory: CatalogueCopy.packageRoot)
        let result = try Validator(options: options).validate(paths: ["courses/police-citizen-centric-policing"])
        let json = JSONReporter().render(result, language: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let effort = try #require(object["effort"] as? [String: Any])
        let courses = try #require(effort["courses"] as? [[String: Any]])
        let police = try #require(courses.first { $0["id"] as? String == "police-citizen-centric-policing" })
        #expect(police["declared"] as? String == "PT4H58M")
        #expect(police["declaredMinutes"] as? Int == 298)
        #expect((police["measuredMinutes"] as? Int ?? 0) > 200)
        let modules = try #require(police["modules"] as? [[String: Any]])
        #expect(modules.count == 5)
        #expect(modules[0]["quizMinutes"] as? Int == 6)
        #expect((modules[0]["lessons"] as? [[String: Any]])?.count == 4)
        // Without effort (hand-made results), the document keeps its old keys only.
        #expect(!JSONReporter().render(ValidationResult(findings: [], checkedFiles: [], rules: []), language: .en).contains("\"effort\""))
    }
}

@Suite("coursekit inspect shows declared durations")
struct InspectDurationTests {
    @Test func theArchiveTreeCarriesDeclaredDurations() throws {
        let scratch = try ScratchFolder("inspect-duration")
        try PackFixture.write(to: scratch.file("repo"))
        let (catalogue, course) = try PackFixture.load(scratch.file("repo"))
        let url = try ECARBuilder(catalogue: catalogue).plan(course: course, language: "en").write(into: scratch.url)
        let tree = try ArchiveInspector().inspect(url)
        #expect(tree.root.duration == 1_800)
        #expect(tree.root.children.first?.duration == 1_200)
        let lines = tree.render().split(separator: "\n")
        #expect(lines[0].contains("· declared 30 min]"))
        #expect(tree.render(in: .hi).contains("घोषित अवधि 30 मिनट"))
    }
}
