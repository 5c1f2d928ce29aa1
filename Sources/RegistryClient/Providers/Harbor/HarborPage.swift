import Foundation

/// Harbor's numbered pages: `page` from 1 and `page_size` up to 100 (more is refused with 422),
/// with the list's length in `X-Total-Count`. Harbor's `Link` header is not used: it joins
/// relative URLs with `" , "` and leaves their queries unescaped.
enum HarborPage {
    /// The largest `page_size` Harbor accepts.
    static let maxSize = 100

    /// One page for `NumberedPages`: its items and the total from `X-Total-Count`, when the header
    /// holds a non-negative integer (unpaged lists send none).
    static func page<Item: Sendable>(_ items: [Item], headers: HTTPHeaders) -> NumberedPages.Page<Item> {
        NumberedPages.Page(items: items, total: totalCount(headers))
    }

    /// The list's length from `X-Total-Count`.
    static func totalCount(_ headers: HTTPHeaders) -> Int? {
        guard let text = headers["X-Total-Count"]?.trimmingCharacters(in: .whitespaces),
            let total = Int(text), total >= 0
        else { return nil }
        return total
    }
}
