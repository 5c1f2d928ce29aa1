import Foundation

/// A complete HTTP response.
public struct HTTPResponse: Sendable {
    /// The status code of the final response (after redirects).
    public var status: Int
    /// Header fields of the final response.
    public var headers: HTTPHeaders
    /// The body; empty for HEAD.
    public var body: Data
    /// The URL that produced the final response.
    public var url: URL

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data(), url: URL) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
