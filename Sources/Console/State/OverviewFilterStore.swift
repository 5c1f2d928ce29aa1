import Foundation
import RegistryClient

/// The last filter used in `:vulns`, per instance (`*` for every instance at once), in
/// `$XDG_STATE_HOME/regconsole/vulns-filters.json`: the on-call's standing question stays one
/// keystroke away across launches.
struct OverviewFilterStore {
    let url: URL

    init(directories: XDGDirectories) {
        url = directories.state.appendingPathComponent("vulns-filters.json")
    }

    /// The filter last used for `scope`; empty when none.
    func filter(for scope: String) -> String { load()[scope] ?? "" }

    /// Remembers `filter` for `scope` (best effort); an empty filter forgets it.
    func save(_ filter: String, for scope: String) {
        var filters = load()
        guard filters[scope, default: ""] != filter else { return }
        filters[scope] = filter.isEmpty ? nil : filter
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(filters) else { return }
        try? AtomicFile.write(data, to: url, durable: false)
    }

    private func load() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }
}
