import Foundation

/// Rules of an instance whose registry has none of its own, in
/// `$XDG_DATA_HOME/regconsole/<instance>/lifecycle.toml`; `lifecycle apply` runs them. Every change
/// is written atomically and to the audit log.
public struct LocalLifecycleRuleStore: LifecycleRuleStore {
    public let url: URL
    private let instance: String
    private let audit: AuditLog

    /// The store of `instance`.
    public init(instance: String, directories: XDGDirectories) {
        self.instance = instance
        self.url = directories.instanceData(instance, "lifecycle.toml")
        self.audit = AuditLog(directories: directories)
    }

    public var runsOnServer: Bool { false }

    /// Every rule; none when the file does not exist.
    /// - Throws: `ConfigError` (file, line, problem) when the file cannot be read.
    public func rules() throws -> [LifecycleRule] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return try LifecycleRule.parseFile(String(decoding: data, as: UTF8.self), file: url.path)
    }

    public func save(_ rule: LifecycleRule) throws -> LifecycleRule {
        try check(rule)
        var rules = try rules()
        let existed = rules.contains { $0.id == rule.id }
        if let index = rules.firstIndex(where: { $0.id == rule.id }) { rules[index] = rule } else { rules.append(rule) }
        try audit.append(
            .init(
                action: existed ? "lifecycle-update" : "lifecycle-create", phase: "done", instance: instance,
                detail: "\(rule.id): \(rule.scope), keep \(rule.keepSummary)"))
        try write(rules)
        return rule
    }

    public func delete(id: String) throws {
        var rules = try rules()
        guard let index = rules.firstIndex(where: { $0.id == id }) else {
            throw RegistryError(.notFound, "\(instance) has no lifecycle rule '\(id)'")
        }
        rules.remove(at: index)
        try audit.append(.init(action: "lifecycle-delete", phase: "done", instance: instance, detail: id))
        try write(rules)
    }

    public func unsupportedFields(of rule: LifecycleRule) -> [LifecycleRule.Problem] {
        var problems: [LifecycleRule.Problem] = []
        if rule.deleteUntagged {
            problems.append(
                .init(
                    field: "delete_untagged",
                    message:
                        "a distribution registry cannot list untagged manifests; run its garbage collection with --delete-untagged"
                ))
        }
        if rule.auto {
            problems.append(
                .init(
                    field: "auto",
                    message:
                        "regconsole runs local rules when `lifecycle apply` runs; schedule that with a timer (see the README)"
                ))
        }
        return problems
    }

    private func write(_ rules: [LifecycleRule]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(Data(LifecycleRule.fileText(rules).utf8), to: url)
    }
}
