/// The manifest and hierarchy half of `ArchiveVerifier`: checks `manifest.json` and
/// `hierarchy.json` against each other and against the archive's entries, and finds which
/// entries are html-archives to open.
struct ManifestCheck {
    let display: String
    let contents: ECARContents
    var findings: [Finding] = []
    /// Items by identifier (the first, when an identifier repeats).
    var itemsByIdentifier: [String: LocatedValue] = [:]
    /// Entry path of each html-archive artifact → the item's identifier.
    var htmlArchives: [String: String] = [:]

    init(display: String, contents: ECARContents) {
        self.display = display
        self.contents = contents
    }

    private var manifestLocation: SourceLocation { ECARContents.location(display, ECARContents.manifestName) }

    mutating func run() {
        guard let manifest = contents.manifest else {
            if !contents.findings.contains(where: { $0.location.file.hasSuffix("!/" + ECARContents.manifestName) }) {
                findings.append(ArchiveRule.manifestMissing.finding(at: .wholeFile(display), LocalizedText(
                    en: "the archive has no manifest.json at its root, so Sunbird cannot import it",
                    hi: "आर्काइव के मूल में manifest.json नहीं है, इसलिए Sunbird इसे आयात नहीं कर सकता")))
            }
            checkStrayFiles()
            return
        }
        checkEnvelope(manifest)
        checkItems()
        checkEmptyUnits()
        checkStrayFiles()
        checkHierarchy()
    }

    /// A unit (a collection below the root) with no children shows learners an empty chapter.
    private mutating func checkEmptyUnits() {
        for item in contents.items.dropFirst() {
            guard item["mimeType"]?.string == ArchiveVerifier.collection, let identifier = item["identifier"]?.string,
                  (item["children"]?.array ?? []).isEmpty else { continue }
            let name = item["name"]?.string.map { " ('\($0)')" } ?? ""
            findings.append(ArchiveRule.emptyUnit.finding(at: item["children"]?.location ?? item.location, LocalizedText(
                en: "unit \(identifier)\(name) has no children: learners would open an empty chapter",
                hi: "इकाई \(identifier)\(name) में कोई सामग्री नहीं है: शिक्षार्थी खाली अध्याय खोलेंगे"),
                hint: LocalizedText(
                    en: "give the unit content (a module, course, lesson or session page) or leave it out of the sources",
                    hi: "इकाई में सामग्री (मॉड्यूल, पाठ्यक्रम, पाठ या सत्र पृष्ठ) जोड़ें या उसे स्रोत से हटा दें")))
        }
    }

    private mutating func invalid(_ at: SourceLocation, _ en: String, _ hi: String) {
        findings.append(ArchiveRule.manifestInvalid.finding(at: at, LocalizedText(en: en, hi: hi)))
    }

    private mutating func checkEnvelope(_ manifest: LocatedValue) {
        guard manifest.object != nil else {
            invalid(manifest.location, "manifest.json must hold a JSON object", "manifest.json में JSON ऑब्जेक्ट होना चाहिए")
            return
        }
        let id = manifest["id"]
        if id?.string != "sunbird.content.archive" {
            invalid(id?.location ?? manifest.location,
                    "manifest id must be \"sunbird.content.archive\"", "मैनिफ़ेस्ट का id \"sunbird.content.archive\" होना चाहिए")
        }
        let version = manifest["ver"]
        if version?.string != "1.2" && version?.number != 1.2 {
            invalid(version?.location ?? manifest.location,
                    "manifest ver must be \"1.2\"", "मैनिफ़ेस्ट का ver \"1.2\" होना चाहिए")
        }
        guard let archive = manifest["archive"], archive.object != nil else {
            invalid(manifest.location, "manifest has no \"archive\" object", "मैनिफ़ेस्ट में \"archive\" ऑब्जेक्ट नहीं है")
            return
        }
        guard let items = archive["items"]?.array else {
            invalid(archive.location, "archive.items must be an array of items", "archive.items आइटमों की सूची (array) होनी चाहिए")
            return
        }
        let count = archive["count"]
        if count?.int != items.count {
            findings.append(ArchiveRule.manifestCount.finding(at: count?.location ?? archive.location, LocalizedText(
                en: "archive.count is \(count?.int.map(String.init) ?? "missing"), but the manifest lists \(items.count) items",
                hi: "archive.count \(count?.int.map(String.init) ?? "अनुपस्थित") है, पर मैनिफ़ेस्ट में \(items.count) आइटम हैं")))
        }
    }

