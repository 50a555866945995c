/// Courses for field staff (ANMs, ASHAs, constables, panchayat and urban local body staff)
/// contain task-based activities: checklists, scenarios, role-plays or practice.
public struct FieldTrainingPractical: Rule {
    public static let descriptor = RuleDescriptor(
        id: "field-training-practical", defaultSeverity: .warning,
        parameters: [fieldRolesParameter, minimumActivitiesParameter],
        summary: LocalizedText(en: "courses for field roles contain task-based activities", hi: "क्षेत्रीय कर्मियों के पाठ्यक्रमों में कार्य-आधारित गतिविधियाँ हों"),
        triggering: [
            RuleExample(Examples.replacing("c/course.yaml", with: Examples.course + "1️⃣audience: [asha]\n", in: Examples.courseFiles)),
        ],
        nonTriggering: [
            RuleExample(Examples.fieldCourse(lesson: "# Welcome\n\nTick each step as you do it.\n", kind: "checklist")),
        ])
    static let fieldRolesParameter = RuleParameter(
        "fieldRoles", default: .texts(FieldRoles.defaults),
        summary: LocalizedText(en: "audience roles that count as field roles", hi: "क्षेत्रीय भूमिकाएँ"))
    static let minimumActivitiesParameter = RuleParameter(
        "minimumActivities", default: .integer(1),
        summary: LocalizedText(en: "task-based lessons required per course", hi: "हर पाठ्यक्रम में आवश्यक कार्य-आधारित पाठ"))
    let roles: [String]
    let minimum: Int

    public init(options: RuleOptions) throws(ToolError) {
        roles = try options.strings(Self.fieldRolesParameter)
        minimum = try options.int(Self.minimumActivitiesParameter)
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        catalogue.courses.filter { $0.file.loaded && FieldRoles.isFieldCourse($0, roles: roles) }.compactMap { course in
            let activities = course.modules.compactMap { catalogue.module(for: $0) }
                .flatMap(\.lessons).filter { FieldRoles.taskKinds.contains($0.kind ?? "") }.count
            guard activities < minimum else { return nil }
            return finding(at: course.file.keyLocation("audience"), LocalizedText(
                en: "this course is for field staff but has \(activities) task-based activities (at least \(minimum) expected)",
                hi: "यह पाठ्यक्रम क्षेत्रीय कर्मियों के लिए है, पर इसमें \(activities) कार्य-आधारित गतिविधियाँ हैं (कम से कम \(minimum) अपेक्षित)"),
                hint: LocalizedText(
                    en: "add lessons of kind checklist, scenario, role-play or practice",
                    hi: "checklist, scenario, role-play या practice प्रकार के पाठ जोड़ें"))
        }
    }
}
