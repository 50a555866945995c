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

    func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<courseStructure xmlns=\"\(Self.namespace)\">\n"
        out += "  <course id=\"\(courseIRI)\">\n"
        out += "    <title>\n" + langstring(course.title, indent: "      ") + "    </title>\n"
        out += "    <description>\n" + langstring(course.description.isEmpty ? course.title : course.description, indent: "      ") + "    </description>\n"
        out += "  </course>\n"
        for module in course.modules {
            var attributes = "id=\"\(auIRI(module))\""
            if let mark = SCORMManifestParts.passMark(module) {
                attributes += " moveOn=\"CompletedAndPassed\" masteryScore=\"\(SCOPage.decimal(min(max(mark, 0), 100) / 100))\""
            } else {
                attributes += " moveOn=\"Completed\""
            }
            attributes += " launchMethod=\"AnyWindow\""
            out += "  <au \(attributes)>\n"
            out += "    <title>\n" + langstring(module.title, indent: "      ") + "    </title>\n"
            out += "    <description>\n" + langstring(module.description.isEmpty ? module.title : module.description, indent: "      ") + "    </description>\n"
            out += "    <url>\(SCORMManifestParts.xml(module.folder + "/index.html"))</url>\n"
            out += "  </au>\n"
        }
        out += "</courseStructure>\n"
        return out
    }
}
