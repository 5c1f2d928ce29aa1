/// Runs async work over a collection with at most `limit` tasks in flight.
public enum BoundedConcurrency {
    /// Calls `body` for every element, `limit` at a time, and returns results in input order.
    /// The first error cancels the rest and is rethrown.
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], limit: Int, _ body: @escaping @Sendable (Element) async throws -> Result
    ) async throws -> [Result] {
        var results = [Result?](repeating: nil, count: elements.count)
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            func startNext() {
                guard next < elements.count else { return }
                let index = next
                let element = elements[index]
                group.addTask { (index, try await body(element)) }
                next += 1
            }
            for _ in 0..<max(1, limit) { startNext() }
            while let (index, result) = try await group.next() {
                results[index] = result
                startNext()
            }
        }
        return results.map { $0! }
    }
}
