import Foundation

/// Reads source lines for snippets, caching each file once per run. Reads only what can be
/// shown, with a bound: at most `maximumBytes` from the start of a regular file (never a FIFO
/// or device, which could block), so a 3 GB file the loader refused costs 8 MiB, not 3 GB.
/// Lines past the bound have no snippet. Long lines keep their scalars in an array, so a
/// window around any column costs O(width) however many findings the line has.
final class SourceLines {
    /// Bytes read from the start of a file for snippets.
    static let maximumBytes = 8 * 1024 * 1024
    /// Lines longer than this (in scalars) are indexed for O(1) column access.
    static let indexedLineLength = 1_024

    /// One source line, with random access by scalar offset when it is long.
    struct Line {
        let text: Substring
        private let scalarArray: [Unicode.Scalar]?

        init(_ text: Substring) {
            self.text = text
            if text.utf8.count > SourceLines.indexedLineLength {
                let array = Array(text.unicodeScalars)
                scalarArray = array.count > SourceLines.indexedLineLength ? array : nil
            } else {
                scalarArray = nil
            }
        }

        var scalarCount: Int { scalarArray?.count ?? text.unicodeScalars.count }

        func scalars(_ range: Range<Int>) -> String {
            if let scalarArray {
                var out = String.UnicodeScalarView()
                out.append(contentsOf: scalarArray[range])
                return String(out)
            }
            let view = text.unicodeScalars
            let from = view.index(view.startIndex, offsetBy: range.lowerBound)
            let to = view.index(from, offsetBy: range.count)
            return String(view[from..<to])
        }
    }

    private var cache: [String: [Substring]] = [:]
    private var longLines: [String: [Int: Line]] = [:]
    private let base: URL

    init(base: URL) {
        self.base = base
    }

    func line(_ number: Int, of file: String) -> Substring? {
        lineInfo(number, of: file)?.text
    }

    func lineInfo(_ number: Int, of file: String) -> Line? {
        if cache[file] == nil {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : base.appendingPathComponent(file)
            var data = Self.readPrefix(url.path, limit: Self.maximumBytes)
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
            let text = String(decoding: data, as: UTF8.self)
            // "\r\n" is one Character in Swift: split on both (Windows files), and drop a lone CR.
            cache[file] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        }
        guard let lines = cache[file], number >= 1, number <= lines.count else { return nil }
        let text = lines[number - 1]
        guard text.utf8.count > Self.indexedLineLength else { return Line(text) }
        if let known = longLines[file]?[number] { return known }
        let line = Line(text)
        longLines[file, default: [:]][number] = line
        return line
    }

    /// Up to `limit` bytes from the start of a regular file; nothing for anything else.
    static func readPrefix(_ path: String, limit: Int) -> Data {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return Data() }
        guard let handle = FileHandle(forReadingAtPath: path) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: limit)) ?? Data()
    }
}
