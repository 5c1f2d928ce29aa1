import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole instances`: configured instances and registries from the docker config, with status.
struct InstancesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instances",
        abstract: "List configured instances and registries found in the docker config, with their status.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var format: OutputOptions

    @Flag(name: .long, help: "Do not contact the registries (status shows '-').")
    var noProbe = false

    func run() async throws {
        let context = try CLIContext(global)
        let instances = await context.session.instances()
        let statuses: [String?] =
            noProbe
            ? instances.map { _ in nil }
            : try await BoundedConcurrency.map(instances, limit: 8) { instance in
                do {
                    try await context.session.provider(for: instance.name).probe()
                    return "ok"
                } catch let error as RegistryError {
                    return error.code.rawValue
                }
            }
        var records = RecordSet(columns: [
            .init(key: "name", header: "NAME"), .init(key: "kind", header: "KIND"), .init(key: "url", header: "URL"),
            .init(key: "region", header: "REGION"), .init(key: "instanceId", header: "ID"),
            .init(key: "specification", header: "SPEC"),
            .init(key: "instanceStatus", header: "INSTANCE", inTable: false),
            .init(key: "credentialSource", header: "CREDENTIALS", inTable: false),
            .init(key: "origin", header: "ORIGIN"),
            .init(key: "readOnly", header: "READ-ONLY", inTable: false),
            .init(key: "production", header: "PRODUCTION", inTable: false),
            .init(key: "insecure", header: "INSECURE", inTable: false), .init(key: "status", header: "STATUS"),
            .init(key: "error", header: "ERROR", inTable: false),
        ])
        for (instance, status) in zip(instances, statuses) {
            records.rows.append([
                .text(instance.name), .text(instance.kind.rawValue), .text(instance.url?.absoluteString),
                .text(instance.region),
                .text(instance.serverID), .text(instance.specification), .text(instance.state),
                .text(instance.credentialSource),
                .text(instance.origin.rawValue), .flag(instance.readOnly), .flag(instance.production),
                .flag(instance.insecure), .text(status),
                .text(instance.unavailableReason),
            ])
        }
        // An ACR entry whose instances could not be listed: say why, once, beside the table.
        for instance in instances {
            if let error = instance.unavailableReason {
                FileHandle.standardError.write(
                    Data("regconsole: \(Sanitizer.clean("\(instance.name): \(error)"))\n".utf8))
            }
        }
        records.print(as: format.output)
    }
}
