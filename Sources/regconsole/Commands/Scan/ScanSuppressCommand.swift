import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole scan suppress IMAGE|REPO --cve ID --reason … --owner … [--expires DATE]`.
struct ScanSuppressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppress",
        abstract:
            "Mark a vulnerability as not affecting, or accepted for, an image, repository, namespace or instance.",
        discussion:
            "Suppressions are stored per instance in $XDG_DATA_HOME/regconsole/<instance>/suppressions.json; every change goes to the audit log."
    )

    enum Scope: String, ExpressibleByArgument, CaseIterable { case image, repository, namespace, instance }

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("An image (INSTANCE/REPO:TAG) or a repository.", valueName: "target"),
        completion: Completions.reference)
    var target: String
    @Option(name: .long, help: "The vulnerability id (CVE-…, GHSA-…).")
    var cve: String
    @Option(name: .long, help: "Only this package (default: every package).")
    var package: String?
    @Option(
        name: .long, help: "image (default for an image), repository (default for a repository), namespace or instance."
    )
    var scope: Scope?
    @Option(name: .long, help: "not-affected or accepted.")
    var status: String = "not-affected"
    @Option(name: .long, help: "OpenVEX justification for not-affected (e.g. vulnerable_code_not_in_execute_path).")
    var justification: String?
    @Option(name: .long, help: "Why.")
    var reason: String
    @Option(name: .long, help: "Who decided (default: $USER).")
    var owner: String?
    @Option(
        name: .long,
        help: ArgumentHelp("When it runs out: YYYY-MM-DD or RFC 3339 (default: 90 days).", valueName: "date"))
    var expires: String?

    func run() async throws {
        let context = try CLIContext(global)
        let reference = try Reference.parse(target)
        let provider = try await context.session.provider(for: reference)
        let chosen = scope ?? ((reference.tag != nil || reference.digest != nil) ? .image : .repository)
        let suppressionScope: Suppression.Scope
        switch chosen {
        case .image:
            guard let identifier = reference.manifestIdentifier else {
                throw UsageError(description: "--scope image needs an image with :tag or @digest")
            }
            guard let digest = try await provider.currentDigest(repository: reference.repository, tag: identifier)
            else {
                throw RegistryError(.notFound, "'\(reference)' does not exist")
            }
            suppressionScope = .artifact(repository: reference.repository, digest: digest)
        case .repository: suppressionScope = .repository(reference.repository)
        case .namespace: suppressionScope = .namespace(Namespace.of(repository: reference.repository))
        case .instance: suppressionScope = .instance
        }
        guard let parsedStatus = Suppression.Status(rawValue: status.replacingOccurrences(of: "-", with: "_")) else {
            throw UsageError(description: "--status is not-affected or accepted")
        }
        let expiry = try expires.map(Self.date) ?? Date().addingTimeInterval(90 * 86400)
        let suppression = Suppression(
            vulnerability: cve, package: package, scope: suppressionScope, status: parsedStatus,
            justification: justification, reason: reason,
            owner: owner ?? context.environment["USER"] ?? "unknown", expires: expiry)
        try SuppressionStore(instance: provider.instance.name, directories: context.directories).add(suppression)
        print(
            "suppressed \(cve)\(package.map { " in \($0)" } ?? "") for \(suppressionScope) on \(provider.instance.name) until \(RFC3339.format(expiry)) (id \(suppression.id))"
        )
    }

    /// `2025-12-31` (end of that day, UTC) or RFC 3339.
    static func date(_ text: String) throws -> Date {
        if let date = RFC3339.parse(text) { return date }
        if let day = RFC3339.parse(text + "T23:59:59Z") { return day }
        throw UsageError(description: "--expires '\(text)' is not YYYY-MM-DD or RFC 3339")
    }
}
