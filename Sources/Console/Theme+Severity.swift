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
