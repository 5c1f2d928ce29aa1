import RegistryClient

/// A `:` command that opens panes, and the one place a pane is registered: its words, what its
/// argument names, and the panes it opens below the instances pane. A new pane reachable by
/// command is one more line in `all`.
struct PaneRoute: Sendable {
    /// What a command's argument names, relative to the current instance unless it starts with an
    /// instance's name (`INSTANCE/…`), as the CLI's references do.
    enum Target: Sendable {
        /// `INSTANCE` (required).
        case instance
        /// `INSTANCE`, or nothing for the current instance.
        case optionalInstance
        /// `[INSTANCE/]NAMESPACE`, or `INSTANCE` alone.
        case namespace
        /// `[INSTANCE/]NAMESPACE`, or nothing for the whole instance.
        case optionalNamespace
        /// `[INSTANCE/]NAMESPACE/REPOSITORY` (required).
        case repository
        /// `[INSTANCE/][NAMESPACE[/REPOSITORY]]`, or nothing for where the user is.
        case location
        /// Two repositories, `[INSTANCE/]NAMESPACE/REPOSITORY [INSTANCE/]NAMESPACE/REPOSITORY`.
        case repositoryPair
    }

    /// Where a command's argument resolved to.
    struct Resolved {
        var instance: Instance
        var namespace: String?
        var repository: String?
        /// The second repository of a pair, with its instance.
        var other: (instance: Instance, repository: String)?
    }

    /// The command word shown in help and completion.
    let word: String
    /// Other words for it.
    let aliases: [String]
    let target: Target
    /// The usage line (`:tags [INSTANCE/]NAMESPACE/REPOSITORY`).
    let usage: String
    /// What it opens, for help, in the catalog's language.
    let summary: @Sendable (Catalog) -> String
    /// The panes to open above the instances pane over every instance, when the command has no
    /// argument on the instances pane; nil when the command needs one instance.
    var openEverywhere: (@MainActor @Sendable (any PaneContext, [Instance]) -> [any Screen])? = nil
    /// The panes to open above the instances pane.
    let open: @MainActor @Sendable (any PaneContext, Resolved) -> [any Screen]

