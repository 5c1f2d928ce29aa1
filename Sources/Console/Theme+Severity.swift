import RegistryClient
import TerminalUI

extension ThemeRole {
    /// The role that colours a severity.
    init(_ severity: Severity) {
        self =
            switch severity {
            case .critical: .severityCritical
            case .high: .severityHigh
            case .medium: .severityMedium
            case .low: .severityLow
            case .negligible: .severityNegligible
            case .unknown: .severityUnknown
            }
    }
}

extension Theme {
    /// The style of a severity: colour plus text, never colour alone.
    func style(for severity: Severity) -> Style { self[ThemeRole(severity)] }
}

extension [Severity: Int] {
    /// `C1 H3 M2 L4`: counts, worst first, zero counts left out; `0` when there are none.
    var countsText: String {
        let text = Severity.worstFirst.compactMap { severity -> String? in
            guard let count = self[severity], count > 0 else { return nil }
            return "\(severity.description.prefix(1).uppercased())\(count)"
        }.joined(separator: " ")
        return text.isEmpty ? "0" : text
    }
}
