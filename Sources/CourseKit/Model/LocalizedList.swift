/// A list written either once for every language (`[a, b]`) or per language
/// (`{hi: [..], en: [..]}`), such as keywords or the accepted answers of a question.
public struct LocalizedList: Sendable {
    /// One list for every language, when written that way.
    public var shared: [String]?
    /// Lists per language, in source order.
    public var perLanguage: [(language: String, items: [String])]
    public var location: SourceLocation?

    public init(_ value: LocatedValue?) {
        location = value?.location
        if let items = value?.array {
            shared = items.compactMap(\.string)
            perLanguage = []
        } else {
            shared = nil
            perLanguage = (value?.object?.entries ?? []).map { ($0.key, $0.value.array?.compactMap(\.string) ?? []) }
        }
    }

    /// The list for `language`, falling back to the first language written.
    public func best(_ language: String) -> [String] {
        if let shared { return shared }
        return perLanguage.first { $0.language == language }?.items ?? perLanguage.first?.items ?? []
    }

    public var isEmpty: Bool { (shared ?? []).isEmpty && perLanguage.allSatisfy(\.items.isEmpty) }
}
