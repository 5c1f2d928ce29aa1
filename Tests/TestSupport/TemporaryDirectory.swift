import Foundation

/// A fresh directory under the system temporary directory that is removed, with everything in it,
/// when the last reference goes away (a test that fails part-way leaves nothing behind).
public final class TemporaryDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Creates `<tmp>/<label>-<UUID>`.
    public init(_ label: String) throws {
        url = try TestPaths.temporaryDirectory(label)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
