import Foundation

/// Atomic file replacement: write a temporary file beside the target, optionally fsync it, rename.
/// Readers see the old content or the new, never a torn file.
public enum AtomicFile {
    /// Writes `data` to `url`, creating parent directories.
    /// - Parameter durable: fsync before the rename (for state that must survive a crash).
    public static func write(_ data: Data, to url: URL, durable: Bool = true, permissions: Int = 0o644) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions))
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        var failed = false
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 {
                    failed = true
                    return
                }
                offset += written
            }
        }
        if durable && fsync(descriptor) != 0 { failed = true }
        close(descriptor)
        guard !failed, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
