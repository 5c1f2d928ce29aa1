import Foundation

/// One fuzz target: a parser fed arbitrary bytes. A thrown error is the parser's way of refusing
/// input and is fine; a trap, an out-of-bounds access or a hang is a bug.
public struct FuzzTarget: Sendable {
    /// The name `scripts/fuzz` and the replay runner use; also the corpus directory's name.
    public let name: String
    /// Runs the parser on one input.
    public let run: @Sendable (Data) -> Void

    /// Every target, in the order `scripts/fuzz all` runs them.
    public static let all: [FuzzTarget] =
        scanTargets + [
            manifest, config, theme, authChallenge, link, triggerURL, findingFilter, filterQuery, cidr, querySecrets,
        ]

    /// The target with that name.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }

    /// Input bytes as text, the way a file or header reaches the parser (invalid UTF-8 repaired).
    static func text(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self)
    }
}
