/// Every course includes a module tagged `ai` of at least the minimum length, with an
/// assessment: the state's directive that AI be part of every department's curriculum.
public struct AIModuleRequired: Rule {
    public static let descriptor = RuleDescriptor(
        id: "ai-module-required", defaultSeverity: .error,
        summary: LocalizedText(
            en: "every course includes an AI module with an assessment",
            hi: "हर पाठ्यक्रम में मूल्यांकन सहित एआई मॉड्यूल हो"))
    public static let parameters = [
        RuleParameter(name: "tag", type: "string", defaultValue: "ai", summary: LocalizedText(en: "the module tag that marks AI", hi: "एआई मॉड्यूल का टैग")),
        RuleParameter(name: "minimumDuration", type: "duration", defaultValue: "PT1H", summary: LocalizedText(en: "shortest acceptable module", hi: "मॉड्यूल की न्यूनतम अवधि")),
    ]
    let check: TopicModuleCheck

    public init(options: RuleOptions) throws(ToolError) {
        check = TopicModuleCheck(
            tag: try options.string("tag", default: "ai"),
            minimumSeconds: try options.duration("minimumDuration", default: 3_600),
            topic: LocalizedText(en: "AI", hi: "एआई"))
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] { check.findings(in: catalogue, rule: self) }
}
