/// One challenge from a `WWW-Authenticate` header (RFC 9110 §11.6.1).
public struct AuthChallenge: Sendable, Equatable {
    /// The authentication scheme, lowercased (`basic`, `bearer`).
    public var scheme: String
    /// Auth parameters with lowercased names (`realm`, `service`, `scope`, `error`).
    public var parameters: [String: String]

    /// Creates a challenge.
    public init(scheme: String, parameters: [String: String]) {
        self.scheme = scheme.lowercased()
        self.parameters = parameters
    }

    public var realm: String? { parameters["realm"] }
    public var service: String? { parameters["service"] }
    /// The scopes the server asked for (`scope` may hold several, space-separated).
    public var scopes: [AuthScope] {
        (parameters["scope"] ?? "").split(separator: " ").compactMap { AuthScope(String($0)) }
    }
    /// True for `error="insufficient_scope"`: the token lacks an action.
    public var isInsufficientScope: Bool { parameters["error"] == "insufficient_scope" }

    /// The challenge for messages: scheme and parameters in a fixed order, each cut to 100
    /// characters with control and format characters (escape sequences, bidi overrides) removed.
    public var summary: String {
        let names = parameters.keys.sorted { (Self.order[$0] ?? 99, $0) < (Self.order[$1] ?? 99, $1) }
        let shown = names.map { "\(Self.clean($0))=\"\(Self.clean(parameters[$0] ?? ""))\"" }
        return "\(Self.clean(scheme.prefix(1).uppercased() + scheme.dropFirst())) \(shown.joined(separator: ","))"
    }

    private static let order = ["realm": 0, "service": 1, "scope": 2, "error": 3]

    private static func clean(_ text: String) -> String {
        let kept = String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter {
                    $0.properties.generalCategory != .control && $0.properties.generalCategory != .format
                }))
        return kept.count > 100 ? String(kept.prefix(100)) + "…" : kept
    }

    /// Parses every challenge in a header value, e.g.
    /// `Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull"`.
    public static func parse(_ header: String) -> [AuthChallenge] {
        var scanner = Scanner(Array(header.unicodeScalars))
        var challenges: [AuthChallenge] = []
        while true {
            scanner.skip(while: { $0 == " " || $0 == "," })
            let scheme = scanner.token()
            guard !scheme.isEmpty else { break }
            var parameters: [String: String] = [:]
            while true {
                let mark = scanner.position
                scanner.skip(while: { $0 == " " || $0 == "," })
                let name = scanner.token()
                scanner.skip(while: { $0 == " " })
                guard !name.isEmpty, scanner.consume("=") else {
                    scanner.position = mark  // the next challenge's scheme, or the end
                    break
                }
                scanner.skip(while: { $0 == " " })
                parameters[name.lowercased()] = scanner.peek == "\"" ? scanner.quotedString() : scanner.token()
            }
            challenges.append(AuthChallenge(scheme: scheme, parameters: parameters))
        }
        return challenges
    }

    /// A tiny cursor over the header's scalars.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        mutating func skip(while predicate: (Unicode.Scalar) -> Bool) {
            while let scalar = peek, predicate(scalar) { position += 1 }
        }

        mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
            guard peek == scalar else { return false }
            position += 1
            return true
        }

        /// An RFC 9110 token (or token68, which may carry `/`, `+` and trailing `=`… minus `=`).
        mutating func token() -> String {
            var result = String.UnicodeScalarView()
            while let scalar = peek, !" ,=\"".unicodeScalars.contains(scalar) {
                result.append(scalar)
                position += 1
            }
            return String(result)
        }

        mutating func quotedString() -> String {
            position += 1  // opening quote
            var result = String.UnicodeScalarView()
            while let scalar = peek {
                position += 1
                if scalar == "\"" { break }
                if scalar == "\\", let escaped = peek {
                    position += 1
                    result.append(escaped)
                } else {
                    result.append(scalar)
                }
            }
            return String(result)
        }
    }
}