    /// Every route, in help order.
    static let all: [PaneRoute] = [
        PaneRoute(
            word: "ctx", aliases: ["context", "instance"], target: .instance, usage: ":ctx [INSTANCE]",
            summary: { $0[.commandContext] }
        ) { context, at in
            browse(context, PaneRoute.Resolved(instance: at.instance))
        },
        PaneRoute(
            word: "ns", aliases: ["namespace", "namespaces"], target: .namespace, usage: ":ns [INSTANCE/]NAMESPACE",
            summary: { $0[.commandNamespace] }
        ) { context, at in
            browse(context, at)
        },
        PaneRoute(
            word: "repos", aliases: ["repo", "repositories", "r"], target: .optionalNamespace,
            usage: ":repos [INSTANCE][/NAMESPACE]", summary: { $0[.commandRepositories] }
        ) { context, at in
            browse(context, PaneRoute.Resolved(instance: at.instance))
                + [ResourcePane(RepositoryList(context: context, instance: at.instance, namespace: at.namespace))]
        },
        PaneRoute(
            word: "tags", aliases: ["tag", "t"], target: .repository, usage: ":tags [INSTANCE/]NAMESPACE/REPOSITORY",
            summary: { $0[.commandTags] }
        ) { context, at in
            browse(context, at)
        },
        PaneRoute(
            word: "vulns", aliases: ["vulnerabilities", "v"], target: .optionalNamespace,
            usage: ":vulns [INSTANCE][/NAMESPACE]", summary: { $0[.commandVulns] },
            openEverywhere: { context, instances in
                [VulnerabilityOverview.pane(context: context, targets: instances.map { .init(instance: $0) })]
            }
        ) { context, at in
            browse(context, PaneRoute.Resolved(instance: at.instance)) + [
                VulnerabilityOverview.pane(
                    context: context, targets: [.init(instance: at.instance, namespace: at.namespace)])
            ]
        },
        PaneRoute(
            word: "lifecycle", aliases: ["lc", "retention"], target: .location,
            usage: ":lifecycle [INSTANCE/][NAMESPACE[/REPOSITORY]]", summary: { $0[.commandLifecycle] }
        ) { context, at in
            if at.instance.kind == .harbor, let project = at.namespace, !project.isEmpty {
                return browse(context, PaneRoute.Resolved(instance: at.instance, namespace: project)) + [
                    ResourcePane(HarborRetentionRuleList(context: context, instance: at.instance, project: project))
                ]
            }
            return browse(context, at) + [
                ResourcePane(LifecycleRuleList(context: context, instance: at.instance, scope: LifecycleRule.Scope(at)))
            ]
        },
        PaneRoute(
            word: "immutable", aliases: ["immutability", "immutable-tags"], target: .namespace,
            usage: ":immutable [INSTANCE/]PROJECT", summary: { $0[.commandImmutable] }
        ) { context, at in
            browse(context, at) + [
                ResourcePane(ImmutableRuleList(context: context, instance: at.instance, project: at.namespace ?? ""))
            ]
        },
        PaneRoute(
            word: "builds", aliases: ["build"], target: .repository, usage: ":builds [INSTANCE/]NAMESPACE/REPOSITORY",
            summary: { $0[.commandBuilds] }
        ) { context, at in
            browse(context, at) + [
                ResourcePane(BuildRecordList(context: context, instance: at.instance, repository: at.repository ?? ""))
            ]
        },
        PaneRoute(
            word: "triggers", aliases: ["trigger"], target: .repository,
            usage: ":triggers [INSTANCE/]NAMESPACE/REPOSITORY", summary: { $0[.commandTriggers] }
        ) { context, at in
            browse(context, at) + [
                ResourcePane(TriggerList(context: context, instance: at.instance, repository: at.repository ?? ""))
            ]
        },
        PaneRoute(
            word: "events", aliases: ["event", "notifications"], target: .optionalNamespace,
            usage: ":events [INSTANCE][/NAMESPACE]", summary: { $0[.commandEvents] }
        ) { context, at in
            browse(context, PaneRoute.Resolved(instance: at.instance)) + [
                ResourcePane(EventRecordFeed(context: context, instance: at.instance, namespace: at.namespace))
            ]
        },
        PaneRoute(
            word: "chains", aliases: ["chain", "delivery"], target: .optionalNamespace,
            usage: ":chains [INSTANCE][/NAMESPACE]", summary: { $0[.commandChains] }
        ) { context, at in
            browse(context, PaneRoute.Resolved(instance: at.instance)) + [
                ResourcePane(ChainList(context: context, instance: at.instance, namespace: at.namespace))
            ]
        },
        PaneRoute(
            word: "sync", aliases: ["sync-rules", "syncrules"], target: .location,
            usage: ":sync [INSTANCE/][NAMESPACE[/REPOSITORY]]", summary: { $0[.commandSync] }
        ) { context, at in
            browse(context, at) + [
                ResourcePane(
                    SyncRuleList(
                        context: context, instance: at.instance, namespace: at.namespace, repository: at.repository))
            ]
        },
        PaneRoute(
            word: "replication", aliases: ["replications", "repl"], target: .optionalInstance,
            usage: ":replication [INSTANCE]", summary: { $0[.commandReplication] }
        ) { context, at in
            let list: any Screen =
                at.instance.kind == .harbor
                ? ResourcePane(ReplicationPolicyList(context: context, instance: at.instance))
                : ResourcePane(SyncRuleList(context: context, instance: at.instance))
            return browse(context, PaneRoute.Resolved(instance: at.instance)) + [list]
        },
        PaneRoute(
            word: "webhooks", aliases: ["webhook", "hooks"], target: .location,
            usage: ":webhooks [INSTANCE/]PROJECT", summary: { $0[.commandWebhooks] }
        ) { context, at in
            if at.instance.kind != .harbor, let repository = at.repository {
                return browse(context, at) + [
                    ResourcePane(TriggerList(context: context, instance: at.instance, repository: repository))
                ]
            }
            let project = at.namespace.flatMap { $0.isEmpty ? nil : $0 }
            return browse(context, PaneRoute.Resolved(instance: at.instance, namespace: project)) + [
                ResourcePane(WebhookPolicyList(context: context, instance: at.instance, project: project))
            ]
        },
        PaneRoute(
            word: "subscriptions", aliases: ["subscription", "subs"], target: .optionalInstance,
            usage: ":subscriptions [INSTANCE]", summary: { $0[.commandSubscriptions] }
        ) { context, at in
            browse(context, at) + [ResourcePane(SubscriptionRuleList(context: context, instance: at.instance))]
        },
        PaneRoute(
            word: "endpoints", aliases: ["endpoint", "access", "acl"], target: .optionalInstance,
            usage: ":endpoints [INSTANCE]", summary: { $0[.commandEndpoints] }
        ) { context, at in
            browse(context, at) + [ResourcePane(EndpointList(context: context, instance: at.instance))]
        },
        PaneRoute(
            word: "usage", aliases: ["quota", "quotas", "capacity"], target: .optionalInstance,
            usage: ":usage [INSTANCE]", summary: { $0[.commandQuotas] }
        ) { context, at in
            browse(context, at) + [ResourcePane(UsageList(context: context, instance: at.instance))]
        },
        PaneRoute(
            word: "robots", aliases: ["robot", "robot-accounts"], target: .optionalNamespace,
            usage: ":robots [INSTANCE][/PROJECT]", summary: { $0[.commandRobots] }
        ) { context, at in
            browse(context, PaneRoute.Resolved(instance: at.instance)) + [
                ResourcePane(RobotList(context: context, instance: at.instance, project: at.namespace))
            ]
        },
        PaneRoute(
            word: "audit", aliases: ["auditlog", "audit-log", "logs"], target: .optionalNamespace,
            usage: ":audit [INSTANCE][/PROJECT]", summary: { $0[.commandAudit] }
        ) { context, at in
            browse(context, PaneRoute.Resolved(instance: at.instance)) + [
                ResourcePane(AuditList(context: context, instance: at.instance, project: at.namespace))
            ]
        },
        PaneRoute(
            word: "drift", aliases: ["compare"], target: .repositoryPair,
            usage: ":drift [INSTANCE/]NS/REPO INSTANCE/NS/REPO",
            summary: { $0[.commandDrift] }
        ) { context, at in
            guard let repository = at.repository, let other = at.other else { return [] }
            return browse(context, at) + [
                ResourcePane(
                    DriftList(
                        context: context, source: DriftList.Side(instance: at.instance, repository: repository),
                        target: DriftList.Side(instance: other.instance, repository: other.repository)))
            ]
        },
    ]

    /// The route a word names.
    static func named(_ word: String) -> PaneRoute? {
        all.first { $0.word == word || $0.aliases.contains(word) }
    }

    /// The browsing panes down to a location: namespaces, then the namespace's repositories, then
    /// the repository's tags.
    @MainActor
    static func browse(_ context: any PaneContext, _ at: Resolved) -> [any Screen] {
        var panes: [any Screen] = [ResourcePane(NamespaceList(context: context, instance: at.instance))]
        if let namespace = at.namespace {
            panes.append(ResourcePane(RepositoryList(context: context, instance: at.instance, namespace: namespace)))
        }
        if let repository = at.repository {
            panes.append(ResourcePane(TagList(context: context, instance: at.instance, repository: repository)))
        }
        return panes
    }
}

extension LifecycleRule.Scope {
    /// The scope of a resolved location: its repository, its namespace, or the whole instance.
    init(_ location: PaneRoute.Resolved) {
        if let repository = location.repository {
            self = .repository(repository)
        } else if let namespace = location.namespace, !namespace.isEmpty {
            self = .namespace(namespace)
        } else {
            self = .instance
        }
    }
}
