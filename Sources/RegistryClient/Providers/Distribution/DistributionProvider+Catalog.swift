import Foundation
import Synchronization

extension DistributionProvider {
    private struct CatalogPage: Decodable, Sendable {
        var repositories: [String]?
    }

    /// The catalog (`/v2/_catalog`), page by page. Registry 2.8 rejects `n` above its
    /// `maxentries` (default 1000), so that is the page size asked for.
    func catalog() -> AsyncThrowingStream<[String], any Error> {
        let call = DistributionAPI.Call(
            target: .path("/v2/_catalog", query: [URLQueryItem(name: "n", value: "1000")]), scopes: [.catalog],
            operation: "listing repositories (GET /v2/_catalog)")
        return pages(first: call, decode: CatalogPage.self) { $0.repositories ?? [] }
    }

    public func repositories(namespace: String?) -> AsyncThrowingStream<[Repository], any Error> {
        let instanceName = instance.name
        return catalog().mapPages { names in
            names.filter { namespace == nil || Namespace.of(repository: $0) == namespace }
                .map { Repository(instance: instanceName, name: $0) }
        }
    }

    public func namespaces() -> AsyncThrowingStream<[Namespace], any Error> {
        let instanceName = instance.name
        let counts = NamespaceCounter()
        return catalog().mapPages { names in
            counts.add(names).map { Namespace(instance: instanceName, name: $0.name, repositoryCount: $0.count) }
        }
    }
}

/// Running repository counts per namespace across catalog pages.
private final class NamespaceCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// Adds a page of repository names; returns the namespaces it touched with their new totals.
    func add(_ names: [String]) -> [(name: String, count: Int)] {
        counts.withLock { counts in
            var touched: [String] = []
            var seen: Set<String> = []
            for name in names {
                let namespace = Namespace.of(repository: name)
                if seen.insert(namespace).inserted { touched.append(namespace) }
                counts[namespace, default: 0] += 1
            }
            return touched.map { (name: $0, count: counts[$0] ?? 0) }
        }
    }
}
