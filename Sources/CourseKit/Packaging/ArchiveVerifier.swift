import Crypto
import Foundation

/// Re-opens an ECAR and proves it consistent, reporting every problem as a finding located at
/// `<archive>!/<entry>` (with the real line and column inside `manifest.json`,
/// `hierarchy.json` and `checksums.sha256`):
///
/// - the archive is a safe zip (see `ArchiveReader`);
/// - `manifest.json` is a Sunbird content archive manifest (`id` `sunbird.content.archive`,
///   `ver` `1.2`), `archive.count` equals the number of items, identifiers are unique, every
///   child of a collection is among the items, every `artifactUrl` and `appIcon` that is a path
///   names a file in the archive;
/// - `hierarchy.json` (required when the root is a collection) has the same identifiers and the
///   same tree as the manifest;
/// - every html-archive item's inner zip is safe and has `index.html` at its root (read from
///   memory, never extracted);
/// - `checksums.sha256` lists every other file with its correct SHA-256;
/// - every file lies in an item's folder, and items over Sunbird's 200 MiB online-only limit
///   are flagged.
public struct ArchiveVerifier: Sendable {
    public var limits: ArchiveLimits
    /// Items larger than this are playable online only in Sunbird.
    public var onlineOnlyLimit: Int64
    /// Largest html-archive checked in memory.
    public var innerArchiveLimit: Int

    public init(limits: ArchiveLimits = ArchiveLimits(), onlineOnlyLimit: Int64 = 200 << 20, innerArchiveLimit: Int = 256 << 20) {
        self.limits = limits
        self.onlineOnlyLimit = onlineOnlyLimit
        self.innerArchiveLimit = innerArchiveLimit
    }

    static let htmlArchive = "application/vnd.ekstep.html-archive"
    static let collection = "application/vnd.ekstep.content-collection"

    /// Verifies the archive at `url`. `displayPath` names it in locations (default: its path).
    public func verify(_ url: URL, displayPath: String? = nil) -> [Finding] {
        let display = displayPath ?? url.path
        let contents: ECARContents
        do {
            contents = try ECARContents.read(url, display: display, limits: limits)
        } catch {
            return [Self.refusal(error, display: display)]
        }
        var check = ManifestCheck(display: display, contents: contents)
        check.run()
        let content = contentChecks(url, display: display, contents: contents, manifest: check)
        // An archive refused while reading its data (a bomb, say) is reported for that alone.
        if let refusal = content.refusal { return [refusal] }
        return (contents.findings + check.findings + content.findings).sorted()
    }

    static func refusal(_ error: ArchiveError, display: String) -> Finding {
        let location = error.entry.map { ECARContents.location(display, $0) } ?? .wholeFile(display)
        return ArchiveRule.forRefusal(error.kind).finding(at: location, error.message)
    }

    /// The second pass: hashes every file, checks html-archives and sizes.
    private func contentChecks(
        _ url: URL, display: String, contents: ECARContents, manifest: ManifestCheck
    ) -> (findings: [Finding], refusal: Finding?) {
        var findings: [Finding] = []
        var digests: [String: String] = [:]
        var sizes: [String: Int64] = [:]
        do {
            let reader = try ArchiveReader(contentsOf: url, displayName: display, limits: limits)
            while let entry = try reader.nextEntry() {
                guard entry.type == .file else { continue }
                var hasher = SHA256()
                var inner: Data? = manifest.htmlArchives[entry.name] != nil ? Data() : nil
                var innerTooLarge = false
                let cap = innerArchiveLimit
                try reader.readChunks { chunk in
                    hasher.update(bufferPointer: chunk)
                    guard inner != nil else { return }
                    if inner!.count + chunk.count > cap {
                        inner = nil
                        innerTooLarge = true
                    } else {
                        inner!.append(contentsOf: chunk)
                    }
                }
                digests[entry.name] = SHA256Hex.hex(hasher.finalize())
                sizes[entry.name] = reader.bytesRead
                let location = ECARContents.location(display, entry.name)
                if let inner {
                    findings += checkHTMLArchive(inner, name: entry.name, display: display)
                } else if innerTooLarge {
                    findings.append(ArchiveRule.innerArchiveInvalid.finding(at: location, LocalizedText(
                        en: "html-archive '\(entry.name)' is larger than \(cap) bytes and was not opened",
                        hi: "html-archive '\(entry.name)' \(cap) बाइट से बड़ा है, इसलिए खोला नहीं गया")))
                }
            }
        } catch {
            return ([], Self.refusal(error, display: display))
        }
        findings += checkChecksums(contents, digests: digests, display: display)
        // Sizes per item folder in one pass (49,000 items × 49,000 files was quadratic).
        var folderSizes: [Substring: Int64] = [:]
        for (name, size) in sizes {
            guard let slash = name.firstIndex(of: "/") else { continue }
            folderSizes[name[..<slash], default: 0] += size
        }
        for (identifier, item) in manifest.itemsByIdentifier {
            let size = folderSizes[Substring(identifier)] ?? 0
            if size > onlineOnlyLimit {
                findings.append(ArchiveRule.onlineOnlySize.finding(at: item.location, LocalizedText(
                    en: "item \(identifier) holds \(Self.mebibytes(size)) MiB of files, over Sunbird's \(Self.mebibytes(onlineOnlyLimit)) MiB limit: it will play online only, not offline",
                    hi: "आइटम \(identifier) में \(Self.mebibytes(size)) MiB की फ़ाइलें हैं, जो Sunbird की \(Self.mebibytes(onlineOnlyLimit)) MiB सीमा से अधिक है: यह केवल ऑनलाइन चलेगा, ऑफ़लाइन नहीं"),
                    hint: LocalizedText(
                        en: "compress the video or split it into shorter lessons",
                        hi: "वीडियो को संपीड़ित करें या छोटे पाठों में बाँटें")))
            }
        }
        return (findings, nil)
    }

