/// A value decoded from a source file, with where it was written, so anything said about it
/// can point at the line.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension LocatedValue {
    /// This value as located text, when it is a string.
    var locatedString: Located<String>? { string.map { Located($0, at: location) } }
}

extension LocatedValue {
    /// An empty mapping at no position: what a model decodes to before the loader fills it.
    static let empty = LocatedValue(.null, at: SourceLocation(file: "", line: 0, column: 0))
}
