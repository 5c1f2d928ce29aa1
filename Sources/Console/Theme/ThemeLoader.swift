import Foundation
import RegistryClient
import TerminalUI

/// Reads theme files: user themes in `$XDG_CONFIG_HOME/regconsole/themes/NAME.toml`, shipped ones in
/// the `themes/` directory. A bad file is reported (file, line, key) and the built-in default used.
///
/// ```toml
/// name = "light"
/// [styles]
/// selection = { fg = "black", bg = "#87afd7", bold = true }
/// ```
/// Colours: `default`, ANSI names (`red`, `bright-red`), `0`–`255`, `#rrggbb`. Roles a file omits
/// keep the default theme's style.
public enum ThemeLoader {
    /// The outcome: the theme to use, and the problem that made it fall back, if any.
    public struct Result: Sendable {
        public var theme: Theme
        public var problem: String?
    }

    /// Loads the named theme from the first directory that has it.
    public static func load(name: String, directories: [URL]) -> Result {
        for directory in directories {
            let url = directory.appendingPathComponent("\(name).toml")
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            do {
                return Result(
                    theme: try parse(String(decoding: data, as: UTF8.self), file: url.path, name: name), problem: nil)
            } catch {
                return Result(theme: .builtInDefault, problem: "\(error); using the default theme")
            }
        }
        if name == Theme.builtInDefault.name { return Result(theme: .builtInDefault, problem: nil) }
        let searched = directories.map(\.path).joined(separator: ", ")
        return Result(
            theme: .builtInDefault, problem: "theme '\(name)' not found in \(searched); using the default theme")
    }

    /// Every theme name `load` can find in `directories`, and the built-in default; sorted.
    public static func names(in directories: [URL]) -> [String] {
        let files = directories.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0.path)) ?? [] }
        let names = files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(".toml".count)) }
        return Set(names + [Theme.builtInDefault.name]).sorted()
    }

    /// Parses a theme file.
    /// - Throws: `ConfigError` naming the file, line and key.
    public static func parse(_ text: String, file: String, name: String) throws -> Theme {
        let root = try TOMLSection.parse(text, file: file)
        try root.rejectUnknownKeys(allowed: ["name", "styles"])
        var styles: [ThemeRole: Style] = [:]
        if let section = try root.section("styles") {
            try section.rejectUnknownKeys(allowed: ThemeRole.allCases.map(\.rawValue))
            for key in section.keys {
                guard let role = ThemeRole(rawValue: key), let entry = try section.section(key) else { continue }
                try entry.rejectUnknownKeys(allowed: ["fg", "bg", "bold", "dim", "underline", "reverse", "italic"])
                func color(_ field: String) throws -> Color {
                    guard let text = try entry.string(field) else { return .terminalDefault }
                    guard let color = Color(text) else {
                        throw entry.error(
                            field,
                            "'\(text)' is not a colour (use default, a name like red or bright-blue, 0-255, or #rrggbb)"
                        )
                    }
                    return color
                }
                styles[role] = Style(
                    foreground: try color("fg"), background: try color("bg"), bold: try entry.bool("bold") ?? false,
                    dim: try entry.bool("dim") ?? false, underline: try entry.bool("underline") ?? false,
                    reverse: try entry.bool("reverse") ?? false, italic: try entry.bool("italic") ?? false)
            }
        }
        return Theme(name: try root.string("name") ?? name, styles: styles, base: .builtInDefault)
    }

    /// Where themes are looked for, first match wins: the user's theme directory, then the shipped
    /// `themes/` (`$REGCONSOLE_THEMES`, beside the executable, `../share/regconsole/themes` of an
    /// installed binary, `$XDG_DATA_HOME` and `$XDG_DATA_DIRS`, the source tree).
    public static func searchDirectories(configDirectory: URL, environment: [String: String]) -> [URL] {
        var directories = [configDirectory.appendingPathComponent("themes")]
        if let override = environment["REGCONSOLE_THEMES"], !override.isEmpty {
            directories.append(URL(fileURLWithPath: override))
        }
        let executable = executableDirectory()
        directories.append(executable.appendingPathComponent("themes"))
        directories.append(executable.deletingLastPathComponent().appendingPathComponent("share/regconsole/themes"))
        directories.append(XDGDirectories(environment: environment).data.appendingPathComponent("themes"))
        let dataDirectories =
            environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        for entry in dataDirectories.split(separator: ":") where entry.hasPrefix("/") {
            directories.append(URL(fileURLWithPath: String(entry)).appendingPathComponent("regconsole/themes"))
        }
        directories.append(sourceThemes)
        return directories
    }

    /// The directory of the running executable, symlinks resolved (`/proc/self/exe`, else `argv[0]`).
    private static func executableDirectory() -> URL {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The `themes/` directory of the source tree this binary was built from.
    static let sourceThemes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")
}
