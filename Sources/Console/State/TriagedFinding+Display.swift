import RegistryClient

extension TriagedFinding {
    /// Whether a suppression ran out on it.
    var stateIsExpired: Bool { if case .expired = state { true } else { false } }

    /// The severity as a table cell: `high`, `high·s` when suppressed, `high·!` when the
    /// suppression expired.
    func severityCell(_ catalog: Catalog) -> String {
        catalog.severity(finding.severity) + (isSuppressed ? "·s" : (stateIsExpired ? "·!" : ""))
    }
}