    private mutating func checkItems() {
        let fileNames = Set(contents.files.map(\.name))
        var first: [String: SourceLocation] = [:]
        for item in contents.items {
            guard item.object != nil, let identifier = item["identifier"]?.string, !identifier.isEmpty else {
                invalid(item.location, "an item has no identifier", "एक आइटम का identifier नहीं है")
                continue
            }
            if let previous = first[identifier] {
                findings.append(ArchiveRule.duplicateIdentifier.finding(at: item["identifier"]!.location, LocalizedText(
                    en: "identifier \(identifier) is used by two items", hi: "identifier \(identifier) दो आइटमों में प्रयुक्त है"),
                    notes: [Finding.Note(location: previous, message: LocalizedText(en: "first used here", hi: "पहली बार यहाँ प्रयुक्त"))]))
                continue
            }
            first[identifier] = item["identifier"]!.location
            itemsByIdentifier[identifier] = item
        }
        for item in contents.items {
            guard let identifier = item["identifier"]?.string else { continue }
            for (child, location) in ECARContents.childIdentifiers(item) where itemsByIdentifier[child] == nil {
                findings.append(ArchiveRule.missingChild.finding(at: location, LocalizedText(
                    en: "\(identifier) lists child \(child), which is not among the manifest's items",
                    hi: "\(identifier) में child \(child) है, जो मैनिफ़ेस्ट के आइटमों में नहीं है")))
            }
            for key in ["artifactUrl", "appIcon"] {
                guard let value = item[key], let reference = value.string, ECARContents.isArchivePath(reference) else { continue }
                if !fileNames.contains(reference) {
                    findings.append(ArchiveRule.missingFile.finding(at: value.location, LocalizedText(
                        en: "\(key) of \(identifier) is '\(reference)', which is not in the archive",
                        hi: "\(identifier) का \(key) '\(reference)' है, जो आर्काइव में नहीं है")))
                } else if key == "artifactUrl", item["mimeType"]?.string == ArchiveVerifier.htmlArchive {
                    htmlArchives[reference] = identifier
                }
            }
            if item["mimeType"]?.string == ArchiveVerifier.htmlArchive, item["artifactUrl"]?.string == nil {
                findings.append(ArchiveRule.missingFile.finding(at: item.location, LocalizedText(
                    en: "html-archive item \(identifier) has no artifactUrl", hi: "html-archive आइटम \(identifier) का artifactUrl नहीं है")))
            }
        }
    }

    /// Every file other than the three root files belongs in `<identifier>/`.
    private mutating func checkStrayFiles() {
        let rootFiles: Set<String> = [ECARContents.manifestName, ECARContents.hierarchyName, ECARContents.checksumsName]
        for file in contents.files where !rootFiles.contains(file.name) {
            let folder = file.name.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            guard !file.name.contains("/") || itemsByIdentifier[folder] == nil else { continue }
            if contents.manifest == nil { continue }
            findings.append(ArchiveRule.strayFile.finding(at: ECARContents.location(display, file.name), LocalizedText(
                en: "'\(file.name)' is not inside the folder of any item (<identifier>/)",
                hi: "'\(file.name)' किसी भी आइटम के फ़ोल्डर (<identifier>/) में नहीं है")))
        }
    }