    static func mebibytes(_ bytes: Int64) -> String {
        String(Double(bytes * 10 / (1 << 20)) / 10)
    }

    /// An html-archive must be a safe zip with `index.html` at its root.
    func checkHTMLArchive(_ data: Data, name: String, display: String) -> [Finding] {
        let location = ECARContents.location(display, name)
        var names: [String] = []
        do {
            let reader = try ArchiveReader(data: data, displayName: "\(display)!/\(name)", limits: limits)
            while let entry = try reader.nextEntry() {
                if entry.type == .file { names.append(entry.name) }
                try reader.readChunks { _ in }
            }
        } catch {
            return [ArchiveRule.innerArchiveInvalid.finding(at: location, LocalizedText(
                en: "html-archive '\(name)' is not a safe zip: \(error.message.en)",
                hi: "html-archive '\(name)' सुरक्षित zip नहीं है: \(error.message.hi)"))]
        }
        guard names.contains("index.html") else {
            let nested = names.first { $0.hasSuffix("/index.html") }
            return [ArchiveRule.htmlIndexMissing.finding(at: location, LocalizedText(
                en: "html-archive '\(name)' has no index.html at its root" + (nested.map { " (found \($0))" } ?? ""),
                hi: "html-archive '\(name)' के मूल में index.html नहीं है" + (nested.map { " (\($0) मिला)" } ?? "")),
                hint: LocalizedText(
                    en: "zip the lesson's files themselves, not the folder that holds them",
                    hi: "पाठ की फ़ाइलों को सीधे zip करें, उन्हें रखने वाले फ़ोल्डर को नहीं"))]
        }
        return []
    }

    /// Every file but `checksums.sha256` must be listed with its digest; nothing else may be.
    func checkChecksums(_ contents: ECARContents, digests: [String: String], display: String) -> [Finding] {
        let name = ECARContents.checksumsName
        guard let text = contents.checksumsText else {
            return [ArchiveRule.checksumsMissing.finding(at: .wholeFile(display), LocalizedText(
                en: "the archive has no checksums.sha256, so its files cannot be proved intact",
                hi: "आर्काइव में checksums.sha256 नहीं है, इसलिए फ़ाइलों की अखंडता सिद्ध नहीं की जा सकती"))]
        }
        var findings: [Finding] = []
        let list = ChecksumList(parsing: text)
        func at(_ line: Int) -> SourceLocation { SourceLocation(file: "\(display)!/\(name)", line: line, column: 1) }
        for line in list.malformed {
            findings.append(ArchiveRule.checksumMismatch.finding(at: at(line), LocalizedText(
                en: "this line is not in sha256sum format ('<64 hex digits>  <path>')",
                hi: "यह पंक्ति sha256sum प्रारूप ('<64 hex अंक>  <पथ>') में नहीं है")))
        }
        var listed: Set<String> = []
        for line in list.lines {
            listed.insert(line.path)
            guard let actual = digests[line.path] else {
                findings.append(ArchiveRule.checksumStale.finding(at: at(line.line), LocalizedText(
                    en: "checksums.sha256 lists '\(line.path)', which is not in the archive",
                    hi: "checksums.sha256 में '\(line.path)' है, जो आर्काइव में नहीं है")))
                continue
            }
            if actual != line.digest {
                findings.append(ArchiveRule.checksumMismatch.finding(at: at(line.line), LocalizedText(
                    en: "'\(line.path)' has SHA-256 \(actual), but checksums.sha256 says \(line.digest): the file was changed or damaged",
                    hi: "'\(line.path)' का SHA-256 \(actual) है, पर checksums.sha256 में \(line.digest) है: फ़ाइल बदली गई या क्षतिग्रस्त है")))
            }
        }
        for path in digests.keys.sorted() where path != name && !listed.contains(path) {
            findings.append(ArchiveRule.checksumUnlisted.finding(at: ECARContents.location(display, path), LocalizedText(
                en: "'\(path)' is not listed in checksums.sha256", hi: "'\(path)' checksums.sha256 में सूचीबद्ध नहीं है")))
        }
        return findings
    }
}
