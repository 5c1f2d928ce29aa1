import ArgumentParser
import RegistryClient

extension TagOrder: ExpressibleByArgument {}

/// `regconsole tags REPO [--long] [--sort …]`.
struct TagsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags", abstract: "List the tags of a repository.",
        discussion:
            "Sort orders: name (A-Z), semver (oldest version first, other tags after), created (newest first), size (largest first)."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("INSTANCE/NAMESPACE/NAME or HOST[:PORT]/NAME.", valueName: "repo"),
        completion: Completions.reference)
    var repository: String
    @Flag(name: [.short, .long], help: "Also show digest, size, created time and platforms of every tag.")
    var long = false
    @Option(name: .long, help: "Sort by name, semver, created or size.")
    var sort: TagOrder = .name
    @Option(name: .long, help: "Parallel requests when fetching details.")
    var concurrency = 16
    @OptionGroup var referrers: ReferrerTagOptions
    @OptionGroup var format: OutputOptions

    func validate() throws {
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 256") }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let (provider, reference) = try await context.repository(repository)
        var tags = try await provider.tags(repository: reference.repository).collect()
        let listed = tags.count
        if !referrers.all { tags.removeAll(where: \.isReferrersTag) }
        var failures: [String] = []
        if long || sort.needsDetails {
            (tags, failures) = try await Self.fillDetails(
                tags, repository: reference.repository, provider: provider, concurrency: concurrency)
        }
        tags = sort.sorted(tags)
        records(tags).print(as: format.output)
        referrers.noteHidden(listed - tags.count, format: format.output)
        let invalid = tags.filter { !$0.hasValidName }.count
        if !failures.isEmpty {
            let reason =
                invalid == failures.count
                ? "\(invalid) tag(s) were not read: their names are outside the distribution grammar (see the problem column)"
                : "details of \(failures.count) tag(s) could not be read: \(failures.prefix(3).joined(separator: "; "))"
            throw CommandFailure(status: .runtime, description: reason)
        }
    }

    /// What the `problem` column says about a tag whose name is outside the grammar.
    static let invalidNameMarker = "⚠ invalid tag name, not requested"

    /// The rows; a `problem` column appears when some tag has an invalid name (never requested).
    private func records(_ tags: [Tag]) -> RecordSet {
        var records: RecordSet
        if long {
            records = RecordSet(columns: [
                .init(key: "name", header: "TAG"), .init(key: "digest", header: "DIGEST"),
                .init(key: "mediaType", header: "MEDIA TYPE", inTable: false),
                .init(key: "size", header: "SIZE", alignRight: true),
                .init(key: "created", header: "CREATED"), .init(key: "platforms", header: "PLATFORMS"),
            ])
            records.rows = tags.map { tag in
                let details = tag.details
                return [
                    .text(tag.name), .text(details?.digest.description), .text(details?.mediaType),
                    .bytes(details?.size),
                    .date(details?.created), .list(details?.platforms.map(\.description) ?? []),
                ]
            }
        } else {
            records = RecordSet(columns: [.init(key: "name", header: "TAG")])
            records.rows = tags.map { [.text($0.name)] }
        }
        guard tags.contains(where: { !$0.hasValidName }) else { return records }
        records.columns.append(.init(key: "problem", header: "PROBLEM"))
        for index in tags.indices {
            records.rows[index].append(.text(tags[index].hasValidName ? nil : Self.invalidNameMarker))
        }
        return records
    }

    /// Fetches details of every tag, `concurrency` at a time over reused connections. Errors that
    /// concern the whole registry (auth, network) stop the command; a broken tag is reported.
    static func fillDetails(
        _ tags: [Tag], repository: String, provider: any RegistryProvider, concurrency: Int
    ) async throws -> ([Tag], [String]) {
        let progress = ProgressLine("reading tag details", total: tags.count)
        defer { progress.finish() }
        let results = try await BoundedConcurrency.map(tags, limit: concurrency) {
            tag -> Result<TagDetails, RegistryError> in
            defer { progress.advance() }
            if let details = tag.details, details.hasManifestFacts { return .success(details) }
            do {
                // No request for a name outside the grammar, not even by its listed digest.
                try Tag.requireValidName(tag.name)
                // A listed digest (ACR) saves resolving the tag again.
                var details = try await provider.tagDetails(
                    repository: repository, tag: tag.details?.digest.description ?? tag.name)
                details.updated = details.updated ?? tag.details?.updated
                return .success(details)
            } catch let error as RegistryError
                where [.notFound, .invalidResponse, .digestMismatch, .invalidReference].contains(error.code)
            {
                return .failure(error)
            }
        }
        var failures: [String] = []
        let filled = zip(tags, results).map { tag, result in
            var tag = tag
            switch result {
            case .success(let details): tag.details = details
            case .failure(let error): failures.append("\(tag.name): \(error.message)")
            }
            return tag
        }
        return (filled, failures)
    }
}
