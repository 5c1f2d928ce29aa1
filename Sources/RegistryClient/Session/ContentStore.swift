import Foundation

/// Digest-addressed cache of manifests and config blobs: in memory, and on disk in one append-only
/// pack file (`$XDG_CACHE_HOME/regconsole/content.pack`). Content behind a digest never changes,
/// so entries never go stale; every read from disk is checked against its digest, so a torn or
/// tampered record is simply a miss. One file instead of one file per blob keeps a cold
/// `tags --long` over thousands of tags from spending its time creating inodes.
public actor ContentStore {
    private static let magic = Data("regconsole-pack-v1\n".utf8)
    /// A pack larger than this is discarded when opened, so the cache cannot grow without bound.
    private static let maxPackBytes = 64 << 20
    /// Entries kept in memory; past it the memory copy is dropped (the pack still has them).
    private static let maxMemoryEntries = 2048

    private var memory: [Digest: Data] = [:]
    /// Fetches under way, shared by every caller asking for the same digest meanwhile.
    private var inFlight: [Digest: Task<Data, any Error>] = [:]
    private let packURL: URL?
    private var pack: Data?
    private var index: [Digest: Range<Int>]?
    private var appendDescriptor: Int32 = -1

    /// Creates a store; `directory` nil keeps it in memory only.
    public init(directory: URL?) {
        self.packURL = directory?.appendingPathComponent("content.pack")
    }

    deinit {
        if appendDescriptor >= 0 { close(appendDescriptor) }
    }

    /// The bytes for a digest, if cached and intact.
    public func data(for digest: Digest) -> Data? {
        if let data = memory[digest] { return data }
        loadIndex()
        guard let range = index?[digest], let pack else { return nil }
        let data = pack.subdata(in: range)
        guard digest.matches(data) == true else {
            index?[digest] = nil
            return nil
        }
        remember(data, digest)
        return data
    }

    /// The bytes for a digest from the cache, else from `fetch`, which returns them with whether
    /// they were checked against the digest (only checked bytes are kept). Callers asking for one
    /// digest while it is being fetched share that fetch: tags on one image fetch its config once.
    public func data(
        for digest: Digest, fetchingWith fetch: @escaping @Sendable () async throws -> (Data, verified: Bool)
    ) async throws -> Data {
        if let cached = data(for: digest) { return cached }
        if let running = inFlight[digest] { return try await running.value }
        let task = Task { [weak self] in
            let (data, verified) = try await fetch()
            if verified { await self?.store(verified: data, for: digest) }
            return data
        }
        inFlight[digest] = task
        defer { inFlight[digest] = nil }
        return try await task.value
    }

    private func remember(_ data: Data, _ digest: Digest) {
        if memory.count >= Self.maxMemoryEntries { memory.removeAll(keepingCapacity: true) }
        memory[digest] = data
    }

    /// Stores bytes whose digest the caller has just verified. Disk writes are best effort (a full
    /// disk only costs a refetch).
    public func store(verified data: Data, for digest: Digest) {
        guard memory[digest] == nil else { return }
        remember(data, digest)
        loadIndex()
        guard index?[digest] == nil, let descriptor = openForAppend() else { return }
        var record = Data("\(digest) \(data.count)\n".utf8)
        record.append(data)
        record.append(0x0A)
        // One write per record: O_APPEND keeps concurrent writers' records whole.
        _ = record.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
    }

    /// Maps the pack and indexes its records (once). A record that does not parse ends the index.
    private func loadIndex() {
        guard index == nil else { return }
        index = [:]
        guard let packURL, let mapped = try? Data(contentsOf: packURL, options: .alwaysMapped) else { return }
        guard mapped.count <= Self.maxPackBytes, mapped.starts(with: Self.magic) else {
            try? FileManager.default.removeItem(at: packURL)
            return
        }
        var position = Self.magic.count
        var entries: [Digest: Range<Int>] = [:]
        while position < mapped.count {
            guard let newline = mapped[position...].prefix(200).firstIndex(of: 0x0A) else { break }
            let header = String(decoding: mapped[position..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 2, let digest = Digest(String(header[0])), let length = Int(header[1]), length >= 0
            else { break }
            let start = newline + 1
            guard start + length < mapped.count, mapped[start + length] == 0x0A else { break }
            entries[digest] = start..<(start + length)
            position = start + length + 1
        }
        pack = mapped
        index = entries
    }

    private func openForAppend() -> Int32? {
        if appendDescriptor >= 0 { return appendDescriptor }
        guard let packURL else { return nil }
        try? FileManager.default.createDirectory(
            at: packURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(packURL.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        if lseek(descriptor, 0, SEEK_END) == 0 {
            _ = Self.magic.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
        }
        appendDescriptor = descriptor
        return descriptor
    }
}
