/// One item of an ECAR being assembled: its identifier, its Sunbird metadata (without the
/// fields derived from its place in the tree), its child items and the files stored under
/// `<identifier>/`.
struct ECARNode {
    var identifier: String
    var metadata: [(String, ECARJSON)]
    var children: [ECARNode] = []
    var files: [ZipEntry] = []
    /// Collections always carry `children`, even when empty.
    var isCollection: Bool = false
    /// A course or programme at the root: gets `trackable` (iGOT opens batches and tracks
    /// progress) and the `childNodes`/`leafNodes` summaries.
    var isTrackableRoot: Bool = false

    func field(_ key: String) -> ECARJSON? {
        metadata.first { $0.0 == key }?.1
    }

    func string(_ key: String) -> String? {
        if case .string(let text)? = field(key) { return text }
        return nil
    }

    var mimeType: String { string("mimeType") ?? "" }

    /// Questions live inside their question set and are not nodes of the course tree.
    var isQuestion: Bool { mimeType == SunbirdVocabulary.question }

    /// Depth-first, parent before children: the order of the manifest's items.
    func flattened() -> [ECARNode] {
        var out: [ECARNode] = []
        var stack: [ECARNode] = [self]
        while let node = stack.popLast() {
            out.append(node)
            stack.append(contentsOf: node.children.reversed())
        }
        return out
    }

    /// Every descendant (not the node itself) that belongs to the course tree, depth first.
    func descendants() -> [ECARNode] {
        flattened().dropFirst().filter { !$0.isQuestion }
    }
}

/// Where an item sits in the tree, and what the publisher derives from it.
struct ECARPlacement {
    var parent: String?
    /// 1-based position among the parent's children (1 for the root).
    var index: Int
    /// 0 for the root.
    var depth: Int
}

/// The fields the current Sunbird publisher adds to every item of an archive
/// (docs/packaging.md, "Fields and where they come from").
struct ECARPublication {
    /// `pkgVersion`: a number derived from the course's version.
    var pkgVersion: Int
    /// The archive's file name: `downloadUrl` of items that have no file of their own.
    var archiveName: String

    /// Sunbird's `compatibilityLevel` for a mime type, as the publisher sets it: 1 for
    /// collections, 5 for QuML 1.1 question sets and questions, 4 for playable content.
    static func compatibilityLevel(_ mimeType: String) -> Int {
        switch mimeType {
        case SunbirdVocabulary.collection: 1
        case SunbirdVocabulary.questionSet, SunbirdVocabulary.question: 5
        default: 4
        }
    }

    /// `pkgVersion` for a semantic version: `major × 1,000,000 + minor × 1,000 + patch`, so a
    /// higher version always has a higher number and a re-import replaces the older copy.
    static func packageVersion(_ version: String?) -> Int {
        let parts = (version ?? "1").split(whereSeparator: { !$0.isNumber }).prefix(3).map { Int($0.prefix(6)) ?? 0 }
        let padded = parts + Array(repeating: 0, count: 3 - parts.count)
        let value = min(padded[0], 2_000) * 1_000_000 + min(padded[1], 999) * 1_000 + min(padded[2], 999)
        return max(value, 1)
    }

    func fields(for node: ECARNode, at placement: ECARPlacement) -> [(String, ECARJSON)] {
        var fields: [(String, ECARJSON)] = [
            ("pkgVersion", .int(pkgVersion)),
            ("compatibilityLevel", .int(Self.compatibilityLevel(node.mimeType))),
            ("status", .string("Live")),
            ("downloadUrl", .string(node.string("artifactUrl") ?? archiveName)),
        ]
        if let parent = placement.parent { fields.append(("parent", .string(parent))) }
        fields += [("index", .int(placement.index)), ("depth", .int(placement.depth))]
        if node.isTrackableRoot {
            let descendants = node.descendants()
            let leaves = descendants.filter { !$0.isCollection || $0.mimeType == SunbirdVocabulary.questionSet }
            fields += [
                ("trackable", .object([("enabled", .string("Yes")), ("autoBatch", .string("Yes"))])),
                ("childNodes", .strings(descendants.map(\.identifier))),
                ("leafNodes", .strings(leaves.map(\.identifier))),
                ("leafNodesCount", .int(leaves.count)),
            ]
        } else if node.mimeType == SunbirdVocabulary.collection {
            let leaves = node.descendants().filter { !$0.isCollection || $0.mimeType == SunbirdVocabulary.questionSet }
            fields.append(("leafNodesCount", .int(leaves.count)))
        }
        return fields
    }

    /// A child as manifest.json lists it: `{identifier, name, objectType, description, index, depth}`.
    static func childReference(_ child: ECARNode, index: Int, depth: Int) -> ECARJSON {
        .object([
            ("identifier", .string(child.identifier)),
            ("name", .string(child.string("name") ?? child.identifier)),
            ("objectType", .string(child.string("objectType") ?? "Content")),
            ("description", child.string("description").map(ECARJSON.string) ?? .null),
            ("index", .int(index)),
            ("depth", .int(depth)),
        ])
    }

    /// manifest.json's item list (depth first, each item with its children as references) and
    /// hierarchy.json's `content` (the items nested), in one walk of the tree: each item's
    /// fields, with its placement, are serialised once and copied into both documents.
    func documents(_ root: ECARNode) -> (manifestItems: [UInt8], hierarchyContent: [UInt8]) {
        var items: [UInt8] = [0x5B], hierarchy: [UInt8] = []
        items.reserveCapacity(1 << 16)
        hierarchy.reserveCapacity(1 << 16)
        write(root, at: ECARPlacement(parent: nil, index: 1, depth: 0), items: &items, hierarchy: &hierarchy)
        items.append(0x5D)
        return (items, hierarchy)
    }

    private static let childrenKey = Array(#","children":"#.utf8)

    /// Writes `node` into both documents, then its children. Recursion is as deep as the tree,
    /// whose nesting is fixed (programme, day, course, module, quiz, question), not the input's.
    private func write(_ node: ECARNode, at placement: ECARPlacement, items: inout [UInt8], hierarchy: inout [UInt8]) {
        var members: [UInt8] = []
        ECARJSON.writeMembers(node.metadata + fields(for: node, at: placement), into: &members)
        if items.count > 1 { items.append(0x2C) }
        items.append(0x7B)
        items += members
        hierarchy.append(0x7B)
        hierarchy += members
        let listsChildren = node.isCollection || !node.children.isEmpty
        if listsChildren {
            items += Self.childrenKey
            items += ECARJSON.array(node.children.enumerated().map {
                Self.childReference($1, index: $0 + 1, depth: placement.depth + 1)
            }).bytes(pretty: false)
            hierarchy += Self.childrenKey
            hierarchy.append(0x5B)
        }
        items.append(0x7D)
        for (offset, child) in node.children.enumerated() {
            if offset > 0 { hierarchy.append(0x2C) }
            write(child, at: ECARPlacement(parent: node.identifier, index: offset + 1, depth: placement.depth + 1),
                  items: &items, hierarchy: &hierarchy)
        }
        if listsChildren { hierarchy.append(0x5D) }
        hierarchy.append(0x7D)
    }
}
