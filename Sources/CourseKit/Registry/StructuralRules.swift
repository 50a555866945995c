extension RuleRegistry {
    /// The structural rules, in documentation order.
    public static let structural: [RuleDescriptor] = [
        RuleDescriptor(
            id: "yaml-syntax", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "YAML file cannot be parsed", hi: "YAML फ़ाइल पढ़ी नहीं जा सकती"),
            triggering: [
                RuleExample("m/module.yaml", """
                id: m
                languages: [en, hi
                1️⃣
                """),
            ],
            nonTriggering: [
                RuleExample("m/module.yaml", """
                id: m
                languages: [en, hi]
                """),
            ]),
        RuleDescriptor(
            id: "duplicate-key", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "the same key appears twice in a mapping", hi: "एक ही कुंजी मैपिंग में दो बार आई है"),
            triggering: [
                RuleExample("m/module.yaml", """
                1️⃣id: m
                id: n
                languages: [en, hi]
                """),
            ],
            nonTriggering: [
                RuleExample("m/module.yaml", Examples.module),
            ]),
        RuleDescriptor(
            id: "file-encoding", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "file is not UTF-8 text", hi: "फ़ाइल UTF-8 पाठ नहीं है"),
            triggering: [
                RuleExample(Examples.moduleFiles.filter { $0.path != "m/lessons/a.md" } + [.init("m/lessons/a.md", "1️⃣# caf\u{E9}\n", latin1: true)]),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "file-too-large", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "source file is too large", hi: "स्रोत फ़ाइल बहुत बड़ी है"),
            triggering: [
                RuleExample(Examples.replacing("m/module.yaml", with: "1️⃣" + Examples.module + "# " + String(repeating: "x", count: 9 << 20) + "\n", in: Examples.moduleFiles)),
            ],
            nonTriggering: [
                RuleExample(Examples.replacing("m/module.yaml", with: Examples.module + "# " + String(repeating: "x", count: 1 << 20) + "\n", in: Examples.moduleFiles)),
            ]),
        RuleDescriptor(
            id: "yaml-alias-bomb", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "YAML aliases expand beyond the safe limit", hi: "YAML alias सुरक्षित सीमा से अधिक फैलते हैं"),
            triggering: [
                RuleExample("m/module.yaml", """
                a: &a [x, x, x, x, x, x, x, x, x, x]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                f: &f [1️⃣*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
                g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
                h: [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
                """),
            ],
            nonTriggering: [
                RuleExample("m/module.yaml", """
                a: &a [x, x]
                b: [*a, *a]
                """),
            ]),
        RuleDescriptor(
            id: "yaml-complex-key", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "mapping key is not plain text", hi: "मैपिंग की कुंजी सादा पाठ नहीं है"),
            triggering: [
                RuleExample("m/module.yaml", """
                id: m
                ? 1️⃣[a, b]
                : c
                """),
            ],
            nonTriggering: [
                RuleExample("m/module.yaml", Examples.module),
            ]),
        RuleDescriptor(
            id: "unreadable-file", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "file cannot be read", hi: "फ़ाइल पढ़ी नहीं जा सकती"),
            triggering: [
                // A FIFO named course.yaml: found and kept, so its reader hears why it is skipped.
                RuleExample(Examples.courseFiles.filter { $0.path != "c/course.yaml" } + [.fifo("c/course.yaml", marker: "1️⃣")]),
            ],
            nonTriggering: [
                RuleExample(Examples.courseFiles),
            ]),
        RuleDescriptor(
            id: "schema-type", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "value has the wrong type", hi: "मान का प्रकार गलत है"),
            triggering: [
                RuleExample("m/module.yaml", """
                id: m
                languages: 1️⃣en
                title: {en: Intro, hi: परिचय}
                lessons: []
                """),
            ],
            nonTriggering: [
                RuleExample("m/module.yaml", Examples.module),
            ]),
        RuleDescriptor(
            id: "schema-unknown-key", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "key is not part of the format", hi: "कुंजी प्रारूप का हिस्सा नहीं है"),
            triggering: [
                RuleExample("m/module.yaml", Examples.module + "1️⃣titel: {en: typo}\n"),
            ],
            nonTriggering: [
                RuleExample("m/module.yaml", Examples.module),
            ]),
        RuleDescriptor(
            id: "schema-required", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "a required key is missing", hi: "एक आवश्यक कुंजी नहीं है"),
            triggering: [
                RuleExample("m/module.yaml", """
                1️⃣id: m
                languages: [en, hi]
                title: {en: Intro, hi: परिचय}
                """),
            ],
            nonTriggering: [
                RuleExample("m/module.yaml", Examples.module),
            ]),
        RuleDescriptor(
            id: "schema-value", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "value is not allowed by the format", hi: "यह मान प्रारूप में मान्य नहीं है"),
            triggering: [
                RuleExample([.init("m/module.yaml", Examples.module.replacingOccurrences(of: "kind: reading", with: "kind: 1️⃣lecture"))] + Examples.lessons),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "missing-file", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "referenced file or folder does not exist", hi: "संदर्भित फ़ाइल या फ़ोल्डर मौजूद नहीं है"),
            triggering: [
                RuleExample("m/module.yaml", Examples.module.replacingOccurrences(of: "file: lessons/a.md", with: "file: 1️⃣lessons/a.md")),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "missing-translation", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "lesson is missing in a declared language", hi: "घोषित भाषा में पाठ उपलब्ध नहीं है"),
            triggering: [
                RuleExample([.init("m/module.yaml", Examples.module.replacingOccurrences(of: "file: lessons/a.md", with: "file: 1️⃣lessons/a.md")), .init("m/lessons/a.md", "# A\n\nText.\n")]),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "broken-link", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "image or link in a lesson points at a missing file", hi: "पाठ का चित्र या लिंक किसी अनुपलब्ध फ़ाइल की ओर इंगित करता है"),
            triggering: [
                RuleExample([.init("m/module.yaml", Examples.module), .init("m/lessons/a.md", "# A\n\nSee 1️⃣![the poster](poster.png).\n"),
                             .init("m/lessons/a.hi.md", "# क\n\nयह चित्र देखें: 1️⃣![पोस्टर](पोस्टर.png)\n")]),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "path-outside-repository", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "path leaves the repository or is absolute", hi: "पथ रिपॉज़िटरी से बाहर जाता है या निरपेक्ष है"),
            triggering: [
                RuleExample([.init("m/module.yaml", Examples.module.replacingOccurrences(of: "file: lessons/a.md", with: "file: 1️⃣../../outside.md"))]),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "duplicate-id", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "two files use the same id", hi: "दो फ़ाइलें एक ही id का उपयोग करती हैं"),
            triggering: [
                RuleExample(Examples.moduleFiles + [.init("n/module.yaml", Examples.module.replacingOccurrences(of: "id: intro", with: "id: 1️⃣intro")),
                                             .init("n/lessons/a.md", "# A\n"), .init("n/lessons/a.hi.md", "# क\n")]),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "schema-reference", kind: .structural, defaultSeverity: .warning,
            summary: LocalizedText(en: "the yaml-language-server $schema line is missing or names the wrong schema", hi: "yaml-language-server की $schema पंक्ति नहीं है या गलत स्कीमा बताती है"),
            triggering: [
                RuleExample("m/module.yaml", "# yaml-language-server: $schema=1️⃣course.schema.json\n" + Examples.module,
                            configuration: "rules: {schema-reference: warning}  # off by default in a repository without schemas/\n"),
            ],
            nonTriggering: [
                RuleExample(Examples.replacing("m/module.yaml", with: "# yaml-language-server: $schema=https://example.org/schemas/module.schema.json\n" + Examples.module, in: Examples.moduleFiles)),
            ]),
        RuleDescriptor(
            id: "not-checked", kind: .structural, defaultSeverity: .info,
            summary: LocalizedText(en: "files that use a file that failed to load or failed its schema were not checked", hi: "लोड न हो सकी या स्कीमा पर खरी न उतरी फ़ाइल का उपयोग करने वाली फ़ाइलें नहीं जाँची गईं"),
            triggering: [
                RuleExample(Examples.courseFiles.map { file in
                file.path == "c/m/module.yaml" ? .init(file.path, "1️⃣id: m\nlanguages: [en, hi\n") : file
            }),
            ],
            nonTriggering: [
                RuleExample(Examples.courseFiles),
            ]),
        RuleDescriptor(
            id: "unicode-normalization", kind: .structural, defaultSeverity: .warning,
            summary: LocalizedText(en: "text or a file name is not in Unicode NFC", hi: "पाठ या फ़ाइल का नाम यूनिकोड NFC में नहीं है"),
            triggering: [
                RuleExample(Examples.moduleFiles.map { file in
                file.path == "m/lessons/a.hi.md" ? .init(file.path, "# क\n\n1️⃣\u{095E}ाइल\n") : file
            }),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "input-limit", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "a source exceeds one of coursekit's stated size limits", hi: "स्रोत coursekit की घोषित आकार-सीमाओं में से एक से अधिक है"),
            triggering: [
                RuleExample([.init("m/module.yaml", Examples.module + "duration: 1️⃣P999999999999999D\n")] + Examples.lessons),
            ],
            nonTriggering: [
                RuleExample([.init("m/module.yaml", Examples.module + "duration: PT30M\n")] + Examples.lessons),
            ]),
        RuleDescriptor(
            id: "remote-image", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "a lesson image is loaded from the network", hi: "पाठ का चित्र नेटवर्क से लोड होता है"),
            triggering: [
                RuleExample(Examples.moduleFiles.map { file in
                file.path == "m/lessons/a.md" ? .init(file.path, "# A\n\n1️⃣![Signs](https://example.org/signs.png)\n") : file
            }),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "image-type", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "a lesson image is not a PNG, JPEG, GIF, WebP or SVG file", hi: "पाठ का चित्र PNG, JPEG, GIF, WebP या SVG फ़ाइल नहीं है"),
            triggering: [
                RuleExample(Examples.moduleFiles.map { file in
                file.path == "m/lessons/a.md" ? .init(file.path, "# A\n\n1️⃣![Notes](notes.txt)\n") : file
            } + [.init("m/lessons/notes.txt", "not an image\n")]),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "empty-lesson", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "a lesson has no text", hi: "पाठ में कोई पाठ्य सामग्री नहीं है"),
            triggering: [
                RuleExample(Examples.moduleFiles.map { file in
                file.path == "m/lessons/a.md" ? .init(file.path, "---\nsummary: to do\n---\n1️⃣") : file
            }),
            ],
            nonTriggering: [
                RuleExample(Examples.moduleFiles),
            ]),
        RuleDescriptor(
            id: "library-missing", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "a library or library module that is used or declared is not installed", hi: "प्रयुक्त या घोषित लाइब्रेरी या लाइब्रेरी मॉड्यूल स्थापित नहीं है"),
            triggering: [
                RuleExample(Examples.replacing("c/course.yaml", with: Examples.course.replacingOccurrences(of: "- path: m", with: "- path: m\n  - library: 1️⃣ai/intro"), in: Examples.courseFiles)),
                RuleExample(Examples.moduleFiles, configuration: "libraries:\n  1️⃣civics: builtin\n"),
            ],
            nonTriggering: [
                RuleExample(Examples.replacing("c/course.yaml", with: Examples.course.replacingOccurrences(of: "- path: m", with: "- path: m\n  - library: ai/intro"), in: Examples.courseFiles)
                    + Examples.moduleFiles.map { .init("libraries/ai/intro/" + $0.path.dropFirst(2), $0.text) }),
            ]),
        RuleDescriptor(
            id: "library-modified", kind: .structural, defaultSeverity: .error,
            summary: LocalizedText(en: "a vendored library file differs from coursekit.lock", hi: "लाइब्रेरी की वेंडर की गई फ़ाइल coursekit.lock से भिन्न है"),
            triggering: [
                RuleExample(Examples.library(onDisk: "1️⃣# Notes\n\nEdited here.\n", locked: "# Notes\n\nAs published.\n")),
            ],
            nonTriggering: [
                RuleExample(Examples.library(onDisk: "# Notes\n\nAs published.\n", locked: "# Notes\n\nAs published.\n")),
            ]),
    ]
}
