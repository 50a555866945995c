import Foundation
import Testing

/// A department's first hour, through the built binary: init, new, libraries and the lock,
/// messages a clerk understands, and honest exit codes.
@Suite("a department's first hour, end to end")
struct FirstHourCommandTests {
    static func scratch() throws -> URL {
        let folder = TestTemporary.url("first-hour")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func initMakesARepositoryThatValidatesCleanWithTheStandardModulesByReference() throws {
        let folder = try Self.scratch()
        let made = try CommandRunner.run(["init", "dept"], in: folder)
        #expect(made.exitCode == 0, "\(made.standardError)")
        #expect(made.standardError.contains("\nnext:  cd dept && coursekit validate"), "one line each, not escaped: \(made.standardError)")
        let dept = folder.appendingPathComponent("dept")
        for path in ["coursekit.yaml", "coursekit.lock", ".gitignore", ".github/workflows/coursekit.yml", ".vscode/settings.json",
                     ".coursekit/schemas/course.schema.json", "libraries/up-karmayogi/library.yaml",
                     "libraries/up-karmayogi/ai-for-public-servants/module.yaml", "courses/first-course/course.yaml",
                     "courses/first-course/modules/introduction/lessons/welcome.md",
                     "courses/first-course/modules/introduction/lessons/welcome.en.md"] {
            #expect(FileManager.default.fileExists(atPath: dept.appendingPathComponent(path).path), "\(path)")
        }
        let course = try String(contentsOf: dept.appendingPathComponent("courses/first-course/course.yaml"), encoding: .utf8)
        #expect(course.contains("- library: up-karmayogi/ai-for-public-servants"))
        #expect(course.contains("- library: up-karmayogi/cyber-security-essentials"))
        #expect(!course.contains("yaml-language-server"))
        let settings = try String(contentsOf: dept.appendingPathComponent(".vscode/settings.json"), encoding: .utf8)
        #expect(settings.contains("\"yaml.schemas\""))
        let workflow = try String(contentsOf: dept.appendingPathComponent(".github/workflows/coursekit.yml"), encoding: .utf8)
        #expect(workflow.contains("COURSEKIT_VERSION"))
        let ignored = try String(contentsOf: dept.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignored.contains("/.coursekit-cache/") && ignored.contains("/dist/"), "pack's cache and output stay out of git")
        let lock = try String(contentsOf: dept.appendingPathComponent("coursekit.lock"), encoding: .utf8)
        #expect(lock.contains("up-karmayogi:") && lock.contains("version: \"2026.1.0\"") && lock.contains("sha256:"))

        let validated = try CommandRunner.run(["validate"], in: dept)
        #expect(validated.exitCode == 0, "\(validated.standardOutput)\(validated.standardError)")
        #expect(validated.standardOutput.hasPrefix("No problems found"))
        // From elsewhere, in Hindi too.
        let hindi = try CommandRunner.run(["validate", "dept", "--lang", "hi"], in: folder)
        #expect(hindi.exitCode == 0, "\(hindi.standardOutput)")

        // The standard modules are packed into the course's archives.
        let packed = try CommandRunner.run(["pack", "--out", "dist"], in: dept)
        #expect(packed.exitCode == 0, "\(packed.standardOutput)\(packed.standardError)")
        #expect(FileManager.default.fileExists(atPath: dept.appendingPathComponent("dist/first-course_1.0.0_hi.ecar").path))
    }

    @Test func initNeverOverwrites() throws {
        let folder = try Self.scratch()
        try Self.write("mine\n", to: folder.appendingPathComponent("dept/notes.txt"))
        let result = try CommandRunner.run(["init", "dept"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("dept").path) == ["notes.txt"])
    }

    @Test func newAddsEveryPieceReferencedAndTheRepositoryStaysClean() throws {
        let folder = try Self.scratch()
        _ = try CommandRunner.run(["init", "dept"], in: folder)
        let dept = folder.appendingPathComponent("dept")
        for arguments in [["new", "course", "land-records"], ["new", "module", "mutation-basics", "--course", "courses/land-records"],
                          ["new", "programme", "revenue-7-day"], ["new", "case-study", "jansunwai-lucknow", "--course", "courses/land-records"]] {
            let result = try CommandRunner.run(arguments, in: dept)
            #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
        }
        let module = dept.appendingPathComponent("courses/land-records/modules/mutation-basics")
        let lesson = try CommandRunner.run(["new", "lesson", "khatauni"], in: module)
        #expect(lesson.exitCode == 0, "\(lesson.standardError)")
        let course = try String(contentsOf: dept.appendingPathComponent("courses/land-records/course.yaml"), encoding: .utf8)
        #expect(course.contains("  - path: modules/mutation-basics"))
        let manifest = try String(contentsOf: module.appendingPathComponent("module.yaml"), encoding: .utf8)
        #expect(manifest.contains("  - file: lessons/khatauni.md"))
        // Durations were kept honest: the module is its two lessons and its quiz, the course its modules.
        #expect(manifest.contains("duration: PT7M"))
        #expect(course.contains("duration: PT2H21M"))
        #expect(course.contains("caseStudies:\n  - ../case-studies/jansunwai-lucknow"))
        // A quiz for a module that has none (its five minutes taken off first).
        try Data(manifest.replacingOccurrences(of: "assessment:\n  quiz: quiz.yaml\n", with: "")
            .replacingOccurrences(of: "duration: PT7M", with: "duration: PT2M").utf8)
            .write(to: module.appendingPathComponent("module.yaml"))
        let courseFile = dept.appendingPathComponent("courses/land-records/course.yaml")
        try Data(course.replacingOccurrences(of: "duration: PT2H21M", with: "duration: PT2H16M").utf8).write(to: courseFile)
        try FileManager.default.removeItem(at: module.appendingPathComponent("quiz.yaml"))
        let quiz = try CommandRunner.run(["new", "quiz", "mutation-basics-quiz", "--module", "courses/land-records/modules/mutation-basics"], in: dept)
        #expect(quiz.exitCode == 0, "\(quiz.standardError)")

        let validated = try CommandRunner.run(["validate"], in: dept)
        #expect(validated.exitCode == 0, "\(validated.standardOutput)")
        #expect(validated.standardOutput.hasPrefix("No problems found"), "\(validated.standardOutput)")

        let again = try CommandRunner.run(["new", "course", "land-records"], in: dept)
        #expect(again.exitCode == 2)
        #expect(again.standardError.contains("already exists"))
        let badName = try CommandRunner.run(["new", "course", "Land Records"], in: dept)
        #expect(badName.exitCode == 2)
    }

    @Test func anEditedVendoredLibraryFileIsReportedAndUpdateShowsWhatChanged() throws {
        let folder = try Self.scratch()
        _ = try CommandRunner.run(["init", "dept"], in: folder)
        let dept = folder.appendingPathComponent("dept")
        let lesson = dept.appendingPathComponent("libraries/up-karmayogi/ai-for-public-servants/lessons/what-ai-is.md")
        let handle = try FileHandle(forWritingTo: lesson)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nOur own paragraph.\n".utf8))
        try handle.close()
        let validated = try CommandRunner.run(["validate"], in: dept)
        #expect(validated.exitCode == 1)
        #expect(validated.standardOutput.contains(
            "libraries/up-karmayogi/ai-for-public-servants/lessons/what-ai-is.md:1:1: error[library-modified]:"))
        let status = try CommandRunner.run(["library", "status"], in: dept)
        #expect(status.exitCode == 1)
        #expect(status.standardOutput.contains("up-karmayogi 2026.1.0 (builtin)"))
        let update = try CommandRunner.run(["library", "update"], in: dept)
        #expect(update.exitCode == 0, "\(update.standardError)")
        #expect(update.standardOutput.contains("ai-for-public-servants/lessons/what-ai-is.md"))
        #expect(try CommandRunner.run(["validate"], in: dept).exitCode == 0)
    }

    @Test func aFolderLibraryIsLockedAndItsChangesListed() throws {
        let folder = try Self.scratch()
        _ = try CommandRunner.run(["init", "dept"], in: folder)
        let dept = folder.appendingPathComponent("dept")
        // A district library in a folder beside the repository, version 1.0.0 then 1.1.0.
        let library = folder.appendingPathComponent("district")
        try FileManager.default.copyItem(
            at: dept.appendingPathComponent("libraries/up-karmayogi/cyber-safety-for-field-staff"),
            to: library.appendingPathComponent("cyber-safety-for-field-staff"))
        try Self.write("name: district\nversion: 1.0.0\n", to: library.appendingPathComponent("library.yaml"))
        let config = dept.appendingPathComponent("coursekit.yaml")
        try Data((try String(contentsOf: config, encoding: .utf8)).replacingOccurrences(
            of: "  up-karmayogi: builtin", with: "  up-karmayogi: builtin\n  district: {path: ../district}").utf8).write(to: config)
        let missing = try CommandRunner.run(["validate"], in: dept)
        #expect(missing.exitCode == 1)
        #expect(missing.standardOutput.contains("error[library-missing]: library 'district' is declared but not installed"))
        let first = try CommandRunner.run(["library", "update", "district"], in: dept)
        #expect(first.exitCode == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("district 1.0.0 added"))
        try Self.write("name: district\nversion: 1.1.0\n", to: library.appendingPathComponent("library.yaml"))
        try Self.write("# नोट\n", to: library.appendingPathComponent("cyber-safety-for-field-staff/NOTES.md"))
        let second = try CommandRunner.run(["library", "update", "--dry-run"], in: dept)
        #expect(second.standardOutput.contains("district 1.0.0 → 1.1.0"))
        #expect(second.standardOutput.contains("+ cyber-safety-for-field-staff/NOTES.md"))
        #expect(second.standardOutput.contains("~ library.yaml"))
        let lock = try String(contentsOf: dept.appendingPathComponent("coursekit.lock"), encoding: .utf8)
        #expect(lock.contains("version: \"1.0.0\""), "a dry run leaves the lock alone")
        // A reference to a module the library does not have.
        let course = dept.appendingPathComponent("courses/first-course/course.yaml")
        try Data((try String(contentsOf: course, encoding: .utf8)).replacingOccurrences(
            of: "up-karmayogi/cyber-security-essentials", with: "district/cyber-safety-for-field-staf").utf8).write(to: course)
        let wrong = try CommandRunner.run(["validate"], in: dept)
        #expect(wrong.standardOutput.contains("error[library-missing]: library 'district' has no module 'cyber-safety-for-field-staf' (did you mean 'district/cyber-safety-for-field-staff'?)"))
    }

    @Test func aGitLibraryIsFetchedAtItsTag() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else {
            print("aGitLibraryIsFetchedAtItsTag: skipped, git is missing")
            return
        }
        let folder = try Self.scratch()
        _ = try CommandRunner.run(["init", "dept"], in: folder)
        let dept = folder.appendingPathComponent("dept")
        // A library published in a git repository, tagged v1.0.0, then changed after the tag.
        let source = folder.appendingPathComponent("district-git")
        try FileManager.default.copyItem(
            at: dept.appendingPathComponent("libraries/up-karmayogi/cyber-safety-for-field-staff"),
            to: source.appendingPathComponent("library/cyber-safety-for-field-staff"))
        try Self.write("name: district\nversion: 1.0.0\n", to: source.appendingPathComponent("library/library.yaml"))
        // Its own ids: the same module id in two libraries would be a duplicate-id.
        for name in ["module.yaml", "quiz.yaml"] {
            let url = source.appendingPathComponent("library/cyber-safety-for-field-staff/\(name)")
            try Data((try String(contentsOf: url, encoding: .utf8)).replacingOccurrences(of: "id: cyber-safety", with: "id: district-cyber-safety").utf8).write(to: url)
        }
        let git = { (arguments: [String]) throws -> CommandResult in
            try InstallTests.run("/usr/bin/git", ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"] + arguments,
                                 in: source)
        }
        #expect(try git(["init", "-q"]).exitCode == 0)
        #expect(try git(["add", "."]).exitCode == 0)
        #expect(try git(["commit", "-qm", "v1"]).exitCode == 0)
        #expect(try git(["tag", "v1.0.0"]).exitCode == 0)
        try Self.write("name: district\nversion: 1.1.0-dev\n", to: source.appendingPathComponent("library/library.yaml"))
        #expect(try git(["commit", "-qam", "after the tag"]).exitCode == 0)
        let config = dept.appendingPathComponent("coursekit.yaml")
        try Data((try String(contentsOf: config, encoding: .utf8)).replacingOccurrences(
            of: "  up-karmayogi: builtin",
            with: "  up-karmayogi: builtin\n  district: {git: \"file://\(source.path)\", tag: v1.0.0, subfolder: library}").utf8).write(to: config)
        let update = try CommandRunner.run(["library", "update", "district"], in: dept)
        #expect(update.exitCode == 0, "\(update.standardError)")
        #expect(update.standardOutput.contains("district 1.0.0 added (git:file://"), "\(update.standardOutput)")
        let lock = try String(contentsOf: dept.appendingPathComponent("coursekit.lock"), encoding: .utf8)
        #expect(lock.contains("@v1.0.0#library"))
        let validated = try CommandRunner.run(["validate"], in: dept)
        #expect(validated.exitCode == 0, "\(validated.standardOutput)")
        // A tag that does not exist: exit 2, nothing changed.
        try Data((try String(contentsOf: config, encoding: .utf8)).replacingOccurrences(of: "tag: v1.0.0", with: "tag: v9").utf8).write(to: config)
        let missing = try CommandRunner.run(["library", "update", "district"], in: dept)
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.contains("cannot fetch library 'district'"))
        #expect(try String(contentsOf: dept.appendingPathComponent("coursekit.lock"), encoding: .utf8) == lock)
    }

    @Test func theModuleRulesPointAtTheLibraryForm() throws {
        let folder = try Self.scratch()
        _ = try CommandRunner.run(["init", "dept"], in: folder)
        let dept = folder.appendingPathComponent("dept")
        let course = dept.appendingPathComponent("courses/first-course/course.yaml")
        try Data((try String(contentsOf: course, encoding: .utf8)).replacingOccurrences(
            of: "  - library: up-karmayogi/ai-for-public-servants        # the state's standard AI module\n", with: "").utf8).write(to: course)
        let result = try CommandRunner.run(["validate"], in: dept)
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("'- library: up-karmayogi/ai-for-public-servants'"))
    }

    // MARK: - Messages

    @Test func yamlMistakesAreExplainedInEnglishAndHindi() throws {
        let folder = try Self.scratch()
        let cases: [(String, String, String, String)] = [
            ("tab", "id: abc-module\nlanguages: [hi, en]\ntitle:\n\thi: x\n", "YAML does not allow tab characters for indentation; use spaces",
             "YAML में इंडेंटेशन के लिए टैब की अनुमति नहीं है"),
            ("colon", "id: abc-module\nlanguages: [hi, en]\ntitle:\n  hi: मातृ एवं: नवजात\n", "put the text in quotes", "उद्धरण चिह्नों"),
            ("flow", "id: abc-module\ntitle: {hi: मातृ एवं: नवजात, en: x}\n", "must be put in quotes", "उद्धरण चिह्नों"),
        ]
        for (name, text, english, hindi) in cases {
            try Self.write(text, to: folder.appendingPathComponent("\(name)/module.yaml"))
            let en = try CommandRunner.run(["validate", name], in: folder)
            #expect(en.exitCode == 1)
            #expect(en.standardOutput.components(separatedBy: "error[yaml-syntax]").count == 2, "one finding: \(en.standardOutput)")
            #expect(en.standardOutput.contains(english), "\(en.standardOutput)")
            #expect(!en.standardOutput.contains("cannot start any token"))
            let hi = try CommandRunner.run(["validate", name, "--lang", "hi"], in: folder)
            #expect(hi.standardOutput.contains(hindi), "\(hi.standardOutput)")
            #expect(hi.standardOutput.contains("1 फ़ाइल जाँची गई: 1 त्रुटि, 0 चेतावनियाँ, 0 सूचनाएँ।"), "\(hi.standardOutput)")
        }
    }

    @Test func anUnquotedCommaInAFlowMapSaysToQuoteAndShowsNoRegex() throws {
        let folder = try Self.scratch()
        let dept = folder.appendingPathComponent("dept")
        _ = try CommandRunner.run(["init", "dept"], in: folder)
        let course = dept.appendingPathComponent("courses/first-course/course.yaml")
        let text = try String(contentsOf: course, encoding: .utf8).replacingOccurrences(
            of: "  name:\n    hi: विभाग का नाम, उत्तर प्रदेश\n    en: Name of the department, Uttar Pradesh\n",
            with: "  name: { hi: राजस्व विभाग, उत्तर प्रदेश, en: \"Revenue Department, Uttar Pradesh\" }\n")
        try Data(text.utf8).write(to: course)
        for language in ["en", "hi"] {
            let result = try CommandRunner.run(["validate", "--lang", language], in: dept)
            #expect(result.exitCode == 1)
            #expect(!result.standardOutput.contains("^[a-z]"), "no regex: \(result.standardOutput)")
            #expect(!result.standardOutput.contains("pattern"), "\(result.standardOutput)")
            #expect(result.standardOutput.contains(language == "en" ? "put the whole text in quotes" : "उद्धरण चिह्नों में रखें"), "\(result.standardOutput)")
            #expect(result.standardOutput.components(separatedBy: "[schema-").count == 2, "one finding: \(result.standardOutput)")
            #expect(result.standardOutput.contains("hi: \"राजस्व विभाग, उत्तर प्रदेश\""))
        }
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreAccepted() throws {
        let folder = try Self.scratch()
        _ = try CommandRunner.run(["init", "dept"], in: folder)
        let dept = folder.appendingPathComponent("dept")
        let module = dept.appendingPathComponent("courses/first-course/modules/introduction")
        for name in ["module.yaml", "quiz.yaml", "lessons/welcome.md", "lessons/welcome.en.md"] {
            let url = module.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            var data = Data([0xEF, 0xBB, 0xBF])
            data.append(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
            try data.write(to: url)
        }
        let clean = try CommandRunner.run(["validate", "--config", "coursekit.yaml"], in: dept)
        #expect(clean.exitCode == 0, "\(clean.standardOutput)")
        // The modeline check (on in a repository that carries schemas/) sees no "^M".
        try Self.write("rules:\n  schema-reference: warning\nlibraries:\n  up-karmayogi: builtin\n", to: dept.appendingPathComponent("coursekit.yaml"))
        let manifest = module.appendingPathComponent("module.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try Data(("# yaml-language-server: $schema=../../../../.coursekit/schemas/module.schema.json\r\n" + text.dropFirst()).utf8).write(to: manifest)
        let warned = try CommandRunner.run(["validate", "courses/first-course/modules/introduction/module.yaml"], in: dept)
        #expect(!warned.standardOutput.contains("module.yaml:1:") , "\(warned.standardOutput)")
        #expect(!warned.standardOutput.contains("\r"))
        // A syntax error in a CRLF file keeps its excerpt and caret.
        try Data("id: abc-module\r\nlanguages: [hi, en]\r\ntitle:\r\n\thi: x\r\n".utf8).write(to: manifest)
        let broken = try CommandRunner.run(["validate", "courses/first-course/modules/introduction/module.yaml", "--no-color"], in: dept)
        let lines = broken.standardOutput.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("module.yaml:4:1: error[yaml-syntax]: YAML syntax error: YAML does not allow tab characters") }, "\(broken.standardOutput)")
        #expect(lines[index + 1] == " 4 | \thi: x")
        #expect(lines[index + 2] == "   | ^")
    }

    @Test func schemaReferenceIsOffOutsideARepositoryThatCarriesTheSchemas() throws {
        let folder = try Self.scratch()
        _ = try CommandRunner.run(["init", "dept"], in: folder)
        let dept = folder.appendingPathComponent("dept")
        try Self.write("rules:\n  schema-reference: warning\nlibraries:\n  up-karmayogi: builtin\n", to: dept.appendingPathComponent("coursekit.yaml"))
        let on = try CommandRunner.run(["validate"], in: dept)
        #expect(on.standardOutput.contains("warning[schema-reference]"))
    }

    @Test func helpIsInHindiWhenTheMessageLanguageIsHindi() throws {
        let folder = try Self.scratch()
        let byOption = try CommandRunner.run(["validate", "--lang", "hi", "--help"], in: folder)
        #expect(byOption.exitCode == 0)
        #expect(byOption.standardOutput.contains("उपयोग: coursekit validate"))
        #expect(byOption.standardOutput.contains("विकल्प:"))
        #expect(byOption.standardOutput.contains("जाँचने के लिए फ़ाइलें या फ़ोल्डर"))
        let byEnvironment = try CommandRunner.run(["--help"], in: folder, environment: ["COURSEKIT_LANG": "hi"])
        #expect(byEnvironment.standardOutput.contains("उप-आदेश:"))
        #expect(byEnvironment.standardOutput.contains("iGOT कर्मयोगी के लिए"))
        let english = try CommandRunner.run(["validate", "--help"], in: folder)
        #expect(english.standardOutput.contains("USAGE: coursekit validate"))
    }

    @Test func anAnswerKeyOnAChoiceQuestionSaysHowChoiceQuestionsMarkTheirAnswer() throws {
        let folder = try Self.scratch()
        _ = try CommandRunner.run(["init", "dept"], in: folder)
        let quiz = folder.appendingPathComponent("dept/courses/first-course/modules/introduction/quiz.yaml")
        var text = try String(contentsOf: quiz, encoding: .utf8)
        let start = try #require(text.range(of: "    options:\n"))
        let end = try #require(text.range(of: "    explanation", range: start.upperBound..<text.endIndex))
        text.replaceSubrange(start.lowerBound..<end.lowerBound, with: "    answer: 3\n")
        try Data(text.utf8).write(to: quiz)
        let result = try CommandRunner.run(["validate", "dept", "--quiet"], in: folder)
        #expect(result.exitCode == 1)
        let errors = result.standardOutput.components(separatedBy: "\n").filter { $0.contains(": error[") }
        #expect(errors.count == 1, "\(result.standardOutput)")
        #expect(errors.first?.contains("a single-choice question does not use 'answer'") == true)
        #expect(!result.standardOutput.contains("true or false here"))
    }

    // MARK: - CI-honest commands

    @Test func pathsWithNoCourseFilesExitTwoAndPackCreatesNothing() throws {
        let folder = try Self.scratch()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let validate = try CommandRunner.run(["validate", "empty"], in: folder)
        #expect(validate.exitCode == 2)
        #expect(validate.standardError.contains("no course files in empty"))
        let hindi = try CommandRunner.run(["validate", "empty", "--lang", "hi"], in: folder)
        #expect(hindi.standardError.contains("कोई पाठ्यक्रम फ़ाइल नहीं है"))
        let pack = try CommandRunner.run(["pack", "empty", "--out", "out"], in: folder)
        #expect(pack.exitCode == 2)
        let nosuch = try CommandRunner.run(["pack", "nosuch", "--out", "out2"], in: folder)
        #expect(nosuch.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out2").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("dist").path))
    }

    @Test func quietPrintsOnlyFindings() throws {
        let folder = try Self.scratch()
        _ = try CommandRunner.run(["init", "dept"], in: folder)
        let dept = folder.appendingPathComponent("dept")
        let clean = try CommandRunner.run(["validate", "--quiet"], in: dept)
        #expect(clean.exitCode == 0)
        #expect(clean.standardOutput.isEmpty && clean.standardError.isEmpty, "\(clean.standardOutput)\(clean.standardError)")
        let packed = try CommandRunner.run(["pack", "--quiet", "--out", "dist"], in: dept)
        #expect(packed.exitCode == 0)
        #expect(packed.standardOutput.isEmpty && packed.standardError.isEmpty)
    }
}

