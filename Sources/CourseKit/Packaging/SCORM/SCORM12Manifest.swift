/// `imsmanifest.xml` for SCORM 1.2 (IMS Content Packaging 1.1.2 with ADL's `adlcp_rootv1p2`
/// extensions), valid against the official XSDs: the organization is the course (titled in the
/// edition's language), one item per module pointing at the module's SCO, with
/// `adlcp:masteryscore` from the quiz's pass mark; one resource per SCO listing every file it
/// uses, depending on the runtime asset.
struct SCORM12Manifest {
    var parts: SCORMManifestParts

    func render() -> String {
        let course = parts.course
        let xml = SCORMManifestParts.xml
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="\(parts.manifestIdentifier)" version="\(xml(String((course.version ?? "1.0").prefix(20))))"
                      xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                      xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
                      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
              <metadata>
                <schema>ADL SCORM</schema>
                <schemaversion>1.2</schemaversion>
              </metadata>
              <organizations default="ORG">
                <organization identifier="ORG">
                  <title>\(xml(course.title))</title>

            """
        out += parts.items(indent: "      ") { index, module, indent in
            var item = "\(indent)<item identifier=\"\(parts.itemIdentifier(index))\" identifierref=\"\(parts.resourceIdentifier(index))\" isvisible=\"true\">\n"
            item += "\(indent)  <title>\(xml(module.title))</title>\n"
            if let mark = SCORMManifestParts.passMark(module) {
                item += "\(indent)  <adlcp:masteryscore>\(SCOPage.decimal(mark))</adlcp:masteryscore>\n"
            }
            return item + "\(indent)</item>\n"
        }
        out += "    </organization>\n  </organizations>\n  <resources>\n"
        out += parts.resources(scormAttribute: "adlcp:scormtype", indent: "    ")
        out += "  </resources>\n</manifest>\n"
        return out
    }
}
