import Foundation

extension LifecycleRule {
    /// The keys of a `[[rules]]` table.
    static let fileKeys = [
        "id", "scope", "namespace", "repository", "retention_tag_count", "tag_regexp", "keep_pushed_within_days",
        "delete_untagged", "schedule", "auto",
    ]

    /// Reads a rules file (`[[rules]]` tables). A rule without an id gets `rule-N`.
    /// - Throws: `ConfigError` naming the file, the line and what is wrong.
    public static func parseFile(_ text: String, file: String) throws -> [LifecycleRule] {
        let root = try TOMLSection.parse(text, file: file)
        try root.rejectUnknownKeys(allowed: ["rules"])
        var rules: [LifecycleRule] = []
        for (index, section) in try root.sections("rules").enumerated() {
            let rule = try LifecycleRule(section: section, defaultID: "rule-\(index + 1)")
            if rules.contains(where: { $0.id == rule.id }) {
                throw section.error("id", "'\(rule.id)' is used by an earlier rule")
            }
            rules.append(rule)
        }
        return rules
    }

    private init(section: TOMLSection, defaultID: String) throws {
        try section.rejectUnknownKeys(allowed: Self.fileKeys)
        let namespace = try section.string("namespace") ?? ""
        let scope: Scope
        switch try section.string("scope") ?? "repo" {
        case "instance": scope = .instance
        case "namespace": scope = .namespace(namespace)
        case "repo", "repository":
            let name = try section.string("repository") ?? ""
            scope = .repository(namespace.isEmpty || name.isEmpty ? name : "\(namespace)/\(name)")
        case let other: throw section.error("scope", "'\(other)' is not instance, namespace or repo")
        }
        var schedule: Schedule?
        if let word = try section.string("schedule") {
            guard let parsed = Schedule(rawValue: word.uppercased()) else {
                throw section.error(
                    "schedule", "'\(word)' is not \(Schedule.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            schedule = parsed
        }
        self.init(
            id: try section.string("id") ?? defaultID, scope: scope,
            retentionTagCount: try section.int("retention_tag_count"),
            tagRegexp: try section.string("tag_regexp"),
            keepPushedWithinDays: try section.int("keep_pushed_within_days"),
            deleteUntagged: try section.bool("delete_untagged") ?? false, schedule: schedule,
            auto: try section.bool("auto") ?? false)
        if let problem = problems.first { throw section.error(problem.field, problem.message) }
    }

    /// The rules as a rules file that `parseFile` reads back.
    public static func fileText(_ rules: [LifecycleRule]) -> String {
        var text = "# Lifecycle rules written by regconsole; see `regconsole lifecycle --help`.\n"
        for rule in rules {
            text += "\n[[rules]]\n"
            func line(_ key: String, _ value: String) { text += "\(key) = \(value)\n" }
            line("id", TOMLString.quoted(rule.id))
            line("scope", TOMLString.quoted(rule.scope.kind))
            switch rule.scope {
            case .instance: break
            case .namespace(let namespace): line("namespace", TOMLString.quoted(namespace))
            case .repository(let repository):
                let namespace = Namespace.of(repository: repository)
                if !namespace.isEmpty { line("namespace", TOMLString.quoted(namespace)) }
                line(
                    "repository",
                    TOMLString.quoted(
                        namespace.isEmpty ? repository : String(repository.dropFirst(namespace.count + 1))))
            }
            if let count = rule.retentionTagCount { line("retention_tag_count", String(count)) }
            if let pattern = rule.tagRegexp { line("tag_regexp", TOMLString.quoted(pattern)) }
            if let days = rule.keepPushedWithinDays { line("keep_pushed_within_days", String(days)) }
            if rule.deleteUntagged { line("delete_untagged", "true") }
            if let schedule = rule.schedule { line("schedule", TOMLString.quoted(schedule.rawValue)) }
            if rule.auto { line("auto", "true") }
        }
        return text
    }
}
