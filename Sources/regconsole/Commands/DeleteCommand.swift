import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole delete IMAGE… [--dry-run] [--yes]`: plan, show, confirm, compare-and-delete, audit.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete tags or manifests, safely.",
        discussion: """
            A registry deletes manifests by digest, which removes every tag on that digest. A tag whose digest
            another tag shares is refused unless that tag is deleted too. Right before each delete the tags are
            resolved again; a tag that moved is skipped (exit 4). Every delete is written to the audit log.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("REPO:TAG or REPO@DIGEST, one or more.", valueName: "image"),
        completion: Completions.reference)
    var images: [String]
    @Flag(name: .long, help: "Show the plan and stop.")
    var dryRun = false
    @Flag(name: [.short, .long], help: "Do not ask for confirmation (required when standard input is not a terminal).")
    var yes = false
    @Option(name: .long, help: "Parallel requests while resolving tags.")
    var concurrency = 16

    func run() async throws {
        let context = try CLIContext(global)
        var groups: [(provider: any RegistryProvider, repository: String, targets: [DeleteTarget])] = []
        for text in images {
            let (provider, reference) = try await context.image(text)
            guard let target = DeleteTarget(reference) else { continue }
            if let index = groups.firstIndex(where: {
                $0.provider.instance.name == provider.instance.name && $0.repository == reference.repository
            }) {
                groups[index].targets.append(target)
            } else {
                groups.append((provider, reference.repository, [target]))
            }
        }
        for group in groups where group.provider.instance.readOnly {
            throw RegistryError(
                .readOnly, "instance '\(group.provider.instance.name)' is read-only",
                hint: "drop --read-only or read_only in its config entry to delete")
        }

        var plans: [DeletePlan] = []
        for group in groups {
            plans.append(
                try await DeletePlanner(provider: group.provider, concurrency: concurrency).plan(
                    repository: group.repository, targets: group.targets))
        }
        printPlan(plans)
        let deletions = plans.flatMap(\.deletions)
        let refused = plans.contains { !$0.refusals.isEmpty }
        if dryRun { return }
        guard !deletions.isEmpty else {
            throw CommandFailure(status: refused ? .skipped : .success, description: "nothing to delete")
        }
        try DeleteConfirmation(plans: plans).ask(yes: yes)

        let audit = AuditLog(directories: context.directories)
        var outcomes: [DeleteExecutor.Outcome] = []
        for (plan, group) in zip(plans, groups) where !plan.deletions.isEmpty {
            let results = try await DeleteExecutor(provider: group.provider, audit: audit).execute(plan) {
                item, outcome in
                Self.report(plan, item, outcome)
            }
            outcomes += results.map(\.1)
        }
        if outcomes.contains(where: { if case .failed = $0 { true } else { false } }) {
            throw CommandFailure(status: .runtime, description: "some deletes failed (see above)")
        }
        if refused || outcomes.contains(where: { if case .skipped = $0 { true } else { false } }) {
            throw CommandFailure(status: .skipped, description: "some steps were skipped; nothing else changed")
        }
        print("note: a distribution registry frees storage only after its garbage collection runs")
    }

    private func printPlan(_ plans: [DeletePlan]) {
        print("Plan:")
        for plan in plans {
            for item in plan.items {
                let name = "\(plan.instance.name)/\(plan.repository)@\(item.digest?.short ?? "?")"
                let tags = item.tagsRemoved.isEmpty ? "untagged" : "tags: \(item.tagsRemoved.joined(separator: ", "))"
                switch item.decision {
                case .delete: print(Sanitizer.clean("  delete  \(name)  (\(tags))"))
                case .refuse(let reason):
                    print(
                        Sanitizer.clean(
                            "  refuse  \(plan.instance.name)/\(plan.repository) \(item.requested.joined(separator: ", ")): \(reason)"
                        ))
                }
            }
        }
    }

    private static func report(_ plan: DeletePlan, _ item: DeletePlan.Item, _ outcome: DeleteExecutor.Outcome) {
        let name = "\(plan.instance.name)/\(plan.repository)@\(item.digest?.short ?? "?")"
        switch outcome {
        case .deleted: print(Sanitizer.clean("deleted  \(name)  (\(item.tagsRemoved.joined(separator: ", ")))"))
        case .skipped(let reason): print(Sanitizer.clean("skipped  \(name): \(reason)"))
        case .failed(let reason): print(Sanitizer.clean("failed   \(name): \(reason)"))
        }
    }
}
