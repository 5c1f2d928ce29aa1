import Foundation
import RegistryClient

/// The `:` lines run before, across launches, in `$XDG_STATE_HOME/regconsole/command-history`
/// (one line each, newest last, at most `limit`). `up` walks back, `down` forward.
struct CommandHistory {
    private let url: URL
    private let limit: Int
    private(set) var lines: [String]
    /// Where `up`/`down` are: an index into `lines`, or `lines.count` for the line being typed.
    private var position: Int

    init(directories: XDGDirectories, limit: Int = 200) {
        url = directories.state.appendingPathComponent("command-history")
        self.limit = limit
        let text = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        // A line holds no control characters: the file may have been edited by hand.
        lines = text.split(separator: "\n").map {
            String($0.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
        }
        .filter { !$0.isEmpty }.suffix(limit).map { $0 }
        position = lines.count
    }

    /// Adds a line that ran and saves the history (best effort); a repeat of the last line is
    /// kept once.
    mutating func add(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        defer { position = lines.count }
        guard !trimmed.isEmpty, lines.last != trimmed else { return }
        lines = (lines + [trimmed]).suffix(limit).map { $0 }
        try? AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: url, durable: false)
    }

    /// The line before the one shown, or nil at the oldest.
    mutating func previous() -> String? {
        guard position > 0 else { return nil }
        position -= 1
        return lines[position]
    }

    /// The line after the one shown; an empty line past the newest.
    mutating func next() -> String? {
        guard position < lines.count else { return nil }
        position += 1
        return position == lines.count ? "" : lines[position]
    }

    /// Starts walking from the newest line again (a new prompt).
    mutating func rewind() { position = lines.count }
}
