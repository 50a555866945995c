import Testing
@testable import CourseKit

@Suite("Repository paths")
struct RepositoryPathTests {
    @Test func normalisesAndRefusesToClimbAboveTheRoot() {
        #expect(RepositoryPath(normalizing: "courses/./a/../b/course.yaml")?.string == "courses/b/course.yaml")
        #expect(RepositoryPath(normalizing: "../etc/passwd") == nil)
        #expect(RepositoryPath(normalizing: "courses")?.resolving("../../x") == nil)
    }

    @Test func lessonTranslationNames() {
        #expect(LessonFiles.translatedName("intro.md", language: "hi") == "intro.hi.md")
        #expect(LessonFiles.languageSuffix(of: "intro.hi.md") == "hi")
        #expect(LessonFiles.languageSuffix(of: "intro.md") == nil)
    }

    @Test func isoDurations() {
        #expect(ISODuration.seconds("PT45M") == 2_700)
        #expect(ISODuration.seconds("PT1H30M") == 5_400)
        #expect(ISODuration.seconds("P1DT2H") == 93_600)
        #expect(ISODuration.seconds("PT") == nil)
        #expect(ISODuration.seconds("45") == nil)
        #expect(ISODuration.seconds("PT5X") == nil)
    }

    @Test func spellingSuggestions() {
        #expect(Spelling.closest(to: "titel", among: ["title", "tags", "duration"]) == "title")
        #expect(Spelling.closest(to: "xyz", among: ["title"]) == nil)
        #expect(Spelling.distance("ofice.svg", "office.svg") == 1)
    }
}
