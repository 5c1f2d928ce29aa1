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
    @Argument(help: "The ACR instance.", completion: Completions.instance)
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
        let runs = try await poller.wait(for: [id], resume: "regconsole subscriptions tasks \(target.instance.name)")
        guard let done = runs.first else { return }
        let outcome = "\(done.status) \(done.result ?? "")"
        guard done.result?.uppercased() == "SUCCESS" else {
            let why = done.message.flatMap { $0.isEmpty ? nil : ": \($0)" } ?? ""
            throw CommandFailure(
                status: .runtime, description: Sanitizer.clean("subscription run \(id) ended \(outcome)\(why)"))
        }
        let pulled = done.pulledTags.map { "; pulled \($0) of \(done.matchedTags ?? $0) matching tags" } ?? ""
        let summary = Sanitizer.clean("subscription run \(id): \(outcome)\(pulled)")
        FileHandle.standardError.write(Data("\(summary)\n".utf8))
    }
}
