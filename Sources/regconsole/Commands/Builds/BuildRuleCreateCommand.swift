import ArgumentParser
import RegistryClient

/// `regconsole builds rule create REPO --push-type branch|tag --push-name NAME --tag TAG …`.
struct BuildRuleCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a build rule and print its id.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @OptionGroup var fields: BuildRuleOptions

    func validate() throws {
        let missing = [
            fields.pushType == nil ? "--push-type" : nil, fields.pushName == nil ? "--push-name" : nil,
            fields.tag == nil ? "--tag" : nil,
        ].compactMap { $0 }
        guard missing.isEmpty else {
            throw ValidationError("a new build rule needs \(missing.joined(separator: ", "))")
        }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let rule = try fields.applied(to: BuildRule())
        let repository = try await DeliveryTarget.builds(target, context: context, writing: "create build rules")
        let id = try await context.delivery.saveBuildRule(
            rule, repository: repository.repository, on: repository.provider)
        print(id)
    }
}
