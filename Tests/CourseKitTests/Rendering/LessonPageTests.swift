import Testing
@testable import CourseKit

@Suite("Lesson pages")
struct LessonPageTests {
    @Test func declaresLanguageDirectionCharsetAndViewport() throws {
        let document = try MarkdownDocument.parse(text: "# खतरे के लक्षण\n\n![सूजन](a.svg)\n", path: "l.md")
        let html = LessonPage(title: "खतरे <के> लक्षण", language: "hi", courseTitle: "मातृ देखभाल", bodyHTML: document.renderHTML()).render()
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"hi\" dir=\"ltr\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("name=\"viewport\""))
        #expect(html.contains("<title>खतरे &lt;के&gt; लक्षण</title>"))
        #expect(html.contains("<img src=\"a.svg\" alt=\"सूजन\" />"))
        #expect(!html.contains("http://") && !html.contains("https://"), "nothing may load from the network")
        #expect(!html.contains("<script"))
    }

    @Test func urduReadsRightToLeft() {
        #expect(LessonPage(title: "t", language: "ur", bodyHTML: "").render().contains("dir=\"rtl\""))
    }
}
