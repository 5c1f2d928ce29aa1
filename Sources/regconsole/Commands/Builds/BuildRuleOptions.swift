import ArgumentParser
import RegistryClient

/// The fields of a build rule, for `builds rule create` and `update`; what is not given keeps its
/// value (a list option given replaces the whole list).
struct BuildRuleOptions: ParsableArguments {
    @Option(name: .long, help: "What starts the rule: a push to a branch or a tag.")
    var pushType: BuildRule.PushType?
    @Option(name: .long, help: ArgumentHelp("The branch or tag name (main, release-*).", valueName: "name"))
    var pushName: String?
    @Option(name: .long, help: ArgumentHelp("The image tag the build pushes.", valueName: "tag"))
    var tag: String?
    @Option(name: .long, help: ArgumentHelp("The Dockerfile's directory in the source repository.", valueName: "path"))
    var dockerfileLocation: String?
    @Option(name: .long, help: ArgumentHelp("The Dockerfile's name.", valueName: "file"))
    var dockerfileName: String?
    @Option(
        name: .customLong("build-arg"),
        help: ArgumentHelp("A build argument (repeat for more).", valueName: "key=value"))
    var buildArgs: [String] = []
    @Option(
        name: .customLong("platform"),
        help: ArgumentHelp("A platform to build for (repeat for more).", valueName: "os/arch"))
    var platforms: [String] = []

    /// `rule` with the given options applied, checked as ACR would check it.
    /// - Throws: `RegistryError(.invalidReference)` (a usage error) naming the bad field.
    func applied(to rule: BuildRule) throws -> BuildRule {
        var rule = rule
        if let pushType { rule.pushType = pushType }
        if let pushName { rule.pushName = pushName }
        if let tag { rule.imageTag = tag }
        if let dockerfileLocation { rule.dockerfileLocation = dockerfileLocation }
        if let dockerfileName { rule.dockerfileName = dockerfileName }
        if !buildArgs.isEmpty { rule.buildArgs = buildArgs }
        if !platforms.isEmpty { rule.platforms = platforms }
        try rule.validate()
        return rule
    }

    /// The changes from `old` to `new`, field by field.
    static func changes(from old: BuildRule, to new: BuildRule) -> FieldChanges {
        var changes = FieldChanges()
        changes.compare("push type", old.pushType.word, new.pushType.word)
        changes.compare("push name", old.pushName, new.pushName)
        changes.compare("tag", old.imageTag, new.imageTag)
        changes.compare("dockerfile location", old.dockerfileLocation, new.dockerfileLocation)
        changes.compare("dockerfile name", old.dockerfileName, new.dockerfileName)
        changes.compare("build args", old.buildArgs.joined(separator: " "), new.buildArgs.joined(separator: " "))
        changes.compare("platforms", old.platforms.joined(separator: ","), new.platforms.joined(separator: ","))
        return changes
    }
}
