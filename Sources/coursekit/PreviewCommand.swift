import ArgumentParser
import CourseKit
import Foundation

/// `coursekit preview`: writes a static HTML site of the lessons, to read them as learners will.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Write a static HTML preview of the courses (every lesson in every language)."
    )

    @Argument(help: "Course folders or a repository (default: the current folder).")
    var paths: [String] = []

    @Option(help: "Folder to write the preview into.")
    var out: String = "preview"

    @Option(help: "Language of messages: en or hi.")
    var lang: MessageLanguage?

    func run() throws {
        let language = lang ?? .fromEnvironment()
        do {
            let catalogue = try Validator(workingDirectory: CurrentDirectory.url).loadCatalogue(paths: paths)
            let output = out.hasPrefix("/") ? URL(fileURLWithPath: out) : CurrentDirectory.url.appendingPathComponent(out)
            let pages = try PreviewSite(catalogue: catalogue).write(to: output)
            Terminal.writeError(language == .hi
                ? "\(pages) पाठ-पृष्ठ \(out)/index.html में लिखे गए"
                : "wrote \(pages) lesson pages; open \(out)/index.html")
        } catch {
            Terminal.writeError("coursekit: " + error.text(in: language))
            throw ExitCode(2)
        }
    }
}
