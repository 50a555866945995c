extension Rule {
    /// A finding of this rule at its default severity (configuration re-grades it later).
    func finding(at location: SourceLocation, _ message: LocalizedText, hint: LocalizedText? = nil) -> Finding {
        Self.descriptor.finding(at: location, message, hint: hint)
    }
}

extension SourceFile {
    /// The location of a top-level key (for "add X here" findings), else the file.
    func keyLocation(_ key: String) -> SourceLocation {
        value.object?.entry(key)?.keyLocation ?? location
    }
}

/// Facts about modules that several rules need.
enum ModuleFacts {
    /// The module's `duration`, else the sum of its lessons' durations (entry or front matter), in seconds.
    static func seconds(_ module: Module) -> Int {
        if let text = module.duration?.value, let seconds = ISODuration.seconds(text) { return seconds }
        return module.lessons.reduce(0) { total, lesson in
            let declared = lesson.duration?.value ?? lesson.editions.first?.declaredDuration?.value
            return total + (declared.flatMap(ISODuration.seconds) ?? 0)
        }
    }

    /// Human text for a duration in seconds ("1 h 30 min" / "1 घंटा 30 मिनट").
    static func describe(_ seconds: Int) -> LocalizedText {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60
        switch (hours, minutes) {
        case (0, let m): return LocalizedText(en: "\(m) min", hi: "\(m) मिनट")
        case (let h, 0): return LocalizedText(en: "\(h) h", hi: "\(h) घंटे")
        case (let h, let m): return LocalizedText(en: "\(h) h \(m) min", hi: "\(h) घंटे \(m) मिनट")
        }
    }
}

/// The roles whose training must be practical and phone-friendly.
enum FieldRoles {
    static let defaults = ["anm", "asha", "anganwadi-worker", "constable", "pri-staff", "ulb-staff"]
    static let taskKinds: Set<String> = ["checklist", "scenario", "role-play", "practice"]

    static func isFieldCourse(_ course: Course, roles: [String]) -> Bool {
        !Set(course.audience).isDisjoint(with: roles)
    }
}
