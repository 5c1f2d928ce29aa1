import ArgumentParser
import RegistryClient

/// `--summary`, `--visibility`, `--immutable`/`--no-immutable`; what is not given keeps its current value.
struct RepositorySettingsOptions: ParsableArguments {
    @Option(name: .long, help: "One line shown in lists (ACR requires one).")
    var summary: String?
    @Option(name: .long, help: "public or private.")
    var visibility: RepositoryVisibility?
    @Flag(name: .long, inversion: .prefixedNo, help: "Whether a pushed tag can never point elsewhere.")
    var immutable: Bool?

    /// `current` with the given options applied.
    /// - Throws: `UsageError` when the result has no summary.
    func applied(to current: RepositorySettings) throws -> RepositorySettings {
        var settings = current
        settings.summary = (summary ?? current.summary).trimmingCharacters(in: .whitespaces)
        settings.visibility = visibility ?? current.visibility
        settings.tagImmutability = immutable ?? current.tagImmutability
        guard !settings.summary.isEmpty else {
            throw UsageError(description: "ACR requires a summary: pass --summary TEXT")
        }
        return settings
    }
}
