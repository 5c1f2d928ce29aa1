import Foundation

/// A rule of a retention policy (`RetentionRule`) or an immutability rule (`ImmutableRule`, the
/// same shape without `params`). `params` values are numbers or strings in practice, though the
/// swagger calls them objects; one that is neither is dropped.
struct HarborRetentionRuleRecord: Codable, Sendable {
    /// A `RetentionSelector` / `ImmutableSelector`; `kind` is always `doublestar`, `extras` a JSON string.
    struct Selector: Codable, Sendable {
        var kind: String?
        var decoration: String?
        var pattern: String?
        var extras: String?
    }

    /// A number or numeric string in `params`; anything else reads as nil.
    struct Parameter: Codable, Sendable {
        var value: Int?

        init(_ value: Int?) { self.value = value }

        init(from decoder: any Decoder) throws {
            value = (try? LenientInt(from: decoder))?.value
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }

    var id: Int?
    var priority: Int?
    var disabled: Bool?
    var action: String?
    var template: String?
    var params: [String: Parameter]?
    var tagSelectors: [Selector]?
    var scopeSelectors: [String: [Selector]]?

    enum CodingKeys: String, CodingKey {
        case id
        case priority
        case disabled
        case action
        case template
        case params
        case tagSelectors = "tag_selectors"
        case scopeSelectors = "scope_selectors"
    }

    /// The record of a retention rule, as Harbor's portal sends it.
    init(_ rule: HarborRetentionRule) {
        id = rule.id
        priority = rule.priority ?? 0
        disabled = rule.disabled
        action = "retain"
        template = rule.template
        params = [rule.template: Parameter(rule.parameter)].filter { $0.value.value != nil }
        tagSelectors = [Self.tagSelector(rule.tags, untagged: rule.untagged)]
        scopeSelectors = ["repository": [Self.repositorySelector(rule.repositories)]]
    }

    /// The record of an immutability rule, as Harbor's portal sends it.
    init(_ rule: HarborImmutableRule) {
        id = rule.id
        priority = 0
        disabled = rule.disabled
        action = "immutable"
        template = "immutable_template"
        params = nil
        tagSelectors = [Self.tagSelector(rule.tags, untagged: false)]
        scopeSelectors = ["repository": [Self.repositorySelector(rule.repositories)]]
    }

    /// The retention rule it describes (the first tag and repository selectors; Harbor's portal sends one each).
    var retentionRule: HarborRetentionRule {
        let tag = tagSelectors?.first
        var rule = HarborRetentionRule(
            template: .always, tags: Self.selector(tag, excluding: "excludes"),
            untagged: Self.untagged(tag), repositories: Self.selector(repositorySelector, excluding: "repoExcludes"),
            disabled: disabled ?? false)
        rule.id = id
        rule.priority = priority ?? 0
        rule.template = template ?? ""
        rule.parameter = template.flatMap { params?[$0]?.value }
        return rule
    }

    /// The immutability rule it describes.
    var immutableRule: HarborImmutableRule {
        HarborImmutableRule(
            id: id, tags: Self.selector(tagSelectors?.first, excluding: "excludes"),
            repositories: Self.selector(repositorySelector, excluding: "repoExcludes"), disabled: disabled ?? false)
    }

    private var repositorySelector: Selector? { scopeSelectors?["repository"]?.first }

    private static func selector(_ record: Selector?, excluding: String) -> HarborRetentionRule.Selector {
        HarborRetentionRule.Selector(pattern: record?.pattern ?? "", excludes: record?.decoration == excluding)
    }

    /// `extras`' `untagged`, else Harbor's default: on for `matches`, off for `excludes`.
    private static func untagged(_ record: Selector?) -> Bool {
        if let extras = record?.extras, let data = extras.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let untagged = object["untagged"] as? Bool
        {
            return untagged
        }
        return record?.decoration != "excludes"
    }

    private static func tagSelector(_ selector: HarborRetentionRule.Selector, untagged: Bool) -> Selector {
        Selector(
            kind: "doublestar", decoration: selector.excludes ? "excludes" : "matches", pattern: selector.pattern,
            extras: "{\"untagged\":\(untagged)}")
    }

    private static func repositorySelector(_ selector: HarborRetentionRule.Selector) -> Selector {
        Selector(
            kind: "doublestar", decoration: selector.excludes ? "repoExcludes" : "repoMatches",
            pattern: selector.pattern, extras: nil)
    }
}
