import Foundation

/// A replication rule: which images of this instance (a repository, a namespace, or the whole
/// instance, narrowed by name filters) are copied to which target, automatically on push or only
/// when run. ACR rules cannot be edited: a change is a delete and a create.
public struct SyncRule: Sendable, Hashable, Identifiable {
    /// What the rule covers.
    public enum Scope: String, Sendable, CaseIterable {
        case repository = "REPO"
        case namespace = "NAMESPACE"
        case instance = "INSTANCE"
    }

    /// When it copies.
    public enum Trigger: String, Sendable, CaseIterable {
        /// On every push of a matching tag.
        case automatic = "PASSIVE"
        /// Only when run.
        case manual = "INITIATIVE"
    }

    /// The server's id (`crsr-…`); empty for a rule not yet created.
    public var id: String
    public var name: String
    public var scope: Scope
    public var trigger: Trigger
    /// A regular expression a tag must match in full.
    public var tagFilter: String
    /// Regular expressions narrowing the namespaces (instance scope) and repositories (instance and
    /// namespace scope) copied.
    public var namespaceFilter: String?
    public var repositoryFilter: String?
    /// This instance's namespace and repository, as far as the scope names them.
    public var source: ReplicaLocation
    public var target: ReplicaLocation
    /// 1 (lowest) to 5.
    public var priority: Int?
    public var created: Date?

    /// Creates a rule.
    public init(
        id: String = "", name: String, scope: Scope, trigger: Trigger = .automatic, tagFilter: String = ".*",
        namespaceFilter: String? = nil, repositoryFilter: String? = nil, source: ReplicaLocation,
        target: ReplicaLocation, priority: Int? = nil, created: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.scope = scope
        self.trigger = trigger
        self.tagFilter = tagFilter
        self.namespaceFilter = namespaceFilter
        self.repositoryFilter = repositoryFilter
        self.source = source
        self.target = target
        self.priority = priority
        self.created = created
    }

    /// The filters and names as one line (`repo ns/app tags ^v.*`), for lists.
    public var repositoryFilterSummary: String {
        switch scope {
        case .repository: source.repositoryPath ?? "?"
        case .namespace: "\(source.namespace ?? "?")/\(repositoryFilter.nonEmpty ?? "*")"
        case .instance: "\(namespaceFilter.nonEmpty ?? "*")/\(repositoryFilter.nonEmpty ?? "*")"
        }
    }

    /// Whether the rule copies `repository` (`NAMESPACE/NAME`) of its instance.
    public func covers(repository: String) -> Bool {
        guard let slash = repository.firstIndex(of: "/") else { return false }
        let namespace = String(repository[..<slash])
        let name = String(repository[repository.index(after: slash)...])
        switch scope {
        case .repository:
            return source.namespace == namespace && source.repository == name
        case .namespace:
            return source.namespace == namespace && Self.fullMatch(repositoryFilter, name)
        case .instance:
            return Self.fullMatch(namespaceFilter, namespace) && Self.fullMatch(repositoryFilter, name)
        }
    }

    /// Whether `tag` matches the tag filter in full.
    public func matches(tag: String) -> Bool { tagMatcher()(tag) }

    /// `matches(tag:)` with the filter compiled once, for checking many tags.
    public func tagMatcher() -> (String) -> Bool {
        Self.matcher(tagFilter)
    }

    /// Where a tag of `repository` lands: the rule's target names, or the source's where the scope
    /// leaves them open.
    public func targetLocation(repository: String, tag: String) -> ReplicaLocation {
        let parts = repository.split(separator: "/", maxSplits: 1).map(String.init)
        var location = target
        location.namespace = target.namespace ?? parts.first
        location.repository = scope == .repository ? (target.repository ?? parts.last) : (parts.last ?? nil)
        location.tag = tag
        return location
    }

    /// Checks what the server would refuse, with the field to fix: a name, a tag filter that is a
    /// valid regular expression, a target instance, and the names the scope needs.
    public func validate() throws {
        func invalid(_ message: String, hint: String) -> RegistryError {
            RegistryError(.invalidReference, message, hint: hint)
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw invalid("a sync rule needs a name", hint: "give it one, e.g. replicate-to-beijing")
        }
        for (label, pattern) in [("tag", tagFilter), ("namespace", namespaceFilter), ("repository", repositoryFilter)] {
            guard let pattern, !pattern.isEmpty else { continue }
            if (try? Regex(pattern)) == nil {
                throw invalid(
                    "the \(label) filter '\(pattern)' is not a regular expression", hint: "for every tag use .*")
            }
        }
        if tagFilter.isEmpty { throw invalid("a sync rule needs a tag filter", hint: "for every tag use .*") }
        guard target.region != nil, target.instanceID != nil else {
            throw invalid("a sync rule needs a target region and instance", hint: "pick the target instance")
        }
        switch scope {
        case .repository where source.repositoryPath == nil || target.repositoryPath == nil:
            throw invalid(
                "a repository rule names the source and target repositories",
                hint: "give both as NAMESPACE/NAME")
        case .namespace where source.namespace == nil || target.namespace == nil:
            throw invalid(
                "a namespace rule names the source and target namespaces", hint: "give both namespaces")
        default: break
        }
        if let priority, !(1...5).contains(priority) {
            throw invalid("priority \(priority) is out of range", hint: "use 1 (lowest) to 5")
        }
    }

    private static func fullMatch(_ pattern: String?, _ text: String) -> Bool {
        matcher(pattern)(text)
    }

    /// Whether a text matches `pattern` in full (no pattern matches everything, a broken one nothing).
    private static func matcher(_ pattern: String?) -> (String) -> Bool {
        guard let pattern, !pattern.isEmpty else { return { _ in true } }
        guard let regex = try? Regex(pattern) else { return { _ in false } }
        return { (try? regex.wholeMatch(in: $0)) != nil }
    }
}
