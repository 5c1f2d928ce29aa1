import ArgumentParser
import Foundation
import RegistryClient

/// The arguments of `endpoints enable` and `disable`, and the switch: confirmed (with what
/// disabling cuts off), audited, then awaited until the endpoint settles.
struct InternetEndpointSwitch: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The endpoint: internet (the VPC endpoint is always on).", valueName: "endpoint"))
    var endpoint: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false
    @Flag(name: .long, help: "Return once the switch is asked for, without waiting until it takes effect.")
    var noWait = false

    /// How often the endpoint is read while it switches, and for how long at most.
    static let interval = Duration.seconds(2)
    static let deadline = Duration.seconds(5 * 60)

    func validate() throws {
        guard endpoint.lowercased() == InstanceEndpoint.Kind.internet.rawValue else {
            throw ValidationError("only the internet endpoint can be switched, not '\(endpoint)'")
        }
    }

    /// Switches the internet endpoint on or off.
    func run(enable: Bool) async throws {
        let context = try CLIContext(global)
        let verb = enable ? "enable" : "disable"
        let target = try await DeliveryTarget.access(instance, context: context, writing: "\(verb) endpoints")
        let name = target.instance.name
        if !enable {
            FileHandle.standardError.write(
                Data(
                    ("warning: disabling the internet endpoint of \(name) cuts off every client outside its VPCs, "
                        + "the access list's addresses included\n").utf8))
        }
        try target.confirm("\(verb) the internet endpoint of \(name)", id: name, yes: yes, action: .change)
        try await context.access.setInternetEndpoint(enabled: enable, on: target.provider)
        guard !noWait else {
            print("asked to \(verb) the internet endpoint of \(name); see it with: regconsole endpoints \(name)")
            return
        }
        let poller = TaskPoller<InstanceEndpoint>(
            read: { _ in try await target.internetEndpoint() }, isRunning: \.isChanging,
            label: { "internet endpoint of \(name): \($0.first?.status ?? "switching")" }, interval: Self.interval,
            deadline: Self.deadline)
        let settled = try await poller.wait(for: ["internet"], resume: "regconsole endpoints \(name)")
        guard let now = settled.first, now.enabled == enable else {
            throw CommandFailure(
                status: .runtime,
                description:
                    "the internet endpoint of \(name) is still \(enable ? "disabled" : "enabled") "
                    + "(\(settled.first?.status ?? "status unknown")); see it with: regconsole endpoints \(name)")
        }
        print("\(verb)d the internet endpoint of \(name) (\(now.status ?? "settled"))")
    }
}
