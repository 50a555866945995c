import ArgumentParser
import CourseKit
import Foundation

@main
struct CourseKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coursekit",
        abstract: HelpLanguage.text("Author, validate and package government training courses for iGOT Karmayogi.", "iGOT कर्मयोगी के लिए सरकारी प्रशिक्षण पाठ्यक्रम लिखें, जाँचें और पैक करें।"),
        version: CourseKitVersion.current,
        subcommands: [InitCommand.self, NewCommand.self, ValidateCommand.self, PreviewCommand.self, PackCommand.self, VerifyCommand.self, InspectCommand.self, LibraryCommand.self]
    )

    /// Like `ParsableCommand.main()`, but a command line that cannot be understood exits 2
    /// ("coursekit could not run") instead of swift-argument-parser's 64, so CI sees one code
    /// for every tool problem.
    static func main() {
        // Interrupted runs (Ctrl-C, SIGTERM) remove the temporary files they were writing.
        TemporaryFiles.installSignalHandlers()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success, HelpLanguage.current == .hi {
                // --help, help: argument-parser's headings in Hindi too.
                let message = HelpLanguage.localizedHelp(fullMessage(for: error))
                if !message.isEmpty { FileHandle.standardOutput.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8)) }
                Foundation.exit(0)
            }
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
