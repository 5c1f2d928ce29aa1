import Foundation

/// Digest-addressed cache of manifests and config blobs: in memory, and on disk under
/// `$XDG_CACHE_HOME/regconsole/blobs/`. Content behind a digest never changes, so entries never go
/// stale; every read from disk is checked against its digest.
public actor ContentStore {
    private var memory: [Digest: Data] = [:]
    private let directory: URL?

    /// Creates a store; `directory` nil keeps it in memory only.
    public init(directory: URL?) {
        self.directory = directory
    }

    /// The bytes for a digest, if cached and intact.
    public func data(for digest: Digest) -> Data? {
        if let data = memory[digest] { return data }
        guard let url = fileURL(digest), let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard digest.matches(data) == true else {
            try? FileManager.default.removeItem(at: url)
            return nil
        }
        memory[digest] = data
        return data
    }

    /// Stores verified bytes. Disk writes are best effort (a full disk only costs a refetch).
    public func store(_ data: Data, for digest: Digest) {
        guard digest.matches(data) == true else { return }
        memory[digest] = data
        guard let url = fileURL(digest) else { return }
        try? AtomicFile.write(data, to: url, durable: false)
    }

    private func fileURL(_ digest: Digest) -> URL? {
        directory?.appendingPathComponent("blobs").appendingPathComponent(digest.algorithm).appendingPathComponent(digest.encoded)
    }
}
