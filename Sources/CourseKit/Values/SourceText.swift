import Foundation

/// Turns a source file's bytes into text for the YAML and JSON loaders: refuses files over the
/// size limit and anything that is not valid UTF-8, with the error every loader reports.
enum SourceText {
    static func decode(_ data: Data, path: String, limit: Int, format: String) throws(DocumentLoadError) -> String {
        guard data.count <= limit else {
            throw DocumentLoadError(
                kind: .tooLarge, location: .wholeFile(path),
                message: LocalizedText(
                    en: "file is \(data.count) bytes, larger than the \(limit)-byte limit for \(format) sources",
                    hi: "फ़ाइल \(data.count) बाइट की है, जो \(format) स्रोत की \(limit) बाइट की सीमा से बड़ी है"))
        }
        // A UTF-8 byte-order mark (Notepad writes one) is not part of the text.
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            throw DocumentLoadError(
                kind: .encoding, location: .wholeFile(path),
                message: LocalizedText(
                    en: "file is not valid UTF-8 text; save it as UTF-8",
                    hi: "फ़ाइल मान्य UTF-8 पाठ नहीं है; इसे UTF-8 में सहेजें"))
        }
        return text
    }
}
