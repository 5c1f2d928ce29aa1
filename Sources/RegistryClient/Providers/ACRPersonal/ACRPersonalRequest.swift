import Foundation

/// One call of ACR Personal Edition's API (`2016-06-07`, ROA): an action on a resource path, with
/// paging or filters in the query and, for PUT and POST, a JSON body under one PascalCase wrapper
/// key (`{"Repo":{…}}`). Signed with the legacy ROA scheme.
public struct ACRPersonalRequest: Sendable {
    /// The API version every request names.
    public static let version = "2016-06-07"

    /// `GetRepoTags`, `CreateRepo`…
    public var action: String
    public var method: HTTPMethod
    /// The path's segments, unencoded (`["repos", "my-ns", "my-repo", "tags"]`).
    public var segments: [String]
    /// Raw values; encoded on the wire, sorted raw in the signature.
    public var query: [(String, String)]
    /// The JSON body, already wrapped, or nil.
    public var body: Data?

    /// Creates a call.
    public init(
        _ action: String, _ method: HTTPMethod = .get, path segments: [String], query: [(String, String)] = [],
        body: Data? = nil
    ) {
        self.action = action
        self.method = method
        self.segments = segments
        self.query = query
        self.body = body
    }

    /// A call whose body is `fields` under `wrapper` (`Repo`, `Namespace`, `Webhook`…).
    public init(
        _ action: String, _ method: HTTPMethod, path segments: [String], wrapper: String,
        fields: [String: any Sendable]
    ) throws {
        let body = try JSONSerialization.data(withJSONObject: [wrapper: fields], options: [.sortedKeys])
        self.init(action, method, path: segments, body: body)
    }

    /// `/repos/my-ns/my-repo/tags`, each segment RFC 3986-encoded (a space is `%20`).
    public var path: String {
        "/" + segments.map(ACRSigner.percentEncode).joined(separator: "/")
    }

    /// The request to send to `endpoint` (`https://cr.REGION.aliyuncs.com`), signed at `date` with
    /// `nonce`; the query goes on the wire in the order given.
    public func signed(endpoint: URL, signer: ACRROASigner, date: Date, nonce: String) throws -> HTTPRequest {
        var headers = [
            "accept": "application/json", "date": HTTPDate.format(date), "x-acs-action": action,
            "x-acs-version": Self.version, "x-acs-signature-nonce": nonce,
        ]
        if body != nil { headers["content-type"] = "application/json; charset=utf-8" }
        let wireQuery = query.map { "\(ACRSigner.percentEncode($0.0))=\(ACRSigner.percentEncode($0.1))" }
        let address =
            endpoint.absoluteString.trimmingSuffix("/") + path
            + (wireQuery.isEmpty ? "" : "?" + wireQuery.joined(separator: "&"))
        guard let url = URL(string: address) else {
            throw RegistryError(
                .invalidReference, "the path of \(action) does not make a URL", hint: "check the names used")
        }
        return HTTPRequest(
            method: method, url: url, headers: signer.sign(method: method, path: path, query: query, headers: headers),
            body: body, security: endpoint.scheme == "http" ? .insecure : .verified)
    }
}
