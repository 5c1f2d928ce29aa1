import ArgumentParser
import RegistryClient

/// The fields of a trigger, for `triggers create` and `update`; what is not given keeps its value.
struct TriggerOptions: ParsableArguments {
    @Option(name: .long, help: "The trigger's name.")
    var name: String?
    @Option(name: .long, help: ArgumentHelp("The http(s) URL to call; shown masked.", valueName: "url"))
    var url: String?
    @Option(name: .long, help: ArgumentHelp("Which built tags fire it: all, tags or regexp.", valueName: "type"))
    var type: String?
    @Option(
        name: .long,
        help: ArgumentHelp("With --type tags: T1,T2; with --type regexp: the expression.", valueName: "tags|regexp"))
    var tags: String?

    /// `trigger` with the given options applied, checked before anything is sent.
    /// - Throws: `RegistryError(.invalidReference)` (a usage error) naming the bad field, the URL masked.
    func applied(to trigger: RepositoryTrigger) throws -> RepositoryTrigger {
        var trigger = trigger
        if let name { trigger.name = name }
        if let url { trigger.url = url }
        let kind = type ?? trigger.match.kind
        if kind.lowercased() == "all", tags != nil {
            throw UsageError(description: "--tags goes with --type tags or --type regexp")
        }
        if type != nil || tags != nil {
            let keepsText = kind.lowercased() == trigger.match.kind && trigger.match != .allTags
            trigger.match = try RepositoryTrigger.Match(
                kind: kind, text: tags ?? (keepsText ? trigger.match.text : ""))
        }
        try trigger.validate()
        return trigger
    }

    /// Checks what can be checked without the trigger's current fields: the URL, and the tags or
    /// expression when the type is given too.
    /// - Throws: `RegistryError(.invalidReference)` (a usage error).
    func checkGiven() throws {
        if let url { try RepositoryTrigger.requireWebURL(url) }
        if let type, let tags { _ = try RepositoryTrigger.Match(kind: type, text: tags) }
    }

    /// The changes from `old` to `new`, field by field, URLs masked.
    static func changes(from old: RepositoryTrigger, to new: RepositoryTrigger) -> FieldChanges {
        var changes = FieldChanges()
        changes.compare("name", old.name, new.name)
        changes.compare("url", old.maskedURL, new.maskedURL)
        if old.url != new.url, old.maskedURL == new.maskedURL {
            changes.compare("url credentials", "***", "*** (changed)")
        }
        changes.compare("type", old.match.kind, new.match.kind)
        changes.compare("tags", old.match.text, new.match.text)
        return changes
    }

    /// Runs `call`, hiding `url`'s credentials from any error it throws (a server may echo it).
    static func masking<Result>(_ url: String, _ call: () async throws -> Result) async throws -> Result {
        do {
            return try await call()
        } catch var error as RegistryError where !url.isEmpty {
            let masked = URLCredentialMask.mask(url)
            error.message = error.message.replacingOccurrences(of: url, with: masked)
            error.hint = error.hint?.replacingOccurrences(of: url, with: masked)
            throw error
        }
    }
}
