/// One item of an ECAR being assembled: its identifier, its Sunbird metadata (without
/// `children`), its child items and the files stored under `<identifier>/`.
struct ECARNode {
    var identifier: String
    var metadata: [(String, ECARJSON)]
    var children: [ECARNode] = []
    var files: [ZipEntry] = []
    /// Collections always carry `children`, even when empty.
    var isCollection: Bool = false

    /// Depth-first, parent before children: the order of the manifest's items.
    func flattened() -> [ECARNode] {
        [self] + children.flatMap { $0.flattened() }
    }

    /// The item as the manifest lists it: metadata and child identifiers.
    var manifestItem: ECARJSON {
        var members = metadata
        if isCollection || !children.isEmpty {
            members.append(("children", .strings(children.map(\.identifier))))
        }
        return .object(members)
    }

    /// The item as `hierarchy.json` nests it.
    func hierarchyItem(depth: Int, index: Int, parent: String?) -> ECARJSON {
        var members = metadata
        members.append(("depth", .int(depth)))
        members.append(("index", .int(index)))
        if let parent { members.append(("parent", .string(parent))) }
        if isCollection || !children.isEmpty {
            members.append(("children", .array(children.enumerated().map {
                $1.hierarchyItem(depth: depth + 1, index: $0 + 1, parent: identifier)
            })))
        }
        return .object(members)
    }
}
