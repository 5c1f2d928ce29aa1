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

    /// A trigger URL masked for display: masking twice changes nothing, and a URL's userinfo
    /// comes out as `user:***` or `***`.
    static let triggerURL = FuzzTarget(name: "trigger-url") { data in
        let url = text(data)
        let masked = URLCredentialMask.mask(url)
        precondition(URLCredentialMask.mask(masked) == masked, "masking is not idempotent")
        guard let original = userinfo(url) else { return }
        let user = original.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
        precondition(
            userinfo(masked) == (original.contains(":") ? "\(user):***" : "***"), "the userinfo was not masked")
    }

    /// The userinfo of `scheme://userinfo@host…`, if any.
    private static func userinfo(_ url: String) -> Substring? {
        guard let scheme = url.range(of: "://") else { return nil }
        let authority = url[scheme.upperBound...].prefix { !"/?#".contains($0) }
        return authority.lastIndex(of: "@").map { authority[..<$0] }
    }

    private static let linkBase = URL(string: "https://registry.example:5000/v2/_catalog?n=100")!
}
