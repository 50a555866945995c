/// A normalised path of a file or folder inside the repository, relative to its root, with `/`
/// separators and no `.` or `..` components (`courses/ai/course.yaml`).
public struct RepositoryPath: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let components: [String]

    public init(components: [String]) {
        self.components = components
    }

    /// Normalises a relative path; `nil` when it climbs above the root.
    public init?(normalizing path: String) {
        var parts: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        self.components = parts
    }

    public var string: String { components.joined(separator: "/") }
    public var description: String { string }
    public var name: String { components.last ?? "" }
    public var parent: RepositoryPath { RepositoryPath(components: Array(components.dropLast())) }

    public func appending(_ name: String) -> RepositoryPath {
        RepositoryPath(components: components + [name])
    }

    /// Resolves `relative` against the folder `self`; `nil` if it climbs above the root.
    public func resolving(_ relative: String) -> RepositoryPath? {
        RepositoryPath(normalizing: (components + [relative]).joined(separator: "/"))
    }

    public static func < (lhs: RepositoryPath, rhs: RepositoryPath) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }
}
