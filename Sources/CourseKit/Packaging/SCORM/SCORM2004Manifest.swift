/// `imsmanifest.xml` for SCORM 2004 4th Edition: IMS CP 1.1.4 with the ADL CP, sequencing,
/// navigation and IMS Simple Sequencing namespaces, `schemaversion` `2004 4th Edition`,
/// `adlcp:scormType` on every resource. The organization is the course, one item per module
/// SCO; a module with a quiz carries sequencing whose primary objective is satisfied by
/// measure with `minNormalizedMeasure` = pass mark / 100 (the LMS passes it to the SCO as
/// `cmi.scaled_passing_score`), and delivery controls saying the content sets completion and
/// success. The organization allows choice and flow navigation.
struct SCORM2004Manifest {
    var parts: SCORMManifestParts

    func render() -> String {
        let course = parts.course
        let xml = SCORMManifestParts.xml
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="\(parts.manifestIdentifier)" version="\(xml(course.version ?? "1.0"))"
                      xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
                      xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
                      xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
                      xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
                      xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
                      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
              <metadata>
                <schema>ADL SCORM</schema>
                <schemaversion>2004 4th Edition</schemaversion>
              </metadata>
              <organizations default="ORG">
                <organization identifier="ORG" adlseq:objectivesGlobalToSystem="false">
                  <title>\(xml(course.title))</title>

            """
        out += parts.items(indent: "      ") { index, module, indent in
            var item = "\(indent)<item identifier=\"\(parts.itemIdentifier(index))\" identifierref=\"\(parts.resourceIdentifier(index))\" isvisible=\"true\">\n"
            item += "\(indent)  <title>\(xml(module.title))</title>\n"
            item += "\(indent)  <imsss:sequencing>\n"
            if let mark = SCORMManifestParts.passMark(module) {
                item += "\(indent)    <imsss:objectives>\n"
                item += "\(indent)      <imsss:primaryObjective objectiveID=\"PASS-\(String(format: "%02d", index + 1))\" satisfiedByMeasure=\"true\">\n"
                item += "\(indent)        <imsss:minNormalizedMeasure>\(SCOPage.decimal(min(max(mark, 0), 100) / 100))</imsss:minNormalizedMeasure>\n"
                item += "\(indent)      </imsss:primaryObjective>\n"
                item += "\(indent)    </imsss:objectives>\n"
            }
            item += "\(indent)    <imsss:deliveryControls completionSetByContent=\"true\" objectiveSetByContent=\"true\"/>\n"
            item += "\(indent)  </imsss:sequencing>\n"
            return item + "\(indent)</item>\n"
        }
        out += "      <imsss:sequencing>\n        <imsss:controlMode choice=\"true\" flow=\"true\"/>\n      </imsss:sequencing>\n"
        out += "    </organization>\n  </organizations>\n  <resources>\n"
        out += parts.resources(scormAttribute: "adlcp:scormType", indent: "    ")
        out += "  </resources>\n</manifest>\n"
        return out
    }
}
