import ArgumentParser
import CourseKit

@main
struct CourseKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coursekit",
        abstract: "Author, validate and package government training courses for iGOT Karmayogi.",
        subcommands: [ValidateCommand.self, PreviewCommand.self]
    )
}
