/// Declared lesson, module and course durations lie within the tolerance band of the measured
/// effort (reading time of every edition, activity time by kind, quiz questions): the hours a
/// course claims are what an officer's training record will show.
public struct DurationMatchesEffort: Rule {
    public static let descriptor = RuleDescriptor(
        id: "duration-matches-effort", defaultSeverity: .error,
        summary: LocalizedText(
            en: "declared durations match the measured learning effort",
            hi: "घोषित अवधि मापे गए अधिगम-समय से मेल खाए"),
        triggering: [
            RuleExample(Examples.replacing("m/module.yaml", with: Examples.module.replacingOccurrences(of: "kind: reading", with: "kind: reading\n    duration: 1️⃣PT3H"), in: Examples.moduleFiles)),
        ],
        nonTriggering: [
            RuleExample(Examples.replacing("m/module.yaml", with: Examples.module.replacingOccurrences(of: "kind: reading", with: "kind: reading\n    duration: PT1M"), in: Examples.moduleFiles)),
        ])

    public init(options: RuleOptions) throws(ToolError) {
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        let model = catalogue.effortModel
        var findings: [Finding] = []
        for module in catalogue.sortedModules where module.file.loaded {
            for lesson in module.lessons {
                if let declared = model.declared(lesson) {
                    // The module's figure is for the longest edition; each edition's own figure is checked below.
                    let effort = model.effort(lesson)
                    if effort.measured, !model.band(effort).contains(declared.seconds) {
                        findings.append(problem(declared, effort, what: LocalizedText(en: "lesson", hi: "पाठ"), model: model, kind: lesson.kind))
                    }
                }
                for edition in lesson.editions {
                    guard let declared = model.declared(edition) else { continue }
                    let effort = model.effort(lesson, edition: edition)
                    if effort.measured, !model.band(effort).contains(declared.seconds) {
                        findings.append(problem(declared, effort, what: LocalizedText(en: "this edition of the lesson", hi: "पाठ का यह संस्करण"), model: model, kind: lesson.kind))
                    }
                }
            }
            if let declared = model.declared(module) {
                let effort = model.effort(module, in: catalogue)
                if effort.measured, !model.band(effort).contains(declared.seconds) {
                    findings.append(problem(declared, effort, what: LocalizedText(en: "module '\(module.id ?? "?")'", hi: "मॉड्यूल '\(module.id ?? "?")'"), model: model, kind: nil))
                }
            }
        }
        for course in catalogue.courses where course.file.loaded {
            guard let declared = model.declared(course) else { continue }
            let effort = model.effort(course, in: catalogue)
            if effort.measured, !course.modules.isEmpty, !model.band(effort).contains(declared.seconds) {
                findings.append(problem(declared, effort, what: LocalizedText(en: "course '\(course.id ?? "?")'", hi: "पाठ्यक्रम '\(course.id ?? "?")'"), model: model, kind: nil))
            }
        }
        return findings
    }

    private func problem(_ declared: DeclaredDuration, _ effort: Effort, what: LocalizedText, model: EffortModel, kind: String?) -> Finding {
        let band = model.band(effort)
        let measured = EffortText.describe(effort.expected)
        let low = ModuleFacts.describe((band.lowerBound + 59) / 60 * 60), high = ModuleFacts.describe(band.upperBound / 60 * 60)
        let tooShort = declared.seconds < band.lowerBound
        let activity = kind.flatMap { model.parameters.activities[$0] }.map { range in
            LocalizedText(
                en: " (reading plus at least \(EffortText.describe(range.minimumSeconds).en) of \(kind!))",
                hi: " (पढ़ना और \(kind!) के कम से कम \(EffortText.describe(range.minimumSeconds).hi))")
        } ?? LocalizedText(en: "", hi: "")
        return finding(at: declared.location, LocalizedText(
            en: "\(what.en) declares \(declared.text), but its content measures about \(measured.en)\(activity.en); a declared duration from \(low.en) to \(high.en) fits it",
            hi: "\(what.hi) \(declared.text) घोषित करता है, पर उसकी सामग्री लगभग \(measured.hi) की है\(activity.hi); \(low.hi) से \(high.hi) तक की घोषित अवधि उससे मेल खाती है"),
            hint: tooShort
                ? LocalizedText(en: "declare the time learners really need, or shorten the content", hi: "शिक्षार्थियों को वास्तव में लगने वाला समय घोषित करें, या सामग्री छोटी करें")
                : LocalizedText(en: "declare the time the content takes (module = lessons + quiz, course = modules), or add the content the time is meant for",
                                hi: "सामग्री में लगने वाला समय घोषित करें (मॉड्यूल = पाठ + क्विज़, पाठ्यक्रम = मॉड्यूल), या वह सामग्री जोड़ें जिसके लिए यह समय है"))
    }
}
