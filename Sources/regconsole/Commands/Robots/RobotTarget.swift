import Foundation
import RegistryClient
import TerminalUI

/// The instance (and project) a `robots` command names, on a provider with robot accounts
/// (Harbor); other registries get a usage error, and a command that changes something on a
/// read-only instance is refused before any request.
struct RobotTarget {
    let provider: any RobotManaging
    let instance: Instance
    /// The project of `INSTANCE/PROJECT`; nil for the instance's system robots.
    let project: String?
    /// Robot changes, recorded in the audit log.
    let changes: AuditedAdministration

    /// `INSTANCE[/PROJECT]`. With `writing`, a read-only instance is refused first.
    static func parse(_ text: String, context: CLIContext, writing verb: String? = nil) async throws -> RobotTarget {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, !name.isEmpty, parts.count == 1 || !parts[1].isEmpty,
            !(parts.count > 1 && parts[1].contains("/"))
        else { throw UsageError(description: "'\(text)' is not INSTANCE or INSTANCE/PROJECT") }
        let provider = try await context.session.provider(for: name)
        guard let robots = provider as? any RobotManaging else {
            throw UsageError(
                description:
                    "robots need a Harbor instance: \(provider.instance.name) is \(provider.instance.kind.rawValue), which has no robot accounts"
            )
        }
        if let verb { try provider.instance.requireWritable(to: verb) }
        return RobotTarget(
            provider: robots, instance: provider.instance, project: parts.count > 1 ? parts[1] : nil,
            changes: AuditedAdministration(audit: AuditLog(directories: context.directories)))
    }

    /// Robot `id` of the instance, whose name the confirmations and messages show; an unknown id
    /// says how to list them.
    func robot(_ id: Int) async throws -> RobotAccount {
        do {
            return try await provider.robot(id: id)
        } catch let error as RegistryError where error.code == .notFound {
            throw RegistryError(
                .notFound, "\(instance.name) has no robot account \(id)",
                hint: "list them with: regconsole robots list \(instance.name)[/PROJECT]")
        }
    }

    /// Prints a secret once: the secret alone on standard output (or an object with it in JSON),
    /// and on standard error what it is for and that it will not be shown again.
    static func show(_ secret: RobotSecret, _ what: String, format: OutputFormat) {
        let expiry = secret.expiresAt.map { "expires \(RFC3339.format($0))" } ?? "never expires"
        FileHandle.standardError.write(
            Data(
                "regconsole: \(what) \(Sanitizer.clean(secret.robotName)) (id \(secret.robotID), \(expiry)); its secret follows and will not be shown again\n"
                    .utf8))
        switch format {
        case .json:
            JSONValue.object([
                ("id", .number(Int64(secret.robotID))), ("name", .string(secret.robotName)),
                ("expiresAt", .date(secret.expiresAt)), ("secret", .string(secret.reveal())),
            ]).print()
        case .table, .csv:
            print(secret.reveal())
        }
    }
}
