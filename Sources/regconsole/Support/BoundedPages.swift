import Foundation

/// Reads a list the server gives newest first, a page at a time, for lists that grow without
/// bound (event records, chain runs): at most `maxPages` pages, saying so on standard error when
/// it stopped there.
enum BoundedPages {
    /// The pages read, at most this many.
    static let maxPages = 20

    /// The items of the first pages, until `isLast` says a page is the last one needed.
    /// - Parameters:
    ///   - what: what the items are, for the note (`notifications`).
    ///   - narrowing: how to see older ones (`narrow with --since or --rule`).
    static func read<Item>(
        _ pages: AsyncThrowingStream<[Item], any Error>, what: String, narrowing: String,
        isLast: ([Item]) -> Bool = { _ in false }
    ) async throws -> [Item] {
        var items: [Item] = []
        var count = 0
        for try await page in pages {
            items += page
            count += 1
            if isLast(page) { return items }
            if count == maxPages {
                FileHandle.standardError.write(
                    Data("regconsole: showing the newest \(items.count) \(what) only; \(narrowing)\n".utf8))
                return items
            }
        }
        return items
    }
}
