/// `cmi5.xml`, valid against the cmi5 `CourseStructure.xsd`: the course with its title and
/// description as language strings in the edition's language, and one AU per module (its
/// page, `moveOn` `CompletedAndPassed` with `masteryScore` = pass mark / 100 when the module
/// has a quiz, else `Completed`).
///
/// Identifiers are URNs, stable across builds and distinct per edition:
/// `urn:coursekit:<course id>:<language>:<version>` for the course and
/// `…:<module folder>` for each AU. They are IRIs, which is all xAPI asks; they do not resolve.
struct CMI5CourseStructure {
    var course: LMSCourse

    static let namespace = "http://www.adlnet.gov/cmi5/CourseStructure.xsd"

    var courseIRI: String {
        "urn:coursekit:" + LMSCourseReader.safeName(course.id) + ":" + LMSCourseReader.safeName(course.language)
            + ":" + (course.version ?? "0").split(separator: ".", omittingEmptySubsequences: false).map { LMSCourseReader.safeName(String($0)) }.joined(separator: ".")
    }

    func auIRI(_ module: LMSModule) -> String { courseIRI + ":" + module.folder }

    func langstring(_ text: String, indent: String) -> String {
        "\(indent)<langstring lang=\"\(SCORMManifestParts.xml(course.language))\">\(SCORMManifestParts.xml(text))</langstring>\n"
    }

    func au(_ module: LMSModule, indent: String) -> String {
        var attributes = "id=\"\(auIRI(module))\""
        if let mark = SCORMManifestParts.passMark(module) {
            attributes += " moveOn=\"CompletedAndPassed\" masteryScore=\"\(SCOPage.decimal(min(max(mark, 0), 100) / 100))\""
        } else {
            attributes += " moveOn=\"Completed\""
        }
        attributes += " launchMethod=\"AnyWindow\""
        var out = "\(indent)<au \(attributes)>\n"
        out += "\(indent)  <title>\n" + langstring(module.title, indent: indent + "    ") + "\(indent)  </title>\n"
        out += "\(indent)  <description>\n" + langstring(module.description.isEmpty ? module.title : module.description, indent: indent + "    ")
            + "\(indent)  </description>\n"
        out += "\(indent)  <url>\(SCORMManifestParts.xml(SCORMManifestParts.uri(module.folder + "/index.html")))</url>\n"
        return out + "\(indent)</au>\n"
    }

    func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<courseStructure xmlns=\"\(Self.namespace)\">\n"
        out += "  <course id=\"\(courseIRI)\">\n"
        out += "    <title>\n" + langstring(course.title, indent: "      ") + "    </title>\n"
        out += "    <description>\n" + langstring(course.description.isEmpty ? course.title : course.description, indent: "      ") + "    </description>\n"
        out += "  </course>\n"
        if course.groups.isEmpty {
            for module in course.modules { out += au(module, indent: "  ") }
        } else {
            for group in course.groups {
                out += "  <block id=\"\(courseIRI):\(LMSCourseReader.safeName(group.id))\">\n"
                out += "    <title>\n" + langstring(group.title, indent: "      ") + "    </title>\n"
                out += "    <description>\n" + langstring(group.description, indent: "      ") + "    </description>\n"
                for index in group.modules { out += au(course.modules[index], indent: "    ") }
                out += "  </block>\n"
            }
        }
        out += "</courseStructure>\n"
        return out
    }
}
