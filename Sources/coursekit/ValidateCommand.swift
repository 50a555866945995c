import ArgumentParser
import CourseKit
import Foundation

/// `coursekit validate`: checks sources and reports findings; exit 0 clean, 1 findings at or
/// above the fail severity, 2 when the tool could not run (bad configuration, unreadable input).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: HelpLanguage.text("Check courses, modules, quizzes, lessons, programmes and case studies.", "पाठ्यक्रम, मॉड्यूल, प्रश्नोत्तरी, पाठ, कार्यक्रम और केस स्टडी जाँचें।"),
        discussion: HelpLanguage.text("""
            Configuration comes from --config, else the nearest coursekit.yaml in the folder of the first path given (the working directory when none) or a folder above it, else the defaults (the up-karmayogi-2026 pack). See docs/configuration.md.
            Exit status: 0 when clean, 1 when there are findings at or above --fail-severity, 2 when coursekit could not run.
            """, """
            कॉन्फ़िगरेशन --config से आता है, अन्यथा पहले दिए गए पथ के फ़ोल्डर (कोई पथ न हो तो वर्तमान फ़ोल्डर) या उसके ऊपर की निकटतम coursekit.yaml से, अन्यथा डिफ़ॉल्ट (up-karmayogi-2026 पैक)। देखें docs/configuration.md।
            निकास-स्थिति: 0 जब कोई समस्या नहीं, 1 जब --fail-severity या उससे ऊपर की समस्याएँ हैं, 2 जब coursekit चल नहीं सका।
            """)
    )

    @Argument(help: .init(HelpLanguage.text("Files or folders to check (default: the current folder).", "जाँचने के लिए फ़ाइलें या फ़ोल्डर (डिफ़ॉल्ट: वर्तमान फ़ोल्डर)।")))
    var paths: [String] = []

    @Option(help: .init(HelpLanguage.text("Configuration file (default: the nearest coursekit.yaml above the paths given).", "कॉन्फ़िगरेशन फ़ाइल (डिफ़ॉल्ट: दिए गए पथों के ऊपर की निकटतम coursekit.yaml)।")))
    var config: String?

    @Flag(name: .customLong("cache"), help: .init(HelpLanguage.text("Keep each batch's results in .coursekit-cache/ at the repository root, so the next run checks again only batches whose files, configuration or coursekit changed.", "हर बैच के परिणाम रिपॉज़िटरी के मूल में .coursekit-cache/ में रखें, ताकि अगली बार केवल वे बैच दोबारा जाँचे जाएँ जिनकी फ़ाइलें, कॉन्फ़िगरेशन या coursekit बदले।")))
    var cache = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let language = self.language.messageLanguage
        let options: ValidationOptions
        let result: ValidationResult
        do {
            options = try ValidationOptions.load(workingDirectory: CurrentDirectory.url, configPath: config, paths: paths)
            var validator = try Validator(options: options)
            let progress = ProgressLine.make(quiet: output.quiet, language: language)
            validator.progress = progress?.1
            validator.measuresEffort = output.format == .json
            if cache { try validator.enableCache(paths: paths) }
            defer { progress?.0.finish() }
            result = try validator.validate(paths: paths)
        } catch {
            Terminal.writeError("coursekit: " + error.text(in: language))
            throw ExitCode(2)
        }
        let failSeverity = output.failSeverity ?? options.configuration.failSeverity ?? .error
        let reporter = output.reporter(failSeverity: failSeverity, configuration: options.configuration, result: result)
        Terminal.write(output.shown(reporter.render(result, language: language)))
        if let github = reporter as? GitHubReporter {
            writeStepSummary(github.stepSummary(result, language: language), language: language)
        }
        if result.fails(at: failSeverity) { throw ExitCode(1) }
    }

    /// Appends the job summary to `$GITHUB_STEP_SUMMARY` when GitHub Actions names one.
    private func writeStepSummary(_ markdown: String, language: MessageLanguage) {
        guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            Terminal.writeError(language == .hi
                ? "coursekit: चेतावनी: GITHUB_STEP_SUMMARY (\(path)) में लिखा नहीं जा सका"
                : "coursekit: warning: cannot write to GITHUB_STEP_SUMMARY (\(path))")
            return
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(markdown.utf8))
    }
}
