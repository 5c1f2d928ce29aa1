import ArgumentParser
import RegistryClient

/// `regconsole lifecycle plan INSTANCE[/…] [--rule ID | --rules FILE]`: the dry run.
struct LifecyclePlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Show what the rules would keep and delete, and why, without changing anything.",
        discussion: "Every tag gets a decision and a reason; the totals, bytes freed and warnings go to standard error.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("INSTANCE, INSTANCE/NAMESPACE or INSTANCE/NAMESPACE/REPO.", valueName: "target"))
    var target: String
    @OptionGroup var options: LifecyclePlanOptions
    @Flag(name: .long, help: "List only the tags that would be deleted.")
    var deletionsOnly = false
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await LifecycleTarget(self.target, context: context)
        let (plan, _) = try await options.plan(target, context: context)
        let report = LifecyclePlanReport(plan: plan, instance: target.provider.instance.name)
        report.records(deletionsOnly: deletionsOnly).print(as: format.output)
        report.printSummary()
    }
}
