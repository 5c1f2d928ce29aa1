import ArgumentParser
import RegistryClient

/// `regconsole sync cancel INSTANCE TASK [--yes]`.
struct SyncCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a running sync task (confirm, or --yes).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The task (see `sync tasks`).", valueName: "task"))
    var task: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.sync(instance, context: context, writing: "cancel sync tasks")
        try target.confirm("cancel sync task \(task) of \(target.instance.name)", id: task, yes: yes, action: .change)
        try await target.naming("sync task", task, listedBy: "sync tasks") {
            try await context.replication.cancelSyncTask(id: task, on: target.provider)
        }
        print("canceled sync task \(task) of \(target.instance.name)")
    }
}
