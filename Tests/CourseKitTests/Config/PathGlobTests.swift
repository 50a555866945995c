import Testing
@testable import CourseKit

@Suite("Override path patterns")
struct PathGlobTests {
    static let cases: [(String, String, Bool)] = [
        ("courses/drafts/**", "courses/drafts/a/course.yaml", true),
        ("courses/drafts/**", "courses/drafts", true),
        ("courses/drafts/**", "courses/draftsX/a.yaml", false),
        ("courses/*/course.yaml", "courses/police/course.yaml", true),
        ("courses/*/course.yaml", "courses/police/modules/m/course.yaml", false),
        ("**/quiz.yaml", "quiz.yaml", true),
        ("**/quiz.yaml", "courses/a/modules/b/quiz.yaml", true),
        ("courses/**/quiz.yaml", "courses/quiz.yaml", true),
        ("courses/**/lessons/*.hi.md", "courses/a/modules/b/lessons/intro.hi.md", true),
        ("courses/**/lessons/*.hi.md", "courses/a/modules/b/lessons/intro.md", false),
        ("courses/police", "courses/police/modules/fir/module.yaml", true),
        ("courses/police/", "courses/police/course.yaml", true),
        ("courses/police", "courses/police-old/course.yaml", false),
        ("courses/p?lice/*", "courses/police/course.yaml", true),
        ("courses/p?lice/*", "courses/plice/course.yaml", false),
        ("./courses/*-old", "courses/police-old/course.yaml", true),
        ("courses/पाठ?/*.md", "courses/पाठक/intro.md", true),
        ("*.yaml", "course.yaml", true),
        ("*.yaml", "courses/course.yaml", false),
        ("a*b*c", "aXbYc/x", true),
        ("a*b*c", "aXbY/x", false),
    ]

    @Test(arguments: cases)
    func matches(pattern: String, path: String, expected: Bool) throws {
        #expect(try PathGlob(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test func refusesPatternsThatCannotMatchInsideTheRepository() {
        #expect(throws: PathGlobError(problem: .absolute)) { try PathGlob("/etc/**") }
        #expect(throws: PathGlobError(problem: .leavesFolder)) { try PathGlob("courses/../../x") }
        #expect(throws: PathGlobError(problem: .empty)) { try PathGlob("./") }
        for problem in [PathGlob.Problem.absolute, .leavesFolder, .empty] {
            let message = PathGlobError(problem: problem).message
            #expect(!message.en.isEmpty && message.hi.hasDevanagari)
        }
    }
}
