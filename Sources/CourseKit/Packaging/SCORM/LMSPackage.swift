import Foundation

/// One SCORM 1.2, SCORM 2004 or cmi5 package of one course edition, ready to write: every
/// module's page (`SCOPage`) with its images and media under `<NN>-<module>/`, the shared
/// runtime at `coursekit/runtime.js`, and the format's manifest (`imsmanifest.xml` or
/// `cmi5.xml`) at the root. Written with `ZipArchiveWriter`, so the bytes are reproducible
/// like an ECAR's (sorted entries, no times).
struct LMSPackage {
    static let runtimePath = "coursekit/runtime.js"

    var archiveName: String
    var entries: [ZipEntry]
    /// SCOs or AUs.
    var unitCount: Int
    /// The manifest's identifier (SCORM) or the course IRI (cmi5).
    var identifier: String

    /// `<id>_<version>_<lang>` + the format's suffix.
    static func archiveName(course: LMSCourse, format: PackageFormat) -> String {
        let ecar = ECARBuilder.archiveName(id: course.id, version: course.version, language: course.language)
        return String(ecar.dropLast(".ecar".count)) + format.fileSuffix
    }

    init(course: LMSCourse, format: PackageFormat) {
        precondition(format != .ecar, "ECARs are built by ECARBuilder")
        var entries: [ZipEntry] = [.data(Self.runtimePath, Data(SCORMRuntimeScript.source.utf8))]
        var filesByModule: [String: [String]] = [:]
        for module in course.modules {
            let page = SCOPage(course: course, module: module, format: format)
            var files = [module.folder + "/index.html"]
            entries.append(.data(module.folder + "/index.html", Data(page.render().utf8)))
            for file in module.files {
                let path = module.folder + "/" + file.path
                files.append(path)
                entries.append(ZipEntry(path: path, content: file.content, compression: file.compression))
            }
            filesByModule[module.folder] = files.sorted { ArchiveEntryName.precedes($0, $1) }
        }
        let parts = SCORMManifestParts(course: course, filesByModule: filesByModule)
        switch format {
        case .scorm12:
            entries.append(.data("imsmanifest.xml", Data(SCORM12Manifest(parts: parts).render().utf8)))
            identifier = parts.manifestIdentifier
        case .scorm2004:
            entries.append(.data("imsmanifest.xml", Data(SCORM2004Manifest(parts: parts).render().utf8)))
            identifier = parts.manifestIdentifier
        case .cmi5, .ecar:
            let structure = CMI5CourseStructure(course: course)
            entries.append(.data("cmi5.xml", Data(structure.render().utf8)))
            identifier = structure.courseIRI
        }
        self.entries = entries
        archiveName = Self.archiveName(course: course, format: format)
        unitCount = course.modules.count
    }

    /// Writes the package into `folder` atomically and returns its URL.
    func write(into folder: URL) throws(ArchiveError) -> URL {
        let destination = folder.appendingPathComponent(archiveName)
        try ZipArchiveWriter().write(entries, to: destination)
        return destination
    }
}
