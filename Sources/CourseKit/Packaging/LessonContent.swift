import Foundation

/// A Markdown lesson rendered once for every package format: the HTML fragment cmark-gfm
/// produces (`MarkdownDocument.renderHTML`) with local images' `src` rewritten to the names the
/// images get inside the package, and those images as zip entries. ECAR html-archives
/// (`LessonArchive`) and SCORM/cmi5 pages (`SCOPage`) both build on it.
struct LessonContent {
    /// The lesson's body as an HTML fragment.
    var bodyHTML: String
    /// The images the body uses, named `<imageFolder>/<name>` (relative to the page).
    var images: [ZipEntry]
    var findings: [Finding]

    /// The local images a lesson's body uses, as the package will hold them: entries named
    /// `<imageFolder>/<name>`, the mapping from each written (normalized) destination to its
    /// entry name, and the findings about images that cannot be packed.
    struct Images {
        var entries: [ZipEntry] = []
        var mapping: [String: String] = [:]
        var findings: [Finding] = []
    }

    /// Resolves and reads the images `document` (the file at `lessonPath`) uses. Names already
    /// in `usedNames` (case-folded, see `ArchiveEntryName.caseFoldKey`) are not reused, so
    /// several lessons can share one folder. With a `memo`, an image file is checked, read and
    /// hashed once per run however many archives embed the lesson.
    static func images(
        of document: MarkdownDocument, lessonPath: RepositoryPath, repository: Repository,
        imageFolder: String = "images", usedNames: inout Set<String>, memo: PackCache? = nil
    ) -> Images {
        var images = Images()
        for reference in document.references where reference.kind == .image {
            let destination = reference.destination
            guard ECARContents.isArchivePath(destination), !destination.hasPrefix("#") else { continue }
            let key = LessonArchive.normalized(destination)
            guard images.mapping[key] == nil else { continue }
            guard let path = lessonPath.parent.resolving(key), repository.entryType(path) == .file else {
                images.findings.append(PackRule.missingImage.finding(at: reference.location, LocalizedText(
                    en: "image '\(destination)' cannot be packaged: it does not exist inside the repository",
                    hi: "चित्र '\(destination)' पैकेज नहीं हो सकता: यह रिपॉज़िटरी में मौजूद नहीं है")))
                continue
            }
            let file: PackCache.ImageFile
            if let known = memo?.image(path.string) {
                file = known
            } else {
                if let problem = LessonImages.problem(with: path, repository: repository) {
                    // Only real images are packed: a `.env` named as an image stays out.
                    images.findings.append(Finding(.imageType, at: reference.location, problem))
                    continue
                }
                do {
                    let data = try repository.read(path, limit: LessonArchive.imageLimit)
                    file = PackCache.ImageFile(data: data, digest: SHA256Hex.digest(data))
                } catch {
                    images.findings.append(PackRule.missingImage.finding(at: reference.location, LocalizedText(
                        en: "image '\(destination)' cannot be packaged: \(error.message.en)",
                        hi: "चित्र '\(destination)' पैकेज नहीं हो सकता: \(error.message.hi)")))
                    continue
                }
                memo?.storeImage(path.string, file)
            }
            var name = imageFolder + "/" + path.name
            var counter = 2
            while !usedNames.insert(ArchiveEntryName.caseFoldKey(name)).inserted {
                name = "\(imageFolder)/\(counter)-\(path.name)"
                counter += 1
            }
            images.mapping[key] = name
            images.entries.append(.data(name, file.data, digest: file.digest))
        }
        return images
    }

    /// Renders `document` (the file at `lessonPath`). Images go to `imageFolder`; names already
    /// in `usedNames` (case-folded, see `ArchiveEntryName.caseFoldKey`) are not reused, so
    /// several lessons can share one folder.
    static func render(
        document: MarkdownDocument, lessonPath: RepositoryPath, language: String, repository: Repository,
        imageFolder: String = "images", usedNames: inout Set<String>
    ) -> LessonContent {
        let images = images(of: document, lessonPath: lessonPath, repository: repository, imageFolder: imageFolder, usedNames: &usedNames)
        return render(document: document, images: images, language: language)
    }

    /// Renders `document` with images already resolved by `images(of:…)`.
    static func render(document: MarkdownDocument, images: Images, language: String) -> LessonContent {
        // The documents the lesson cites, at the foot of every page made from it.
        let body = LessonArchive.rewriteImageSources(document.renderHTML(), mapping: images.mapping)
            + LessonSourcesHTML.render(LessonSource.list(in: document.frontMatter), language: language)
        return LessonContent(bodyHTML: body, images: images.entries, findings: images.findings)
    }
}
