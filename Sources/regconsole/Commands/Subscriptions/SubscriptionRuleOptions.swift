import ArgumentParser
import RegistryClient

/// The fields of a subscription rule, for `subscriptions rule create` and `update`; what is not
/// given keeps its value (`--platform` given replaces the whole list).
struct SubscriptionRuleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where tags come from: DOCKER_HUB, GCR or QUAY.", valueName: "upstream"))
    var upstream: String?
    @Option(name: .long, help: ArgumentHelp("The upstream repository (library/nginx).", valueName: "ns/name"))
    var from: String?
    @Option(name: .long, help: ArgumentHelp("The repository of this instance they land in.", valueName: "ns/name"))
    var to: String?
    @Option(name: .long, help: ArgumentHelp("Tags matching this regular expression in full.", valueName: "regex"))
    var tags: String?
    @Option(name: .long, help: ArgumentHelp("How many of the newest matching tags (1–100).", valueName: "n"))
    var count: Int?
    @Option(
        name: .customLong("platform"), help: ArgumentHelp("A platform to pull (repeat for more).", valueName: "os/arch")
    )
    var platforms: [String] = []
    @Flag(inversion: .prefixedNo, help: "Whether a pulled tag overwrites one of the same name.")
    var overwrite: Bool?

    /// Whether any field is given.
    var isEmpty: Bool {
        upstream == nil && from == nil && to == nil && tags == nil && count == nil && platforms.isEmpty
            && overwrite == nil
    }

    /// `rule` with the given options applied, checked as ACR would check it.
    /// - Throws: `RegistryError(.invalidReference)` (a usage error) naming the bad field.
    func applied(to rule: SubscriptionRule) throws -> SubscriptionRule {
        var rule = rule
        if let upstream, upstream.uppercased() != rule.upstream {
            rule.upstream = upstream.uppercased()
            rule.upstreamDomain = nil  // the old upstream's host
        }
        if let from {
            (rule.upstreamNamespace, rule.upstreamRepository) = try Self.split(
                from, option: "--from", namespaceOptional: true)
        }
        if let to { (rule.namespace, rule.repository) = try Self.split(to, option: "--to", namespaceOptional: false) }
        if let tags { rule.tagPattern = tags }
        if let count { rule.tagCount = count }
        if !platforms.isEmpty { rule.platforms = platforms }
        if let overwrite { rule.overwrite = overwrite }
        try rule.validate()
        return rule
    }

    /// The changes from `old` to `new`, field by field.
    static func changes(from old: SubscriptionRule, to new: SubscriptionRule) -> FieldChanges {
        var changes = FieldChanges()
        changes.compare("upstream", old.upstream, new.upstream)
        changes.compare("from", old.upstreamPath, new.upstreamPath)
        changes.compare("to", "\(old.namespace)/\(old.repository)", "\(new.namespace)/\(new.repository)")
        changes.compare("tags", old.tagPattern, new.tagPattern)
        changes.compare("count", String(old.tagCount), String(new.tagCount))
        changes.compare("platforms", old.platforms.joined(separator: ","), new.platforms.joined(separator: ","))
        changes.compare("overwrite", String(old.overwrite), String(new.overwrite))
        return changes
    }

    /// `NS/NAME` (or `NAME` where the namespace may be left out) as its two names.
    private static func split(_ text: String, option: String, namespaceOptional: Bool) throws -> (String, String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1, namespaceOptional, !text.isEmpty { return ("", text) }
        guard parts.count == 2, !parts.contains(where: \.isEmpty) else {
            throw UsageError(description: "\(option) '\(text)' is not NAMESPACE/NAME")
        }
        return (parts[0], parts[1])
    }
}
