import Foundation

/// The parsed config file (`config.toml`).
public struct Config: Sendable, Equatable {
    /// The file it came from; nil for the built-in empty config.
    public var file: String?
    /// Theme name (`default`, `light`, `high-contrast`, `mono` or a user theme).
    public var theme: String?
    /// UI language (`en`, `zh-Hans`); nil follows the locale.
    public var language: String?
    /// Mutations hidden everywhere.
    public var readOnly: Bool
    /// Mouse support in the console.
    public var mouse: Bool
    /// Action name → keys, overriding the default keymap.
    public var keymap: [String: [String]]
    /// The line of each keymap entry, for errors found when the keymap is built.
    public var keymapLines: [String: Int] = [:]
    /// The line of each top-level setting (`theme`, `language`), for errors found when it is used.
    public var settingLines: [String: Int] = [:]
    public var instances: [InstanceConfig]
    /// Caps on listings and request deadlines (`[limits]`).
    public var limits = RegistryLimits()
    /// The permission bits of `file` when it was loaded; nil for the built-in empty config.
    public var fileMode: Int?

    /// Creates a config.
    public init(
        file: String? = nil, theme: String? = nil, language: String? = nil, readOnly: Bool = false, mouse: Bool = true,
        keymap: [String: [String]] = [:], instances: [InstanceConfig] = []
    ) {
        self.file = file
        self.theme = theme
        self.language = language
        self.readOnly = readOnly
        self.mouse = mouse
        self.keymap = keymap
        self.instances = instances
    }

    /// The entry with that name.
    public func instance(named name: String) -> InstanceConfig? {
        instances.first { $0.name == name }
    }

    /// The config file regconsole reads: `REGCONSOLE_CONFIG`, else `$XDG_CONFIG_HOME/regconsole/config.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["REGCONSOLE_CONFIG"], !path.isEmpty { return path }
        return XDGDirectories(environment: environment).config.appendingPathComponent("config.toml").path
    }

    /// Loads the config. An explicitly named file must exist; a missing default file means an empty config.
    /// - Parameter acceptingReadablePasswords: read a plain `password` even from a file others can
    ///   read (for `doctor`, which reports the mode instead of refusing the file).
    /// - Throws: `ConfigError` naming the file, line and problem.
    public static func load(
        path explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        acceptingReadablePasswords: Bool = false
    ) throws -> Config {
        let explicit = explicitPath ?? environment["REGCONSOLE_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let path = explicit ?? defaultPath(environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else {
            if explicit != nil || FileManager.default.fileExists(atPath: path) {
                throw ConfigError(file: path, line: nil, message: "cannot read the config file (missing or unreadable)")
            }
            return Config()
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, message: "the file is not UTF-8 text")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
        var config = try parse(text, file: path, fileIsPrivate: acceptingReadablePasswords || mode & 0o077 == 0)
        config.fileMode = mode
        return config
    }

    /// The most `[[instances]]` entries a config may have.
    public static let maximumInstances = 10_000

    /// Parses config text.
    public static func parse(_ text: String, file: String, fileIsPrivate: Bool = false) throws -> Config {
        let root = try TOMLSection.parse(text, file: file)
        try root.rejectUnknownKeys(
            allowed: ["theme", "language", "read_only", "mouse", "keymap", "instances", "limits"])
        var config = Config(file: file)
        config.theme = try root.string("theme")
        config.language = try root.string("language")
        for key in ["theme", "language"] { config.settingLines[key] = root.line(of: key) }
        config.readOnly = try root.bool("read_only") ?? false
        config.mouse = try root.bool("mouse") ?? true
        if let keymap = try root.section("keymap") {
            for action in keymap.keys {
                guard let keys = try keymap.stringOrStrings(action) else { continue }
                config.keymap[action] = keys
                config.keymapLines[action] = keymap.line(of: action)
            }
        }
        if let limits = try root.section("limits") { config.limits = try RegistryLimits.read(limits) }
        let sections = try root.sections("instances")
        if sections.count > maximumInstances {
            throw sections[maximumInstances].error(
                nil, "more than \(maximumInstances) instances; that is the most a config may have")
        }
        var names = Set<String>()
        for section in sections {
            let entry = try InstanceConfig.read(section, fileIsPrivate: fileIsPrivate)
            guard names.insert(entry.name).inserted else {
                throw section.error("name", "another instance is already named '\(entry.name)'")
            }
            config.instances.append(entry)
        }
        return config
    }
}
