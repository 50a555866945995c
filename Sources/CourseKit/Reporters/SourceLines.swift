import Foundation

/// Reads source lines for snippets, caching each file once per run.
final class SourceLines {
    private var cache: [String: [Substring]] = [:]
    private let base: URL

    init(base: URL) {
        self.base = base
    }

    func line(_ number: Int, of file: String) -> Substring? {
        if cache[file] == nil {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : base.appendingPathComponent(file)
            let data = (try? Data(contentsOf: url)) ?? Data()
            let text = String(validating: data, as: UTF8.self) ?? ""
            cache[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[file], number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
