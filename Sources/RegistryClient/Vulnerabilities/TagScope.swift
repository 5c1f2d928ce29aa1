/// Which images of a repository the vulnerability overview covers.
public enum TagScope: String, Sendable, Codable, CaseIterable {
    /// The image of the newest tag, one row per repository (older images are only counted).
    case newest
    /// Every tagged image, one row per digest with its tags.
    case all
}
