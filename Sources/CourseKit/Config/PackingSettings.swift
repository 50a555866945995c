/// What `coursekit pack` does with a question that Sunbird's QuML player cannot render
/// (fill-in-the-blank and match-the-following): set by `pack.unplayableQuestions` in
/// `coursekit.yaml` or `--unplayable-questions`.
public enum UnplayableQuestionPolicy: String, Sendable, CaseIterable {
    /// Report `pack-unplayable-question` as an error: the edition is not written.
    case error
    /// Leave the question out of the ECAR, with a `pack-unplayable-question` warning.
    case omit
    /// Pack a match question as one single-choice question per pair, and a fill-in question
    /// that lists `distractors` as a single-choice question; a fill-in question without
    /// distractors is still an error.
    case convert
}

/// The `pack:` section of `coursekit.yaml`.
public struct PackingSettings: Sendable, Equatable {
    public var unplayableQuestions: UnplayableQuestionPolicy

    public init(unplayableQuestions: UnplayableQuestionPolicy = .error) {
        self.unplayableQuestions = unplayableQuestions
    }
}
