import Foundation

/// A finding a batch's rule reports unless something elsewhere in the repository settles it
/// (see `RepositoryWideRule`): kept with the batch's results (and in the validation cache) and
/// confirmed once per run.
struct PendingFinding: Codable, Sendable {
    var finding: Finding
    /// The repository path the run-wide pass looks up (for `case-study-used`, the case study's folder).
    var subject: RepositoryPath
}

/// A rule part of whose answer depends on the whole repository, not only on the loaded batch
/// (`case-study-used`: a case study is used by a course anywhere). The batch reports what it
/// alone settles, what is pending, and which subjects it shows to be settled (a case study a
/// loaded course names); the validator drops the pending findings some batch settled and
/// confirms the rest with one scan of the repository per run, made only when some remain. So no
/// batch depends on the whole repository, and the repository is scanned at most once, not once
/// per batch.
protocol RepositoryWideRule: Rule {
    /// Findings the batch alone settles.
    func batchFindings(_ catalogue: Catalogue) -> [Finding]
    /// Findings that stand unless the run-wide scan drops them.
    func pending(_ catalogue: Catalogue) -> [PendingFinding]
    /// Subjects whose pending findings this batch shows not to stand, wherever they were
    /// loaded: what the scan would find from the batch's own files.
    func settled(_ catalogue: Catalogue) -> [RepositoryPath]
    /// Scans the repository (once per run) and returns what picks, of this rule's pending
    /// findings from every batch, those that stand.
    func confirmation(in repository: Repository) -> @Sendable ([PendingFinding]) -> [Finding]
}

extension RepositoryWideRule {
    /// The whole check on one catalogue: what a run would report if this were its only batch.
    func checkWhole(_ catalogue: Catalogue) -> [Finding] {
        let settled = Set(settled(catalogue))
        let pending = pending(catalogue).filter { !settled.contains($0.subject) }
        return batchFindings(catalogue) + (pending.isEmpty ? [] : confirmation(in: catalogue.repository)(pending))
    }
}

/// The validator's once-per-run pass over the pending findings of `RepositoryWideRule`s: a
/// pending finding whose subject some batch settled is dropped; a rule with findings left
/// scans the repository to confirm them.
struct RepositoryWidePass {
    let rules: [any RepositoryWideRule]
    let repository: Repository

    init(rules: [any Rule], repository: Repository) {
        self.rules = rules.compactMap { $0 as? any RepositoryWideRule }
        self.repository = repository
    }

    /// Each batch's settled subjects, by rule id.
    func settled(_ catalogue: Catalogue) -> [String: [RepositoryPath]] {
        var settled: [String: [RepositoryPath]] = [:]
        for rule in rules {
            let subjects = rule.settled(catalogue)
            if !subjects.isEmpty { settled[rule.descriptor.id] = subjects }
        }
        return settled
    }

    /// The pending findings that stand, each rule confirming its own. `settled` holds what the
    /// batches settled (nil for a batch cached before batches recorded it: nothing settled).
    func confirm(_ pending: [PendingFinding], settled: [[String: [RepositoryPath]]?]) -> [Finding] {
        var settledByRule: [String: Set<RepositoryPath>] = [:]
        for batch in settled {
            for (id, subjects) in batch ?? [:] { settledByRule[id, default: []].formUnion(subjects) }
        }
        let open = pending.filter { !(settledByRule[$0.finding.ruleID]?.contains($0.subject) ?? false) }
        var confirmed: [Finding] = []
        for (id, own) in Dictionary(grouping: open, by: \.finding.ruleID).sorted(by: { $0.key < $1.key }) {
            guard let rule = rules.first(where: { $0.descriptor.id == id }) else { continue }
            confirmed += rule.confirmation(in: repository)(own)
        }
        return confirmed
    }
}
