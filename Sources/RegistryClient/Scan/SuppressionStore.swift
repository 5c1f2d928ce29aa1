import Foundation

/// The suppressions of one instance, in `$XDG_DATA_HOME/regconsole/<instance>/suppressions.json`.
/// Every change is written atomically and to the audit log.
public struct SuppressionStore: Sendable {
    public let url: URL
    private let instance: String
    private let audit: AuditLog

    /// The store of `instance`.
    public init(instance: String, directories: XDGDirectories) {
        self.instance = instance
        self.url = directories.instanceData(instance, "suppressions.json")
        self.audit = AuditLog(directories: directories)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// Every suppression; none when the file does not exist.
    /// - Throws: `ConfigError` when the file exists but cannot be read.
    public func load() throws -> [Suppression] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode([Suppression].self, from: data)
        } catch {
            throw ConfigError(
                file: url.path, line: nil, message: "cannot read suppressions: \(DecodingErrorSummary.describe(error))")
        }
    }

    /// Adds a suppression.
    public func add(_ suppression: Suppression) throws {
        try audit.append(
            .init(
                action: "suppress", phase: "done", instance: instance,
                detail:
                    "\(suppression.vulnerability) \(suppression.package ?? "*") in \(suppression.scope) as \(suppression.status.rawValue) by \(suppression.owner) until \(suppression.expires.map(RFC3339.format) ?? "forever"): \(suppression.reason)"
            ))
        try save(try load() + [suppression])
    }

    /// Removes suppressions by id; returns those removed.
    @discardableResult
    public func remove(where shouldRemove: (Suppression) -> Bool) throws -> [Suppression] {
        let all = try load()
        let removed = all.filter(shouldRemove)
        guard !removed.isEmpty else { return [] }
        for suppression in removed {
            try audit.append(
                .init(
                    action: "unsuppress", phase: "done", instance: instance,
                    detail:
                        "\(suppression.vulnerability) \(suppression.package ?? "*") in \(suppression.scope) (\(suppression.id))"
                ))
        }
        try save(all.filter { !shouldRemove($0) })
        return removed
    }

    private func save(_ suppressions: [Suppression]) throws {
        try AtomicFile.write(try Self.encoder.encode(suppressions), to: url, permissions: 0o600)
    }
}
