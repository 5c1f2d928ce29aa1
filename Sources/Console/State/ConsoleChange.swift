import RegistryClient

/// Something that changed in a registry or in local state, published by the flow that changed it
/// so that every pane and cache showing it updates (`PaneContext.publish`).
enum ConsoleChange: Sendable, Equatable {
    /// Tags were deleted, moved or pushed in a repository.
    case tags(instance: String, repository: String)
    /// Namespaces were created, changed or deleted.
    case namespaces(instance: String)
    /// Repositories were created, changed or deleted (in a namespace, or anywhere when nil).
    case repositories(instance: String, namespace: String?)
    /// The suppressions of an instance changed: open findings are counted again.
    case suppressions(instance: String)
    /// Lifecycle rules were created, changed, deleted or run.
    case lifecycleRules(instance: String)
    /// A scan of an image finished: its report is new for every tag on the digest.
    case scanFinished(instance: String, repository: String, digest: Digest?)
    /// Triggers or event-center rules were created, changed or deleted.
    case delivery(instance: String)
    /// A repository's builds, build rules or source binding changed (a build started or ended).
    case builds(instance: String, repository: String)
    /// Sync rules, sync tasks or artifact subscriptions were created, deleted, run or canceled.
    case replication(instance: String)
    /// An endpoint, the access list or the login password changed.
    case access(instance: String)

    /// The instance the change happened on.
    var instance: String {
        switch self {
        case .tags(let instance, _), .namespaces(let instance), .repositories(let instance, _),
            .suppressions(let instance),
            .lifecycleRules(let instance), .scanFinished(let instance, _, _), .delivery(let instance),
            .builds(let instance, _), .replication(let instance), .access(let instance):
            instance
        }
    }

    /// Whether the change can alter what a listing of `repository` shows (its tags, their scans).
    func touches(repository: String) -> Bool {
        switch self {
        case .tags(_, let changed), .scanFinished(_, let changed, _): changed == repository
        case .suppressions: true
        case .namespaces, .repositories, .lifecycleRules, .delivery, .builds, .replication, .access: false
        }
    }
}
