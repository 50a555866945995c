/// The shared check behind `ai-module-required` and `cyber-security-module-required`: every
/// course must include a module carrying a topic tag, long enough and with an assessment.
struct TopicModuleCheck: Sendable {
    var tag: String
    var minimumSeconds: Int
    var topic: LocalizedText

    func findings(in catalogue: Catalogue, rule: some Rule) -> [Finding] {
        var findings: [Finding] = []
        for course in catalogue.courses where course.file.loaded {
            let tagged = course.modules.compactMap { catalogue.module(for: $0) }.filter { $0.tags.contains(tag) }
            let location = course.file.keyLocation("modules")
            guard !tagged.isEmpty else {
                findings.append(rule.finding(at: location, LocalizedText(
                    en: "course '\(course.id ?? "?")' has no \(topic.en) module (a module tagged '\(tag)')",
                    hi: "पाठ्यक्रम '\(course.id ?? "?")' में \(topic.hi) का कोई मॉड्यूल ('\(tag)' टैग वाला) नहीं है"),
                    hint: LocalizedText(
                        en: "add the state's standard module from the up-karmayogi library, '- library: up-karmayogi/\(tag == "ai" ? "ai-for-public-servants" : "cyber-security-essentials")' (field staff: '\(tag == "ai" ? "ai-for-field-staff" : "cyber-safety-for-field-staff")'; see docs/libraries.md), or tag your own module '\(tag)'",
                        hi: "up-karmayogi लाइब्रेरी से राज्य का मानक मॉड्यूल जोड़ें, '- library: up-karmayogi/\(tag == "ai" ? "ai-for-public-servants" : "cyber-security-essentials")' (फ़ील्ड स्टाफ़ के लिए '\(tag == "ai" ? "ai-for-field-staff" : "cyber-safety-for-field-staff")'; देखें docs/libraries.md), या अपने मॉड्यूल पर '\(tag)' टैग लगाएँ")))
                continue
            }
            // Measured, not declared: the declared duration counts only as far as the content bears it out.
            let model = catalogue.effortModel
            if !tagged.contains(where: { model.credited($0, in: catalogue) >= minimumSeconds }) {
                let longest = tagged.max { model.credited($0, in: catalogue) < model.credited($1, in: catalogue) }!
                let need = ModuleFacts.describe(minimumSeconds), have = EffortText.describe(model.credited(longest, in: catalogue))
                let declared = model.declared(longest).map { LocalizedText(en: " (declared \($0.text))", hi: " (घोषित \($0.text))") }
                    ?? LocalizedText(en: "", hi: "")
                findings.append(rule.finding(at: location, LocalizedText(
                    en: "the \(topic.en) module of course '\(course.id ?? "?")' measures \(have.en) of learning\(declared.en), less than the required \(need.en)",
                    hi: "पाठ्यक्रम '\(course.id ?? "?")' का \(topic.hi) मॉड्यूल मापने पर \(have.hi) का है\(declared.hi), जो आवश्यक \(need.hi) से कम है"),
                    hint: LocalizedText(
                        en: "use the state's standard module, or give yours lessons, activities and a quiz that take at least \(need.en)",
                        hi: "राज्य का मानक मॉड्यूल लें, या अपने मॉड्यूल में कम से कम \(need.hi) के पाठ, गतिविधियाँ और क्विज़ रखें")))
            }
            if !tagged.contains(where: { catalogue.assessment(for: $0) != nil }) {
                findings.append(rule.finding(at: location, LocalizedText(
                    en: "the \(topic.en) module of course '\(course.id ?? "?")' has no assessment with a pass mark",
                    hi: "पाठ्यक्रम '\(course.id ?? "?")' के \(topic.hi) मॉड्यूल में उत्तीर्णांक सहित कोई मूल्यांकन नहीं है"),
                    hint: LocalizedText(en: "give the module 'assessment: {quiz: quiz.yaml}' with a passMark", hi: "मॉड्यूल में passMark सहित 'assessment: {quiz: quiz.yaml}' जोड़ें")))
            }
        }
        return findings
    }
}
