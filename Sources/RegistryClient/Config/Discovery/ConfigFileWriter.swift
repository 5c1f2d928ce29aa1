import Foundation

/// Writes a new config file readable by its owner only, replacing the old one atomically and
/// keeping it as a backup.
public enum ConfigFileWriter {
    /// Writes `text` to `url` with mode 0600 (created so, never widened first). An existing file is
    /// kept as `config.toml.bak`, or `config.toml.YYYYMMDD-HHMMSS.bak` when that exists.
    /// - Returns: the backup, nil when there was no old file.
    @discardableResult
    public static func write(_ text: String, to url: URL, now: Date = Date()) throws -> URL? {
        var backup: URL?
        if FileManager.default.fileExists(atPath: url.path) {
            let target = backupURL(for: url, now: now)
            // A hard link keeps the old file whole until the rename below replaces the name.
            if link(url.path, target.path) != 0 {
                try FileManager.default.copyItem(at: url, to: target)
            }
            backup = target
        }
        try AtomicFile.write(Data(text.utf8), to: url, permissions: 0o600)
        return backup
    }

    /// `FILE.bak`, or a timestamped `FILE.YYYYMMDD-HHMMSS.bak` when that is taken (then `-2`, `-3`, …).
    static func backupURL(for url: URL, now: Date) -> URL {
        let plain = URL(fileURLWithPath: url.path + ".bak")
        guard FileManager.default.fileExists(atPath: plain.path) else { return plain }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: now)
        var candidate = URL(fileURLWithPath: "\(url.path).\(stamp).bak")
        var number = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = URL(fileURLWithPath: "\(url.path).\(stamp)-\(number).bak")
            number += 1
        }
        return candidate
    }
}
