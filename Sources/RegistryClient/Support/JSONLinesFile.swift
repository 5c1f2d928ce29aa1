import Foundation

/// An append-only file of JSON lines, each appended with one `write` and synced to disk, so a crash
/// leaves at most a torn last line (skipped when reading). The audit log and journals use it.
public struct JSONLinesFile: Sendable {
    public let url: URL

    /// The file at `url` (created on the first append, with its directory).
    public init(url: URL) {
        self.url = url
    }

    /// Appends one value as a line and syncs it to disk.
    /// - Throws: when the file cannot be written.
    public func append(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(value)
        line.append(0x0A)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Every line that decodes as `type`, oldest first.
    public func lines<T: Decodable>(_ type: T.Type) -> [T] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(type, from: Data($0)) }
    }

    /// Whether the file exists.
    public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }
}
