import ArgumentParser
import CourseKit
import Foundation

/// `coursekit pack`: writes one reproducible ECAR per course (or programme) and language
/// edition; exit 0 when every archive was written, 1 when findings at or above the fail
/// severity (an edition with errors is not written), 2 when coursekit could not run.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Package courses and programmes as iGOT Karmayogi / Sunbird ECAR archives (and as SCORM 1.2, SCORM 2004 or cmi5 packages), one per language edition.",
        discussion: """
            --format scorm12,scorm2004,cmi5 writes SCORM 1.2, SCORM 2004 4th edition and cmi5 packages of every course and programme edition instead, <id>_<version>_<language>.scorm12.zip and so on; --format all (or ecar,scorm12,…) writes ECARs too (see docs/scorm.md).
            Archives are named <id>_<version>_<language>.ecar and are byte-for-byte reproducible: their date is SOURCE_DATE_EPOCH when set, else the last git commit touching the sources, else 1980-01-01.
            Exit status: 0 when every archive was written, 1 when there are findings at or above --fail-severity, 2 when coursekit could not run.
            """
    )

    @Argument(help: .init(HelpLanguage.text("Course or programme folders, or a repository (default: the current folder).", "पाठ्यक्रम या कार्यक्रम फ़ोल्डर, या रिपॉज़िटरी (डिफ़ॉल्ट: वर्तमान फ़ोल्डर)।")))
    var paths: [String] = []

    @Option(help: .init(HelpLanguage.text("Folder to write the archives into.", "आर्काइव लिखने का फ़ोल्डर।")))
    var out: String = "dist"

    @Option(name: .customLong("editions"), help: .init(HelpLanguage.text("Language editions to pack: CODE[,CODE…] such as hi,en, or all (default: all, every language the course declares).", "पैक करने के भाषा-संस्करण: CODE[,CODE…] जैसे hi,en, या all (डिफ़ॉल्ट: all, पाठ्यक्रम में घोषित हर भाषा)।")))
    var editionList: [String] = []

    @Option(name: .customLong("edition"), help: .hidden)
    var edition: [String] = []

    @Option(help: .init(HelpLanguage.text("Configuration file (default: the nearest coursekit.yaml above the paths given).", "कॉन्फ़िगरेशन फ़ाइल (डिफ़ॉल्ट: दिए गए पथों के ऊपर की निकटतम coursekit.yaml)।")))
    var config: String?

    @Option(help: .init(HelpLanguage.text("What to do with fill-in and match questions, which iGOT's QuML player cannot show: error, omit or convert (default: pack.unplayableQuestions in coursekit.yaml, else error).", "रिक्त-स्थान और मिलान प्रश्नों का क्या हो, जिन्हें iGOT का QuML प्लेयर नहीं दिखा सकता: error, omit या convert (डिफ़ॉल्ट: coursekit.yaml का pack.unplayableQuestions, अन्यथा error)।")))
    var unplayableQuestions: UnplayableQuestionChoice?

    @Option(name: .customLong("format"), help: "Package format: ecar, scorm12, scorm2004, cmi5 or all (repeatable or comma-separated; default: ecar). SCORM and cmi5 packages are named <id>_<version>_<language>.scorm12.zip, .scorm2004.zip, .cmi5.zip. The report formats text, json, sarif, junit and github are accepted here too and choose how findings are printed.")
    var formats: [String] = []

    @Option(name: .customLong("fail-severity"), help: .init(OutputOptions.failSeverityHelp))
    var failSeverity: Severity?

    @Option(name: .customLong("source-root"), help: .init(OutputOptions.sourceRootHelp))
    var sourceRoot: String?

    @Flag(name: .customLong("no-color"), help: .init(HelpLanguage.text("Never colour text output.", "पाठ आउटपुट में कभी रंग न दिखाएँ।")))
    var noColor = false

    @Flag(name: [.customShort("q"), .long], help: .init(HelpLanguage.text("Print only findings: no summary line, no progress, no list of files written.", "केवल समस्याएँ दिखाएँ: न सारांश पंक्ति, न प्रगति, न लिखी गई फ़ाइलों की सूची।")))
    var quiet = false

    /// `--format` words that name report formats, the rest package formats.
    var splitFormats: (report: OutputFormat, packages: [String]) {
        var report = OutputFormat.text
        var packages: [String] = []
        for word in formats.flatMap({ $0.split(separator: ",").map(String.init) }) {
            if let format = OutputFormat(rawValue: word.lowercased()) { report = format } else { packages.append(word) }
        }
        return (report, packages)
    }

    /// The report options, as `validate` takes them.
    func outputOptions() throws -> OutputOptions {
        var arguments = ["--format", splitFormats.report.rawValue]
        if let failSeverity { arguments += ["--fail-severity", failSeverity.rawValue] }
        if let sourceRoot { arguments += ["--source-root", sourceRoot] }
        if noColor { arguments.append("--no-color") }
        if quiet { arguments.append("--quiet") }
        return try OutputOptions.parse(arguments)
    }

    @Flag(help: .init(HelpLanguage.text("Also write one question-set ECAR per quiz edition (<quiz-id>_<version>_<language>.ecar), which the iGOT/Sunbird app can play offline.", "हर प्रश्नोत्तरी-संस्करण का एक question-set ECAR भी लिखें (<quiz-id>_<version>_<language>.ecar), जिसे iGOT/Sunbird ऐप ऑफ़लाइन चला सकता है।")))
    var questionSets = false

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the pack cache (.coursekit-cache/ at the repository root, which lets an unchanged archive stay as it is and keeps rendered lessons between runs).")
    var noCache = false

    @OptionGroup var language: LanguageOption

    @Option(name: .customLong("messages"), help: .hidden)
    var messages: MessageLanguage?

    /// The editions asked for; empty means every declared language.
    var requestedEditions: [String] {
        let all = (editionList + edition).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        return all.contains("all") ? [] : all
    }

    func run() throws {
        let language = self.language.lang ?? messages ?? .fromEnvironment()
        if messages != nil {
            Terminal.writeError(language == .hi
                ? "coursekit: चेतावनी: --messages पुराना है; --lang लिखें"
                : "coursekit: warning: --messages is deprecated; use --lang")
        }
        if !edition.isEmpty {
            Terminal.writeError(language == .hi
                ? "coursekit: चेतावनी: --edition पुराना है; --editions लिखें"
                : "coursekit: warning: --edition is deprecated; use --editions")
        }
        let editions = requestedEditions
        let folder = out.hasPrefix("/") ? URL(fileURLWithPath: out) : CurrentDirectory.url.appendingPathComponent(out)
        let options: ValidationOptions
        let result: CoursePackager.Result
        do throws(ToolError) {
            options = try ValidationOptions.load(workingDirectory: CurrentDirectory.url, configPath: config, paths: paths)
            var packager = CoursePackager(workingDirectory: CurrentDirectory.url, output: folder, editions: editions, options: options)
            packager.unplayableQuestions = unplayableQuestions?.policy ?? options.configuration.packing.unplayableQuestions
            packager.questionSets = questionSets
            packager.useCache = !noCache
            switch PackageFormat.parse(splitFormats.packages) {
            case .success(let chosen): packager.formats = chosen.isEmpty ? [.ecar] : chosen
            case .failure(let unknown):
                throw ToolError(LocalizedText(
                    en: "unknown package format '\(unknown.word)': use ecar, scorm12, scorm2004, cmi5 or all",
                    hi: "अज्ञात पैकेज प्रारूप '\(unknown.word)': ecar, scorm12, scorm2004, cmi5 या all लिखें"))
            }
            let progress = ProgressLine.make(quiet: quiet, language: language)
            packager.progress = progress?.1
            packager.measuresEffort = splitFormats.report == .json
            defer { progress?.0.finish() }
            result = try packager.pack(paths: paths)
        } catch {
            Terminal.writeError("coursekit: " + error.text(in: language))
            throw ExitCode(2)
        }
        let unchanged = Set(result.unchanged)
        for archive in result.archives where !quiet {
            let shown = archive.url.path.hasPrefix(CurrentDirectory.url.path + "/")
                ? String(archive.url.path.dropFirst(CurrentDirectory.url.path.count + 1)) : archive.url.path
            if unchanged.contains(archive.url.lastPathComponent) {
                Terminal.writeError(language == .hi
                    ? "अपरिवर्तित: \(shown) (\(archive.itemCount) आइटम)"
                    : "unchanged \(shown) (\(archive.itemCount) items)")
            } else {
                Terminal.writeError(language == .hi
                    ? "लिखा गया: \(shown) (\(archive.itemCount) आइटम)"
                    : "wrote \(shown) (\(archive.itemCount) items)")
            }
        }
        let output = try outputOptions()
        let failSeverity = output.failSeverity ?? options.configuration.failSeverity ?? .error
        let reporter = output.reporter(failSeverity: failSeverity, configuration: options.configuration, result: result.validation)
        if output.format != .text || !result.findings.isEmpty {
            Terminal.write(output.shown(reporter.render(result.validation, language: language)))
        }
        if result.validation.fails(at: failSeverity) { throw ExitCode(1) }
    }
}

