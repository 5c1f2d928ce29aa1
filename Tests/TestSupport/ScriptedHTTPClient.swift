import Foundation
import RegistryClient
import Synchronization
import Testing

/// An `HTTPClient` that plays a script: each request must match the next expected exchange (method,
/// URL and header checks) and gets its scripted answer. Every request is recorded; one the script
/// does not expect fails the test and the request.
public final class ScriptedHTTPClient: HTTPClient {
    /// A check on one header of a request.
    public enum HeaderCheck: Sendable, CustomStringConvertible {
        /// The header is present with exactly this value.
        case equals(String, String)
        /// The header is present.
        case present(String)
        /// The header is absent.
        case absent(String)

        func holds(for headers: HTTPHeaders) -> Bool {
            switch self {
            case .equals(let name, let value): headers[name] == value
            case .present(let name): headers[name] != nil
            case .absent(let name): headers[name] == nil
            }
        }

        public var description: String {
            switch self {
            case .equals(let name, let value): "\(name): \(value)"
            case .present(let name): "\(name) present"
            case .absent(let name): "\(name) absent"
            }
        }
    }

    /// One expected request and the answer to it.
    public struct Exchange: Sendable {
        var method: HTTPMethod
        var url: String
        var checks: [HeaderCheck]
        var status: Int
        var headers: HTTPHeaders
        var body: Data

        /// Expects `method url`, where `url` is absolute (`https://host/v2/?n=1`) or a path with its
        /// query (`/v2/_catalog?n=1000`, matching any origin), and answers `status`, `headers`, `body`.
        public init(
            _ method: HTTPMethod, _ url: String, checks: [HeaderCheck] = [], status: Int = 200,
            headers: HTTPHeaders = [:],
            body: String = ""
        ) {
            self.method = method
            self.url = url
            self.checks = checks
            self.status = status
            self.headers = headers
            self.body = Data(body.utf8)
        }

        /// The same answer to another expected request.
        public func expecting(_ url: String, checks: [HeaderCheck] = []) -> Exchange {
            var exchange = self
            exchange.url = url
            exchange.checks = checks
            return exchange
        }

        /// The same expected request with another answer.
        public func answering(status: Int, headers: HTTPHeaders = [:], body: String = "") -> Exchange {
            var exchange = self
            exchange.status = status
            exchange.headers = headers
            exchange.body = Data(body.utf8)
            return exchange
        }

        func matches(_ request: HTTPRequest) -> Bool {
            let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
            let target =
                url.contains("://")
                ? request.url.absoluteString
                : (components?.percentEncodedPath ?? "") + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")
            return request.method == method && target == url && checks.allSatisfy { $0.holds(for: request.headers) }
        }
    }

    private struct State {
        var script: [Exchange]
        var requests: [HTTPRequest] = []
    }

    private let state: Mutex<State>

    /// A client that expects exactly `script`, in order.
    public init(_ script: [Exchange]) {
        state = Mutex(State(script: script))
    }

    /// Every request received, in order.
    public var requests: [HTTPRequest] { state.withLock { $0.requests } }

    /// Expected exchanges that have not happened yet.
    public var remaining: Int { state.withLock { $0.script.count } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let next = state.withLock { state -> Exchange? in
            state.requests.append(request)
            guard let first = state.script.first, first.matches(request) else { return nil }
            state.script.removeFirst()
            return first
        }
        guard let next else {
            let expected =
                state.withLock { $0.script.first }.map { "\($0.method.rawValue) \($0.url) \($0.checks)" } ?? "nothing"
            let headers = request.headers.map { "\($0.name): \($0.value)" }.joined(separator: "; ")
            Issue.record(
                "unexpected \(request.method.rawValue) \(request.url.absoluteString) [\(headers)]; expected \(expected)"
            )
            throw HTTPTransportError(kind: .other, host: request.url.host ?? "", detail: "unexpected request")
        }
        return HTTPResponse(status: next.status, headers: next.headers, body: next.body, url: request.url)
    }
}
