/// What a retention run does to an artifact (and so to each of its tags).
public enum RetentionDecision: String, Sendable, Equatable, CaseIterable {
    case keep
    case delete
    /// No rule keeps it, but an immutability rule protects it: kept (Harbor's `IMMUTABLE`).
    case immutable

    /// Harbor's word in a task log: `RETAIN`, `DEL`, `IMMUTABLE`.
    public var serverWord: String {
        switch self {
        case .keep: "RETAIN"
        case .delete: "DEL"
        case .immutable: "IMMUTABLE"
        }
    }
}
