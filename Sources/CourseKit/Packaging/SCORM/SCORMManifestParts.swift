import Foundation

/// What the SCORM 1.2 and 2004 manifests share: identifiers (valid `xs:ID`s), the resource of
/// each module's SCO with every file it uses, and the shared runtime as an asset.
struct SCORMManifestParts {
    var course: LMSCourse
    /// Every file of the package by module folder (pages, images, media), sorted.
    var filesByModule: [String: [String]]

    static let runtimeResource = "RES-RUNTIME"

    var manifestIdentifier: String {
        "ck-" + LMSCourseReader.safeName(course.id) + "-" + LMSCourseReader.safeName(course.version ?? "0").replacingOccurrences(of: "-", with: "_")
            + "-" + LMSCourseReader.safeName(course.language)
    }

    func itemIdentifier(_ index: Int) -> String { "ITEM-" + String(format: "%02d", index + 1) }
    func resourceIdentifier(_ index: Int) -> String { "RES-" + String(format: "%02d", index + 1) }

    static func xml(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// A package path as a URI reference: `/` kept, everything but unreserved ASCII
    /// percent-encoded as UTF-8 (`images/आरेख एक.svg` → `images/%E0%A4%86…%20…svg`).
    static func uri(_ path: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    /// The pass mark of a module's quiz as a 0…100 number, when it has one.
    static func passMark(_ module: LMSModule) -> Double? { module.quiz?.details.passMark?.value }

    /// The organization's items: one per module (rendered by `moduleItem`), inside one item
    /// per programme day when the course has groups.
    func items(indent: String, moduleItem: (Int, LMSModule, String) -> String) -> String {
        guard !course.groups.isEmpty else {
            return course.modules.enumerated().map { moduleItem($0.offset, $0.element, indent) }.joined()
        }
        var out = ""
        for (number, group) in course.groups.enumerated() {
            out += "\(indent)<item identifier=\"GROUP-\(String(format: "%02d", number + 1))\" isvisible=\"true\">\n"
            out += "\(indent)  <title>\(Self.xml(group.title))</title>\n"
            for index in group.modules { out += moduleItem(index, course.modules[index], indent + "  ") }
            out += "\(indent)</item>\n"
        }
        return out
    }

    /// `<resource>` elements: one SCO per module (`scormAttribute` is `adlcp:scormtype` in 1.2,
    /// `adlcp:scormType` in 2004) and the runtime asset.
    func resources(scormAttribute: String, indent: String) -> String {
        var out = ""
        for (index, module) in course.modules.enumerated() {
            let page = module.folder + "/index.html"
            out += "\(indent)<resource identifier=\"\(resourceIdentifier(index))\" type=\"webcontent\" \(scormAttribute)=\"sco\" href=\"\(Self.xml(Self.uri(page)))\">\n"
            for file in filesByModule[module.folder] ?? [] {
                out += "\(indent)  <file href=\"\(Self.xml(Self.uri(file)))\"/>\n"
            }
            out += "\(indent)  <dependency identifierref=\"\(Self.runtimeResource)\"/>\n"
            out += "\(indent)</resource>\n"
        }
        out += "\(indent)<resource identifier=\"\(Self.runtimeResource)\" type=\"webcontent\" \(scormAttribute)=\"asset\">\n"
        out += "\(indent)  <file href=\"\(LMSPackage.runtimePath)\"/>\n"
        out += "\(indent)</resource>\n"
        return out
    }
}
