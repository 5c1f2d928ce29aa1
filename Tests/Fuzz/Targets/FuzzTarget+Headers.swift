import Foundation
import RegistryClient

extension FuzzTarget {
    /// A `WWW-Authenticate` value, with the scopes and flags the authenticator reads from it.
    static let authChallenge = FuzzTarget(name: "auth-challenge") { data in
        for challenge in AuthChallenge.parse(text(data)) {
            _ = (challenge.realm, challenge.service, challenge.scopes.map(\.description), challenge.isInsufficientScope)
        }
    }

    /// `Link` headers, one per input line, resolved against a paged listing's URL.
    static let link = FuzzTarget(name: "link") { data in
        let values = text(data).split(separator: "\n", omittingEmptySubsequences: false)
        let headers = HTTPHeaders(values.map { ("Link", String($0)) })
        _ = LinkHeader.next(in: headers, relativeTo: linkBase)?.absoluteString
    }

    /// A trigger URL masked for display: masking twice changes nothing, and a password in the
    /// userinfo never survives.
    static let triggerURL = FuzzTarget(name: "trigger-url") { data in
        let url = text(data)
        let masked = URLCredentialMask.mask(url)
        precondition(URLCredentialMask.mask(masked) == masked, "masking is not idempotent")
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            let authority = rest.prefix { !"/?#".contains($0) }
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                let password = authority[authority.index(after: colon)..<at]
                precondition(password.count < 4 || !masked.contains("\(password)@"), "a password survived")
            }
        }
    }

    private static let linkBase = URL(string: "https://registry.example:5000/v2/_catalog?n=100")!
}
