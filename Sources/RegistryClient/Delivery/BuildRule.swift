/// How a repository builds images from its bound source repository: which branch or tag, which
/// Dockerfile, which image tag and platforms.
public struct BuildRule: Sendable, Hashable, Identifiable {
    /// What kind of source reference starts the rule.
    public enum PushType: String, Sendable, CaseIterable {
        case branch = "GIT_BRANCH"
        case tag = "GIT_TAG"
    }

    /// The server's id (`crbr-…`); empty for a rule not yet created.
    public var id: String
    public var pushType: PushType
    /// The branch or tag name (`main`, `release-*`).
    public var pushName: String
    /// The image tag the build pushes (`v1.2`, `latest`).
    public var imageTag: String
    /// The Dockerfile's directory in the source repository (`/`).
    public var dockerfileLocation: String
    public var dockerfileName: String
    /// `KEY=VALUE` build arguments.
    public var buildArgs: [String]
    /// `linux/amd64` and friends; empty means the server's default.
    public var platforms: [String]

    /// The platforms ACR builds for.
    public static let knownPlatforms = ["linux/amd64", "linux/arm64", "linux/386", "linux/arm/v7", "linux/arm/v6"]

    /// Creates a rule.
    public init(
        id: String = "", pushType: PushType = .branch, pushName: String = "main", imageTag: String = "latest",
        dockerfileLocation: String = "/", dockerfileName: String = "Dockerfile", buildArgs: [String] = [],
        platforms: [String] = ["linux/amd64"]
    ) {
        self.id = id
        self.pushType = pushType
        self.pushName = pushName
        self.imageTag = imageTag
        self.dockerfileLocation = dockerfileLocation
        self.dockerfileName = dockerfileName
        self.buildArgs = buildArgs
        self.platforms = platforms
    }

    /// Checks what the server would refuse, in words a form can show.
    /// - Throws: `RegistryError(.invalidReference)` naming the field.
    public func validate() throws {
        func refuse(_ what: String, _ hint: String) -> RegistryError {
            RegistryError(.invalidReference, what, hint: hint)
        }
        if pushName.trimmingCharacters(in: .whitespaces).isEmpty {
            throw refuse("a build rule needs a branch or tag name", "e.g. main")
        }
        try Tag.requireValidName(imageTag)
        if let unknown = platforms.first(where: { !Self.knownPlatforms.contains($0) }) {
            throw refuse(
                "'\(unknown)' is not a platform ACR builds", "use \(Self.knownPlatforms.joined(separator: ", "))")
        }
        if let argument = buildArgs.first(where: { !$0.contains("=") || $0.hasPrefix("=") }) {
            throw refuse("build argument '\(argument)' is not KEY=VALUE", "e.g. VERSION=1.2")
        }
    }
}
