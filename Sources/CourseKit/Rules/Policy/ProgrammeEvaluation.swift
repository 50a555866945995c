/// A programme is evaluated regularly: a baseline assessment on its first day, an assessment at
/// least every N days, and one on its last day (sessions with `mode: assessment`).
public struct ProgrammeEvaluation: Rule {
    public static let descriptor = RuleDescriptor(
        id: "programme-evaluation", defaultSeverity: .error,
        parameters: [maximumDaysBetweenParameter],
        summary: LocalizedText(
            en: "a programme has a baseline assessment, regular checks and a final assessment",
            hi: "कार्यक्रम में आधार-रेखा मूल्यांकन, नियमित जाँच और अंतिम मूल्यांकन हो"),
        triggering: [
            RuleExample(Examples.programme(days: Examples.day(1, sessionsKey: "1️⃣sessions:", ["{title: {en: AI, hi: एआई}, duration: PT3H, module: ../c/ai}"])
                + Examples.day(2, sessionsKey: "2️⃣sessions:", ["{title: {en: Visit, hi: भ्रमण}, duration: PT3H, mode: field}"]))),
        ],
        nonTriggering: [
            RuleExample(Examples.programme(days: Examples.day(1, ["{title: {en: AI, hi: एआई}, duration: PT3H, module: ../c/ai}", "{title: {en: Baseline, hi: आधार परीक्षा}, duration: PT1H, mode: assessment}"])
                + Examples.day(2, ["{title: {en: Final test, hi: अंतिम परीक्षा}, duration: PT1H, mode: assessment}"]))),
        ])
    static let maximumDaysBetweenParameter = RuleParameter(
        "maximumDaysBetween", default: .integer(1),
        summary: LocalizedText(en: "most days from one assessment to the next (1 = every day)", hi: "एक मूल्यांकन से अगले तक अधिकतम दिन (1 = हर दिन)"))
    let maximumDaysBetween: Int

    public init(options: RuleOptions) throws(ToolError) {
        maximumDaysBetween = max(1, try options.int(Self.maximumDaysBetweenParameter))
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        let model = catalogue.effortModel
        var findings: [Finding] = []
        for programme in catalogue.programmes where programme.file.loaded {
            let days = model.days(programme).sorted { $0.number < $1.number }
            guard let first = days.first, let last = days.last else { continue }
            let assessed = days.filter { $0.sessions.contains(where: \.isAssessment) }
            if !first.sessions.contains(where: \.isAssessment) {
                findings.append(finding(at: first.sessionsLocation, LocalizedText(
                    en: "day \(first.number), the first day, has no baseline assessment (a session with 'mode: assessment')",
                    hi: "पहले दिन (दिन \(first.number)) कोई आधार-रेखा मूल्यांकन ('mode: assessment' वाला सत्र) नहीं है"),
                    hint: LocalizedText(
                        en: "add a short baseline test on the first day, so the final assessment shows what participants learnt",
                        hi: "पहले दिन एक छोटी आधार-रेखा परीक्षा जोड़ें, ताकि अंतिम मूल्यांकन से पता चले कि प्रतिभागियों ने क्या सीखा")))
            }
            if last.number != first.number, !last.sessions.contains(where: \.isAssessment) {
                findings.append(finding(at: last.sessionsLocation, LocalizedText(
                    en: "day \(last.number), the last day, has no final assessment",
                    hi: "अंतिम दिन (दिन \(last.number)) कोई अंतिम मूल्यांकन नहीं है"),
                    hint: LocalizedText(en: "add a session with 'mode: assessment' on the last day", hi: "अंतिम दिन 'mode: assessment' वाला सत्र जोड़ें")))
            }
            // Each assessment is due at most N days after the previous one (the first day counts as
            // assessed: a missing baseline is reported above; the last day likewise).
            var previous = first.number
            for day in days.dropFirst() {
                let isAssessed = assessed.contains { $0.number == day.number }
                if !isAssessed && day.number - previous >= maximumDaysBetween && day.number != last.number {
                    findings.append(finding(at: day.sessionsLocation, LocalizedText(
                        en: "no assessment since day \(previous): day \(day.number) needs one (an assessment at least every \(maximumDaysBetween) day(s))",
                        hi: "दिन \(previous) के बाद कोई मूल्यांकन नहीं: दिन \(day.number) में एक चाहिए (कम से कम हर \(maximumDaysBetween) दिन में एक मूल्यांकन)"),
                        hint: LocalizedText(
                            en: "close the day with a short check: a session with 'mode: assessment'",
                            hi: "दिन के अंत में छोटी जाँच रखें: 'mode: assessment' वाला सत्र")))
                    previous = day.number
                }
                if isAssessed { previous = day.number }
            }
        }
        return findings
    }
}
