/// One file of a preview site: a page built in memory, or a source file (an image, a PDF or
/// video lesson) that is copied, or served, as it is.
public enum PreviewEntry: Sendable, Equatable {
    case bytes([UInt8])
    case source(RepositoryPath)
}

/// What the live preview adds to the pages: the findings of `coursekit validate` beside the
/// content they concern, in `messages`, and a script that reloads the page when the site's
/// `generation` changes (`LivePreviewServer` serves it at `generationPath`).
public struct PreviewLiveContext: Sendable {
    public var findings: [Finding]
    public var messages: MessageLanguage
    public var generation: Int

    public static let generationPath = "/__coursekit/generation"

    public init(findings: [Finding], messages: MessageLanguage, generation: Int) {
        self.findings = findings
        self.messages = messages
        self.generation = generation
    }

    /// Polls the generation and reloads the page when it differs from the one the page was
    /// built in.
    var reloadScript: String {
        "<script>(function(){var g=\"\(generation)\";function poll(){fetch(\"\(Self.generationPath)\",{cache:\"no-store\"})"
            + ".then(function(r){return r.text();}).then(function(t){if(t.trim()!==g){location.reload();}else{setTimeout(poll,400);}})"
            + ".catch(function(){setTimeout(poll,1500);});}setTimeout(poll,400);})();</script>\n"
    }
}
