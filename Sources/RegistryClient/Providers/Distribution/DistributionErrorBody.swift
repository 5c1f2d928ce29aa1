import Foundation

/// The registry error body: `{"errors":[{"code":…,"message":…,"detail":…}]}`; `detail` may be any JSON.
struct DistributionErrorBody: Decodable {
    struct Entry: Decodable {
        var code: String?
        var message: String?
    }

    var errors: [Entry]?

    /// The entries of a body, empty when it is not this shape (e.g. a plain-text 404).
    static func entries(in data: Data) -> [Entry] {
        (try? JSONDecoder().decode(DistributionErrorBody.self, from: data))?.errors ?? []
    }
}
