import Console
import Foundation
import RegistryClient

extension FuzzTarget {
    /// The config file: TOML text read into a `Config`.
    static let config = FuzzTarget(name: "config") { data in
        _ = try? Config.parse(text(data), file: "config.toml", fileIsPrivate: true)
    }

    /// A theme file: TOML text read into a `Theme`.
    static let theme = FuzzTarget(name: "theme") { data in
        _ = try? ThemeLoader.parse(text(data), file: "fuzz.toml", name: "fuzz")
    }
}
