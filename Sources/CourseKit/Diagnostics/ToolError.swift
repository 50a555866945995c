/// A problem that stops coursekit from doing its job at all — bad configuration, a path that
/// does not exist, schemas that cannot be found. Distinct from findings: it maps to exit code 2.
public struct ToolError: Error, Sendable, CustomStringConvertible {
    public var message: LocalizedText
    /// Where the problem is, when it is in a file (a config line).
    public var location: SourceLocation?

    public init(_ message: LocalizedText, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public func text(in language: MessageLanguage) -> String {
        let prefix = location.map { "\($0): " } ?? ""
        return prefix + message.text(in: language)
    }

    public var description: String { text(in: .en) }
}
