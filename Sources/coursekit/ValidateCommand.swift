import ArgumentParser
import CourseKit
import Foundation

/// `coursekit validate`: checks sources and reports findings; exit 0 clean, 1 findings at or
/// above the fail severity, 2 when the tool could not run.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check courses, modules, quizzes, lessons, programmes and case studies.",
        discussion: "Exit status: 0 when clean, 1 when there are findings at or above --fail-severity, 2 when coursekit could not run."
    )

    @Argument(help: "Files or folders to check (default: the current folder).")
    var paths: [String] = []

    @OptionGroup var output: OutputOptions

    func run() throws {
        let language = output.messageLanguage
        let result: ValidationResult
        do {
            result = try Validator(workingDirectory: CurrentDirectory.url).validate(paths: paths)
        } catch {
            Terminal.writeError("coursekit: " + error.text(in: language))
            throw ExitCode(2)
        }
        Terminal.write(output.reporter.render(result, language: language))
        if result.fails(at: output.failSeverity) { throw ExitCode(1) }
    }
}
