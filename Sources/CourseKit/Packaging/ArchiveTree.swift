/// The course tree an ECAR holds, as `coursekit inspect` shows it: each item's name,
/// identifier, primary category, mime type and the size of the files in its folder.
public struct ArchiveTree: Sendable, Hashable {
    /// One item of the tree.
    public struct Node: Sendable, Hashable {
        public var name: String
        public var identifier: String
        public var primaryCategory: String?
        public var mimeType: String?
        /// Bytes of the files under `<identifier>/` (uncompressed, as declared in the archive).
        public var size: Int64
        public var children: [Node]
        /// True when a collection names this child but the manifest has no such item.
        public var missing: Bool
        /// Items not shown because the tree is deeper than `maximumDepth` or larger than
        /// `maximumNodes` (set on the root).
        public var omitted: Int = 0
        /// The duration the archive declares for the item (Sunbird `duration`, seconds). The
        /// archive carries declared durations only; measured effort is in `validate --format json`.
        public var duration: Int?

        public init(name: String, identifier: String, primaryCategory: String? = nil, mimeType: String? = nil,
                    size: Int64 = 0, children: [Node] = [], missing: Bool = false) {
            self.name = name
            self.identifier = identifier
            self.primaryCategory = primaryCategory
            self.mimeType = mimeType
            self.size = size
            self.children = children
            self.missing = missing
        }
    }

    /// Deepest level `inspect` shows (Sunbird courses are a handful of levels deep).
    public static let maximumDepth = 64
    /// Most items `inspect` shows.
    public static let maximumNodes = 100_000

    public var root: Node
    /// Number of items in the manifest.
    public var itemCount: Int
    /// Bytes of all files in the archive (uncompressed).
    public var totalSize: Int64

    public init(root: Node, itemCount: Int, totalSize: Int64) {
        self.root = root
        self.itemCount = itemCount
        self.totalSize = totalSize
    }

    /// The tree as indented text, one item a line:
    /// `├─ Name  [Primary category · mime/type · 12.3 KB]  do_…`.
    public func render(in language: MessageLanguage = .en) -> String {
        // Iterative (explicit stack): an archive's tree depth is attacker-controlled.
        var lines: [String] = []
        var stack: [(node: Node, prefix: String, connector: String)] = [(root, "", "")]
        while let (node, prefix, connector) = stack.popLast() {
            lines.append(prefix + connector + describe(node, language))
            let childPrefix = prefix + (connector == "├─ " ? "│  " : connector.isEmpty ? "" : "   ")
            for (index, child) in node.children.enumerated().reversed() {
                stack.append((child, childPrefix, index == node.children.count - 1 ? "└─ " : "├─ "))
            }
        }
        var summary = language == .hi
            ? "\(itemCount) आइटम, कुल \(Self.formatSize(totalSize))"
            : "\(itemCount) items, \(Self.formatSize(totalSize)) in total"
        if root.omitted > 0 {
            summary += language == .hi
                ? " (\(root.omitted) आइटम नहीं दिखाए गए: \(Self.maximumDepth) स्तर या \(Self.maximumNodes) आइटम की सीमा)"
                : " (\(root.omitted) items not shown: over the limit of \(Self.maximumDepth) levels or \(Self.maximumNodes) items)"
        }
        return (lines + [summary]).joined(separator: "\n") + "\n"
    }

    /// Names, identifiers and types come from the archive: one terminal-escaping function.
    private func describe(_ node: Node, _ language: MessageLanguage) -> String {
        let safe = { (text: String) in TerminalText.escape(text) }
        if node.missing {
            return language == .hi ? "\(safe(node.identifier))  [अनुपस्थित]" : "\(safe(node.identifier))  [missing]"
        }
        let declared = node.duration.map { seconds in
            let text = EffortText.describe(seconds)
            return language == .hi ? "घोषित अवधि \(text.hi)" : "declared \(text.en)"
        }
        let details = [node.primaryCategory.map(safe), node.mimeType.map(safe), node.size > 0 ? Self.formatSize(node.size) : nil, declared].compactMap { $0 }
        return "\(safe(node.name))  [\(details.joined(separator: " · "))]  \(safe(node.identifier))"
    }

    /// 1536 → "1.5 KB" (binary units, one decimal).
    public static func formatSize(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        return "\((value * 10).rounded() / 10) \(units[unit])"
    }
}
