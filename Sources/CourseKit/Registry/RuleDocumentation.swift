/// The parts of `docs/rules/` that come from the registry: the index (`README.md`) and, on each
/// rule's page, the severity line, the Hindi summary and the parameter table. A test compares
/// the pages with these and regenerates the index (`COURSEKIT_REGENERATE_DOCS=1`).
public enum RuleDocumentation {
    /// `docs/rules/README.md`.
    public static func index(_ rules: [RuleDescriptor] = RuleRegistry.all) -> String {
        var text = """
            # Rules

            Every finding coursekit reports carries one of these ids. This index is generated from coursekit's rule registry (`RuleRegistry`; `swift test --filter RuleDocumentationTests` with `COURSEKIT_REGENERATE_DOCS=1` rewrites it). Severities are the defaults; `coursekit.yaml` can change them, turn rules off for paths, and set parameters ([configuration](../configuration.md)) — for `pack` and `verify` findings too.

            """
        for kind in RuleKind.allCases {
            let group = rules.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            text += "\n## \(kind.title)\n\n"
            if kind == .policy, let pack = PolicyPack.builtIn[Configuration.defaultPackName] {
                var locked: [String] = []
                for lock in pack.locks where lock.parameter == nil && !locked.contains(lock.ruleID) { locked.append(lock.ruleID) }
                if !locked.isEmpty {
                    text += "Rules marked **locked** on their page (" + locked.map { "`\($0)`" }.joined(separator: ", ")
                        + ") are mandatory in the pack: a department's `coursekit.yaml` may tighten them but not switch them off, re-grade them below `error`, suppress them inline or loosen their locked parameters ([configuration](../configuration.md#locked-rules-and-parameters)).\n\n"
                }
            }
            text += "| id | default | summary | सारांश |\n| --- | --- | --- | --- |\n"
            for rule in group {
                text += "| [`\(rule.id)`](\(rule.id).md) | \(rule.defaultSeverity.rawValue) | \(rule.summary.en) | \(rule.summary.hi) |\n"
            }
        }
        return text
    }

    /// The row of a parameter in a page's parameter table.
    public static func parameterRow(_ parameter: RuleParameter) -> String {
        "| `\(parameter.name)` | \(parameter.type) | `\(parameter.defaultValue.documented)` | \(parameter.summary.en) |"
    }

    /// What is wrong with a rule's page, compared with its descriptor (empty when it agrees).
    public static func problems(page: String, rule: RuleDescriptor) -> [String] {
        var problems: [String] = []
        if !page.hasPrefix("# `\(rule.id)`") { problems.append("the page does not start with # `\(rule.id)`") }
        let severity = rule.defaultSeverity.rawValue
        if !page.contains("Default severity: **\(severity)**") && !page.contains("**Default severity:** \(severity)") {
            problems.append("the page does not give the default severity \(severity)")
        }
        if !page.contains(rule.summary.hi) { problems.append("the page lacks the Hindi summary '\(rule.summary.hi)'") }
        let rows = page.split(separator: "\n").map(String.init)
        let header = rows.firstIndex { $0.hasPrefix("| name | type | default |") }
        var documented: [String] = []
        if let header {
            documented = rows[(header + 2)...].prefix { $0.hasPrefix("|") }
        }
        let expected = rule.parameters.map(parameterRow)
        if !rowsAgree(documented, expected) {
            problems.append("parameter table \(documented) differs from the registry's \(expected)")
        }
        return problems
    }

    /// A documented row agrees when it is the registry's row, or that row with more said at the
    /// end of its meaning (a locked parameter's bound: "…; locked: 1 or less").
    static func rowsAgree(_ documented: [String], _ expected: [String]) -> Bool {
        documented.count == expected.count && zip(documented, expected).allSatisfy { row, wanted in
            row == wanted || row.hasPrefix(String(wanted.dropLast(2)) + ";")
        }
    }

    /// `page` with the parts that come from the registry brought up to date: the parameter
    /// table's rows and, when the page lacks it, the Hindi summary under the title.
    public static func regenerated(page: String, rule: RuleDescriptor) -> String {
        var lines = page.components(separatedBy: "\n")
        if let header = lines.firstIndex(where: { $0.hasPrefix("| name | type | default |") }) {
            var end = header + 2
            while end < lines.count, lines[end].hasPrefix("|") { end += 1 }
            let rows = Array(lines[(header + 2)..<end])
            if !rowsAgree(rows, rule.parameters.map(parameterRow)) {
                lines.replaceSubrange((header + 2)..<end, with: rule.parameters.map(parameterRow))
            }
        }
        if !page.contains(rule.summary.hi), let title = lines.firstIndex(where: { $0.hasPrefix("# ") }) {
            lines.insert(contentsOf: ["", "सारांश: " + rule.summary.hi + "।"], at: title + 1)
        }
        return lines.joined(separator: "\n")
    }
}
