import TOMLKit

/// Typed, strict reads from one table of a TOML file; every failure is a `ConfigError` naming
/// the file, the line and the key. Shared by the config, theme and lifecycle-rules readers.
public struct TOMLSection {
    private let table: TOMLTable
    /// The table's path, e.g. `instances[1]`; empty for the root.
    public let path: String
    private let file: String
    private let sourceMap: TOMLSourceMap

    /// Parses `text` and returns its root table.
    /// - Throws: `ConfigError` with the parser's line and message.
    public static func parse(_ text: String, file: String) throws -> TOMLSection {
        if let problem = TOMLParserGuard.problem(in: text) {
            throw ConfigError(file: file, line: problem.line, message: "invalid TOML: \(problem.message)")
        }
        do {
            let table = try TOMLTable(string: text)
            return TOMLSection(table: table, path: "", file: file, sourceMap: TOMLSourceMap(text: text))
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, message: "invalid TOML: \(error.description)")
        }
    }

    private init(table: TOMLTable, path: String, file: String, sourceMap: TOMLSourceMap) {
        self.table = table
        self.path = path
        self.file = file
        self.sourceMap = sourceMap
    }

    /// The keys present, in file order as TOMLKit reports them.
    public var keys: [String] { table.keys }

    /// Whether the key is present.
    public func contains(_ key: String) -> Bool { table[key] != nil }

    /// The line that defines `key` in this table, when known.
    public func line(of key: String) -> Int? { sourceMap.line(section: path, key: key) }

    /// An error located at `key` (or at this table when `key` is nil).
    public func error(_ key: String?, _ message: String) -> ConfigError {
        let name = [path, key ?? ""].filter { !$0.isEmpty }.joined(separator: ".")
        return ConfigError(
            file: file, line: sourceMap.line(section: path, key: key),
            message: name.isEmpty ? message : "\(name): \(message)")
    }

    /// Rejects keys that are not in `allowed`, suggesting the closest allowed one.
    public func rejectUnknownKeys(allowed: [String]) throws {
        for key in table.keys where !allowed.contains(key) {
            let suggestion =
                allowed.min { EditDistance.between(key, $0) < EditDistance.between(key, $1) }
                .flatMap { EditDistance.between(key, $0) <= 2 ? " (did you mean '\($0)'?)" : nil } ?? ""
            throw error(key, "unknown key\(suggestion); allowed keys: \(allowed.joined(separator: ", "))")
        }
    }

    /// A string value, nil when absent.
    public func string(_ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw error(key, "expected a string, found \(value.type)") }
        return string
    }

    /// A string value that must be present.
    public func requiredString(_ key: String) throws -> String {
        guard let value = try string(key) else { throw error(nil, "missing required key '\(key)'") }
        return value
    }

    /// A boolean value, nil when absent.
    public func bool(_ key: String) throws -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else { throw error(key, "expected true or false, found \(value.type)") }
        return bool
    }

    /// An integer value, nil when absent.
    public func int(_ key: String) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let int = value.int else { throw error(key, "expected an integer, found \(value.type)") }
        return int
    }

    /// An array of strings, nil when absent.
    public func strings(_ key: String) throws -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw error(key, "expected an array of strings, found \(value.type)") }
        return try array.map { element in
            guard let string = element.string else {
                throw error(key, "expected an array of strings, found an element of type \(element.type)")
            }
            return string
        }
    }

    /// A string or an array of strings, as a list; nil when absent.
    public func stringOrStrings(_ key: String) throws -> [String]? {
        guard let value = table[key] else { return nil }
        if let string = value.string { return [string] }
        return try strings(key)
    }

    /// A sub-table, nil when absent.
    public func section(_ key: String) throws -> TOMLSection? {
        guard let value = table[key] else { return nil }
        guard let child = value.table else { throw error(key, "expected a table, found \(value.type)") }
        return TOMLSection(table: child, path: path.isEmpty ? key : "\(path).\(key)", file: file, sourceMap: sourceMap)
    }

    /// An array of tables (`[[key]]`), empty when absent.
    public func sections(_ key: String) throws -> [TOMLSection] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            throw error(key, "expected an array of tables ([[\(key)]]), found \(value.type)")
        }
        return try array.enumerated().map { index, element in
            guard let child = element.table else { throw error(key, "expected an array of tables ([[\(key)]])") }
            let childPath = (path.isEmpty ? key : "\(path).\(key)") + "[\(index)]"
            return TOMLSection(table: child, path: childPath, file: file, sourceMap: sourceMap)
        }
    }
}
