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
/// alone settles and what is pending; the validator confirms the pending findings of every
/// batch, cached or loaded, with one scan of the repository per run (started alongside the
/// batches), so no batch depends on the whole repository and the repository is scanned once,
/// not once per batch.
protocol RepositoryWideRule: Rule {
    /// Findings the batch alone settles.
    func batchFindings(_ catalogue: Catalogue) -> [Finding]
    /// Findings that stand unless the run-wide scan drops them.
    func pending(_ catalogue: Catalogue) -> [PendingFinding]
    /// Scans the repository (once per run) and returns what picks, of this rule's pending
    /// findings from every batch, those that stand.
    func confirmation(in repository: Repository) -> @Sendable ([PendingFinding]) -> [Finding]
}

extension RepositoryWideRule {
    /// The whole check on one catalogue: what a run would report if this were its only batch.
    func checkWhole(_ catalogue: Catalogue) -> [Finding] {
        let pending = pending(catalogue)
        return batchFindings(catalogue) + (pending.isEmpty ? [] : confirmation(in: catalogue.repository)(pending))
    }
}

/// The validator's once-per-run pass over the pending findings of `RepositoryWideRule`s: the
/// rules' scans of the repository start in the background when the pass is made (while the
/// batches load), and `confirm` waits for them.
final class RepositoryWidePass: @unchecked Sendable {
    private var confirmations: [String: @Sendable ([PendingFinding]) -> [Finding]] = [:]
    private let done = DispatchSemaphore(value: 0)
    private let started: Bool

    init(rules: [any Rule], repository: Repository) {
        let wide = rules.compactMap { $0 as? any RepositoryWideRule }
        started = !wide.isEmpty
        guard started else { return }
        DispatchQueue.global().async { [self] in
            for rule in wide { confirmations[rule.descriptor.id] = rule.confirmation(in: repository) }
            done.signal()
        }
    }

    /// The pending findings that stand, each rule confirming its own.
    func confirm(_ pending: [PendingFinding]) -> [Finding] {
        guard started else { return [] }
        done.wait()
        done.signal()
        var confirmed: [Finding] = []
        for (id, own) in Dictionary(grouping: pending, by: \.finding.ruleID).sorted(by: { $0.key < $1.key }) {
            confirmed += confirmations[id]?(own) ?? []
        }
        return confirmed
    }
}
