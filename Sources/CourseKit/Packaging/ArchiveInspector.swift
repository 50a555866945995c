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
        // Iterative, with stated bounds: an archive's item chain can be 30,000 deep, and a DAG
        // naming the same child twice per level doubles at every level.
        struct Flat { var node: ArchiveTree.Node; var parent: Int?; var depth: Int; var path: Set<String> }
        var flat: [Flat] = []
        var stack: [(identifier: String, parent: Int?, depth: Int)] = [(first["identifier"]!.string!, nil, 0)]
        var omitted = 0
        while let (identifier, parent, depth) = stack.popLast() {
            let ancestors = parent.map { flat[$0].path } ?? []
            guard flat.count < ArchiveTree.maximumNodes else { omitted += 1; continue }
            guard let item = byIdentifier[identifier], !ancestors.contains(identifier) else {
                flat.append(Flat(
                    node: ArchiveTree.Node(name: identifier, identifier: identifier, missing: byIdentifier[identifier] == nil),
                    parent: parent, depth: depth, path: []))
                continue
            }
            var shown = ArchiveTree.Node(
                name: item["name"]?.string ?? identifier, identifier: identifier,
                primaryCategory: item["primaryCategory"]?.string, mimeType: item["mimeType"]?.string,
                size: sizes[identifier] ?? 0)
            shown.duration = item["duration"].flatMap { $0.string.flatMap { Int($0) } ?? $0.int }.flatMap { $0 > 0 ? $0 : nil }
            flat.append(Flat(node: shown, parent: parent, depth: depth, path: []))
            let index = flat.count - 1
            let children = ECARContents.childIdentifiers(item).map(\.0)
            if depth >= ArchiveTree.maximumDepth {
                omitted += children.count
                continue
            }
            if !children.isEmpty { flat[index].path = ancestors.union([identifier]) }
            for child in children.reversed() { stack.append((child, index, depth + 1)) }
        }
        // Assemble bottom-up: children were appended after their parent, in order.
        for index in flat.indices.reversed() {
            guard let parent = flat[index].parent else { continue }
            flat[parent].node.children.insert(flat[index].node, at: 0)
            flat[index].node.children = []
        }
        var root = flat[0].node
        root.omitted = omitted
        return ArchiveTree(root: root, itemCount: items.count, totalSize: total)
    }
}
