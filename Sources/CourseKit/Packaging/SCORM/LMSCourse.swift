import Foundation

/// One language edition of a course (or programme) as the SCORM and cmi5 packages present it:
/// the title and description and one `LMSModule` per module, in the sources' order; for a
/// programme, its days as `groups`. Built from the
/// loaded catalogue by `LMSCourseReader`; lessons are rendered by the same code as ECAR lessons
/// (`LessonContent`) and the typed quizzes (`Quiz`).
struct LMSCourse: Sendable {
    var id: String
    var version: String?
    var language: String
    var title: String
    var description: String
    var modules: [LMSModule]
    /// A programme's days that have e-learning: each lists the indices of its modules in
    /// `modules`. Empty for a course (its modules are the top level).
    var groups: [LMSGroup] = []
}

/// A programme day in the LMS's outline (SCORM: an item holding the day's module items; cmi5:
/// a block).
struct LMSGroup: Sendable {
    /// `day-<N>`.
    var id: String
    var title: String
    var description: String
    var modules: [Int]
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
    /// The module's quiz, rendered in the course's language.
    var quiz: Quiz?
    /// Images and media the page uses, named relative to `folder`.
    var files: [ZipEntry]
}

/// A lesson as a section of its module's page.
struct LMSLesson: Sendable {
    var title: String
    /// The lesson's HTML fragment (Markdown rendered by cmark-gfm, or a media element).
    var bodyHTML: String
}
