extension RuleRegistry {
    /// The pack rules, in documentation order.
    public static let pack: [RuleDescriptor] = [
        RuleDescriptor(
            id: "pack-missing-id", kind: .pack, defaultSeverity: .error,
            summary: LocalizedText(en: "an item to package has no id", hi: "पैकेज किए जाने वाले आइटम का id नहीं है"),
            triggering: [
                // Validation reports the missing id too (schema-required); switched off, pack meets it.
                RuleExample(Examples.replacing("c/m/module.yaml", with: Examples.module.replacingOccurrences(of: "id: intro\n", with: "1️⃣"), in: Examples.courseFiles),
                            configuration: "extends: none\nrules: {schema-required: off}\n"),
            ],
            nonTriggering: [
                RuleExample(Examples.courseFiles, configuration: "extends: none\nrules: {schema-required: off}\n"),
            ]),
        RuleDescriptor(
            id: "pack-unresolved-reference", kind: .pack, defaultSeverity: .error,
            summary: LocalizedText(en: "a referenced module, course, quiz or file is missing", hi: "संदर्भित मॉड्यूल, पाठ्यक्रम, क्विज़ या फ़ाइल नहीं मिली"),
            triggering: [
                // Validation reports the missing quiz too (missing-file); switched off, pack meets it.
                RuleExample(Examples.replacing("c/m/module.yaml", with: Examples.module + "assessment: {quiz: 1️⃣quiz.yaml}\n", in: Examples.courseFiles),
                            configuration: "extends: none\nrules: {missing-file: off}\n"),
            ],
            nonTriggering: [
                RuleExample(Examples.replacing("c/m/module.yaml", with: Examples.module + "assessment: {quiz: quiz.yaml}\n", in: Examples.courseFiles)
                            + [.init("c/m/quiz.yaml", Examples.quiz)], configuration: "extends: none\nrules: {missing-file: off}\n"),
            ]),
        RuleDescriptor(
            id: "pack-missing-edition", kind: .pack, defaultSeverity: .error,
            summary: LocalizedText(en: "a lesson has no file in the edition's language", hi: "पाठ की संस्करण की भाषा में फ़ाइल नहीं है"),
            triggering: [
                RuleExample(Examples.replacing("c/m/module.yaml", with: Examples.module.replacingOccurrences(of: "file: lessons/a.md", with: "file: 1️⃣lessons/a.md"),
                in: Examples.courseFiles.filter { $0.path != "c/m/lessons/a.hi.md" }), configuration: "extends: none\nrules: {missing-translation: off}\n"),
            ],
            nonTriggering: [
                RuleExample(Examples.courseFiles, configuration: "extends: none\n"),
            ]),
        RuleDescriptor(
            id: "pack-unsupported-lesson", kind: .pack, defaultSeverity: .error,
            summary: LocalizedText(en: "a lesson file type cannot be played by Sunbird", hi: "पाठ फ़ाइल का प्रकार Sunbird में नहीं चल सकता"),
            triggering: [
                RuleExample(Examples.replacing("c/m/module.yaml", with: Examples.module.replacingOccurrences(of: "file: lessons/a.md", with: "file: 1️⃣lessons/a.docx").replacingOccurrences(of: "kind: reading", with: "kind: document"),
                in: Examples.courseFiles) + [.init("c/m/lessons/a.docx", "not really a document\n"), .init("c/m/lessons/a.hi.docx", "not really a document\n")],
                configuration: "extends: none\n"),
            ],
            nonTriggering: [
                RuleExample(Examples.courseFiles, configuration: "extends: none\n"),
            ]),
        RuleDescriptor(
            id: "pack-unreadable-file", kind: .pack, defaultSeverity: .error,
            summary: LocalizedText(en: "a file to package cannot be read", hi: "पैकेज की जाने वाली फ़ाइल पढ़ी नहीं जा सकती"),
            triggering: [
                // An image whose name holds a backslash, which no archive entry may: the lesson's page cannot
                // be written. (Validation reports the backslash as path-outside-repository, switched off here.)
                RuleExample(Examples.replacing("c/m/lessons/a.md", with: "1️⃣# Welcome\n\n![The poster](p\\q.svg)\n", in: Examples.courseFiles)
                            + [.init("c/m/lessons/p\\q.svg", Examples.svg)], configuration: "extends: none\nrules: {path-outside-repository: off}\n"),
            ],
            nonTriggering: [
                RuleExample(Examples.replacing("c/m/lessons/a.md", with: "# Welcome\n\n![The poster](poster.svg)\n", in: Examples.courseFiles)
                            + [.init("c/m/lessons/poster.svg", Examples.svg)], configuration: "extends: none\nrules: {path-outside-repository: off}\n"),
            ]),
        RuleDescriptor(
            id: "pack-missing-image", kind: .pack, defaultSeverity: .warning,
            summary: LocalizedText(en: "a lesson image cannot be packaged", hi: "पाठ का चित्र पैकेज नहीं हो सकता"),
            triggering: [
                RuleExample(Examples.replacing("c/m/lessons/a.md", with: "# Welcome\n\n1️⃣![The poster](poster.png)\n", in: Examples.courseFiles),
                configuration: "extends: none\nrules: {broken-link: off}\n"),
                RuleExample(Examples.replacing("c/m/lessons/a.hi.md", with: "# स्वागत\n\nयह चित्र देखें: 1️⃣![पोस्टर](पोस्टर.png)\n", in: Examples.courseFiles),
                configuration: "extends: none\nrules: {broken-link: off}\n"),
            ],
            nonTriggering: [
                RuleExample(Examples.courseFiles, configuration: "extends: none\nrules: {broken-link: off}\n"),
            ]),
        RuleDescriptor(
            id: "pack-unplayable-question", kind: .pack, defaultSeverity: .error,
            summary: LocalizedText(en: "a quiz question is of a type iGOT's QuML player cannot show", hi: "क्विज़ का कोई प्रश्न ऐसे प्रकार का है जिसे iGOT का QuML प्लेयर नहीं दिखा सकता"),
            triggering: [
                RuleExample(Examples.replacing("c/m/module.yaml", with: Examples.module + "assessment: {quiz: quiz.yaml}\n", in: Examples.courseFiles) + [
                .init("c/m/quiz.yaml", Examples.quiz + "  - id: q2\n    type: 1️⃣fill-in\n    prompt: {en: The cyber fraud helpline is ___., hi: साइबर धोखाधड़ी हेल्पलाइन ___ है।}\n    answers: {en: [\"1930\"], hi: [\"1930\"]}\n    explanation: {en: 1930 is the helpline., hi: 1930 हेल्पलाइन है।}\n"),
            ], configuration: "extends: none\n"),
            ],
            nonTriggering: [
                RuleExample(Examples.replacing("c/m/module.yaml", with: Examples.module + "assessment: {quiz: quiz.yaml}\n", in: Examples.courseFiles) + [.init("c/m/quiz.yaml", Examples.quiz)], configuration: "extends: none\n"),
            ]),
        RuleDescriptor(
            id: "pack-edition-blocked", kind: .pack, defaultSeverity: .error,
            summary: LocalizedText(en: "an edition is not packed because of errors about it", hi: "किसी संस्करण से जुड़ी त्रुटियों के कारण वह पैक नहीं किया गया"),
            triggering: [
                RuleExample(Examples.replacing("c/m/lessons/a.hi.md", with: "# स्वागत\n\n![पोस्टर](पोस्टर.png)\n",
                in: Examples.replacing("c/course.yaml", with: "1️⃣" + Examples.course, in: Examples.courseFiles)), configuration: "extends: none\n"),
            ],
            nonTriggering: [
                RuleExample(Examples.courseFiles, configuration: "extends: none\n"),
            ]),
    ]
}
