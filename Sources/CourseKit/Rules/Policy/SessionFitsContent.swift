/// A programme session is at least as long as the module or course it schedules (its credited
/// effort): a 4.5-hour course cannot be taught in a 2-hour session.
public struct SessionFitsContent: Rule {
    public static let descriptor = RuleDescriptor(
        id: "session-fits-content", defaultSeverity: .error,
        summary: LocalizedText(
            en: "a programme session is long enough for the module or course it schedules",
            hi: "कार्यक्रम का सत्र उसमें रखे मॉड्यूल या पाठ्यक्रम के लिए पर्याप्त लंबा हो"),
        triggering: [
            RuleExample(Examples.programme(days: Examples.day(1, ["{title: {en: AI, hi: एआई}, duration: 1️⃣PT5M, module: ../c/ai}"]))),
        ],
        nonTriggering: [
            RuleExample(Examples.programme(days: Examples.day(1, ["{title: {en: AI, hi: एआई}, duration: PT3H, module: ../c/ai}"]))),
        ])

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        let model = catalogue.effortModel
        var findings: [Finding] = []
        for programme in catalogue.programmes where programme.file.loaded {
            // A module or course may be spread over several sessions: they count together.
            var order: [RepositoryPath] = []
            var sessions: [RepositoryPath: [(day: Int, session: ProgrammeSession)]] = [:]
            for day in model.days(programme) {
                for session in day.sessions where model.declared(session) != nil {
                    guard let folder = session.taught?.resolved else { continue }
                    if sessions[folder] == nil { order.append(folder) }
                    sessions[folder, default: []].append((day.number, session))
                }
            }
            for folder in order {
                let group = sessions[folder]!
                let first = group[0]
                guard let declared = model.declared(first.session), let content = model.scheduled(first.session, in: catalogue) else { continue }
                let total = Saturating.sum(group.map { model.declared($0.session)?.seconds ?? 0 })
                guard total < content.seconds else { continue }
                let need = EffortText.describe(content.seconds)
                let kindHi = content.kind == "module" ? "मॉड्यूल" : "पाठ्यक्रम"
                let length = group.count == 1
                    ? LocalizedText(en: "this session on day \(first.day) lasts \(declared.text)", hi: "दिन \(first.day) का यह सत्र \(declared.text) का है")
                    : LocalizedText(
                        en: "the \(group.count) sessions scheduling it last \(EffortText.describe(total).en) in all",
                        hi: "इसे रखने वाले \(group.count) सत्र कुल \(EffortText.describe(total).hi) के हैं")
                findings.append(finding(at: declared.location, LocalizedText(
                    en: "\(length.en), but the \(content.kind) '\(content.id)' it schedules takes \(need.en)",
                    hi: "\(length.hi), पर इसमें रखा \(kindHi) '\(content.id)' \(need.hi) का है"),
                    hint: LocalizedText(
                        en: "give the session at least \(EffortText.iso(content.seconds)), spread the \(content.kind) over more sessions, or schedule one of its modules",
                        hi: "सत्र को कम से कम \(EffortText.iso(content.seconds)) दें, \(kindHi) को और सत्रों में बाँटें, या उसका कोई एक मॉड्यूल रखें")))
            }
        }
        return findings
    }
}
