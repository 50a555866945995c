import Foundation

/// Reads an ECAR's manifest (and sizes from the archive's directory) and produces its course
/// tree, for `coursekit inspect`. Unsafe archives are refused like everywhere else.
public struct ArchiveInspector: Sendable {
    public var limits: ArchiveLimits

    public init(limits: ArchiveLimits = ArchiveLimits()) {
        self.limits = limits
    }

    public func inspect(_ url: URL, displayPath: String? = nil) throws(ArchiveError) -> ArchiveTree {
        let display = displayPath ?? url.path
        let contents = try ECARContents.read(url, display: display, limits: limits)
        let items = contents.items
        guard contents.manifest != nil, let first = items.first, first["identifier"]?.string != nil else {
            throw ArchiveError(.format, entry: ECARContents.manifestName, LocalizedText(
                en: "\(display) has no readable manifest.json with items",
                hi: "\(display) में आइटमों वाला पठनीय manifest.json नहीं है"))
        }
        var byIdentifier: [String: LocatedValue] = [:]
        for item in items {
            if let identifier = item["identifier"]?.string, byIdentifier[identifier] == nil { byIdentifier[identifier] = item }
        }
        var sizes: [String: Int64] = [:]
        var total: Int64 = 0
        for file in contents.files {
            let size = file.declaredSize ?? 0
            total += size
            if let folder = file.name.split(separator: "/", maxSplits: 1).first, file.name.contains("/") {
                sizes[String(folder), default: 0] += size
            }
        }
        var visiting: Set<String> = []
        func node(_ identifier: String) -> ArchiveTree.Node {
            guard let item = byIdentifier[identifier], visiting.insert(identifier).inserted else {
                return ArchiveTree.Node(name: identifier, identifier: identifier, missing: byIdentifier[identifier] == nil)
            }
            defer { visiting.remove(identifier) }
            var result = ArchiveTree.Node(
                name: item["name"]?.string ?? identifier, identifier: identifier,
                primaryCategory: item["primaryCategory"]?.string, mimeType: item["mimeType"]?.string,
                size: sizes[identifier] ?? 0,
                children: ECARContents.childIdentifiers(item).map { node($0.0) })
            result.duration = item["duration"].flatMap { $0.string.flatMap { Int($0) } ?? $0.int }.flatMap { $0 > 0 ? $0 : nil }
            return result
        }
        return ArchiveTree(root: node(first["identifier"]!.string!), itemCount: items.count, totalSize: total)
    }
}
