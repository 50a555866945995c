/// The package formats `coursekit pack --format` writes.
public enum PackageFormat: String, Sendable, CaseIterable, Hashable, Comparable {
    /// Sunbird/iGOT content archive (`<id>_<version>_<lang>.ecar`).
    case ecar
    /// SCORM 1.2 (`….scorm12.zip`).
    case scorm12
    /// SCORM 2004 4th edition (`….scorm2004.zip`).
    case scorm2004
    /// cmi5 (`….cmi5.zip`).
    case cmi5

    /// What follows `<id>_<version>_<lang>` in the file name.
    public var fileSuffix: String {
        switch self {
        case .ecar: ".ecar"
        case .scorm12: ".scorm12.zip"
        case .scorm2004: ".scorm2004.zip"
        case .cmi5: ".cmi5.zip"
        }
    }

    /// `scorm12,cmi5` or `all` → formats; nil names the unknown word.
    public static func parse(_ list: [String]) -> Result<[PackageFormat], UnknownFormat> {
        var formats: [PackageFormat] = []
        for word in list.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !word.isEmpty {
            if word == "all" {
                formats += allCases
            } else if let format = PackageFormat(rawValue: word) {
                formats.append(format)
            } else {
                return .failure(UnknownFormat(word: word))
            }
        }
        return .success(Array(Set(formats)).sorted())
    }

    public struct UnknownFormat: Error, Sendable {
        public var word: String
    }

    public static func < (lhs: PackageFormat, rhs: PackageFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
