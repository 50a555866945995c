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
            let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
            let text = String(validating: body, as: UTF8.self) ?? ""
            // Lines end at LF; a CR before it (Windows line endings) is not shown.
            // "\r\n" is one Character in Swift: split on both (Windows files), and drop a lone CR.
            cache[file] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        }
        guard let lines = cache[file], number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
