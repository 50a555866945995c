extension RuleRegistry {
    /// The suppression rules, in documentation order.
    public static let suppression: [RuleDescriptor] = [
        RuleDescriptor(
            id: "suppression-reason-missing", kind: .suppression, defaultSeverity: .error,
            parameters: [SuppressionRule.minimumLength],
            summary: LocalizedText(en: "an inline suppression gives no reason (or too short a one)", hi: "इनलाइन छूट (suppression) का कोई कारण नहीं दिया गया (या बहुत छोटा है)"),
            triggering: [
                RuleExample([.init("m/module.yaml", Examples.module + "# coursekit-disable-next-line 1️⃣schema-unknown-key\ntitel: {en: typo}\n")] + Examples.lessons),
            ],
            nonTriggering: [
                RuleExample([.init("m/module.yaml", Examples.module + "# coursekit-disable-next-line schema-unknown-key -- kept for the state LMS export\ntitel: {en: typo}\n")] + Examples.lessons),
            ]),
        RuleDescriptor(
            id: "suppression-unknown-rule", kind: .suppression, defaultSeverity: .error,
            summary: LocalizedText(en: "an inline suppression names a rule that does not exist", hi: "इनलाइन छूट ऐसे नियम का नाम लेती है जो मौजूद नहीं है"),
            triggering: [
                RuleExample([.init("m/module.yaml", Examples.module + "# coursekit-disable-next-line 1️⃣schema-unknown-kye -- kept for the state LMS export\ntitel: {en: typo}\n")] + Examples.lessons),
                RuleExample(Examples.replacing("m/lessons/a.hi.md", with: "# स्वागत\n\nबैठक से पहले परिपत्र पढ़ें। <!-- coursekit-disable-next-line 1️⃣brokn-link -- परिपत्र बाद में प्रकाशित होगा -->\n", in: Examples.moduleFiles)),
            ],
            nonTriggering: [
                RuleExample([.init("m/module.yaml", Examples.module + "# coursekit-disable-next-line schema-unknown-key -- kept for the state LMS export\ntitel: {en: typo}\n")] + Examples.lessons),
            ]),
        RuleDescriptor(
            id: "unused-suppression", kind: .suppression, defaultSeverity: .warning,
            summary: LocalizedText(en: "an inline suppression suppresses nothing", hi: "इनलाइन छूट कुछ भी नहीं दबाती"),
            triggering: [
                RuleExample([.init("m/module.yaml", Examples.module + "# coursekit-disable-next-line 1️⃣schema-unknown-key -- kept for the state LMS export\ndescription: {en: fine, hi: ठीक}\n")] + Examples.lessons),
            ],
            nonTriggering: [
                RuleExample([.init("m/module.yaml", Examples.module + "# coursekit-disable-next-line schema-unknown-key -- kept for the state LMS export\ntitel: {en: typo}\n")] + Examples.lessons),
            ]),
    ]
}