    private mutating func checkHierarchy() {
        guard let root = contents.items.first, let rootIdentifier = root["identifier"]?.string else { return }
        let isCollection = root["mimeType"]?.string == ArchiveVerifier.collection
            || !(root["children"]?.array ?? []).isEmpty
        guard let hierarchy = contents.hierarchy else {
            if isCollection && !findings.contains(where: { $0.location.file.hasSuffix("!/" + ECARContents.hierarchyName) })
                && !contents.findings.contains(where: { $0.location.file.hasSuffix("!/" + ECARContents.hierarchyName) }) {
                findings.append(ArchiveRule.hierarchyMissing.finding(at: root.location, LocalizedText(
                    en: "the root item \(rootIdentifier) is a collection, but the archive has no hierarchy.json",
                    hi: "मूल आइटम \(rootIdentifier) एक संग्रह है, पर आर्काइव में hierarchy.json नहीं है")))
            }
            return
        }
        func mismatch(_ at: SourceLocation, _ en: String, _ hi: String) {
            findings.append(ArchiveRule.hierarchyMismatch.finding(at: at, LocalizedText(en: en, hi: hi)))
        }
        if hierarchy["id"]?.string != "sunbird.content.hierarchy" {
            mismatch(hierarchy["id"]?.location ?? hierarchy.location,
                     "hierarchy id must be \"sunbird.content.hierarchy\"", "hierarchy का id \"sunbird.content.hierarchy\" होना चाहिए")
        }
        guard let content = hierarchy["content"], content.object != nil else {
            mismatch(hierarchy.location, "hierarchy.json has no \"content\" object", "hierarchy.json में \"content\" ऑब्जेक्ट नहीं है")
            return
        }
        if content["identifier"]?.string != rootIdentifier {
            mismatch(content["identifier"]?.location ?? content.location,
                     "hierarchy root is \(content["identifier"]?.string ?? "without identifier"), but the manifest's root item is \(rootIdentifier)",
                     "hierarchy का मूल \(content["identifier"]?.string ?? "बिना identifier") है, पर मैनिफ़ेस्ट का मूल आइटम \(rootIdentifier) है")
        }
        var reached: Set<String> = []
        var stack: [LocatedValue] = [content]
        while let node = stack.popLast() {
            guard let identifier = node["identifier"]?.string else {
                mismatch(node.location, "a hierarchy node has no identifier", "hierarchy के एक नोड का identifier नहीं है")
                continue
            }
            guard reached.insert(identifier).inserted else {
                mismatch(node["identifier"]!.location, "\(identifier) appears twice in hierarchy.json", "\(identifier) hierarchy.json में दो बार है")
                continue
            }
            guard let item = itemsByIdentifier[identifier] else {
                mismatch(node["identifier"]!.location, "\(identifier) is in hierarchy.json but not in the manifest",
                         "\(identifier) hierarchy.json में है पर मैनिफ़ेस्ट में नहीं")
                continue
            }
            let children = node["children"]?.array ?? []
            let nested = children.map { $0["identifier"]?.string ?? $0.string ?? "?" }
            let listed = ECARContents.childIdentifiers(item).map(\.0)
            if nested != listed {
                mismatch(node["children"]?.location ?? node.location,
                         "children of \(identifier) differ: hierarchy.json has [\(nested.joined(separator: ", "))], the manifest has [\(listed.joined(separator: ", "))]",
                         "\(identifier) के children भिन्न हैं: hierarchy.json में [\(nested.joined(separator: ", "))], मैनिफ़ेस्ट में [\(listed.joined(separator: ", "))]")
            }
            stack.append(contentsOf: children.filter { $0.object != nil }.reversed())
        }
        for item in contents.items {
            guard let identifier = item["identifier"]?.string, !reached.contains(identifier) else { continue }
            mismatch(item.location, "\(identifier) is in the manifest but not in hierarchy.json",
                     "\(identifier) मैनिफ़ेस्ट में है पर hierarchy.json में नहीं")
        }
    }
}
