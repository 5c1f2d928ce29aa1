import RegistryClient
import TerminalUI

/// The question before deleting on a terminal: `y` for small plans, `delete N` typed for production
/// instances or more than 10 manifests. It names the repositories and the first tags deleted.
/// Without a terminal, `--yes` is required.
struct DeleteConfirmation {
    /// One tag deleted, with its repository.
    struct Tag {
        var repository: String
        var name: String
    }

    /// Manifests to delete.
    var manifests: Int
    /// Every tag that goes with them.
    var tags: [Tag]
    /// Repositories of the manifests, tagged or not, as the question names them.
    var repositories: [String]
    /// Whether the answer must be typed.
    var typed: Bool

    /// How many repositories and tags the question names before "and N more".
    static let shownRepositories = 3
    static let shownTags = 8

    /// The question for `delete`'s plans (repositories named `instance/repository`).
    init(plans: [DeletePlan]) {
        let deleting = plans.filter { !$0.deletions.isEmpty }
        manifests = deleting.reduce(0) { $0 + $1.deletions.count }
        tags = deleting.flatMap { plan in
            plan.deletions.flatMap(\.tagsRemoved).map {
                Tag(repository: "\(plan.instance.name)/\(plan.repository)", name: $0)
            }
        }
        repositories = deleting.map { "\($0.instance.name)/\($0.repository)" }
        typed = plans.contains(where: \.needsTypedConfirmation)
    }

    /// The question for the manifests of a lifecycle run on `instance`.
    init(items: [LifecycleJournal.Item], instance: Instance) {
        manifests = items.count
        tags = items.flatMap { item in item.expected.keys.sorted().map { Tag(repository: item.repository, name: $0) } }
        var repositories: [String] = []
        for item in items where !repositories.contains(item.repository) { repositories.append(item.repository) }
        self.repositories = repositories
        typed = instance.production || items.count > 10
    }

    /// `20 manifests (24 tags) in ns/app: build-001, build-002, … and 16 more`.
    var subject: String {
        let places = Self.bounded(repositories, limit: Self.shownRepositories, more: "more repositories")
        let names = repositories.count == 1 ? tags.map(\.name) : tags.map { "\($0.repository):\($0.name)" }
        let counts =
            "\(manifests) \(manifests == 1 ? "manifest" : "manifests") (\(tags.count) \(tags.count == 1 ? "tag" : "tags"))"
        let what = "\(counts) in \(places)"
        return Sanitizer.clean(
            names.isEmpty ? what : "\(what): \(Self.bounded(names, limit: Self.shownTags, more: "more"))")
    }

    /// Returns when confirmed (or `yes`); throws otherwise, having deleted nothing.
    func ask(yes: Bool) throws {
        try Confirmation.ask(
            typed ? "delete \(subject)" : "Delete \(subject)", typing: typed ? "delete \(manifests)" : nil, yes: yes)
    }

    private static func bounded(_ names: [String], limit: Int, more: String) -> String {
        names.prefix(limit).joined(separator: ", ") + (names.count > limit ? " and \(names.count - limit) \(more)" : "")
    }
}
