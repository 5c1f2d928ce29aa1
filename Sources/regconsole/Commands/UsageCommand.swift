import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole usage INSTANCE[/NAMESPACE] [--storage]`: quotas used and their limits (ACR), or the
/// storage view computed from tag sizes and manifests.
struct UsageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Quotas used / limit (ACR, Harbor), or with --storage bytes per namespace and repository.",
        discussion: """
            Quotas come from the registry (ACR's instance usage, Harbor's storage quota per project); above
            80 % a row is marked. The storage
            view is computed by regconsole from every tag's manifest: blobs shared between tags count
            once; where a registry lists only an image's size (ACR), that size is used and the row is
            marked estimated unless --layers reads the manifests. Registries without quotas show the
            storage view.
            """)

    /// How storage rows are ordered.
    enum Order: String, ExpressibleByArgument, CaseIterable {
        case size
        case name
    }

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp(
            "INSTANCE, or INSTANCE/NAMESPACE for the storage of one namespace.",
            valueName: "instance[/namespace]"))
    var scope: String
    @Flag(help: "Bytes per namespace and repository instead of quotas.")
    var storage = false
    @Flag(help: "Read every manifest, so layers shared between tags count once even where the registry lists sizes.")
    var layers = false
    @Option(help: "Storage order: size (largest first) or name.")
    var sort: Order = .size
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let parts = scope.split(separator: "/", maxSplits: 1).map(String.init)
        guard let locator = parts.first, !locator.isEmpty else {
            throw UsageError(description: "give INSTANCE or INSTANCE/NAMESPACE")
        }
        let namespace = parts.count > 1 ? parts[1] : nil
        let provider = try await context.session.provider(for: locator)
        if !storage, namespace == nil, let quotas = provider as? any UsageReporting {
            try await printQuotas(quotas)
        } else {
            try await printStorage(provider, namespace: namespace)
        }
    }

    private func printQuotas(_ provider: any UsageReporting) async throws {
        let quotas = try await provider.quotaUsage()
        let scoped = quotas.contains { $0.scope != nil }
        var records = RecordSet(
            columns: [
                .init(key: "resource", header: "RESOURCE"),
                .init(key: "namespace", header: "NAMESPACE", inTable: scoped),
                .init(key: "used", header: "USED", alignRight: true),
                .init(key: "quota", header: "QUOTA", alignRight: true),
                .init(key: "share", header: "USED %", alignRight: true, onlyInTable: true),
                .init(key: "warning", header: "", onlyInTable: true),
            ], omitsAbsent: true)
        for quota in quotas {
            let figure: (Int?) -> RecordSet.Value = { value in
                quota.isBytes ? .bytes(value.map(Int64.init)) : .integer(value.map(Int64.init))
            }
            records.rows.append([
                .text(quota.resource.rawValue), .text(quota.scope), figure(quota.used), figure(quota.quota),
                .text(quota.share.map { String(format: "%.0f %%", $0 * 100) }),
                .text(quota.isNearLimit ? "⚠ above 80 %" : ""),
            ])
        }
        records.print(as: format.output)
    }

    private func printStorage(_ provider: any RegistryProvider, namespace: String?) async throws {
        let progress = ProgressLine("reading repositories", total: 0)
        let estimate = try await StorageEstimate.load(
            provider: provider, namespace: namespace, layers: layers,
            progress: { done, total in progress.report(done, of: total) })
        progress.finish()
        let order: StorageOrder = sort == .size ? .bytes : .name
        var records = RecordSet(
            columns: [
                .init(key: "namespace", header: "NAMESPACE"), .init(key: "repository", header: "REPOSITORY"),
                .init(key: "tags", header: "TAGS", alignRight: true),
                .init(key: "bytes", header: "SIZE", alignRight: true),
                .init(key: "estimated", header: "ESTIMATED"),
            ], omitsAbsent: true)
        for row in order.sorted(estimate.namespaces) where namespace == nil {
            records.rows.append([
                .text(row.namespace), .text(nil), .integer(Int64(row.tagCount)), .bytes(row.bytes),
                .flag(row.estimated),
            ])
        }
        for row in order.sorted(estimate.repositories) {
            records.rows.append([
                .text(row.namespace), .text(row.repository), .integer(Int64(row.tagCount)), .bytes(row.bytes),
                .flag(row.estimated),
            ])
        }
        records.print(as: format.output)
        let estimated = estimate.repositories.filter(\.estimated).count
        if format.output == .table, estimated > 0 {
            FileHandle.standardError.write(
                Data(
                    ("regconsole: \(estimated) of \(estimate.repositories.count) repositories are estimates "
                        + "(sizes as listed, layers shared between tags may count twice; --layers reads the manifests)\n")
                        .utf8))
        }
        if estimate.truncated {
            FileHandle.standardError.write(
                Data("regconsole: more repositories or tags than the view reads; figures are lower bounds\n".utf8))
        }
    }
}
