import Foundation

/// Everything one ECAR will contain, ready to write: the entries (`manifest.json`,
/// `hierarchy.json`, `checksums.sha256` and every item's files under `<identifier>/`), the
/// archive's file name, and the problems found while assembling it. A plan with errors is not
/// written.
public struct ECARPlan: Sendable {
    /// `<id>_<version>_<language>.ecar`.
    public var archiveName: String
    public var rootIdentifier: String
    /// The edition's language code.
    public var language: String
    public var entries: [ZipEntry]
    /// The manifest's item count.
    public var itemCount: Int
    public var findings: [Finding]

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// The libdeflate level of an ECAR's deflated entries, nearly all of them the large
    /// generated `manifest.json` and `hierarchy.json` (lesson archives inside are made at level
    /// 6 and stored). On this JSON, libdeflate's level 1 is about 2.4 times as fast as zlib's
    /// level 3 (used before) and its output about 5 % smaller; level 6 would be about a tenth
    /// smaller again, at under half the speed.
    public static let deflateLevel = 1

    /// Writes the archive into `folder` atomically and returns its URL. Refuses a plan with errors.
    @discardableResult
    public func write(into folder: URL) throws(ArchiveError) -> URL {
        guard !hasErrors else {
            throw ArchiveError(.io, LocalizedText(
                en: "\(archiveName) was not written because the sources have errors",
                hi: "स्रोतों में त्रुटियाँ होने के कारण \(archiveName) नहीं लिखा गया"))
        }
        let destination = folder.appendingPathComponent(archiveName)
        try ZipArchiveWriter(deflateLevel: Self.deflateLevel).write(entries, to: destination)
        return destination
    }

    /// Lays out a tree of items as an ECAR.
    static func assemble(
        root: ECARNode, archiveName: String, version: String?, language: String, timestamp: Date, findings: [Finding]
    ) throws(ArchiveError) -> ECARPlan {
        let publication = ECARPublication(pkgVersion: ECARPublication.packageVersion(version), archiveName: archiveName)
        let items = root.flattened()
        var entries = items.flatMap(\.files)
        var digests: [(path: String, digest: String)] = []
        for index in entries.indices {
            let entry = entries[index]
            if let known = entry.digest {
                digests.append((entry.path, known))
                continue
            }
            switch entry.content {
            case .data(let data):
                let digest = SHA256Hex.digest(data)
                entries[index].digest = digest
                digests.append((entry.path, digest))
            case .file(let url):
                do {
                    let digest = try SHA256Hex.digest(ofFile: url)
                    entries[index].digest = digest
                    digests.append((entry.path, digest))
                } catch {
                    throw ArchiveError(.io, entry: entry.path, LocalizedText(
                        en: "cannot read \(url.path): \(error.localizedDescription)",
                        hi: "\(url.path) पढ़ी नहीं जा सकी: \(error.localizedDescription)"))
                }
            }
        }
        let (manifestItems, hierarchyContent) = publication.documents(root)
        let fileList = ChecksumList.render(digests)
        // Derived from everything the archive holds, so any change in content changes it.
        let messageID = SunbirdVocabulary.messageID(Data(manifestItems) + Data(("\n" + fileList).utf8))
        let ts = ArchiveTimestamp.iso8601(timestamp)
        let params = ECARJSON.object([("resmsgid", .string(messageID))])
        let manifest = ECARJSON.object([
            ("id", .string("sunbird.content.archive")),
            ("ver", .string("1.2")),
            ("ts", .string(ts)),
            ("params", params),
            ("archive", .object([("count", .int(items.count)), ("ttl", .int(24)), ("items", .raw(manifestItems))])),
        ])
        let hierarchy = ECARJSON.object([
            ("id", .string("sunbird.content.hierarchy")),
            ("ver", .string("1.0")),
            ("ts", .string(ts)),
            ("params", params),
            ("content", .raw(hierarchyContent)),
        ])
        // Compact, as Sunbird's publisher writes them: a third smaller and faster to deflate.
        let manifestData = Data(manifest.bytes(pretty: false))
        let hierarchyData = Data(hierarchy.bytes(pretty: false))
        let manifestDigest = SHA256Hex.digest(manifestData), hierarchyDigest = SHA256Hex.digest(hierarchyData)
        entries.append(.data(ECARContents.manifestName, manifestData, digest: manifestDigest))
        entries.append(.data(ECARContents.hierarchyName, hierarchyData, digest: hierarchyDigest))
        digests.append((ECARContents.manifestName, manifestDigest))
        digests.append((ECARContents.hierarchyName, hierarchyDigest))
        let checksums = Data(ChecksumList.render(digests).utf8)
        entries.append(.data(ECARContents.checksumsName, checksums, digest: SHA256Hex.digest(checksums)))
        return ECARPlan(
            archiveName: archiveName, rootIdentifier: root.identifier, language: language,
            entries: entries, itemCount: items.count, findings: findings.sorted())
    }
}
