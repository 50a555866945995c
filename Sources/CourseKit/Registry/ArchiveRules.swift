extension RuleRegistry {
    /// The archive rules, in documentation order.
    public static let archive: [RuleDescriptor] = [
        RuleDescriptor(
            id: "archive-unreadable", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "the archive cannot be opened or is damaged", hi: "आर्काइव खोला नहीं जा सकता या क्षतिग्रस्त है"),
            triggering: [
                RuleExample([.init("!", "1️⃣this is not a zip archive\n")]),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-unsafe-entry", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "an entry could escape the extraction folder or is not a plain file", hi: "कोई प्रविष्टि निकालने वाले फ़ोल्डर से बाहर जा सकती है या सादी फ़ाइल नहीं है"),
            triggering: [
                RuleExample(Examples.archive + [.init("do_1/../../evil.txt", "1️⃣overwrites a file outside the folder\n")]),
            ],
            nonTriggering: [
                RuleExample(Examples.archive + [.init("do_1/notes.txt", "stays inside the folder\n")]),
            ]),
        RuleDescriptor(
            id: "archive-zip-bomb", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "the archive expands far beyond its size", hi: "आर्काइव अपने आकार से बहुत अधिक फैलता है"),
            triggering: [
                RuleExample(Examples.archive + [.init("do_1/notes.txt", "1️⃣" + String(repeating: "0", count: 4 << 20))]),
            ],
            nonTriggering: [
                RuleExample(Examples.archive + [.init("do_1/notes.txt", String(repeating: "0", count: 4 << 10))]),
            ]),
        RuleDescriptor(
            id: "archive-manifest-missing", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "manifest.json is missing", hi: "manifest.json नहीं है"),
            triggering: [
                RuleExample([.init("!", "1️⃣"), .init("do_1/a.pdf", "%PDF-1.4\n")]),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-manifest-invalid", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "manifest.json is not a valid Sunbird content archive manifest", hi: "manifest.json मान्य Sunbird कंटेंट आर्काइव मैनिफ़ेस्ट नहीं है"),
            triggering: [
                RuleExample(Examples.replacingEntry("manifest.json", with: Examples.manifest([Examples.pdfItem]).replacingOccurrences(of: "\"id\": \"sunbird.content.archive\"", with: "\"id\": 1️⃣\"ekstep.content.archive\""))),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-manifest-count", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "archive.count differs from the number of items", hi: "archive.count आइटमों की संख्या से भिन्न है"),
            triggering: [
                RuleExample(Examples.replacingEntry("manifest.json", with: Examples.manifest([Examples.pdfItem], count: "1️⃣2"))),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-duplicate-identifier", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "two items share an identifier", hi: "दो आइटमों का identifier एक ही है"),
            triggering: [
                RuleExample(Examples.replacingEntry("manifest.json", with: Examples.manifest([Examples.pdfItem, Examples.pdfItem.replacingOccurrences(of: "{\"identifier\": ", with: "{\"identifier\": 1️⃣")]))),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-missing-child", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "a collection lists a child that is not among the items", hi: "संग्रह में ऐसा child है जो आइटमों में नहीं है"),
            triggering: [
                RuleExample(Examples.collectionArchive(unitChildren: "[1️⃣{\"identifier\": \"do_2\"}]").map { $0.path == "hierarchy.json" ? .init($0.path, $0.text.replacingOccurrences(of: "1️⃣", with: "")) : $0 }),
            ],
            nonTriggering: [
                RuleExample(Examples.collectionArchive()),
            ]),
        RuleDescriptor(
            id: "archive-missing-file", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "an artifactUrl or appIcon names a file the archive lacks", hi: "artifactUrl या appIcon ऐसी फ़ाइल बताता है जो आर्काइव में नहीं है"),
            triggering: [
                RuleExample(Examples.replacingEntry("manifest.json", with: Examples.manifest([Examples.pdfItem.replacingOccurrences(of: "\"artifactUrl\": \"do_1/a.pdf\"", with: "\"artifactUrl\": 1️⃣\"do_1/b.pdf\"")]))),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-hierarchy-missing", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "a collection archive has no hierarchy.json", hi: "संग्रह आर्काइव में hierarchy.json नहीं है"),
            triggering: [
                RuleExample(Examples.collectionArchive().filter { $0.path != "hierarchy.json" }.map { $0.path == "manifest.json" ? .init($0.path, $0.text.replacingOccurrences(of: "{\"identifier\": \"do_c\"", with: "1️⃣{\"identifier\": \"do_c\"")) : $0 }),
            ],
            nonTriggering: [
                RuleExample(Examples.collectionArchive()),
            ]),
        RuleDescriptor(
            id: "archive-hierarchy-mismatch", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "hierarchy.json disagrees with the manifest", hi: "hierarchy.json मैनिफ़ेस्ट से मेल नहीं खाता"),
            triggering: [
                RuleExample(Examples.collectionArchive(hierarchyID: "1️⃣\"sunbird.content.tree\"").map { $0.path == "manifest.json" ? .init($0.path, $0.text.replacingOccurrences(of: "1️⃣", with: "")) : $0 }),
            ],
            nonTriggering: [
                RuleExample(Examples.collectionArchive()),
            ]),
        RuleDescriptor(
            id: "archive-html-index-missing", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "an html-archive has no index.html at its root", hi: "html-archive के मूल में index.html नहीं है"),
            triggering: [
                RuleExample(Examples.htmlArchive(.init("do_h/h.zip", zipping: [.init("lesson/index.html", "<p>Read the circular.</p>\n")], marker: "1️⃣"))),
            ],
            nonTriggering: [
                RuleExample(Examples.htmlArchive(Examples.htmlPage)),
            ]),
        RuleDescriptor(
            id: "archive-inner-archive-invalid", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "an html-archive is not a safe, readable zip", hi: "html-archive सुरक्षित और पढ़ने योग्य zip नहीं है"),
            triggering: [
                RuleExample(Examples.htmlArchive(.init("do_h/h.zip", "1️⃣this is not a zip\n"))),
            ],
            nonTriggering: [
                RuleExample(Examples.htmlArchive(Examples.htmlPage)),
            ]),
        RuleDescriptor(
            id: "archive-checksums-missing", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "checksums.sha256 is missing", hi: "checksums.sha256 नहीं है"),
            triggering: [
                RuleExample(Examples.archive.filter { $0.path != "checksums.sha256" } + [.init("!", "1️⃣")]),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-checksum-mismatch", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "a file's SHA-256 differs from checksums.sha256", hi: "किसी फ़ाइल का SHA-256 checksums.sha256 से भिन्न है"),
            triggering: [
                RuleExample(Examples.replacingEntry("checksums.sha256", with: "1️⃣" + String(repeating: "0", count: 64) + "  do_1/a.pdf\n")),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-checksum-unlisted", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "a file is not listed in checksums.sha256", hi: "कोई फ़ाइल checksums.sha256 में सूचीबद्ध नहीं है"),
            triggering: [
                RuleExample(Examples.replacingEntry("checksums.sha256", with: "auto except do_1/b.pdf") + [.init("do_1/b.pdf", "1️⃣%PDF-1.4\n")]),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-checksum-stale", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "checksums.sha256 lists a file the archive lacks", hi: "checksums.sha256 में ऐसी फ़ाइल है जो आर्काइव में नहीं है"),
            triggering: [
                RuleExample(Examples.replacingEntry("checksums.sha256", with: "1️⃣" + String(repeating: "0", count: 64) + "  do_1/gone.pdf\nauto")),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-stray-file", kind: .archive, defaultSeverity: .warning,
            summary: LocalizedText(en: "a file lies outside every item's folder", hi: "कोई फ़ाइल किसी भी आइटम के फ़ोल्डर में नहीं है"),
            triggering: [
                RuleExample(Examples.archive + [.init("notes.txt", "1️⃣left here by mistake\n")]),
            ],
            nonTriggering: [
                RuleExample(Examples.archive),
            ]),
        RuleDescriptor(
            id: "archive-online-only-size", kind: .archive, defaultSeverity: .warning,
            summary: LocalizedText(en: "an item is over Sunbird's 200 MiB limit and will be online-only", hi: "कोई आइटम Sunbird की 200 MiB सीमा से बड़ा है और केवल ऑनलाइन चलेगा"),
            // The limit is lowered to 1 KiB for the examples, so they need not hold 200 MiB.
            triggering: [
                RuleExample(Examples.twoLessonArchive(marker: "1️⃣") + [.init("do_1/notes.txt", String(repeating: "0", count: 2048))], options: ["onlineOnlyLimit": "1024"]),
            ],
            nonTriggering: [
                RuleExample(Examples.twoLessonArchive(marker: ""), options: ["onlineOnlyLimit": "1024"]),
            ]),
        RuleDescriptor(
            id: "archive-empty-unit", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "a course unit has no children: learners see an empty chapter", hi: "किसी पाठ्यक्रम इकाई में कुछ नहीं है: शिक्षार्थियों को खाली अध्याय दिखेगा"),
            triggering: [
                RuleExample(Examples.collectionArchive(unitChildren: "1️⃣[]").map { $0.path == "hierarchy.json" ? .init($0.path, $0.text.replacingOccurrences(of: "1️⃣", with: "")) : $0 }),
            ],
            nonTriggering: [
                RuleExample(Examples.collectionArchive()),
            ]),
        RuleDescriptor(
            id: "archive-active-content", kind: .archive, defaultSeverity: .error,
            summary: LocalizedText(en: "an html-archive contains scripts, event handlers or javascript: URLs", hi: "html-archive में स्क्रिप्ट, इवेंट हैंडलर या javascript: URL हैं"),
            triggering: [
                RuleExample(Examples.htmlArchive(.init("do_h/h.zip", zipping: [.init("index.html", "<p onclick=\"steal()\">Read the circular.</p>\n")], marker: "1️⃣"))),
            ],
            nonTriggering: [
                RuleExample(Examples.htmlArchive(Examples.htmlPage)),
            ]),
    ]
}
