extension AsyncThrowingStream where Failure == any Error {
    /// A stream fed by `produce` in a task of its own: it finishes when `produce` returns, fails
    /// with what it throws, and the task is cancelled when the consumer stops listening.
    public static func producing(
        _ produce: @escaping @Sendable (Continuation) async throws -> Void
    ) -> AsyncThrowingStream {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await produce(continuation)
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// A stream of pages transformed one by one; empty results are skipped.
    public func mapPages<Output: Sendable>(
        _ transform: @escaping @Sendable (Element) -> [Output]
    ) -> AsyncThrowingStream<[Output], any Error>
    where Element: Sendable {
        let upstream = self
        return .producing { continuation in
            for try await page in upstream {
                let mapped = transform(page)
                if !mapped.isEmpty { continuation.yield(mapped) }
            }
        }
    }

    /// Every page concatenated, in order.
    public func collect<Item>() async throws -> [Item] where Element == [Item] {
        var all: [Item] = []
        for try await page in self { all += page }
        return all
    }

    /// The first `limit` items, and whether the stream held more (it is not read further).
    public func collect<Item>(limit: Int) async throws -> (items: [Item], truncated: Bool) where Element == [Item] {
        var all: [Item] = []
        for try await page in self {
            all += page
            if all.count > limit { return (Array(all.prefix(limit)), true) }
        }
        return (all, false)
    }
}
