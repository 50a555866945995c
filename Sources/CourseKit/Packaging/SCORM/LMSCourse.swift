import Foundation

/// One language edition of a course as the SCORM and cmi5 packages present it: the course's
/// title and description and one `LMSModule` per module, in the course's order. Built from the
/// loaded catalogue by `LMSCourseReader`; lessons are rendered by the same code as ECAR lessons
/// (`LessonContent`) and quizzes read into `QuizQuestionModel`.
struct LMSCourse: Sendable {
    var id: String
    var version: String?
    var language: String
    var title: String
    var description: String
    var modules: [LMSModule]
}

/// A module: one SCO (SCORM) or AU (cmi5), a single page holding its lessons and its quiz.
struct LMSModule: Sendable {
    /// The module's source id.
    var id: String
    /// Its folder in the package: `01-<id>`.
    var folder: String
    var title: String
    var description: String
    var lessons: [LMSLesson]
    var quiz: QuizQuestionModel?
    /// Images and media the page uses, named relative to `folder`.
    var files: [ZipEntry]
}

/// A lesson as a section of its module's page.
struct LMSLesson: Sendable {
    var title: String
    /// The lesson's HTML fragment (Markdown rendered by cmark-gfm, or a media element).
    var bodyHTML: String
}
