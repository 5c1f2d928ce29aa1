import ArgumentParser
import RegistryClient

extension RepositoryVisibility: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
    public static var allValueStrings: [String] { allCases.map { $0.rawValue.lowercased() } }
}

/// `--visibility`, `--auto-create`/`--no-auto-create`; what is not given keeps its current value.
struct NamespaceSettingsOptions: ParsableArguments {
    @Option(name: .long, help: "Visibility of repositories a push creates: public or private.")
    var visibility: RepositoryVisibility?
    @Flag(name: .long, inversion: .prefixedNo, help: "Whether a push to a missing repository creates it.")
    var autoCreate: Bool?

    /// `current` with the given options applied.
    func applied(to current: NamespaceSettings) -> NamespaceSettings {
        NamespaceSettings(
            autoCreateRepositories: autoCreate ?? current.autoCreateRepositories,
            defaultVisibility: visibility ?? current.defaultVisibility)
    }
}
