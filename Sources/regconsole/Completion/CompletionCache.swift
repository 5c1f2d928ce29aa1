import Foundation

/// Listings read for completion, kept briefly in `$XDG_CACHE_HOME/regconsole/completion/` so that
/// pressing TAB again does not ask the registry again. One file per listing, one name per line.
struct CompletionCache {
    /// `$XDG_CACHE_HOME/regconsole`.
    let directory: URL
    /// How long a listing is used before it is read again.
    var lifetime: TimeInterval = 60

    private var folder: URL { directory.appendingPathComponent("completion") }

    /// The names stored under `key`, when they are younger than `lifetime`.
    func read(_ key: String) -> [String]? {
        let url = file(key)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let modified = attributes[.modificationDate] as? Date,
            Date().timeIntervalSince(modified) < lifetime,
            let data = FileManager.default.contents(atPath: url.path)
        else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Stores `names` under `key`; a failure to write only means the next completion reads live.
    func write(_ key: String, _ names: [String]) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(names.joined(separator: "\n").utf8).write(to: file(key), options: .atomic)
    }

    /// The file of `key`: every byte outside `[A-Za-z0-9._-]` written as `%XX`.
    private func file(_ key: String) -> URL {
        let name = key.utf8.map { byte -> String in
            let character = Character(Unicode.Scalar(byte))
            let plain = character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
            return plain ? String(character) : String(format: "%%%02X", byte)
        }
        return folder.appendingPathComponent(name.joined())
    }
}
