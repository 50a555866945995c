/// A translatable field as written in the source: a map from language code to text, with the
/// location of the field and of each language's entry.
public struct TranslatedText: Sendable {
    public var value: LocatedValue

    public init(_ value: LocatedValue) {
        self.value = value
    }

    public var location: SourceLocation { value.location }

    /// The language codes present, in source order.
    public var languages: [String] { value.object?.keys ?? [] }

    public func text(_ language: String) -> String? {
        value[language]?.string
    }

    /// The text in `language`, falling back to the first language present.
    public func best(_ language: String) -> String {
        text(language) ?? value.object?.entries.first?.value.string ?? ""
    }

    /// The text in `language` (or the first language present); a plain string is the same in
    /// every language; nil when the field is neither.
    public func resolved(_ language: String) -> String? {
        if let plain = value.string { return plain }
        return value.object == nil ? nil : best(language)
    }
}

/// The kind of a source file, decided by its name (or, for quizzes, by the file that names it).
public enum SourceKind: String, Sendable, CaseIterable, Hashable {
    case course
    case module
    case quiz
    case lesson
    case programme
    case caseStudy = "case-study"
    case config

    /// The schema file (in `schemas/`) that defines this kind.
    public var schemaFileName: String {
        switch self {
        case .course: "course.schema.json"
        case .module: "module.schema.json"
        case .quiz: "quiz.schema.json"
        case .lesson: "lesson.schema.json"
        case .programme: "programme.schema.json"
        case .caseStudy: "case-study.schema.json"
        case .config: "config.schema.json"
        }
    }

    /// The kind a file name denotes on its own (`course.yaml` → course), if any.
    public static func forFileName(_ name: String) -> SourceKind? {
        switch name {
        case "course.yaml", "course.yml": .course
        case "module.yaml", "module.yml": .module
        case "programme.yaml", "programme.yml", "program.yaml": .programme
        case "case-study.yaml", "case-study.yml": .caseStudy
        case "coursekit.yaml", "coursekit.yml": .config
        default: nil
        }
    }
}
