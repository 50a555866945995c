/// One way in which a document breaks its JSON Schema: where (a source location and a JSON
/// Pointer into the document), which schema keyword was broken, and a message (and often a
/// hint) in English and Hindi that a clerk can act on.
///
/// Location rules: a violation about a key that should not be there points at the key; a
/// missing required key points at the object that lacks it; everything else points at the
/// offending value.
public struct SchemaViolation: Sendable, Hashable {
    /// Where in the source file the problem is.
    public var location: SourceLocation
    /// JSON Pointer (RFC 6901) to the offending value inside the document, `""` for the root.
    public var instancePath: String
    /// The schema keyword that failed, e.g. `type`, `required`, `additionalProperties`.
    public var keyword: String
    /// Where the failing keyword sits in the schema: the schema document's URI, `#`, and a
    /// JSON Pointer to the keyword, e.g. `https://…/course.schema.json#/properties/title/type`.
    public var schemaPath: String
    /// What is wrong, in both languages.
    public var message: LocalizedText
    /// How to fix it, when there is something useful to say.
    public var hint: LocalizedText?

    public init(
        location: SourceLocation, instancePath: String, keyword: String, schemaPath: String,
        message: LocalizedText, hint: LocalizedText? = nil
    ) {
        self.location = location
        self.instancePath = instancePath
        self.keyword = keyword
        self.schemaPath = schemaPath
        self.message = message
        self.hint = hint
    }
}

/// Why a schema could not be compiled: a keyword coursekit does not support (named in
/// `unsupportedKeyword`), a keyword with a malformed value, a reference that leads nowhere, an
/// invalid regular expression, or a schema written for another JSON Schema draft. This is a
/// problem with the schema (the tool cannot run), not with the document being checked.
public struct SchemaLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the schema file the problem is.
    public var location: SourceLocation
    /// What is wrong, in both languages.
    public var message: LocalizedText
    /// How to fix it, when known (e.g. "did you mean 'required'?").
    public var hint: LocalizedText?
    /// The keyword that was refused because coursekit does not support it, if that is the reason.
    public var unsupportedKeyword: String?

    public init(location: SourceLocation, message: LocalizedText, hint: LocalizedText? = nil, unsupportedKeyword: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
        self.unsupportedKeyword = unsupportedKeyword
    }

    public var description: String { "\(location): \(message.en)" }
}
