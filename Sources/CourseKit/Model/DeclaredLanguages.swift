/// The `languages:` a source file declares, decoded once by the loader: each code with where it
/// is written, and where the list itself is.
public struct DeclaredLanguages: Sendable {
    /// The codes written as text, in source order.
    public var codes: [Located<String>]
    /// Where the list is written; nil when the file has no `languages:` list.
    public var location: SourceLocation?

    public init(_ value: LocatedValue) {
        let list = value["languages"]
        location = list?.array == nil ? nil : list?.location
        codes = (list?.array ?? []).compactMap(\.locatedString)
    }

    /// The codes, without their positions.
    public var names: [String] { codes.map(\.value) }
}