@Suite("progress on a terminal, none in CI")
struct ProgressLineTests {
    /// Runs coursekit under `script`, which gives it a pseudo-terminal, and returns what the
    /// terminal showed.
    static func onATerminal(_ arguments: String, environment: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "env \(environment) \(CommandRunner.binary.path) \(arguments)", "/dev/null"]
        process.currentDirectoryURL = CommandRunner.packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aTerminalSeesProgressAndCIDoesNot() throws {
        guard let shown = try Self.onATerminal("validate courses --quiet", environment: "-u CI NO_COLOR=1") else {
            print("ProgressLineTests: skipped, /usr/bin/script (bsdutils) is missing")
            return
        }
        // --quiet: no progress either.
        #expect(!shown.contains("checking:"), "\(shown)")
        let progress = try #require(try Self.onATerminal("validate courses", environment: "-u CI NO_COLOR=1"))
        #expect(progress.contains("checking:"), "\(progress)")
        #expect(progress.contains("\r\u{1B}[K"), "the line is erased at the end")
        let ci = try #require(try Self.onATerminal("validate courses", environment: "CI=1 NO_COLOR=1"))
        #expect(!ci.contains("checking:"))
        // Not a terminal (the usual test runner): no progress.
        let piped = try CommandRunner.run(["validate", "courses"], in: CommandRunner.packageRoot, environment: ["CI": ""])
        #expect(!piped.standardError.contains("checking:"))
    }
}
