import ArgumentParser
import RegistryClient

/// `regconsole sync rule create INSTANCE --name N --scope repo|namespace|instance --target INSTANCE[/NS[/REPO]] …`.
struct SyncRuleCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a sync rule to another instance of the config and print its id.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance images are copied from.", completion: Completions.instance)
    var instance: String
    @Option(name: .long, help: "The rule's name.")
    var name: String
    @Option(name: .long, help: "What the rule covers: one repository, a namespace, or the whole instance.")
    var scope: SyncRule.Scope
    @Option(
        name: .long,
        help: ArgumentHelp("The namespace (namespace scope) or repository (repo scope) copied.", valueName: "ns[/name]")
    )
    var source: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Another configured ACR instance, and the namespace or repository the copies land in.",
            valueName: "instance[/ns[/name]]"))
    var target: String
    @Option(name: .long, help: ArgumentHelp("Only tags matching this regular expression in full.", valueName: "regex"))
    var tagFilter = ".*"
    @Option(name: .long, help: ArgumentHelp("Only namespaces matching this (instance scope).", valueName: "regex"))
    var namespaceFilter: String?
    @Option(
        name: .long,
        help: ArgumentHelp("Only repositories matching this (instance, namespace scope).", valueName: "regex"))
    var repositoryFilter: String?
    @Flag(name: .long, help: "Copy only when run (`sync run`), not on every push.")
    var manual = false
    @Option(name: .long, help: ArgumentHelp("1 (lowest) to 5.", valueName: "n"))
    var priority: Int?

    func run() async throws {
        let context = try CLIContext(global)
        let origin = try await DeliveryTarget.sync(instance, context: context, writing: "create sync rules")
        let (sourceNamespace, sourceRepository) = try Self.names(source, option: "--source")
        let targetParts = target.split(separator: "/", maxSplits: 1).map(String.init)
        let (targetNamespace, targetRepository) = try Self.names(
            targetParts.count > 1 ? targetParts[1] : nil, option: "--target")
        let destination = try await Self.instance(named: targetParts.first ?? "", context: context)
        let rule = SyncRule(
            name: name, scope: scope, trigger: manual ? .manual : .automatic, tagFilter: tagFilter,
            namespaceFilter: namespaceFilter, repositoryFilter: repositoryFilter,
            source: ReplicaLocation(
                region: origin.instance.region, instanceID: origin.instance.serverID, namespace: sourceNamespace,
                repository: sourceRepository),
            target: ReplicaLocation(
                region: destination.region, instanceID: destination.serverID, namespace: targetNamespace,
                repository: targetRepository),
            priority: priority)
        try rule.validate()
        let id = try await context.replication.createSyncRule(rule, on: origin.provider)
        print(id)
    }

    /// `NS` or `NS/NAME` split into its names.
    private static func names(_ text: String?, option: String) throws -> (String?, String?) {
        guard let text else { return (nil, nil) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, !parts.contains(where: \.isEmpty) else {
            throw UsageError(description: "\(option) '\(text)' is not NAMESPACE or NAMESPACE/NAME after the instance")
        }
        return (parts[0], parts.count == 2 ? parts[1] : nil)
    }

    /// The configured instance `name`, with the region and server id a rule's target needs.
    private static func instance(named name: String, context: CLIContext) async throws -> Instance {
        let instances = await context.session.instances()
        guard let found = instances.first(where: { $0.name == name }) else {
            let known = instances.filter { $0.kind == .acr && $0.serverID != nil }.map(\.name)
            throw UsageError(
                description: "the target '\(name)' is not an instance of the config; ACR instances: "
                    + known.joined(separator: ", "))
        }
        guard found.region != nil, found.serverID != nil else {
            let why =
                found.unavailableReason ?? (found.isACRPersonal ? "it is ACR Personal Edition" : found.kind.rawValue)
            throw UsageError(description: "the target '\(name)' is not an ACR Enterprise instance (\(why))")
        }
        return found
    }
}

extension SyncRule.Scope: ExpressibleByArgument {
    /// `repo`, `namespace` or `instance`.
    public init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.word == argument.lowercased() }) else { return nil }
        self = match
    }

    public static var allValueStrings: [String] { allCases.map(\.word) }
}
