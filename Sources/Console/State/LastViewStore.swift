import Foundation
import RegistryClient

/// The last view per instance and the last instance, in `$XDG_STATE_HOME/regconsole/last-view.json`.
struct LastViewStore {
    private struct Document: Codable {
        var instance: String?
        var locations: [String: ViewLocation] = [:]
    }

    let url: URL

    init(directories: XDGDirectories) {
        url = directories.state.appendingPathComponent("last-view.json")
    }

    /// The view to open: the given instance's last one, or the last instance's.
    func restore(instance: String?) -> ViewLocation? {
        guard let data = FileManager.default.contents(atPath: url.path),
            let document = try? JSONDecoder().decode(Document.self, from: data)
        else {
            return instance.map { ViewLocation(instance: $0) }
        }
        guard let name = instance ?? document.instance else { return nil }
        return document.locations[name] ?? ViewLocation(instance: name)
    }

    /// Remembers `location` as its instance's last view (best effort).
    func save(_ location: ViewLocation) {
        var document =
            (FileManager.default.contents(atPath: url.path).flatMap {
                try? JSONDecoder().decode(Document.self, from: $0)
            }) ?? Document()
        document.instance = location.instance
        if let instance = location.instance { document.locations[instance] = location }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(document) else { return }
        try? AtomicFile.write(data, to: url, durable: false)
    }
}
