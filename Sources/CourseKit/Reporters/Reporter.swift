/// Turns a validation result into one output format. One type per format (text, JSON, SARIF,
/// JUnit, GitHub workflow commands).
public protocol Reporter: Sendable {
    /// The output, ready to write to standard output.
    func render(_ result: ValidationResult, language: MessageLanguage) -> String
}
