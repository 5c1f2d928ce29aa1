extension AsyncThrowingStream where Failure == any Error {
    /// A stream of pages transformed one by one; empty results are skipped.
    public func mapPages<Output: Sendable>(_ transform: @escaping @Sendable (Element) -> [Output]) -> AsyncThrowingStream<[Output], any Error>
    where Element: Sendable {
        let upstream = self
        return AsyncThrowingStream<[Output], any Error> { continuation in
            let task = Task {
                do {
                    for try await page in upstream {
                        let mapped = transform(page)
                        if !mapped.isEmpty { continuation.yield(mapped) }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Every page concatenated, in order.
    public func collect<Item>() async throws -> [Item] where Element == [Item] {
        var all: [Item] = []
        for try await page in self { all += page }
        return all
    }
}