/// `coursekit verify`: re-opens ECARs and proves them consistent.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: HelpLanguage.text("Check that ECAR archives are safe and consistent: manifest, hierarchy, html-archives and SHA-256 checksums.", "जाँचें कि ECAR आर्काइव सुरक्षित और सुसंगत हैं: manifest, hierarchy, html-archive और SHA-256 चेकसम।"),
        discussion: "Exit status: 0 when clean, 1 when there are findings at or above --fail-severity, 2 when an archive does not exist."
    )

    @Argument(help: .init(HelpLanguage.text("ECAR files to check.", "जाँचने के लिए ECAR फ़ाइलें।")))
    var archives: [String]

    @Option(help: "Configuration file (default: the nearest coursekit.yaml above the first archive): its rules: and overrides: grade or switch off archive-* findings.")
    var config: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.messageLanguage
        let configuration: Configuration
        do {
            configuration = try ValidationOptions.load(workingDirectory: CurrentDirectory.url, configPath: config, paths: archives).configuration
        } catch {
            Terminal.writeError("coursekit: " + error.text(in: language))
            throw ExitCode(2)
        }
        var findings: [Finding] = []
        for path in archives {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : CurrentDirectory.url.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                Terminal.writeError(language == .hi ? "coursekit: \(path): ऐसी कोई फ़ाइल नहीं है" : "coursekit: \(path): no such file")
                throw ExitCode(2)
            }
            findings += ArchiveVerifier().verify(url, displayPath: path)
        }
        try ArchiveCommandSupport.report(findings, output: output, language: language, configuration: configuration)
    }
}

