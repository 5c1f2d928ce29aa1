import Foundation

/// A short message under the status bar that fades after a few seconds (k9s' flash line).
public struct Flash: Sendable, Equatable {
    /// How the message is shown.
    public enum Kind: Sendable { case info, error }

    public var message: String
    public var kind: Kind
    /// When it stops showing.
    public var expires: Date

    /// A message shown for `seconds`.
    public init(_ message: String, kind: Kind = .info, seconds: TimeInterval = 4, now: Date = Date()) {
        self.message = message
        self.kind = kind
        self.expires = now.addingTimeInterval(kind == .error ? max(seconds, 8) : seconds)
    }

    /// Draws the message if it has not expired.
    @MainActor
    public func draw(on surface: any Surface, in rect: Rect, theme: Theme, now: Date = Date()) {
        guard now < expires else { return }
        surface.draw(
            message, at: Point(row: rect.row, column: rect.column + 1),
            style: theme[kind == .error ? .flashError : .flashInfo], width: rect.columns - 2)
    }
}
