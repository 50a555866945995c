import Foundation

/// Programmes, their days and sessions, and case studies as ECAR items.
extension ECARAssembler {
    func programmeNode(_ programme: Programme, id: String) -> ECARNode {
        let seed = ["programme", id]
        let identifier = identifier(seed)
        let title = text(programme.details.title) ?? id
        courseTitle = title
        var node = ECARNode(identifier: identifier, metadata: [("identifier", .string(identifier)), ("code", .string(id))], isCollection: true)
        node.metadata += common(
            name: title, description: text(programme.details.description), mimeType: SunbirdVocabulary.collection,
            primaryCategory: "Program", contentType: "Course", visibility: "Default", encoding: "gzip", disposition: "inline")
        node.metadata += thumbnail(programme.thumbnail, identifier: identifier, files: &node.files)
        var fields = catalogueFields(programme.details)
        let total = programme.days.flatMap(\.sessions).compactMap { $0.duration.flatMap { ISODuration.seconds($0.value) } }.reduce(0, +)
        if total > 0, !fields.contains(where: { $0.0 == "duration" }) { fields.append(("duration", .string(String(total)))) }
        node.metadata += fields
        if let version = programme.details.version { node.metadata.append(("version", .string(version))) }
        for day in programme.days {
            node.children.append(dayNode(day, seed: seed + ["day", String(day.number)]))
        }
        return node
    }

    /// A day as a `Course Unit` holding, in session order, the modules, courses and case
    /// studies it schedules and an outline page for every classroom session.
    func dayNode(_ day: ProgrammeDay, seed: [String]) -> ECARNode {
        let dayIdentifier = identifier(seed)
        let dayTitle = text(day.title) ?? String(day.number)
        let label = language == "hi" ? "दिन \(day.number): \(dayTitle)" : "Day \(day.number): \(dayTitle)"
        var unit = ECARNode(identifier: dayIdentifier, metadata: [("identifier", .string(dayIdentifier))], isCollection: true)
        var classroom: [String] = []
        var seconds = 0
        for (offset, session) in day.sessions.enumerated() {
            let number = String(offset + 1)
            seconds += session.duration.flatMap { ISODuration.seconds($0.value) } ?? 0
            switch session.content {
            case .module(let reference):
                guard let module = catalogue.module(for: reference) else { unresolved(reference); continue }
                unit.children.append(moduleNode(module, seed: seed + ["module", module.file.path.string]))
            case .course(let reference):
                let manifest = reference.resolved?.appending("course.yaml")
                guard let course = catalogue.courses.first(where: { $0.file.path == manifest }) else { unresolved(reference); continue }
                unit.children.append(courseNode(course, seed: seed + ["course", course.id ?? course.file.path.string], isRoot: false))
            case .caseStudy(let reference):
                guard let study = catalogue.caseStudy(for: reference), study.file.loaded,
                      let page = caseStudyNode(study, seed: seed + ["case-study", number])
                else { unresolved(reference); continue }
                unit.children.append(page)
            case .classroom:
                guard let title = text(session.title) else { continue }
                classroom.append(title)
                if let page = sessionNode(session, title: title, dayLabel: label, seed: seed + ["session", number]) {
                    unit.children.append(page)
                }
            }
        }
        let heading = language == "hi" ? "कक्षा सत्र: " : "Classroom sessions: "
        unit.metadata += common(
            name: label, description: classroom.isEmpty ? nil : heading + classroom.joined(separator: "; "),
            mimeType: SunbirdVocabulary.collection, primaryCategory: "Course Unit", contentType: "CourseUnit",
            visibility: "Parent", encoding: "gzip", disposition: "inline")
        if seconds > 0 { unit.metadata.append(("duration", .string(String(seconds)))) }
        return unit
    }

