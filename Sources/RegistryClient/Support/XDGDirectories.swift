import Foundation

/// The XDG base directories regconsole uses, each with a `regconsole` subfolder.
public struct XDGDirectories: Sendable {
    /// `$XDG_CONFIG_HOME/regconsole`: config and user themes.
    public var config: URL
    /// `$XDG_DATA_HOME/regconsole`: local lifecycle rules and suppressions.
    public var data: URL
    /// `$XDG_STATE_HOME/regconsole`: audit log, journals, last view.
    public var state: URL
    /// `$XDG_CACHE_HOME/regconsole`: digest-addressed manifests and configs.
    public var cache: URL

    /// Resolves the directories from `environment`, with the XDG defaults under `HOME`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory())
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value).appendingPathComponent("regconsole")
            }
            return home.appendingPathComponent(fallback).appendingPathComponent("regconsole")
        }
        config = base("XDG_CONFIG_HOME", ".config")
        data = base("XDG_DATA_HOME", ".local/share")
        state = base("XDG_STATE_HOME", ".local/state")
        cache = base("XDG_CACHE_HOME", ".cache")
    }

    /// A file of one instance's own data: `$XDG_DATA_HOME/regconsole/<instance>/<name>`.
    public func instanceData(_ instance: String, _ name: String) -> URL {
        data.appendingPathComponent(instance).appendingPathComponent(name)
    }
}
