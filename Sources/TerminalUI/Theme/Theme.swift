/// A complete set of styles, one per `ThemeRole`.
public struct Theme: Sendable, Equatable {
    /// The theme's name (`default`, `light`, …).
    public var name: String
    private var styles: [ThemeRole: Style]

    /// A theme with the given styles; roles it does not set come from `base`.
    public init(name: String, styles: [ThemeRole: Style], base: Theme? = nil) {
        self.name = name
        var merged = base?.styles ?? [:]
        for (role, style) in styles { merged[role] = style }
        for role in ThemeRole.allCases where merged[role] == nil { merged[role] = .plain }
        self.styles = merged
    }

    /// The style of a role.
    public subscript(role: ThemeRole) -> Style {
        styles[role] ?? .plain
    }

    /// The group colour for the `index`-th set of tags that share a digest.
    public func group(_ index: Int) -> Style {
        let roles: [ThemeRole] = [.group1, .group2, .group3, .group4, .group5, .group6]
        return self[roles[((index % roles.count) + roles.count) % roles.count]]
    }

    /// The built-in default: the same styles as `themes/default.toml`, used when no theme file can
    /// be read. Uses the terminal's own colours for text so it suits dark and light terminals.
    public static let builtInDefault = Theme(
        name: "default",
        styles: [
            .text: Style(),
            .muted: Style(dim: true),
            .title: Style(foreground: .indexed(6), bold: true),
            .border: Style(foreground: .indexed(8)),
            .header: Style(foreground: .indexed(6), bold: true),
            .headerSorted: Style(foreground: .indexed(3), bold: true, underline: true),
            .selection: Style(foreground: .indexed(0), background: .indexed(6)),
            .mark: Style(foreground: .indexed(5), bold: true),
            .sharedDigest: Style(foreground: .indexed(3)),
            .crumb: Style(foreground: .indexed(0), background: .indexed(4)),
            .crumbActive: Style(foreground: .indexed(0), background: .indexed(6), bold: true),
            .status: Style(reverse: true),
            .statusKey: Style(foreground: .indexed(6), bold: true, reverse: true),
            .statusProduction: Style(foreground: .indexed(15), background: .indexed(1), bold: true),
            .statusReadOnly: Style(foreground: .indexed(0), background: .indexed(3)),
            .prompt: Style(foreground: .indexed(6), bold: true),
            .promptInput: Style(),
            .suggestion: Style(dim: true),
            .flashInfo: Style(foreground: .indexed(2)),
            .flashError: Style(foreground: .indexed(1), bold: true),
            .dialog: Style(),
            .dialogTitle: Style(foreground: .indexed(6), bold: true),
            .dialogDanger: Style(foreground: .indexed(1), bold: true),
            .button: Style(),
            .buttonFocus: Style(bold: true, reverse: true),
            .tab: Style(dim: true),
            .tabActive: Style(foreground: .indexed(6), bold: true, underline: true),
            .link: Style(foreground: .indexed(4), underline: true),
            .ok: Style(foreground: .indexed(2)),
            .warning: Style(foreground: .indexed(3)),
            .error: Style(foreground: .indexed(1), bold: true),
            .jsonKey: Style(foreground: .indexed(6)),
            .jsonString: Style(foreground: .indexed(2)),
            .jsonNumber: Style(foreground: .indexed(5)),
            .jsonLiteral: Style(foreground: .indexed(3)),
            .severityCritical: Style(foreground: .indexed(15), background: .indexed(1), bold: true),
            .severityHigh: Style(foreground: .indexed(1), bold: true),
            .severityMedium: Style(foreground: .indexed(3)),
            .severityLow: Style(foreground: .indexed(4)),
            .severityNegligible: Style(dim: true),
            .severityUnknown: Style(dim: true),
            .group1: Style(foreground: .indexed(2)),
            .group2: Style(foreground: .indexed(3)),
            .group3: Style(foreground: .indexed(4)),
            .group4: Style(foreground: .indexed(5)),
            .group5: Style(foreground: .indexed(6)),
            .group6: Style(foreground: .indexed(1)),
        ])
}