    /// A classroom session as a one-page outline (what, how long, how it is taught), so that the
    /// day's unit shows every session and none is empty.
    func sessionNode(_ session: ProgrammeSession, title: String, dayLabel: String, seed: [String]) -> ECARNode? {
        let hindi = language == "hi"
        var rows: [(String, String)] = []
        if let seconds = session.duration.flatMap({ ISODuration.seconds($0.value) }) {
            let minutes = seconds / 60
            let hours = minutes / 60, rest = minutes % 60
            let shown = hindi
                ? [hours > 0 ? "\(hours) घंटे" : nil, rest > 0 ? "\(rest) मिनट" : nil].compactMap { $0 }.joined(separator: " ")
                : [hours > 0 ? "\(hours) h" : nil, rest > 0 ? "\(rest) min" : nil].compactMap { $0 }.joined(separator: " ")
            rows.append((hindi ? "अवधि" : "Duration", shown))
        }
        if let mode = session.mode {
            let modes: [String: (String, String)] = [
                "classroom": ("Classroom", "कक्षा"), "field-visit": ("Field visit", "क्षेत्र भ्रमण"), "online": ("Online", "ऑनलाइन"),
                "assessment": ("Assessment", "मूल्यांकन"),
            ]
            rows.append((hindi ? "विधि" : "Mode", modes[mode].map { hindi ? $0.1 : $0.0 } ?? mode))
        }
        var body = "<p>" + HTMLEscaping.escape(dayLabel) + "</p>\n<dl>\n"
        for (term, value) in rows {
            body += "<dt>" + HTMLEscaping.escape(term) + "</dt><dd>" + HTMLEscaping.escape(value) + "</dd>\n"
        }
        body += "</dl>\n<p>" + HTMLEscaping.escape(hindi
            ? "यह सत्र प्रशिक्षण संस्थान में आमने-सामने होता है; यह पृष्ठ उसकी रूपरेखा है।"
            : "This session takes place in person at the training institute; this page is its outline.") + "</p>\n"
        var node = pageNode(identifier: identifier(seed), title: title, description: nil, bodyHTML: body, at: session.location)
        node?.metadata += duration(session.duration)
        return node
    }

    /// The last unit of a course, "Amrit Gyan Kosh: case studies", holding the case studies it uses.
    func caseStudiesUnit(_ references: [FileReference], seed: [String]) -> ECARNode? {
        let studies = references.compactMap { reference -> ECARNode? in
            guard let study = catalogue.caseStudy(for: reference), study.file.loaded else {
                findings.append(PackRule.unloaded(reference, .caseStudy))
                return nil
            }
            return caseStudyNode(study, seed: seed + ["case-study", study.file.path.string])
        }
        guard !studies.isEmpty else { return nil }
        let unitIdentifier = identifier(seed + ["case-studies"])
        var unit = ECARNode(identifier: unitIdentifier, metadata: [("identifier", .string(unitIdentifier))], isCollection: true)
        unit.metadata += common(
            name: language == "hi" ? "अमृत ज्ञान कोश: केस स्टडी" : "Amrit Gyan Kosh: case studies",
            description: language == "hi" ? "चर्चा के लिए केस स्टडी, चर्चा के सवालों के साथ" : "Case studies for discussion, with discussion questions",
            mimeType: SunbirdVocabulary.collection, primaryCategory: "Course Unit", contentType: "CourseUnit",
            visibility: "Parent", encoding: "gzip", disposition: "inline")
        unit.children = studies
        return unit
    }

    /// A case study as a one-page html-archive: summary, its sections, the discussion questions
    /// and its sources. Teaching notes are for the facilitator and stay out of the learner's page.
    func caseStudyNode(_ study: CaseStudy, seed: [String]) -> ECARNode? {
        let details = study.details
        let identifier = identifier(seed)
        let hindi = language == "hi"
        let title = text(details.title) ?? study.id ?? identifier
        let headings: [String: (String, String)] = [
            "context": ("Context", "पृष्ठभूमि"), "challenge": ("The challenge", "चुनौती"),
            "intervention": ("What was done", "क्या किया गया"), "outcomes": ("Outcomes", "परिणाम"),
            "lessons": ("Lessons", "सीख"), "replication": ("Doing it elsewhere", "दूसरी जगह लागू करना"),
        ]
        var body = "<h1>" + HTMLEscaping.escape(title) + "</h1>\n"
        if let summary = text(details.summary) { body += "<p><strong>" + HTMLEscaping.escape(summary) + "</strong></p>\n" }
        for section in details.sections {
            guard let markdown = text(section.text) else { continue }
            let heading = headings[section.key].map { hindi ? $0.1 : $0.0 } ?? section.key
            body += "<h2>" + HTMLEscaping.escape(heading) + "</h2>\n" + CmarkTree.renderHTML(markdown)
        }
        let questions = details.discussionQuestions.compactMap(text)
        if !questions.isEmpty {
            body += "<h2>" + (hindi ? "चर्चा के सवाल" : "Questions for discussion") + "</h2>\n<ol>\n"
            body += questions.map { "<li>" + HTMLEscaping.escape($0) + "</li>\n" }.joined() + "</ol>\n"
        }
        body += LessonSourcesHTML.render(details.sources, language: language)
        guard var node = pageNode(identifier: identifier, title: title, description: text(details.summary), bodyHTML: body, at: study.file.location)
        else { return nil }
        if let id = study.id { node.metadata.insert(("code", .string(id)), at: 1) }
        if !details.sources.isEmpty { node.metadata.append(("attributions", .strings(details.sources.map(\.citation)))) }
        return node
    }
}