/// `coursekit inspect`: prints the course tree an ECAR holds.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: HelpLanguage.text("Print the course tree of an ECAR archive: names, identifiers, categories, mime types and sizes.", "ECAR आर्काइव का पाठ्यक्रम-वृक्ष दिखाएँ: नाम, पहचानकर्ता, श्रेणियाँ, mime प्रकार और आकार।")
    )

    @Argument(help: .init(HelpLanguage.text("The ECAR file.", "ECAR फ़ाइल।")))
    var archive: String

    @Option(help: .init(HelpLanguage.text("Language of messages: en or hi.", "संदेशों की भाषा: en या hi।")))
    var lang: MessageLanguage?

    func run() throws {
        let language = lang ?? .fromEnvironment()
        let url = archive.hasPrefix("/") ? URL(fileURLWithPath: archive) : CurrentDirectory.url.appendingPathComponent(archive)
        do {
            Terminal.write(try ArchiveInspector().inspect(url, displayPath: archive).render(in: language))
        } catch {
            Terminal.writeError("coursekit: " + error.message.text(in: language))
            throw ExitCode(2)
        }
    }
}

enum ArchiveCommandSupport {
    /// Prints findings in the chosen format and exits 1 when they reach the fail severity.
    /// The configuration's `rules:` and `overrides:` grade the findings (or switch them off) as
    /// they do `validate`'s; archives hold no inline suppressions.
    static func report(_ findings: [Finding], output: OutputOptions, language: MessageLanguage, configuration: Configuration) throws {
        let pipeline = FindingPipeline(configuration: configuration, displayBase: CurrentDirectory.url)
        let graded = pipeline.graded(findings).sortedUnique()
        let result = ValidationResult(findings: graded, checkedFiles: [], rules: configuration.catalog.descriptors, displayBase: CurrentDirectory.url)
        let failSeverity = output.failSeverity ?? configuration.failSeverity ?? .error
        let reporter = output.reporter(failSeverity: failSeverity, configuration: configuration, result: result)
        if output.format != .text || !graded.isEmpty {
            Terminal.write(reporter.render(result, language: language))
        }
        if result.fails(at: failSeverity) { throw ExitCode(1) }
    }
}

/// `--unplayable-questions` values.
enum UnplayableQuestionChoice: String, ExpressibleByArgument, CaseIterable {
    case error, omit, convert

    var policy: UnplayableQuestionPolicy { UnplayableQuestionPolicy(rawValue: rawValue) ?? .error }
}
