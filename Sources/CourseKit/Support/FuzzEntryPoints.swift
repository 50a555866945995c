import Foundation

/// The functions the libFuzzer targets drive (see `Fuzz/README.md`), kept in the library so the
/// unit tests replay every saved crash input (`Fuzz/regressions/<target>/`) through exactly the
/// same code without a fuzzing build. Each takes arbitrary bytes and must return without
/// crashing, hanging or exhausting memory, whatever they are.
public enum FuzzEntryPoints {
    public static let targets = ["yaml", "markdown", "schema", "suppression", "archive", "glob"]

    /// Schemas loaded once per process (the schema target evaluates against them).
    nonisolated(unsafe) private static var schemas: SchemaSet? = try? SchemaSet.bundled()

    public static func run(_ target: String, _ data: Data) {
        switch target {
        case "yaml":
            _ = try? YAMLDocumentLoader().load(data: data, path: "fuzz.yaml")
        case "markdown":
            guard let text = String(validating: data, as: UTF8.self),
                  let document = try? MarkdownDocument.parse(text: text, path: "fuzz.md") else { return }
            _ = document.renderHTML()
            _ = TerminalText.escape(text)
        case "schema":
            guard let schemas, let value = try? YAMLDocumentLoader().load(data: data, path: "fuzz.yaml") else { return }
            // The first byte picks the kind, so one corpus reaches every schema.
            let kinds = SourceKind.allCases
            _ = schemas.findings(for: value, kind: kinds[Int(data.first ?? 0) % kinds.count])
        case "suppression":
            guard let text = String(validating: data, as: UTF8.self) else { return }
            _ = SuppressionScanner.scan(text, file: "fuzz.md", markdown: true)
            _ = SuppressionScanner.scan(text, file: "fuzz.yaml", markdown: false)
        case "archive":
            guard let reader = try? ArchiveReader(data: data, displayName: "fuzz.ecar") else { return }
            while let entry = try? reader.nextEntry() {
                guard entry.type == .file else { continue }
                guard let content = try? reader.readData(maximumSize: 1 << 20) else { break }
                if entry.name.hasSuffix(".json") {
                    _ = try? JSONDocumentLoader(maximumFileSize: 1 << 20).load(data: content, path: "fuzz.json")
                }
                var scanner = ActiveContentScanner()
                content.withUnsafeBytes { scanner.feed($0) }
            }
        case "glob":
            // A pattern and a path, separated by the first newline.
            guard let text = String(validating: data, as: UTF8.self) else { return }
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let glob = try? PathGlob(String(parts[0])) else { return }
            _ = glob.matches(String(parts[1]))
        default:
            break
        }
    }
}
