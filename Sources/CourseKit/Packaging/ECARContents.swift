import Foundation

/// What a first pass over an ECAR finds without reading bulk data: every entry with its
/// declared size, and the parsed `manifest.json`, `hierarchy.json` and `checksums.sha256`.
/// Locations in the parsed JSON name the file inside the archive (`course.ecar!/manifest.json`).
struct ECARContents {
    static let manifestName = "manifest.json"
    static let hierarchyName = "hierarchy.json"
    static let checksumsName = "checksums.sha256"
    /// Largest metadata file read into memory.
    /// 16 MiB: a manifest for 49,000 items is 7 MiB; a parsed value with positions costs about
    /// 40 times its text, so 60 MiB manifests took 2.3 GB.
    static let metadataLimit = 16 << 20

    var entries: [ArchiveReader.Entry] = []
    var manifest: LocatedValue?
    var hierarchy: LocatedValue?
    var checksumsText: String?
    /// Problems parsing the metadata files (not refusals: those are thrown).
    var findings: [Finding] = []

    var files: [ArchiveReader.Entry] { entries.filter { $0.type == .file } }

    static func location(_ display: String, _ entry: String) -> SourceLocation {
        SourceLocation(file: "\(display)!/\(entry)", line: 1, column: 1)
    }

    static func read(_ url: URL, display: String, limits: ArchiveLimits) throws(ArchiveError) -> ECARContents {
        var contents = ECARContents()
        let reader = try ArchiveReader(contentsOf: url, displayName: display, limits: limits)
        while let entry = try reader.nextEntry() {
            contents.entries.append(entry)
            guard entry.type == .file, [manifestName, hierarchyName, checksumsName].contains(entry.name) else { continue }
            let data = try reader.readData(maximumSize: metadataLimit)
            let path = "\(display)!/\(entry.name)"
            if entry.name == checksumsName {
                guard let text = String(validating: data, as: UTF8.self) else {
                    contents.findings.append(ArchiveRule.checksumMismatch.finding(at: location(display, entry.name), LocalizedText(
                        en: "checksums.sha256 is not UTF-8 text", hi: "checksums.sha256 UTF-8 पाठ नहीं है")))
                    continue
                }
                contents.checksumsText = text
                continue
            }
            do {
                let value = try JSONDocumentLoader(maximumFileSize: metadataLimit).load(data: data, path: path)
                if entry.name == manifestName { contents.manifest = value } else { contents.hierarchy = value }
            } catch {
                let rule: ArchiveRule = entry.name == manifestName ? .manifestInvalid : .hierarchyMismatch
                contents.findings.append(rule.finding(
                    at: error.location,
                    LocalizedText(en: "\(entry.name) is not valid JSON: \(error.message.en)",
                                  hi: "\(entry.name) मान्य JSON नहीं है: \(error.message.hi)")))
            }
        }
        return contents
    }

    /// The manifest's items, in order.
    var items: [LocatedValue] { manifest?["archive"]?["items"]?.array ?? [] }

    /// A `children` array may hold identifiers or objects with an `identifier` (Sunbird writes both).
    static func childIdentifiers(_ item: LocatedValue) -> [(String, SourceLocation)] {
        (item["children"]?.array ?? []).compactMap { child in
            if let text = child.string { return (text, child.location) }
            if let text = child["identifier"]?.string { return (text, child.location) }
            return nil
        }
    }

    /// True for a path inside the archive, as opposed to a URL.
    static func isArchivePath(_ reference: String) -> Bool {
        !reference.isEmpty && reference.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) == nil
            && !reference.hasPrefix("/")
    }
}
