import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole subscriptions run INSTANCE RULE [--wait]`.
struct SubscriptionsRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a subscription rule now and print the run's id.",
        discussion: "With --wait, follow the run until it ends; exit 1 unless it succeeds.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.")
    var instance: String
    @Argument(help: ArgumentHelp("The rule's id (see `subscriptions rules`).", valueName: "rule"))
    var rule: String
    @Flag(name: .long, help: "Follow the run until it ends; exit 1 unless it succeeds.")
    var wait = false
    @OptionGroup var waiting: WaitOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.subscriptions(instance, context: context, writing: "run subscriptions")
        let id = try await target.naming("subscription rule", rule, listedBy: "subscriptions rules") {
            try await context.replication.runSubscription(ruleID: rule, on: target.provider)
        }
        print(id)
        guard wait else { return }
        fflush(nil)  // the ids out before the wait
        let poller = TaskPoller<SubscriptionTask>(
            read: { try await target.provider.subscriptionTask(id: $0) }, isRunning: \.isRunning,
            label: { "subscription run \(id): \($0.first?.status ?? "")" }, interval: waiting.interval,
            deadline: waiting.deadline)
        let task = try await poller.wait(for: [id], resume: "regconsole subscriptions tasks \(target.instance.name)")
        let outcome = task.first.map { "\($0.status) \($0.result ?? "")" } ?? ""
        guard let done = task.first, !done.failed, done.result?.uppercased() == "SUCCESS" else {
            let why = task.first?.message.flatMap { $0.isEmpty ? nil : ": \($0)" } ?? ""
            throw CommandFailure(
                status: .runtime, description: Sanitizer.clean("subscription run \(id) ended \(outcome)\(why)"))
        }
        let pulled = done.pulledTags.map { "; pulled \($0) of \(done.matchedTags ?? $0) matching tags" } ?? ""
        FileHandle.standardError.write(Data(Sanitizer.clean("subscription run \(id): \(outcome)\(pulled)\n").utf8))
    }
}
