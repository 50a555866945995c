/// The mandatory capacity-building programme: at least 7 distinct days of at least N hours,
/// sessions on the AI and cyber-security modules, and linked to promotion and the ACR.
public struct SevenDayProgramme: Rule {
    public static let descriptor = RuleDescriptor(
        id: "seven-day-programme", defaultSeverity: .error,
        parameters: [minimumDaysParameter, minimumHoursPerDayParameter, requiredTagsParameter, countsTowardParameter],
        summary: LocalizedText(
            en: "a programme spans 7 full days, covers AI and cyber security and counts toward promotion and ACR",
            hi: "कार्यक्रम 7 पूरे दिन का हो, उसमें एआई और साइबर सुरक्षा हों और वह पदोन्नति व एसीआर में गिना जाए"),
        triggering: [
            RuleExample([.init("p/programme.yaml", "1️⃣" + Examples.programme.replacingOccurrences(of: "countsToward: [promotion, acr]\n", with: "") + "2️⃣days:\n  - 3️⃣day: 1\n    title: {en: Day one, hi: पहला दिन}\n    sessions:\n      - {title: {en: Closing, hi: समापन}, duration: PT2H, mode: classroom}\n")]),
        ],
        nonTriggering: [
            RuleExample([.init("p/programme.yaml", Examples.programme + "days:\n" + (1...7).map { "  - day: \($0)\n    title: {en: Day \($0), hi: दिन \($0)}\n    sessions:\n      - {title: {en: AI, hi: एआई}, duration: PT3H, module: ../c/ai}\n      - {title: {en: Cyber, hi: साइबर}, duration: PT3H, module: ../c/cyber}\n" }.joined())] + Examples.topicModule("c/ai", tag: "ai") + Examples.topicModule("c/cyber", tag: "cyber-security")),
        ])
    static let minimumDaysParameter = RuleParameter(
        "minimumDays", default: .integer(7),
        summary: LocalizedText(en: "distinct days required", hi: "आवश्यक अलग-अलग दिन"))
    static let minimumHoursPerDayParameter = RuleParameter(
        "minimumHoursPerDay", default: .number(6),
        summary: LocalizedText(en: "session hours needed on each day", hi: "हर दिन सत्रों के आवश्यक घंटे"))
    static let requiredTagsParameter = RuleParameter(
        "requiredTags", default: .texts(["ai", "cyber-security"]),
        summary: LocalizedText(en: "module tags the sessions must cover", hi: "सत्रों में शामिल होने वाले मॉड्यूल टैग"))
    static let countsTowardParameter = RuleParameter(
        "countsToward", default: .texts(["promotion", "acr"]),
        summary: LocalizedText(en: "what the programme must count toward", hi: "कार्यक्रम किसमें गिना जाए"))
    let minimumDays: Int
    let minimumSeconds: Int
    let requiredTags: [String]
    let countsToward: [String]

    public init(options: RuleOptions) throws(ToolError) {
        minimumDays = try options.int(Self.minimumDaysParameter)
        minimumSeconds = Int(try options.double(Self.minimumHoursPerDayParameter) * 3_600)
        requiredTags = try options.strings(Self.requiredTagsParameter)
        countsToward = try options.strings(Self.countsTowardParameter)
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        catalogue.programmes.filter(\.file.loaded).flatMap { check($0, in: catalogue) }
    }

    private func check(_ programme: Programme, in catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        let model = catalogue.effortModel
        var secondsPerDay: [Int: (Int, SourceLocation)] = [:]
        for day in model.days(programme) {
            let previous = secondsPerDay[day.number]?.0 ?? 0
            secondsPerDay[day.number] = (Saturating.add(previous, model.sessionSeconds(day)), day.location)
        }
        if secondsPerDay.count < minimumDays {
            findings.append(finding(at: programme.file.keyLocation("days"), LocalizedText(
                en: "the programme has \(secondsPerDay.count) distinct day(s); at least \(minimumDays) are required",
                hi: "कार्यक्रम में \(secondsPerDay.count) अलग-अलग दिन हैं; कम से कम \(minimumDays) दिन आवश्यक हैं"),
                hint: LocalizedText(en: "add days numbered 1 to \(minimumDays)", hi: "1 से \(minimumDays) तक क्रमांकित दिन जोड़ें")))
        }
        for (number, entry) in secondsPerDay.sorted(by: { $0.key < $1.key }) where entry.0 < minimumSeconds {
            let have = ModuleFacts.describe(entry.0), need = ModuleFacts.describe(minimumSeconds)
            findings.append(finding(at: entry.1, LocalizedText(
                en: "day \(number) has \(have.en) of sessions; each day needs at least \(need.en)",
                hi: "दिन \(number) में \(have.hi) के सत्र हैं; हर दिन कम से कम \(need.hi) आवश्यक हैं")))
        }
        let covered = coveredTags(programme, in: catalogue)
        for tag in requiredTags where !covered.contains(tag) {
            findings.append(finding(at: programme.file.keyLocation("days"), LocalizedText(
                en: "no session teaches a module tagged '\(tag)'",
                hi: "किसी भी सत्र में '\(tag)' टैग वाला मॉड्यूल नहीं पढ़ाया जाता"),
                hint: LocalizedText(
                    en: "add a session with 'module:' pointing at the standard '\(tag)' module",
                    hi: "मानक '\(tag)' मॉड्यूल की ओर 'module:' वाला एक सत्र जोड़ें")))
        }
        let declared = Set(programme.details.countsToward)
        let missing = countsToward.filter { !declared.contains($0) }
        if !missing.isEmpty {
            findings.append(finding(at: programme.details.countsTowardLocation ?? programme.file.keyLocation("id"), LocalizedText(
                en: "the programme does not declare that it counts toward \(missing.joined(separator: " and "))",
                hi: "कार्यक्रम यह घोषित नहीं करता कि वह \(missing.joined(separator: " और ")) में गिना जाता है"),
                hint: LocalizedText(en: "add 'countsToward: [\(countsToward.joined(separator: ", "))]'", hi: "'countsToward: [\(countsToward.joined(separator: ", "))]' जोड़ें")))
        }
        return findings
    }

    /// Tags of the modules the sessions teach, directly or through a course.
    private func coveredTags(_ programme: Programme, in catalogue: Catalogue) -> Set<String> {
        var tags: Set<String> = []
        for reference in programme.sessionReferences {
            guard let folder = reference.resolved else { continue }
            if let module = catalogue.modules[folder.appending("module.yaml")] { tags.formUnion(module.tags) }
            if let course = catalogue.courses.first(where: { $0.file.path == folder.appending("course.yaml") }) {
                for moduleReference in course.modules { tags.formUnion(catalogue.module(for: moduleReference)?.tags ?? []) }
            }
        }
        return tags
    }
}
