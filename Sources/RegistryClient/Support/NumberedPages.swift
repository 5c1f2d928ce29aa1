/// Lists that page by number (ACR's `PageNo`/`Page`): the first page says how many items exist, the
/// rest are fetched a few at a time and yielded in order. Without a total, pages follow one another
/// until a short one. A list longer than `maxPages` pages is refused: a server that never stops is
/// bounded by more than the request deadline.
enum NumberedPages {
    /// One page's items and, when the server says, how many items the whole list has.
    struct Page<Item: Sendable>: Sendable {
        var items: [Item]
        var total: Int?
    }

    /// The items of pages 1, 2, … as `fetch` reads them, in page order.
    /// - Parameter tooMany: the error thrown when the list would pass `maxPages`.
    static func stream<Item: Sendable>(
        pageSize: Int, concurrency: Int, maxPages: Int, tooMany: @escaping @Sendable () -> any Error,
        fetch: @escaping @Sendable (Int) async throws -> Page<Item>
    ) -> AsyncThrowingStream<[Item], any Error> {
        .producing { continuation in
            let first = try await fetch(1)
            if !first.items.isEmpty { continuation.yield(first.items) }
            guard first.items.count == pageSize else { return }
            guard let total = first.total else {
                for number in 2...max(2, maxPages) {
                    let next = try await fetch(number)
                    if !next.items.isEmpty { continuation.yield(next.items) }
                    if next.items.count < pageSize { return }
                }
                throw tooMany()
            }
            let last = (total + pageSize - 1) / pageSize
            guard last <= maxPages else { throw tooMany() }
            for start in stride(from: 2, through: last, by: concurrency) {
                let window = try await BoundedConcurrency.map(
                    Array(start...min(start + concurrency - 1, last)), limit: concurrency, fetch)
                for result in window where !result.items.isEmpty { continuation.yield(result.items) }
                if window.last.map({ $0.items.count < pageSize }) ?? true { return }
            }
        }
    }
}
