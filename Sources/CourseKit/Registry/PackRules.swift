extension RuleRegistry {
    /// The pack rules, in documentation order.
    public static let pack: [RuleDescriptor] = [
        RuleDescriptor(
            id: "pack-missing-id", kind: .pack, defaultSeverity: .error,
            summary: LocalizedText(en: "an item to package has no id", hi: "पैकेज किए जाने वाले आइटम का id नहीं है"),
            triggering: [
            ],
            nonTriggering: [
            ]),
        RuleDescriptor(
            id: "pack-unresolved-reference", kind: .pack, defaultSeverity: .error,
            summary: LocalizedText(en: "a referenced module, course, quiz or file is missing", hi: "संदर्भित मॉड्यूल, पाठ्यक्रम, क्विज़ या फ़ाइल नहीं मिली"),
            triggering: [
            ],
            nonTriggering: [
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
            ],
            nonTriggering: [
            ]),
        RuleDescriptor(
            id: "pack-missing-image", kind: .pack, defaultSeverity: .warning,
            summary: LocalizedText(en: "a lesson image cannot be packaged", hi: "पाठ का चित्र पैकेज नहीं हो सकता"),
            triggering: [
                RuleExample(Examples.replacing("c/m/lessons/a.md", with: "# Welcome\n\n1️⃣![The poster](poster.png)\n", in: Examples.courseFiles),
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
