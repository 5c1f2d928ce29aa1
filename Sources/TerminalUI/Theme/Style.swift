/// How a run of text looks: colours and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool
    public var italic: Bool

    /// Creates a style.
    public init(
        foreground: Color = .terminalDefault, background: Color = .terminalDefault, bold: Bool = false,
        dim: Bool = false,
        underline: Bool = false, reverse: Bool = false, italic: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
        self.italic = italic
    }

    /// The terminal's own colours, no attributes.
    public static let plain = Style()

    /// This style with another style's attributes added (colours of `other` win when not default).
    public func merged(with other: Style) -> Style {
        Style(
            foreground: other.foreground == .terminalDefault ? foreground : other.foreground,
            background: other.background == .terminalDefault ? background : other.background,
            bold: bold || other.bold, dim: dim || other.dim, underline: underline || other.underline,
            reverse: reverse || other.reverse, italic: italic || other.italic)
    }
}
