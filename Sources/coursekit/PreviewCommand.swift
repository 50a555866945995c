import ArgumentParser
import CourseKit
import Foundation

/// `coursekit preview`: writes a static HTML site of the lessons, to read them as learners will.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: HelpLanguage.text("Write a static HTML preview of the courses (every lesson in every language).", "पाठ्यक्रमों का स्थिर HTML पूर्वावलोकन लिखें (हर भाषा में हर पाठ)।")
    )

    @Argument(help: .init(HelpLanguage.text("Course folders or a repository (default: the current folder).", "पाठ्यक्रम फ़ोल्डर या रिपॉज़िटरी (डिफ़ॉल्ट: वर्तमान फ़ोल्डर)।")))
    var paths: [String] = []

    @Option(help: .init(HelpLanguage.text("Folder to write the preview into.", "पूर्वावलोकन लिखने का फ़ोल्डर।")))
    var out: String = "preview"

    @Option(help: .init(HelpLanguage.text("Language of messages: en or hi.", "संदेशों की भाषा: en या hi।")))
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
