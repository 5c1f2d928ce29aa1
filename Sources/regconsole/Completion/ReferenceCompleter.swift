import CurlHTTP
import Foundation
import Logging
import RegistryClient
import Synchronization

/// Completes a reference one segment at a time: `inst` gives `instance/`, `inst/` its namespaces
/// (`inst/ns/`), `inst/ns/` the repositories (`inst/ns/repo`), `inst/ns/repo:` the tags. Listings
/// are read live within the config's `completion_timeout_ms` and kept in the completion cache for a minute.
/// Only names the distribution grammar allows are offered, so a hostile registry cannot put control
/// characters, spaces or shell syntax on the user's command line.
struct ReferenceCompleter {
    let config: Config
    let environment: [String: String]
    /// The time allowed for the whole completion, session setup and every request included.
    var deadline: Duration { config.limits.completionTimeout }

    /// The candidates that extend `prefix`.
    func candidates(for prefix: String) async -> [String] {
        guard let slash = prefix.firstIndex(of: "/") else {
            return config.instances.map { $0.name + "/" }.filter { $0.hasPrefix(prefix) }
        }
        let instance = String(prefix[..<slash])
        guard config.instance(named: instance) != nil else { return [] }
        let path = prefix[prefix.index(after: slash)...]
        let names: [String]
        if let colon = path.lastIndex(of: ":") {
            let repository = String(path[..<colon])
            names = await listing(instance, "tags", repository) { provider in
                try await provider.tags(repository: repository).collect().map(\.name).filter(Tag.isValidName).map {
                    "\(repository):\($0)"
                }
            }
        } else if let end = path.firstIndex(of: "/") {
            let namespace = String(path[..<end])
            names = await listing(instance, "repositories", namespace) { provider in
                try await provider.repositories(namespace: namespace).collect().map(\.name).filter(
                    Repository.isValidName)
            }
        } else {
            names = await listing(instance, "namespaces", "") { provider in
                try await provider.namespaces().collect().map(\.name).filter(Repository.isValidName).map { $0 + "/" }
            }
        }
        return names.map { "\(instance)/\($0)" }.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// One listing of an instance: from the cache when fresh, else read live (and cached); empty on failure.
    private func listing(
        _ instance: String, _ kind: String, _ scope: String,
        read: @escaping @Sendable (any RegistryProvider) async throws -> [String]
    ) async -> [String] {
        let cache = CompletionCache(directory: XDGDirectories(environment: environment).cache)
        let key = [instance, kind, scope].joined(separator: "/")
        if let cached = cache.read(key) { return cached }
        let session = makeSession()
        let names = await Self.first(within: deadline) {
            try? await read(session.provider(for: instance))
        }
        if let names { cache.write(key, names) }
        return names ?? []
    }

    /// A session whose requests end before the completion's deadline and whose logs go nowhere.
    private func makeSession() -> RegistrySession {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        var transport = CurlHTTPClient.Options()
        transport.connectTimeout = deadline
        transport.requestTimeout = deadline
        let http = CurlHTTPClient(options: transport, retryPolicy: .none)
        return RegistrySession(config: config, http: http, environment: environment)
    }

    /// The result of `work`, or nil when it takes longer than `limit` (the work is left behind:
    /// the process exits once the candidates are printed).
    private static func first(
        within limit: Duration, _ work: @escaping @Sendable () async -> [String]?
    ) async -> [String]? {
        await withCheckedContinuation { continuation in
            let answer = FirstAnswer(continuation)
            Task { answer.give(await work()) }
            Task {
                try? await Task.sleep(for: limit)
                answer.give(nil)
            }
        }
    }
}

/// Resumes a continuation with the first answer given and ignores later ones.
private final class FirstAnswer: Sendable {
    private let continuation: Mutex<CheckedContinuation<[String]?, Never>?>

    init(_ continuation: CheckedContinuation<[String]?, Never>) {
        self.continuation = Mutex(continuation)
    }

    func give(_ answer: [String]?) {
        continuation.withLock { waiting in
            waiting?.resume(returning: answer)
            waiting = nil
        }
    }
}
