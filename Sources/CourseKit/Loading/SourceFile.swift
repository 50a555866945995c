/// A YAML source file as loaded: where it is, what kind it is, and its value (`null` when it
/// could not be parsed; the reason is then among the findings).
public struct SourceFile: Sendable {
    public var path: RepositoryPath
    public var displayPath: String
    public var kind: SourceKind
    public var value: LocatedValue
    /// False when the file could not be read or parsed.
    public var loaded: Bool
    /// The languages the file declares, decoded once the file has loaded.
    public var languages = DeclaredLanguages(.empty)
    /// Its translatable fields (`title: {hi: …, en: …}`), found once the file has loaded; read
    /// by every rule that looks at each language's text.
    var translatableFields: [TranslatableFields.Field] = []

    public var location: SourceLocation { .wholeFile(displayPath) }
}
