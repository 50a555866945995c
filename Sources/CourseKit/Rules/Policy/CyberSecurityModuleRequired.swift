/// Every course includes a module tagged `cyber-security` of at least the minimum length, with
/// an assessment: the directive that cyber security be part of every curriculum.
public struct CyberSecurityModuleRequired: Rule {
    public static let descriptor = RuleDescriptor(
        id: "cyber-security-module-required", defaultSeverity: .error,
        summary: LocalizedText(
            en: "every course includes a cyber-security module with an assessment",
            hi: "हर पाठ्यक्रम में मूल्यांकन सहित साइबर सुरक्षा मॉड्यूल हो"))
    public static let parameters = [
        RuleParameter(name: "tag", type: "string", defaultValue: "cyber-security", summary: LocalizedText(en: "the module tag that marks cyber security", hi: "साइबर सुरक्षा मॉड्यूल का टैग")),
        RuleParameter(name: "minimumDuration", type: "duration", defaultValue: "PT1H", summary: LocalizedText(en: "shortest acceptable module", hi: "मॉड्यूल की न्यूनतम अवधि")),
    ]
    let check: TopicModuleCheck

    public init(options: RuleOptions) throws(ToolError) {
        check = TopicModuleCheck(
            tag: try options.string("tag", default: "cyber-security"),
            minimumSeconds: try options.duration("minimumDuration", default: 3_600),
            topic: LocalizedText(en: "cyber-security", hi: "साइबर सुरक्षा"))
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] { check.findings(in: catalogue, rule: self) }
}
