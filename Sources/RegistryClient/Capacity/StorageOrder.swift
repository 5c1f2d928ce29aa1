/// The orders the storage view's rows can be sorted in.
public enum StorageOrder: String, CaseIterable, Sendable {
    /// Largest first; ties by name.
    case bytes
    /// By name, A to Z.
    case name

    /// Sorts repository rows.
    public func sorted(_ rows: [RepositoryStorage]) -> [RepositoryStorage] {
        sorted(rows, name: \.repository, bytes: \.bytes)
    }

    /// Sorts namespace rows.
    public func sorted(_ rows: [NamespaceStorage]) -> [NamespaceStorage] {
        sorted(rows, name: \.namespace, bytes: \.bytes)
    }

    private func sorted<Row>(_ rows: [Row], name: KeyPath<Row, String>, bytes: KeyPath<Row, Int64>) -> [Row] {
        switch self {
        case .bytes:
            rows.sorted { ($1[keyPath: bytes], $0[keyPath: name]) < ($0[keyPath: bytes], $1[keyPath: name]) }
        case .name:
            rows.sorted { $0[keyPath: name] < $1[keyPath: name] }
        }
    }
}
