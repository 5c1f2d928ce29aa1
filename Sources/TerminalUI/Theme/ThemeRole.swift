/// Every styled element of the UI, named as theme files name them.
public enum ThemeRole: String, CaseIterable, Sendable {
    case text, muted, title, border
    case header, headerSorted
    case selection, mark, sharedDigest
    case crumb, crumbActive
    case status, statusKey, statusProduction, statusReadOnly
    case prompt, promptInput, suggestion
    case flashInfo, flashError
    case dialog, dialogTitle, dialogDanger, button, buttonFocus
    case tab, tabActive
    case link, ok, warning, error
    case jsonKey, jsonString, jsonNumber, jsonLiteral
    case severityCritical, severityHigh, severityMedium, severityLow, severityNegligible, severityUnknown
    case group1, group2, group3, group4, group5, group6
}
